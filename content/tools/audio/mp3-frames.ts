// Reads MPEG audio Layer III frame headers and the LAME/Xing "Info" tag: lengths and gapless trims, without decoding.

/** kbps by bitrate index: MPEG-1 Layer III, then MPEG-2/2.5 Layer III. */
const BITRATES = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
} as const;
const SAMPLE_RATES: Record<number, readonly number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export interface FrameHeader {
  /** 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5 (the header's version bits). */
  readonly version: number;
  readonly bitrateKbps: number;
  readonly sampleRate: number;
  readonly mono: boolean;
  /** Bytes in the frame, header included. */
  readonly length: number;
  readonly samplesPerFrame: number;
  /** Bytes of side information after the 4-byte header (the Info tag starts after them). */
  readonly sideInfoLength: number;
}

/** The Layer III frame header at `at`, or null if there is none. */
export function readFrameHeader(bytes: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > bytes.length) return null;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes.subarray(at, at + 4);
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0 || ((b1 >> 1) & 3) !== 1) return null;
  const version = (b1 >> 3) & 3;
  const rates = SAMPLE_RATES[version];
  const sampleRate = rates?.[(b2 >> 2) & 3];
  const bitrateKbps = (version === 3 ? BITRATES.mpeg1 : BITRATES.mpeg2)[b2 >> 4];
  if (!sampleRate || !bitrateKbps) return null;
  const mono = b3 >> 6 === 3;
  const mpeg1 = version === 3;
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const length = Math.floor(((samplesPerFrame / 8) * bitrateKbps * 1000) / sampleRate) + ((b2 >> 1) & 1);
  const sideInfoLength = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  return { version, bitrateKbps, sampleRate, mono, length, samplesPerFrame, sideInfoLength };
}

export interface FrameRef {
  readonly offset: number;
  readonly header: FrameHeader;
}

/** Every frame from the start of `bytes` (which must begin with a frame); stops at the first non-frame. */
export function readFrames(bytes: Uint8Array): FrameRef[] {
  const frames: FrameRef[] = [];
  for (let at = 0; ; ) {
    const header = readFrameHeader(bytes, at);
    if (!header || at + header.length > bytes.length) break;
    frames.push({ offset: at, header });
    at += header.length;
  }
  return frames;
}

export interface InfoTag {
  /** Audio frames after the tag frame. */
  readonly frames: number;
  readonly bytes: number;
  /** Samples the encoder added before the audio (the decoder adds its own 529 on top) and after it. */
  readonly encoderDelay: number;
  readonly padding: number;
}

/** The Xing/Info tag with its LAME extension in the first frame, or null. */
export function readInfoTag(bytes: Uint8Array): InfoTag | null {
  const header = readFrameHeader(bytes, 0);
  if (!header) return null;
  const at = 4 + header.sideInfoLength;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = String.fromCharCode(...bytes.subarray(at, at + 4));
  if ((id !== 'Info' && id !== 'Xing') || view.getUint32(at + 4) !== 0x0f) return null;
  const lame = at + 120;
  const delayPadding = (view.getUint8(lame + 21) << 16) | (view.getUint8(lame + 22) << 8) | view.getUint8(lame + 23);
  return { frames: view.getUint32(at + 8), bytes: view.getUint32(at + 12), encoderDelay: delayPadding >> 12, padding: delayPadding & 0xfff };
}
