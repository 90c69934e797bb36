// Turns a zip entry's raw name bytes into Unicode: UTF-8 when flagged or valid, else GBK, else CP437.
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';

/** General purpose bit 11: the name and comment are UTF-8. */
const UTF8_FLAG = 0x800;
/** Info-ZIP Unicode Path extra field: a UTF-8 copy of a legacy-encoded name. */
const UNICODE_PATH_FIELD = 0x7075;

/** Code page 437 (the original IBM PC set, the zip spec's default) for bytes 0x80–0xFF. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

// ignoreBOM keeps a leading U+FEFF in the name instead of silently dropping it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Node with full ICU (and Electron, which ships Chromium's ICU) knows GBK; a small-ICU build throws,
// and then names fall through to CP437 rather than the whole import failing.
let gbk: TextDecoder | null | undefined;
function gbkDecoder(): TextDecoder | null {
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder('gbk', { fatal: true });
    } catch {
      gbk = null;
    }
  }
  return gbk;
}

export type NameEncoding = 'ascii' | 'utf-8' | 'unicode-path' | 'gbk' | 'cp437';

export interface DecodedName {
  /** The name, NFC-normalised. */
  readonly name: string;
  readonly encoding: NameEncoding;
}

export interface ExtraField {
  readonly id: number;
  readonly data: Uint8Array;
}

function tryDecode(decoder: TextDecoder, raw: Uint8Array): string | null {
  try {
    return decoder.decode(raw);
  } catch {
    return null;
  }
}

/** CP437 for every byte; control bytes stay control characters so the name checks refuse them. */
export function decodeCp437(raw: Uint8Array): string {
  let out = '';
  for (const byte of raw) out += byte < 0x80 ? String.fromCharCode(byte) : (CP437_HIGH[byte - 0x80] ?? '\ufffd');
  return out;
}

/** The UTF-8 name from an Info-ZIP Unicode Path field, when it is present and matches the raw name's CRC. */
function unicodePathName(raw: Uint8Array, extraFields: readonly ExtraField[]): string | null {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_FIELD || field.data.length < 6 || field.data[0] !== 1) continue;
    const view = new DataView(field.data.buffer, field.data.byteOffset, field.data.byteLength);
    // A stale copy (the name was edited by a tool that ignores this field) must be ignored, says the spec.
    if (view.getUint32(1, true) !== crc32(raw)) continue;
    return tryDecode(utf8, field.data.subarray(5));
  }
  return null;
}

/**
 * Decodes a raw entry name. With the UTF-8 flag, the name must be valid UTF-8 (null otherwise: the
 * caller reports it). Without it, in order: pure ASCII; the Unicode Path field; valid UTF-8 (tools
 * that forget the flag); GBK/CP936 (Chinese-locale Windows); CP437, which decodes any bytes.
 */
export function decodeZipName(raw: Uint8Array, generalPurposeBitFlag: number, extraFields: readonly ExtraField[] = []): DecodedName | null {
  const done = (name: string, encoding: NameEncoding): DecodedName => ({ name: name.normalize('NFC'), encoding });
  if ((generalPurposeBitFlag & UTF8_FLAG) !== 0) {
    const name = tryDecode(utf8, raw);
    return name === null ? null : done(name, 'utf-8');
  }
  if (raw.every((byte) => byte < 0x80)) return done(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1'), 'ascii');
  const fromField = unicodePathName(raw, extraFields);
  if (fromField !== null) return done(fromField, 'unicode-path');
  const asUtf8 = tryDecode(utf8, raw);
  if (asUtf8 !== null) return done(asUtf8, 'utf-8');
  const decoder = gbkDecoder();
  const asGbk = decoder ? tryDecode(decoder, raw) : null;
  if (asGbk !== null) return done(asGbk, 'gbk');
  return done(decodeCp437(raw), 'cp437');
}
