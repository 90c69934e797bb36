// A lock file that lets the kiosk and the staff CLI take turns changing one pledge document.
import { rm } from 'node:fs/promises';
import { lockState, tryCreateLock } from '../store/process-lock';

/** How long to wait for the other process: its writes take milliseconds, so this only passes if it hangs. */
const WAIT_MS = 5000;
const RETRY_MS = 15;
/** A lock older than this was left by a crash (or its pid was reused after a reboot): take it over. */
const STALE_MS = 30_000;

export class LockTimeoutError extends Error {}

/**
 * Runs `task` while holding `lockFile` (created exclusively, holding our pid), so two processes
 * never interleave a read-modify-write of the same document; without it, a pledge a visitor leaves
 * while staff hide another could bring the hidden one back. Rejects with LockTimeoutError if another
 * live process holds the lock for more than a few seconds.
 */
export async function withFileLock<T>(lockFile: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await tryCreateLock(lockFile)) break;
    const state = await lockState(lockFile, { maxAgeMs: STALE_MS });
    if (state === 'abandoned') {
      // Two processes finding the same stale lock at once could both take it over; stale locks only
      // follow a crash, and there is one kiosk and now and then one staff command, so that is accepted.
      await rm(lockFile, { force: true });
      continue;
    }
    if (state === 'free') continue;
    // Held by another process, or by another task of this one: wait for it.
    if (Date.now() > deadline) throw new LockTimeoutError(`${lockFile} is held by another process; try again in a moment`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await task();
  } finally {
    await rm(lockFile, { force: true });
  }
}
