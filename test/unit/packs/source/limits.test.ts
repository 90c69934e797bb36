// PACK_E_LIMIT from declared sizes, before any data is read: a pack exactly at each limit passes, one over fails.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildZip } from './raw-zip';
import type { RawEntry } from './raw-zip';
import { cleanUp, codesOf, limits, makeTempDir, openOk, problemsOf, writeZip } from './source-fixtures';

afterEach(cleanUp);

const tiny = limits({ maxEntries: 3, maxTotalBytes: 300, maxFileBytes: 120, maxCompressionRatio: 10, ratioCheckMinBytes: 100 });
const files = (sizes: number[]): RawEntry[] => sizes.map((size, i) => ({ name: `f${i}.bin`, data: Buffer.alloc(size, 'a'), method: 0 }));

describe('zip limits', () => {
  it('passes a pack exactly at the entry count, total and per-file limits', async () => {
    const source = await openOk(await writeZip(files([100, 100, 100])), tiny);
    expect(source.entries).toHaveLength(3);
  });

  it('refuses one entry too many, one byte too many in total, and one file one byte too big', async () => {
    expect(codesOf(await problemsOf(await writeZip(files([1, 1, 1, 1])), tiny))).toEqual(['PACK_E_LIMIT']);
    expect(await problemsOf(await writeZip(files([100, 100, 101])), tiny)).toEqual([expect.objectContaining({ code: 'PACK_E_LIMIT', path: '' })]);
    expect(await problemsOf(await writeZip(files([121])), tiny)).toEqual([expect.objectContaining({ code: 'PACK_E_LIMIT', path: 'f0.bin' })]);
  });

  it('counts only files: folders and junk do not use up the entry limit', async () => {
    const source = await openOk(await writeZip([{ name: 'a/', method: 0 }, { name: '__MACOSX/a/._x', data: 'x' }, ...files([1, 1, 1])]), tiny);
    expect(source.entries).toHaveLength(3);
  });

  it('refuses a suspicious compression ratio above the size where it is checked, and allows it below', async () => {
    const zeros = (size: number): RawEntry[] => [{ name: 'z.bin', data: Buffer.alloc(size) }];
    const generous = limits({ ...tiny, maxFileBytes: 1e6, maxTotalBytes: 1e6 });
    expect(await problemsOf(await writeZip(zeros(10_000)), generous)).toEqual([expect.objectContaining({ code: 'PACK_E_LIMIT', path: 'z.bin', message: expect.stringContaining('zip bomb') as unknown })]);
    await openOk(await writeZip(zeros(100)), generous);
    // Exactly at the ratio passes (the declared size is all the check looks at); one byte more fails.
    const compressed = deflateRawSync(Buffer.alloc(1000)).length;
    const declaring = (size: number): RawEntry[] => [{ name: 'r.bin', data: Buffer.alloc(1000), uncompressedSize: size }];
    await openOk(await writeZip(declaring(compressed * 10)), generous);
    expect(codesOf(await problemsOf(await writeZip(declaring(compressed * 10 + 1)), generous))).toEqual(['PACK_E_LIMIT']);
  });

  it('refuses a 10 GB declared entry from its header alone (the data is 10 bytes)', async () => {
    const problems = await problemsOf(await writeZip([{ name: 'huge.mp4', data: 'tiny', method: 8, uncompressedSize: 0xfffffffe }]));
    expect(codesOf(problems)).toEqual(['PACK_E_LIMIT']);
    expect(problems.map((p) => p.path)).toContain('huge.mp4');
  });

  it('stops before reading a directory that claims far more records than any pack may have', async () => {
    const bytes = buildZip(files([1]), { declaredEntries: 65_535 });
    expect(await problemsOf(await writeZip(bytes), tiny)).toEqual([expect.objectContaining({ code: 'PACK_E_LIMIT', message: expect.stringContaining('65,535') as unknown })]);
  });
});

describe('folder limits', () => {
  async function folder(sizes: number[]): Promise<string> {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'sub'));
    await Promise.all(sizes.map((size, i) => writeFile(join(dir, i % 2 ? 'sub' : '', `f${i}.bin`), Buffer.alloc(size))));
    return dir;
  }

  it('passes a folder exactly at the limits', async () => {
    expect((await openOk(await folder([100, 100, 100]), tiny)).entries).toHaveLength(3);
  });

  it('refuses one file too many, one byte too many in total and one file one byte too big', async () => {
    expect(codesOf(await problemsOf(await folder([1, 1, 1, 1]), tiny))).toEqual(['PACK_E_LIMIT']);
    expect(codesOf(await problemsOf(await folder([100, 100, 101]), tiny))).toEqual(['PACK_E_LIMIT']);
    expect(await problemsOf(await folder([121]), tiny)).toEqual([expect.objectContaining({ code: 'PACK_E_LIMIT', path: 'f0.bin' })]);
  });
});
