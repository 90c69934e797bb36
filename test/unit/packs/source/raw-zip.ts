// A byte-level zip writer for tests: it can write the broken and hostile zips that real archivers refuse to.
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/** External attributes of a Unix regular file (rw-r--r--) and of a Unix symlink. */
export const UNIX_FILE = (0o100644 << 16) >>> 0;
export const UNIX_SYMLINK = (0o120777 << 16) >>> 0;
/** "Version made by": Unix host (3), spec 3.0; and MS-DOS (0). */
export const MADE_BY_UNIX = (3 << 8) | 30;
export const MADE_BY_DOS = 20;

export interface RawEntry {
  /** A string is written as UTF-8; bytes are written as given (GBK, CP437, invalid UTF-8, …). */
  readonly name: string | Uint8Array;
  readonly data?: string | Uint8Array;
  /** Bytes written as the entry's data as they are (already deflated, say); `data` then only sets the defaults. */
  readonly rawData?: Uint8Array;
  /** 0 stored, 8 deflate (default). Any other number writes the data as-is under that method. */
  readonly method?: number;
  /** General purpose bit 11. Default: true when `name` is a string with non-ASCII characters. */
  readonly utf8?: boolean;
  /** More general purpose bits (1 = encrypted). */
  readonly flags?: number;
  readonly madeBy?: number;
  readonly externalAttributes?: number;
  /** A different name for the local header than the central directory (a parser-differential trick). */
  readonly localName?: string | Uint8Array;
  /** A different compression method in the local header. */
  readonly localMethod?: number;
  /** Declared sizes and CRC, written to both headers instead of the true values (lying headers). */
  readonly uncompressedSize?: number;
  readonly compressedSize?: number;
  readonly crc?: number;
  /** Extra field bytes, in both headers. */
  readonly extra?: Uint8Array;
  /** Sizes and CRC after the data (general purpose bit 3) instead of in the local header, as macOS and streaming zippers write. */
  readonly dataDescriptor?: boolean;
  /** The central directory's local-header offset, instead of where the entry was really written. */
  readonly offset?: number;
}

export interface RawZipOptions {
  /** Entry count in the end record, instead of the true one. */
  readonly declaredEntries?: number;
}

export interface HeaderFields {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly extra?: Uint8Array;
}

const bytesOf = (value: string | Uint8Array): Buffer => (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value));
// A fixed DOS date and time (2020-01-01 00:00): the tests never look at them.
const DOS_TIME = 0;
const DOS_DATE = (40 << 9) | (1 << 5) | 1;

export function localHeader(h: HeaderFields): Buffer {
  const extra = Buffer.from(h.extra ?? []);
  const out = Buffer.alloc(30);
  out.writeUInt32LE(0x04034b50, 0);
  out.writeUInt16LE(20, 4);
  out.writeUInt16LE(h.flags, 6);
  out.writeUInt16LE(h.method, 8);
  out.writeUInt16LE(DOS_TIME, 10);
  out.writeUInt16LE(DOS_DATE, 12);
  out.writeUInt32LE(h.crc >>> 0, 14);
  out.writeUInt32LE(h.compressedSize, 18);
  out.writeUInt32LE(h.uncompressedSize, 22);
  out.writeUInt16LE(h.name.length, 26);
  out.writeUInt16LE(extra.length, 28);
  return Buffer.concat([out, h.name, extra]);
}

export function centralHeader(h: HeaderFields & { readonly madeBy: number; readonly externalAttributes: number; readonly offset: number }): Buffer {
  const extra = Buffer.from(h.extra ?? []);
  const out = Buffer.alloc(46);
  out.writeUInt32LE(0x02014b50, 0);
  out.writeUInt16LE(h.madeBy, 4);
  out.writeUInt16LE(20, 6);
  out.writeUInt16LE(h.flags, 8);
  out.writeUInt16LE(h.method, 10);
  out.writeUInt16LE(DOS_TIME, 12);
  out.writeUInt16LE(DOS_DATE, 14);
  out.writeUInt32LE(h.crc >>> 0, 16);
  out.writeUInt32LE(h.compressedSize, 20);
  out.writeUInt32LE(h.uncompressedSize, 24);
  out.writeUInt16LE(h.name.length, 28);
  out.writeUInt16LE(extra.length, 30);
  out.writeUInt16LE(0, 32);
  out.writeUInt16LE(0, 34);
  out.writeUInt16LE(0, 36);
  out.writeUInt32LE(h.externalAttributes >>> 0, 38);
  out.writeUInt32LE(h.offset, 42);
  return Buffer.concat([out, h.name, extra]);
}

export function endRecord(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const out = Buffer.alloc(22);
  out.writeUInt32LE(0x06054b50, 0);
  out.writeUInt16LE(entries, 8);
  out.writeUInt16LE(entries, 10);
  out.writeUInt32LE(directorySize, 12);
  out.writeUInt32LE(directoryOffset, 16);
  return out;
}

