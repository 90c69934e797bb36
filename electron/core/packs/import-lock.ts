// One import at a time per data folder, across processes (the kiosk and a staff CLI may both try).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lockState, tryCreateLock } from '../store/process-lock';

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
  return (await lockState(join(packsDir, LOCK_FILE))) === 'held';
}

/**
 * Takes the lock with an exclusive create; a lock left by a process that died (power cut, SIGKILL)
 * is taken over, so a crash never blocks imports for good. Returns null when a live process holds it.
 */
export async function acquireImportLock(packsDir: string): Promise<ImportLock | null> {
  const file = join(packsDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await tryCreateLock(file)) return { release: () => rm(file, { force: true }) };
    const state = await lockState(file);
    // This process's own imports are serial too: its lock means busy, like anyone else's.
    if (state === 'held' || state === 'mine') return null;
    await rm(file, { force: true });
  }
  return null;
}
