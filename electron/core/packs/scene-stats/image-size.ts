// Reads an image's pixel size from its header (PNG, JPEG, WebP, KTX2) without decoding it, streaming or from a buffer.

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'ktx2';

export interface ImageSize {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  /** KTX2 only: the Vulkan format; 0 means Basis Universal, transcoded to a block-compressed GPU format. */
  readonly vkFormat?: number;
}

/** Bytes that hold the size of every format but JPEG (WebP VP8X, the longest, needs 30). */
const FIXED_HEAD_BYTES = 64;

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const PNG_SIGNATURE = [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a];
const KTX2_IDENTIFIER = [0xab, ...ascii('KTX 20'), 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];

function has(bytes: Uint8Array, expected: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + expected.length && expected.every((b, i) => bytes[offset + i] === b);
}

const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number): number => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, at: number): number => (u24le(b, at) + (b[at + 3] ?? 0) * 2 ** 24);
const u32be = (b: Uint8Array, at: number): number => (b[at] ?? 0) * 2 ** 24 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));

function sized(format: ImageFormat, width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { format, width, height } : null;
}

/** PNG: the IHDR chunk comes first, right after the 8-byte signature. */
function pngSize(b: Uint8Array): ImageSize | null {
  if (!has(b, PNG_SIGNATURE) || !has(b, ascii('IHDR'), 12) || b.length < 24) return null;
  return sized('png', u32be(b, 16), u32be(b, 20));
}

/** WebP: lossy (VP8 key frame), lossless (VP8L) or extended (VP8X canvas). */
function webpSize(b: Uint8Array): ImageSize | null {
  if (!has(b, ascii('RIFF')) || !has(b, ascii('WEBP'), 8)) return null;
  if (has(b, ascii('VP8 '), 12) && has(b, [0x9d, 0x01, 0x2a], 23) && b.length >= 30) return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (has(b, ascii('VP8L'), 12) && b[20] === 0x2f && b.length >= 25) {
    const bits = u32le(b, 21);
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (has(b, ascii('VP8X'), 12) && b.length >= 30) return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  return null;
}

/** KTX2: identifier, vkFormat, typeSize, pixelWidth, pixelHeight (0 for a 1-D texture). */
function ktx2Size(b: Uint8Array): ImageSize | null {
  if (!has(b, KTX2_IDENTIFIER) || b.length < 28) return null;
  const size = sized('ktx2', u32le(b, 20), Math.max(1, u32le(b, 24)));
  return size && { ...size, vkFormat: u32le(b, 12) };
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length field: TEM and RST0–7 (SOI and EOI are handled on their own). */
const isStandalone = (m: number): boolean => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/**
 * Walks JPEG marker segments as bytes stream past, skipping each segment by its length, so the frame
 * header is found after any amount of EXIF or XMP while holding at most 9 bytes.
 */
class JpegScanner {
  private pending: number[] = [];
  private skip = 0;
  private seenStart = false;
  result: ImageSize | null = null;
  finished = false;

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && !this.finished) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      this.pending.push(chunk[i] ?? 0);
      i += 1;
      this.step();
    }
  }

  private step(): void {
    const p = this.pending;
    if (!this.seenStart) {
      if (p.length < 2) return;
      if (p[0] !== 0xff || p[1] !== 0xd8) return this.stop(null);
      this.seenStart = true;
      this.pending = [];
      return;
    }
    if (p[0] !== 0xff) return this.stop(null);
    if (p.length < 2) return;
    const marker = p[1] ?? 0;
    if (marker === 0xff) {
      p.pop(); // fill byte before a marker
      return;
    }
    if (isStandalone(marker)) {
      this.pending = [];
      return;
    }
    // The image data starts (SOS) or ends (EOI) before any frame header: not a usable JPEG.
    if (marker === 0xda || marker === 0xd9 || marker === 0xd8) return this.stop(null);
    if (isStartOfFrame(marker)) {
      if (p.length < 9) return;
      const bytes = Uint8Array.from(p);
      return this.stop(sized('jpeg', (bytes[7] ?? 0) * 256 + (bytes[8] ?? 0), (bytes[5] ?? 0) * 256 + (bytes[6] ?? 0)));
    }
    if (p.length < 4) return;
    const length = (p[2] ?? 0) * 256 + (p[3] ?? 0);
    if (length < 2) return this.stop(null);
    this.skip = length - 2;
    this.pending = [];
  }

  private stop(result: ImageSize | null): void {
    this.result = result;
    this.finished = true;
    this.pending = [];
  }
}

/**
 * Learns an image's size from its bytes as they stream past; memory stays a few dozen bytes whatever
 * the image's size. `done` turns true as soon as the answer is known (then further bytes are ignored).
 */
export class ImageSizeSniffer {
  private head = new Uint8Array(FIXED_HEAD_BYTES);
  private headLength = 0;
  private jpeg: JpegScanner | null = null;
  private answer: ImageSize | null = null;
  done = false;

  push(chunk: Uint8Array): void {
    if (this.done) return;
    if (this.jpeg) return this.pushJpeg(chunk);
    const take = Math.min(chunk.length, FIXED_HEAD_BYTES - this.headLength);
    this.head.set(chunk.subarray(0, take), this.headLength);
    this.headLength += take;
    const head = this.head.subarray(0, this.headLength);
    if (head[0] === 0xff && (this.headLength < 2 || head[1] === 0xd8)) {
      this.jpeg = new JpegScanner();
      this.jpeg.push(head);
      this.head = new Uint8Array(0);
      return this.pushJpeg(chunk.subarray(take));
    }
    const size = pngSize(head) ?? webpSize(head) ?? ktx2Size(head);
    if (size || this.headLength === FIXED_HEAD_BYTES) {
      this.answer = size;
      this.done = true;
    }
  }

  /** The size, or null when the bytes so far are not a recognised image or do not reach its size. */
  result(): ImageSize | null {
    if (this.jpeg) return this.jpeg.result;
    return this.answer ?? (pngSize(this.head.subarray(0, this.headLength)) ?? webpSize(this.head.subarray(0, this.headLength)) ?? ktx2Size(this.head.subarray(0, this.headLength)));
  }

  private pushJpeg(chunk: Uint8Array): void {
    const jpeg = this.jpeg;
    if (!jpeg || chunk.length === 0) return;
    jpeg.push(chunk);
    if (jpeg.finished) this.done = true;
  }
}

/** The pixel size of the image whose first bytes (or all bytes) are `bytes`, or null if unknown. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const sniffer = new ImageSizeSniffer();
  sniffer.push(bytes);
  return sniffer.result();
}
