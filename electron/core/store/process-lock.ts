// Lock files shared by the kiosk and staff CLI processes: exclusive create with the holder's pid, and when a lock is abandoned.
import { open, readFile, stat } from 'node:fs/promises';
import { errorCode } from './fs-error';

/**
 * A lock without a pid is one whose creator died between creating the file and writing its pid (a
 * SIGKILL test found this) — or is writing it right now. A live creator writes the pid within
 * microseconds, so only a lock still empty after this long is abandoned.
 */
const EMPTY_STALE_MS = 1000;

/** True while a process with this id runs (signal 0 only checks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Creates `file` exclusively, holding this process's pid; false if it exists. */
export async function tryCreateLock(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(String(process.pid));
  } finally {
    await handle.close();
  }
  return true;
}

export type LockState = 'free' | 'mine' | 'held' | 'claiming' | 'abandoned';

/** How long a `claiming` lock can stay so before it is `abandoned`, ms: wait this long before deciding. */
export const CLAIM_MS = EMPTY_STALE_MS;

/**
 * Who has the lock at `file`: nobody (`free`), this process (`mine`), another live process (`held`),
 * a process writing its pid right now or one that died doing so (`claiming`: ask again within
 * CLAIM_MS), or a process that is gone (`abandoned`, safe to take over). `maxAgeMs` also
 * abandons a lock older than that, for locks held only for milliseconds (a pid can be reused after a
 * reboot).
 */
export async function lockState(file: string, options: { maxAgeMs?: number } = {}): Promise<LockState> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    const pid = Number.parseInt(text, 10);
    const age = Date.now() - info.mtimeMs;
    if (options.maxAgeMs !== undefined && age > options.maxAgeMs) return 'abandoned';
    if (!(Number.isInteger(pid) && pid > 0)) return age > EMPTY_STALE_MS ? 'abandoned' : 'claiming';
    if (pid === process.pid) return 'mine';
    return isAlive(pid) ? 'held' : 'abandoned';
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'free';
    throw error;
  }
}
