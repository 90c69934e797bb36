// Re-encodes a screenshot PNG smaller: channels rounded to 6 bits (invisible on a flat-shaded preview), per-row filters, zlib level 9.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Undoes (decode) or applies (encode) PNG filter `type` to one row, given the previous raw row. */
function filterByte(type: number, x: number, a: number, b: number, c: number, decode: boolean): number {
  const predictor = type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : type === 4 ? paeth(a, b, c) : 0;
  return (decode ? x + predictor : x - predictor) & 0xff;
}

/** 8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are. */
export function shrinkPng(png: Buffer): Buffer {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | null = null;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = Buffer.from(data);
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const channels = header[9] === 6 ? 4 : header[9] === 2 ? 3 : 0;
  if (header[8] !== 8 || channels === 0 || header[12] !== 0) throw new Error('only 8-bit RGB(A), non-interlaced PNGs are supported');
  const stride = width * channels;
  const filtered = inflateSync(Buffer.concat(idat));
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const type = filtered[y * (stride + 1)] ?? 0;
    for (let i = 0; i < stride; i += 1) {
      const at = y * stride + i;
      const a = i >= channels ? (raw[at - channels] ?? 0) : 0;
      const b = y > 0 ? (raw[at - stride] ?? 0) : 0;
      const c = i >= channels && y > 0 ? (raw[at - stride - channels] ?? 0) : 0;
      raw[at] = filterByte(type, filtered[y * (stride + 1) + 1 + i] ?? 0, a, b, c, true);
    }
  }
  for (let i = 0; i < raw.length; i += 1) raw[i] = Math.min(255, Math.round((raw[i] ?? 0) / 4) * 4);
  // Each row gets the filter whose output has the smallest sum of magnitudes (the usual heuristic).
  const out = Buffer.alloc((stride + 1) * height);
  const row = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    let best = 0;
    let bestScore = Infinity;
    for (let type = 0; type <= 4; type += 1) {
      let score = 0;
      for (let i = 0; i < stride; i += 1) {
        const at = y * stride + i;
        const v = filterByte(type, raw[at] ?? 0, i >= channels ? (raw[at - channels] ?? 0) : 0, y > 0 ? (raw[at - stride] ?? 0) : 0, i >= channels && y > 0 ? (raw[at - stride - channels] ?? 0) : 0, false);
        row[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        best = type;
      }
    }
    out[y * (stride + 1)] = best;
    for (let i = 0; i < stride; i += 1) {
      const at = y * stride + i;
      out[y * (stride + 1) + 1 + i] = filterByte(best, raw[at] ?? 0, i >= channels ? (raw[at - channels] ?? 0) : 0, y > 0 ? (raw[at - stride] ?? 0) : 0, i >= channels && y > 0 ? (raw[at - stride - channels] ?? 0) : 0, false);
    }
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(out, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
