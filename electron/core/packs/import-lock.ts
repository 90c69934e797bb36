// One import at a time per data folder, across processes (the kiosk and a staff CLI may both try).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CLAIM_MS, lockState, tryCreateLock } from '../store/process-lock';

const LOCK_FILE = '.import.lock';

export interface ImportLock {
  release(): Promise<void>;
}

/**
 * True while another live process holds the import lock (or is taking it: a lock whose pid is not
 * written yet): its `.staging-*` folder is in use and must not be cleaned up. An import lasts as long
 * as the pack takes to copy, so a lock is never abandoned for its age, only when its process is gone.
 */
export async function importRunningElsewhere(packsDir: string): Promise<boolean> {
  const state = await lockState(join(packsDir, LOCK_FILE));
  return state === 'held' || state === 'claiming';
}

/**
 * Takes the lock with an exclusive create; a lock left by a process that died (power cut, SIGKILL)
 * is taken over, so a crash never blocks imports for good. Returns null when a live process holds it.
 */
export async function acquireImportLock(packsDir: string): Promise<ImportLock | null> {
  const file = join(packsDir, LOCK_FILE);
  // A lock being claimed becomes held (its pid written) or abandoned (its creator died) within CLAIM_MS.
  const deadline = Date.now() + CLAIM_MS * 2;
  for (let takeovers = 0; takeovers < 2; ) {
    if (await tryCreateLock(file)) return { release: () => rm(file, { force: true }) };
    const state = await lockState(file);
    // This process's own imports are serial too: its lock means busy, like anyone else's.
    if (state === 'held' || state === 'mine') return null;
    if (state === 'claiming') {
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 25));
      continue;
    }
    await rm(file, { force: true });
    takeovers += 1;
  }
  return null;
}