/** Writes `entries` as a zip, honouring every override; the data is laid out in order, then the directory. */
export function buildZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = bytesOf(entry.name);
    const data = bytesOf(entry.data ?? '');
    const method = entry.method ?? 8;
    const stored = entry.rawData ? Buffer.from(entry.rawData) : method === 8 ? deflateRawSync(data) : data;
    const utf8 = entry.utf8 ?? (typeof entry.name === 'string' && /[^\p{ASCII}]/u.test(entry.name));
    let fields: HeaderFields = {
      name,
      flags: (entry.flags ?? 0) | (utf8 ? 0x800 : 0),
      method,
      crc: entry.crc ?? crc32(data),
      compressedSize: entry.compressedSize ?? stored.length,
      uncompressedSize: entry.uncompressedSize ?? data.length,
      extra: entry.extra,
    };
    if (entry.dataDescriptor) fields = { ...fields, flags: fields.flags | 0x8 };
    const localFields = entry.dataDescriptor ? { ...fields, crc: 0, compressedSize: 0, uncompressedSize: 0 } : fields;
    const local = localHeader({ ...localFields, name: entry.localName === undefined ? name : bytesOf(entry.localName), method: entry.localMethod ?? method });
    central.push(
      centralHeader({
        ...fields,
        madeBy: entry.madeBy ?? MADE_BY_UNIX,
        externalAttributes: entry.externalAttributes ?? UNIX_FILE,
        offset: entry.offset ?? offset,
      }),
    );
    const descriptor = Buffer.alloc(entry.dataDescriptor ? 16 : 0);
    if (entry.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(fields.crc >>> 0, 4);
      descriptor.writeUInt32LE(fields.compressedSize, 8);
      descriptor.writeUInt32LE(fields.uncompressedSize, 12);
    }
    parts.push(local, stored, descriptor);
    offset += local.length + stored.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  return Buffer.concat([...parts, directory, endRecord(options.declaredEntries ?? entries.length, directory.length, offset)]);
}

/**
 * Fifield's "quoted overlap" bomb (https://www.bamsoftware.com/hacks/zipbomb/): every entry has its own
 * local header with the right name, but each entry's deflate stream starts with a stored block that
 * quotes the next entry's local header and then runs on into that entry's data, down to one shared
 * kernel of `kernelBytes` zeros. Entry i inflates to (n - i - 1) headers plus the kernel.
 */
export function quotedOverlapBomb(count: number, kernelBytes: number): Buffer {
  const kernelPlain = Buffer.alloc(kernelBytes);
  const names = Array.from({ length: count }, (_, i) => Buffer.from(`bomb/${i}.bin`));
  // Built back to front: each entry's header depends on the next one's bytes.
  let tailCompressed = deflateRawSync(kernelPlain);
  let tailPlain = kernelPlain;
  const headers: Buffer[] = [];
  const compressedSizes: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const fields: HeaderFields = { name: names[i] ?? Buffer.alloc(0), flags: 0, method: 8, crc: crc32(tailPlain), compressedSize: tailCompressed.length, uncompressedSize: tailPlain.length };
    const header = localHeader(fields);
    headers[i] = header;
    compressedSizes[i] = tailCompressed.length;
    // A non-final stored block (BFINAL=0, BTYPE=00) holding the header just written.
    const quote = Buffer.alloc(5);
    quote.writeUInt16LE(header.length, 1);
    quote.writeUInt16LE(~header.length & 0xffff, 3);
    tailCompressed = Buffer.concat([quote, header, tailCompressed]);
    tailPlain = Buffer.concat([header, tailPlain]);
  }
  // The file: header 0, then (quote, header 1, quote, header 2, …, kernel), which is entry 0's data.
  const first = headers[0] ?? Buffer.alloc(0);
  const body = tailCompressed.subarray(5 + first.length);
  const file = Buffer.concat([first, body]);
  let offset = 0;
  const central = names.map((name, i) => {
    const header = headers[i] ?? Buffer.alloc(0);
    const entryOffset = offset;
    offset += header.length + 5;
    return centralHeader({
      name,
      flags: 0,
      method: 8,
      crc: header.readUInt32LE(14),
      compressedSize: compressedSizes[i] ?? 0,
      uncompressedSize: header.readUInt32LE(22),
      madeBy: MADE_BY_UNIX,
      externalAttributes: UNIX_FILE,
      offset: entryOffset,
    });
  });
  const directory = Buffer.concat(central);
  return Buffer.concat([file, directory, endRecord(count, directory.length, file.length)]);
}

/** `size` zeros deflated as one stream, made a megabyte at a time so the test never holds them all. */
export async function deflatedZeros(size: number): Promise<{ readonly compressed: Buffer; readonly crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc };
}
