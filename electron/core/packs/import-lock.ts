// One import at a time per data folder, across processes (the kiosk and a staff CLI may both try).
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode } from '../store/fs-error';

const LOCK_FILE = '.import.lock';

export interface ImportLock {
  release(): Promise<void>;
}

/** True while a process with this id runs (signal 0 only checks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** The pid written in the lock file, or null when there is none (or it is unreadable). */
async function lockHolder(file: string): Promise<number | null> {
  const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(holder) && holder > 0 ? holder : null;
}

/**
 * True while another live process holds the import lock: its `.staging-*` folder is in use and must
 * not be cleaned up. A lock naming this process is not "another": imports in one process are serial.
 */
export async function importRunningElsewhere(packsDir: string): Promise<boolean> {
  const holder = await lockHolder(join(packsDir, LOCK_FILE));
  return holder !== null && holder !== process.pid && isAlive(holder);
}

/**
 * Takes the lock with an exclusive create; a lock left by a process that died (power cut, SIGKILL)
 * is taken over, so a crash never blocks imports for good. Returns null when a live process holds it.
 */
export async function acquireImportLock(packsDir: string): Promise<ImportLock | null> {
  const file = join(packsDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.write(String(process.pid));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      const holder = await lockHolder(file);
      if (holder !== null && isAlive(holder)) return null;
      await rm(file, { force: true });
    }
  }
  return null;
}
