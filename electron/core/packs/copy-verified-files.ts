// Streams every listed file out of a pack, checking size, sha256 and content type; optionally writes it to staging.
import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Manifest } from '../../shared/manifest';
import type { PackMediaType } from '../../shared/pack-paths';
import { problem } from './problems';
import type { PackProblem } from './problems';
import { contentMatchesType, MAGIC_HEAD_BYTES } from './source/magic';
import { PackStreamError } from './source/pack-source';
import type { PackSource } from './source/pack-source';

export interface CopyOptions {
  /** Where to write the files (a fresh staging folder); omit to check without writing (validate). */
  readonly destination?: string;
  readonly signal?: AbortSignal;
  /** Called as bytes pass, with the running total and the file being read. */
  readonly onBytes?: (bytesDone: number, file: string) => void;
  /** Sees each file's bytes as they stream past (scene stats), without a second read of the pack. */
  readonly inspect?: FileInspector;
}

/** Receives one file's bytes, in order, then hears whether the file passed its size, hash and type checks. */
export interface FileTap {
  write(chunk: Uint8Array): void;
  end(verified: boolean): void;
}

export interface FileInspector {
  /** A tap for this file, or null to let it pass unseen. */
  open(file: { readonly path: string; readonly type: PackMediaType; readonly size: number }): FileTap | null;
}

export class CancelledError extends Error {}

/**
 * One pass over the source per file: the bytes that are hashed are exactly the bytes written, so what
 * is installed is what was verified, and a stick that changes under us cannot slip anything past
 * (reliability.md B13). Each staged file is fsynced before the caller renames the folder into place.
 * Returns every problem found; stops early only on cancellation or a vanished source.
 */
export async function copyVerifiedFiles(source: PackSource, manifest: Manifest, options: CopyOptions = {}): Promise<PackProblem[]> {
  const problems: PackProblem[] = [];
  let bytesDone = 0;
  for (const file of manifest.files) {
    if (options.signal?.aborted) throw new CancelledError('cancelled');
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let size = 0;
    const target = options.destination ? join(options.destination, ...file.path.split('/')) : null;
    if (target) await mkdir(dirname(target), { recursive: true });
    const handle = target ? await open(target, 'wx') : null;
    const tap = options.inspect?.open({ path: file.path, type: file.type as PackMediaType, size: file.size }) ?? null;
    try {
      const stream = await source.openEntry(file.path, options.signal);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (head.length < MAGIC_HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, MAGIC_HEAD_BYTES - head.length)]);
        hash.update(chunk);
        tap?.write(chunk);
        size += chunk.length;
        // write() may write less than asked (a full disk, a signal): loop until every verified byte is down.
        for (let done = 0; handle && done < chunk.length; ) done += (await handle.write(chunk, done)).bytesWritten;
        bytesDone += chunk.length;
        options.onBytes?.(bytesDone, file.path);
      }
      if (handle) await handle.sync();
    } catch (error) {
      tap?.end(false);
      if (options.signal?.aborted) throw new CancelledError('cancelled');
      if (error instanceof PackStreamError) {
        if (error.problem.code === 'PACK_E_IO') throw error;
        problems.push(error.problem);
        continue;
      }
      throw error;
    } finally {
      await handle?.close();
    }
    const digest = hash.digest('hex');
    const intact = size === file.size && digest === file.sha256;
    const typed = intact && contentMatchesType(head, file.type as PackMediaType);
    tap?.end(typed);
    if (!intact) {
      problems.push(problem('PACK_E_HASH', file.path, `${file.path} does not match its manifest entry (damaged or changed after the pack was built).`));
    } else if (!typed) {
      problems.push(problem('PACK_E_TYPE', file.path, `${file.path} is listed as ${file.type}, but its content is something else.`));
    }
  }
  return problems;
}
