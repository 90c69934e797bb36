// Writes a zip whose bytes depend only on its entries: fixed order, timestamps, modes; temp file, then rename.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { ZipFile } from 'yazl';

/** An entry given as bytes in memory (manifest.json, manifest.sig). */
export interface BufferEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly store: boolean;
}

/** An entry streamed from disk; its bytes are checked against `size` and `sha256` as they are zipped. */
export interface FileEntry {
  readonly name: string;
  readonly diskPath: string;
  readonly size: number;
  readonly sha256: string;
  readonly store: boolean;
}

/** Thrown when a file's bytes differ from what was hashed earlier: it changed while the pack was built. */
export class ChangedFileError extends Error {
  constructor(readonly entryName: string) {
    super(`${entryName} changed while the pack was being built; build again once nothing is writing to the folder.`);
  }
}

/**
 * The DOS timestamp every entry gets: 1980-01-01 00:00:00, the format's epoch. yazl encodes the DOS time
 * with local-time getters, so the Date is built from local components each time: the stored fields are
 * then the same in every time zone. `forceDosTimestamp` leaves out the UTC "UT" extra field, which would
 * otherwise record the instant (and so the zone). One caveat: yazl clamps to its own 1980-01-01 computed
 * when it is loaded, so a process must not change TZ after loading yazl (a CLI run never does).
 */
function fixedMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0, 0);
}

/** rw-r--r-- regular file, whatever the source's mode: no execute bits, no umask differences. */
const FILE_MODE = 0o100644;

/**
 * Writes `entries`, in the order given, to `outFile`. The zip goes to a hidden temp file beside `outFile`,
 * is fsynced, and is renamed over `outFile` only when complete; on any failure the temp file is removed
 * and `outFile` is untouched. No directory entries; names are UTF-8 (yazl sets the language-encoding flag).
 * Deflate output comes from Node's zlib: the same Node version gives the same bytes.
 */
export async function writeDeterministicZip(outFile: string, entries: readonly (BufferEntry | FileEntry)[]): Promise<void> {
  const dir = dirname(outFile);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(outFile)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const zip = new ZipFile();
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    // yazl's output is a PassThrough. It reports its own errors on the ZipFile and does not forward
    // source-stream errors: route both to the output so the copy loop below rejects instead of hanging.
    const output = zip.outputStream as Readable;
    const fail = (error: Error): void => void output.destroy(error);
    zip.on('error', fail);
    // Writes yazl attempts after a failure must not surface as an unhandled 'error' event.
    output.on('error', () => undefined);
    for (const entry of entries) {
      const options = { mtime: fixedMtime(), mode: FILE_MODE, compress: !entry.store, forceDosTimestamp: true };
      if ('data' in entry) {
        zip.addBuffer(Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength), entry.name, options);
      } else {
        zip.addReadStreamLazy(entry.name, { ...options, size: entry.size }, (callback) => {
          const source = createReadStream(entry.diskPath);
          const checked = new VerifyingStream(entry);
          source.on('error', fail);
          checked.on('error', (error) => {
            source.destroy();
            fail(error);
          });
          callback(null, source.pipe(checked));
        });
      }
    }
    zip.end();
    // One write at a time: backpressure for free, and an error destroying `output` ends the loop with it.
    for await (const chunk of output) {
      const bytes = chunk as Buffer;
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done)).bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, outFile);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Passes bytes through, and fails at the end if they are not the size and sha256 expected. */
class VerifyingStream extends Transform {
  readonly #entry: FileEntry;
  readonly #hash = createHash('sha256');
  #size = 0;

  constructor(entry: FileEntry) {
    super();
    this.#entry = entry;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.#size > this.#entry.size) return callback(new ChangedFileError(this.#entry.name));
    this.#hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const same = this.#size === this.#entry.size && this.#hash.digest('hex') === this.#entry.sha256;
    callback(same ? null : new ChangedFileError(this.#entry.name));
  }
}

/** Makes the rename durable where folders can be fsynced (not on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
