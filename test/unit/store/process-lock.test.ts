// Lock files between the kiosk and staff CLI processes: who holds a lock, and when one is abandoned (real files, real pids).
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireImportLock, importRunningElsewhere } from '../../../electron/core/packs/import-lock';
import { lockState, tryCreateLock } from '../../../electron/core/store/process-lock';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sunrise-lock-'));
  file = join(dir, '.import.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Makes the lock file look `seconds` old. */
const age = (seconds: number) => utimes(file, new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));
/** A pid no process has here (above the kernel's default pid_max). */
const DEAD_PID = '4194305';

describe('lockState', () => {
  it('tells free, mine, held by another live process, and left by a dead one', async () => {
    expect(await lockState(file)).toBe('free');
    expect(await tryCreateLock(file)).toBe(true);
    expect(await tryCreateLock(file)).toBe(false);
    expect(await lockState(file)).toBe('mine');
    // The parent process (the test runner's) is alive and is not this one.
    await writeFile(file, String(process.ppid));
    expect(await lockState(file)).toBe('held');
    await writeFile(file, DEAD_PID);
    expect(await lockState(file)).toBe('abandoned');
  });

  it('treats a lock without a pid as being taken right now, and as abandoned after a second', async () => {
    await writeFile(file, '');
    expect(await lockState(file)).toBe('claiming');
    await age(5);
    expect(await lockState(file)).toBe('abandoned');
  });

  it('abandons a live holder\'s lock only past maxAgeMs', async () => {
    await writeFile(file, String(process.ppid));
    await age(60);
    expect(await lockState(file)).toBe('held');
    expect(await lockState(file, { maxAgeMs: 30_000 })).toBe('abandoned');
  });
});

describe('the import lock', () => {
  it('counts a lock whose pid is not written yet as an import running elsewhere, and waits to see whether its creator lives', async () => {
    await writeFile(file, '');
    expect(await importRunningElsewhere(dir)).toBe(true);
    // Its creator writes its pid meanwhile: busy.
    const creatorWrites = new Promise((resolve) => setTimeout(resolve, 100)).then(() => writeFile(file, String(process.ppid)));
    expect(await acquireImportLock(dir)).toBeNull();
    await creatorWrites;
    // Left empty by a creator that died: taken over once it is clearly abandoned (about a second).
    await writeFile(file, '');
    const started = Date.now();
    const taken = await acquireImportLock(dir);
    expect(taken).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    await taken?.release();
    await writeFile(file, '');
    await age(5);
    expect(await importRunningElsewhere(dir)).toBe(false);
    const lock = await acquireImportLock(dir);
    expect(lock).not.toBeNull();
    expect(await lockState(file)).toBe('mine');
    // This process's own lock is busy for a second import of its own, and not "elsewhere".
    expect(await acquireImportLock(dir)).toBeNull();
    expect(await importRunningElsewhere(dir)).toBe(false);
    await lock?.release();
    expect(await lockState(file)).toBe('free');
  });
});
