// Replaces a file so that a crash or power cut leaves either the old or the new bytes, never a mix.
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './fs-error';

/** How long a temp file must be untouched before it counts as left over by a crash. @default 60 s */
const STALE_TEMP_MS = 60_000;

/**
 * Writes `data` to `file` durably: a unique temp file in the same folder (so the rename stays on one volume
 * and is atomic), fsync, close, rename over the target, then fsync the folder so the rename itself survives
 * a power cut. lowdb's own writer (steno) does the rename but no fsync, which is how kiosks end up with
 * NUL-filled JSON after a power cut (https://github.com/typicode/lowdb/issues/549).
 *
 * Rejects if any step fails; the temp file is removed and the previous `file` is untouched unless the
 * failure is the final folder fsync (the new bytes are in place, but not known to be on disk).
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, tempName(basename(file)));
  let handle: FileHandle | undefined;
  try {
    // 'wx' refuses to reuse an existing path, so two writers can never share a temp file.
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Deletes temp files that a crashed `writeFileDurably(file, …)` left behind. Files younger than a minute
 * are kept: they may belong to another process (the CLI) that is writing right now.
 * Never rejects; returns the names removed.
 */
export async function removeStaleTempFiles(file: string, now: () => Date = () => new Date()): Promise<string[]> {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !TEMP_SUFFIX.test(name.slice(prefix.length))) continue;
    try {
      const info = await stat(join(dir, name));
      if (now().getTime() - info.mtimeMs < STALE_TEMP_MS) continue;
      await rm(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to delete: either way nothing to do.
    }
  }
  return removed;
}

/** `<pid>-<12 hex>.tmp`: what follows `.<target name>.` in a temp file's name. */
const TEMP_SUFFIX = /^\d+-[0-9a-f]{12}\.tmp$/;

function tempName(target: string): string {
  // Hidden, and prefixed with the target's name so leftovers are easy to attribute and to clean up.
  return `.${target}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * On Windows, rename over a file that an antivirus or indexer briefly holds open fails with EPERM/EACCES/EBUSY;
 * steno retries for the same reason. Elsewhere those codes mean a real permission problem, so fail at once.
 */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  const attempts = process.platform === 'win32' ? 10 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= attempts || !hasCode(error, ['EPERM', 'EACCES', 'EBUSY'])) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Makes a rename in `dir` durable. Windows cannot open or fsync a folder (EPERM/EISDIR); only that is ignored. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!(process.platform === 'win32' && hasCode(error, ['EPERM', 'EISDIR']))) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function hasCode(error: unknown, codes: readonly string[]): boolean {
  const code = errorCode(error);
  return code !== undefined && codes.includes(code);
}
