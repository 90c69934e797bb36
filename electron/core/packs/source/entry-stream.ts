// Wraps an entry's raw stream: enforces its declared size (and CRC), maps errors to pack codes, honours abort.
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { problem } from '../problems';
import type { PackErrorCode } from '../problems';
import { PackStreamError } from './pack-source';

/** errno codes that mean the medium went away or failed, rather than the pack being bad. */
const IO_CODES = new Set(['EIO', 'ENOENT', 'ENXIO', 'EBADF', 'ENODEV', 'ESTALE', 'ENOTCONN', 'ETIMEDOUT', 'EACCES', 'EPERM', 'EMFILE', 'ENFILE']);

/** True for errors from the operating system (they carry an errno code such as EIO), as opposed to our bugs. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/**
 * Names the pack code for an error from a zip or file stream. `fallback` is used for errors with no
 * recognisable cause: PACK_E_ZIP for zip sources (yauzl reports bad data as plain Errors), PACK_E_IO for folders.
 */
export function toPackStreamError(error: unknown, path: string, fallback: PackErrorCode): PackStreamError {
  if (error instanceof PackStreamError) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as NodeJS.ErrnoException).code;
  const say = (packCode: PackErrorCode, message: string): PackStreamError => new PackStreamError(problem(packCode, path, message));
  if (code === 'ELOOP') return say('PACK_E_SYMLINK', `${path} became a symbolic link while the pack was being read; links are never followed.`);
  if (typeof code === 'string' && (IO_CODES.has(code) || /^E[A-Z]+$/.test(code))) {
    return say('PACK_E_IO', `${path} could not be read (${code}); was the USB stick removed? Reinsert it and try again.`);
  }
  if (typeof code === 'string' && code.startsWith('Z_')) return say('PACK_E_ZIP', `${path} is damaged inside the zip (${err.message}).`);
  // yauzl's own checks (validateEntrySizes) throw plain Errors; their wording is all we have.
  if (/too many bytes/.test(err.message)) return say('PACK_E_LIMIT', `${path} holds more data than the zip declares; refused as a possible zip bomb.`);
  if (/not enough bytes|unexpected EOF|overflows file bounds|local file header/.test(err.message)) {
    return say('PACK_E_ZIP', `${path} is cut short or damaged inside the zip (${err.message}).`);
  }
  return say(fallback, fallback === 'PACK_E_IO' ? `${path} could not be read (${err.message}).` : `${path} could not be unpacked (${err.message}).`);
}

export interface CheckedStreamOptions {
  readonly path: string;
  /** Bytes the entry must yield, no more, no fewer. */
  readonly size: number;
  /** The zip's CRC-32 for the entry; checked at the end when given. */
  readonly crc32?: number;
  /** Code for data longer than declared (PACK_E_LIMIT for zips: a lying header; PACK_E_IO for a folder file that grew). */
  readonly overrunCode: PackErrorCode;
  /** Code for data shorter than declared or a CRC mismatch. */
  readonly underrunCode: PackErrorCode;
  /** Code for unrecognised upstream errors. */
  readonly fallbackCode: PackErrorCode;
  readonly signal?: AbortSignal;
  /** Called once when the returned stream closes, however it ends. */
  readonly onClose?: () => void;
}

class ByteCheck extends Transform {
  private count = 0;
  private crc = 0;

  constructor(private readonly options: CheckedStreamOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.options.size) {
      const { path, size, overrunCode } = this.options;
      const message = overrunCode === 'PACK_E_IO' ? `${path} changed while it was being read (it grew past ${size} bytes).` : `${path} holds more than the ${size} bytes the zip declares; refused as a possible zip bomb.`;
      callback(new PackStreamError(problem(overrunCode, path, message)));
      return;
    }
    if (this.options.crc32 !== undefined) this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const { path, size, underrunCode } = this.options;
    if (this.count < size) {
      const message = underrunCode === 'PACK_E_IO' ? `${path} changed while it was being read (${this.count} of ${size} bytes).` : `${path} is cut short: ${this.count} of the ${size} bytes the zip declares.`;
      callback(new PackStreamError(problem(underrunCode, path, message)));
      return;
    }
    if (this.options.crc32 !== undefined && this.crc >>> 0 !== this.options.crc32 >>> 0) {
      callback(new PackStreamError(problem(underrunCode, path, `${path} is damaged: its bytes do not match the zip's checksum (CRC-32).`)));
      return;
    }
    callback();
  }
}

export function cancelledError(path: string): PackStreamError {
  return new PackStreamError(problem('PACK_E_CANCELLED', path, 'The import was cancelled.'));
}

/**
 * Pipes `upstream` through a size (and CRC) check and returns the checked stream. Every error it
 * emits is a PackStreamError. Destroying it, or aborting `signal`, destroys `upstream` too, so no
 * file handle or inflater is left behind.
 */
export function checkedStream(upstream: Readable, options: CheckedStreamOptions): Readable {
  const out = new ByteCheck(options);
  // An abort or close() can destroy the stream before or after its reader listens; an 'error' with no
  // listener would crash the main process. Readers that listen still get every error.
  out.on('error', () => undefined);
  const { signal, path } = options;
  const onAbort = (): void => {
    out.destroy(cancelledError(path));
  };
  upstream.on('error', (error: unknown) => out.destroy(toPackStreamError(error, path, options.fallbackCode)));
  out.once('close', () => {
    signal?.removeEventListener('abort', onAbort);
    upstream.unpipe(out);
    upstream.destroy();
    options.onClose?.();
  });
  if (signal?.aborted) {
    onAbort();
  } else {
    signal?.addEventListener('abort', onAbort, { once: true });
    upstream.pipe(out);
  }
  return out;
}
