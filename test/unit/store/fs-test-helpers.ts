// Real temp folders for storage tests, and a way to make one refuse writes even when the tests run as root.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const created: string[] = [];

/** A fresh folder under the OS temp dir; `removeTempDirs` deletes every one made so far. */
export async function makeTempDir(label = 'sunrise-store-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), label));
  created.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Names in `dir` that look like a durable-write temp file (`.<name>.<pid>-<hex>.tmp`). */
export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
}

/**
 * Makes `dir` refuse new files and returns how to undo it (root ignores mode bits; the immutable
 * attribute stops root too, on Linux file systems that have it). Throws where neither works: a test
 * that silently skipped would hide exactly the failure path it exists to check.
 */
export async function makeReadOnly(dir: string): Promise<() => Promise<void>> {
  await chmod(dir, 0o555);
  let immutable = false;
  if ((await canCreateIn(dir)) && process.platform === 'linux') {
    immutable = await promisify(execFile)('chattr', ['+i', dir]).then(
      () => true,
      () => false,
    );
  }
  const undo = async (): Promise<void> => {
    if (immutable) await promisify(execFile)('chattr', ['-i', dir]);
    await chmod(dir, 0o755);
  };
  if (await canCreateIn(dir)) {
    await undo();
    throw new Error(`Cannot make ${dir} read-only here (root on a file system without chattr +i): run the tests as a normal user or on ext4.`);
  }
  return undo;
}

async function canCreateIn(dir: string): Promise<boolean> {
  const probe = join(dir, '.probe');
  try {
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}
