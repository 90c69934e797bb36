// writeFileDurably replaces a file whole or not at all, and never leaves temp files behind.
import { mkdir, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileDurably } from '../../../electron/core/store/durable-write';
import { makeReadOnly, makeTempDir, removeTempDirs, tempFilesIn } from './fs-test-helpers';

afterEach(removeTempDirs);

describe('writeFileDurably', () => {
  it('creates a file, then replaces it, with exactly the bytes given and no temp files left', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'doc.json');
    await writeFileDurably(file, 'first\n');
    await writeFileDurably(file, new Uint8Array([0x7b, 0x7d, 0x0a]));
    expect(await readFile(file, 'utf8')).toBe('{}\n');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('keeps every write whole when many run at once (each uses its own temp file)', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'doc.json');
    const bodies = Array.from({ length: 20 }, (_, i) => `${String(i).repeat(5000)}\n`);
    await Promise.all(bodies.map((body) => writeFileDurably(file, body)));
    expect(bodies).toContain(await readFile(file, 'utf8'));
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('rejects when the folder is really a file, creating nothing', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'not-a-folder'), 'x');
    await expect(writeFileDurably(join(dir, 'not-a-folder', 'doc.json'), '{}')).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await readdir(dir)).toEqual(['not-a-folder']);
  });

  it('removes its temp file when the final rename fails (target is a folder)', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'doc.json'));
    await writeFile(join(dir, 'doc.json', 'inside'), 'keep me');
    await expect(writeFileDurably(join(dir, 'doc.json'), '{}')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['doc.json']);
    expect(await readFile(join(dir, 'doc.json', 'inside'), 'utf8')).toBe('keep me');
  });

  it('rejects in a read-only folder and leaves the previous file byte-identical', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'doc.json');
    await writeFileDurably(file, 'previous\n');
    const undo = await makeReadOnly(dir);
    try {
      await expect(writeFileDurably(file, 'next\n')).rejects.toThrow();
    } finally {
      await undo();
    }
    expect(await readFile(file, 'utf8')).toBe('previous\n');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });
});

describe('removeStaleTempFiles', () => {
  it('deletes temp files a crash left behind, but keeps fresh ones and everything else', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'doc.json');
    const old = join(dir, '.doc.json.4242-0123456789ab.tmp');
    const fresh = join(dir, '.doc.json.4243-ba9876543210.tmp');
    const other = join(dir, '.other.json.4242-0123456789ab.tmp');
    for (const path of [file, old, fresh, other]) await writeFile(path, '{"half":');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(old, anHourAgo, anHourAgo);
    await utimes(other, anHourAgo, anHourAgo);

    expect(await removeStaleTempFiles(file)).toEqual(['.doc.json.4242-0123456789ab.tmp']);
    expect((await readdir(dir)).sort()).toEqual(['.doc.json.4243-ba9876543210.tmp', '.other.json.4242-0123456789ab.tmp', 'doc.json']);
    expect((await stat(file)).size).toBe(8);
  });

  it('resolves with nothing removed when the folder does not exist', async () => {
    const dir = await makeTempDir();
    await expect(removeStaleTempFiles(join(dir, 'missing', 'doc.json'))).resolves.toEqual([]);
  });
});
