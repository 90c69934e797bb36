// Builds the LAME "Info" tag frame that goes before CBR audio frames: frame count, and the encoder delay and
// padding that gapless players (FFmpeg-based ones among them) trim so a music loop repeats without a gap.
import { readFrames, type FrameHeader } from './mp3-frames';

/** CRC-16/ARC (polynomial 0x8005, reflected), the checksum the LAME tag uses for the audio and for itself. */
function crc16(bytes: Uint8Array, crc = 0): number {
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** LAME's encoder delay: the samples before the first one of the input in the decoded stream (plus the decoder's 529). */
export const LAME_ENCODER_DELAY = 576;

const MPEG2_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const MPEG1_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
/** "Info" + flags + frames + bytes + 100-byte seek table + quality, then the 36-byte LAME extension. */
const TAG_BYTES = 120 + 36;

function frameLength(header: FrameHeader, kbps: number): number {
  return Math.floor(((header.samplesPerFrame / 8) * kbps * 1000) / header.sampleRate);
}

/** The smallest bitrate whose frame holds the tag: a 40 kbps 22 kHz frame (130 bytes) is too small for it. */
function tagBitrateIndex(header: FrameHeader): number {
  const table = header.version === 3 ? MPEG1_KBPS : MPEG2_KBPS;
  const index = table.findIndex((kbps) => kbps > 0 && frameLength(header, kbps) >= 4 + header.sideInfoLength + TAG_BYTES);
  if (index < 0) throw new Error('no MP3 bitrate holds the Info tag');
  return index;
}

/**
 * `audio` (CBR frames as lamejs wrote them) with an Info tag frame in front. `samples` is the length of the
 * PCM that was encoded and `encoderDelay` the samples the encoder put before it (576 for LAME).
 */
export function withInfoTag(audio: Uint8Array, samples: number, encoderDelay: number): Uint8Array {
  const frames = readFrames(audio);
  const first = frames[0];
  if (!first) throw new Error('the encoder wrote no MP3 frames');
  const header = first.header;
  const padding = frames.length * header.samplesPerFrame - encoderDelay - samples;
  if (padding < 0 || padding > 0xfff || encoderDelay > 0xfff) throw new Error(`MP3 delay ${encoderDelay} / padding ${padding} do not fit the Info tag`);

  const index = tagBitrateIndex(header);
  const length = frameLength(header, (header.version === 3 ? MPEG1_KBPS : MPEG2_KBPS)[index] ?? 0);
  const tag = new Uint8Array(length);
  const view = new DataView(tag.buffer);
  tag.set(audio.subarray(0, 4));
  tag[2] = (index << 4) | ((audio[2] ?? 0) & 0x0d); // same sample rate and private bit, no padding slot
  const at = 4 + header.sideInfoLength;
  tag.set(new TextEncoder().encode('Info'), at);
  view.setUint32(at + 4, 0x0f); // frames, bytes, seek table and quality present
  view.setUint32(at + 8, frames.length);
  view.setUint32(at + 12, length + audio.length);
  // Constant bitrate: byte offsets grow linearly with time.
  for (let i = 0; i < 100; i++) tag[at + 16 + i] = Math.floor((i * 256) / 100);
  const lame = at + 120;
  tag.set(new TextEncoder().encode('LAME3.98r'), lame);
  tag[lame + 9] = 0x01; // tag revision 0, constant bitrate
  tag[lame + 20] = Math.min(255, header.bitrateKbps);
  tag[lame + 21] = encoderDelay >> 4;
  tag[lame + 22] = ((encoderDelay & 0x0f) << 4) | (padding >> 8);
  tag[lame + 23] = padding & 0xff;
  view.setUint32(lame + 28, length + audio.length);
  view.setUint16(lame + 32, crc16(audio));
  view.setUint16(lame + 34, crc16(tag.subarray(0, lame + 34)));
  const out = new Uint8Array(length + audio.length);
  out.set(tag);
  out.set(audio, length);
  return out;
}
