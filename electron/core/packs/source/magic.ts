// Checks that a file's first bytes fit its media type, so an HTML page or a zip renamed .png is refused.
import type { PackMediaType } from '../../../shared/pack-paths';

/**
 * Bytes from the start of a file that callers pass to contentMatchesType (fewer if the file is
 * shorter). 64 covers every signature below (the longest, KTX2, is 12) and leaves room for a JSON
 * file's BOM and leading whitespace.
 */
export const MAGIC_HEAD_BYTES = 64;

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const PNG = [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const KTX2 = [0xab, ...ascii('KTX 20'), 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** True when `head` holds `bytes` at `offset`. */
function has(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
}

function afterBom(head: Uint8Array): number {
  return has(head, UTF8_BOM) ? UTF8_BOM.length : 0;
}

/** RIFF container (WebP, WAV): 'RIFF', a 4-byte size, then the form type. */
function riff(head: Uint8Array, form: string): boolean {
  return has(head, ascii('RIFF')) && has(head, ascii(form), 8);
}

/**
 * JSON text (and glTF): after an optional BOM and whitespace, an object or array. A head that is only
 * whitespace fails: no pack JSON starts with 64 blank bytes, and the rule must not wave through an
 * HTML page padded with spaces.
 */
function jsonLike(head: Uint8Array): boolean {
  let i = afterBom(head);
  while (i < head.length && JSON_SPACE.has(head[i] ?? 0)) i++;
  return head[i] === 0x7b || head[i] === 0x5b;
}

/** MPEG audio: an ID3v2 tag, or a frame header (11 sync bits, then a layer other than "reserved"). */
function mp3(head: Uint8Array): boolean {
  if (has(head, ascii('ID3'))) return true;
  const second = head[1] ?? 0;
  return head[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0;
}

/** WebVTT: optional BOM, 'WEBVTT', then the end of the file, a space, a tab or a line break (per the spec). */
function vtt(head: Uint8Array): boolean {
  const start = afterBom(head);
  if (!has(head, ascii('WEBVTT'), start)) return false;
  const next = head[start + 6];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/**
 * Plain UTF-8 text (pledge-wall word lists): valid UTF-8 as far as the head goes, no control characters
 * but tab and line breaks, and not markup (a page renamed .txt starts with `<`).
 */
function plainText(head: Uint8Array): boolean {
  const start = afterBom(head);
  if (head.length <= start) return false;
  if (head.some((byte) => (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f)) return false;
  let text: string;
  try {
    // stream: a multi-byte character cut by the end of the head is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(start), { stream: true });
  } catch {
    return false;
  }
  return !text.trimStart().startsWith('<');
}

const CHECKS: Record<PackMediaType, (head: Uint8Array) => boolean> = {
  'image/png': (h) => has(h, PNG),
  'image/jpeg': (h) => has(h, JPEG),
  'image/webp': (h) => riff(h, 'WEBP'),
  'image/ktx2': (h) => has(h, KTX2),
  // glTF binary: magic 'glTF', then the container version as a little-endian uint32; only version 2 exists.
  'model/gltf-binary': (h) => has(h, ascii('glTF')) && has(h, [2, 0, 0, 0], 4),
  'model/gltf+json': jsonLike,
  // Buffers referenced by a glTF: any bytes at all, including none.
  'application/octet-stream': () => true,
  // ISO base media (MP4): the first box is 'ftyp'; its 4-byte size comes first.
  'video/mp4': (h) => has(h, ascii('ftyp'), 4),
  'video/webm': (h) => has(h, EBML),
  'audio/ogg': (h) => has(h, ascii('OggS')),
  'audio/mpeg': mp3,
  'audio/wav': (h) => riff(h, 'WAVE'),
  'font/woff2': (h) => has(h, ascii('wOF2')),
  'application/json': jsonLike,
  'text/vtt': vtt,
  'text/plain': plainText,
};

/**
 * True when `head` (the first MAGIC_HEAD_BYTES of the file, or all of it if shorter) looks like
 * `type`. Empty files pass only as application/octet-stream: an empty image, model, video, font,
 * JSON document or caption file is not valid in its own format, so refusing it is a kindness.
 */
export function contentMatchesType(head: Uint8Array, type: PackMediaType): boolean {
  return CHECKS[type](head);
}
