// A lock file that lets the kiosk and the staff CLI take turns changing one pledge document.
import { open, readFile, rm, stat } from 'node:fs/promises';
import { errorCode } from '../store/fs-error';

/** How long to wait for the other process: its writes take milliseconds, so this only passes if it hangs. */
const WAIT_MS = 5000;
const RETRY_MS = 15;
/** A lock older than this was left by a crash (or its pid was reused after a reboot): take it over. */
const STALE_MS = 30_000;
/**
 * A lock without a pid is one whose creator died between creating the file and writing its pid (a
 * SIGKILL test found this). A live creator writes the pid within microseconds, so a lock still
 * empty after this long is abandoned.
 */
const EMPTY_STALE_MS = 1000;

export class LockTimeoutError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** True when the lock at `file` was left by a process that is gone, or is too old to be a live write. */
async function isStale(file: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    const pid = Number.parseInt(text, 10);
    const age = Date.now() - info.mtimeMs;
    if (age > STALE_MS) return true;
    if (!(Number.isInteger(pid) && pid > 0)) return age > EMPTY_STALE_MS;
    return pid !== process.pid && !isAlive(pid);
  } catch (error) {
    // Gone between our create attempt and this check: free to try again.
    return errorCode(error) === 'ENOENT';
  }
}

/**
 * Runs `task` while holding `lockFile` (created exclusively, holding our pid), so two processes
 * never interleave a read-modify-write of the same document; without it, a pledge a visitor leaves
 * while staff hide another could bring the hidden one back. Rejects with LockTimeoutError if another
 * live process holds the lock for more than a few seconds.
 */
export async function withFileLock<T>(lockFile: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      if (await isStale(lockFile)) {
        // Two processes finding the same stale lock at once could both take it over; stale locks only
        // follow a crash, and there is one kiosk and now and then one staff command, so that is accepted.
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeoutError(`${lockFile} is held by another process; try again in a moment`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lockFile, { force: true });
  }
}
