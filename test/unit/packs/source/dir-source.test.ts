// Folder pack sources: links, special files, names, collisions, junk, and files that change after the check.
import { appendFile, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, codesOf, makeTempDir, openOk, problemsOf, readAll, rejection, streamFailure } from './source-fixtures';

afterEach(cleanUp);

/** A temp folder holding `files` (path → content; a trailing `/` makes an empty folder). */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir();
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'));
    if (path.endsWith('/')) {
      await mkdir(target, { recursive: true });
    } else {
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, content);
    }
  }
  return dir;
}

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('a well-formed folder', () => {
  it('lists its files sorted, skips empty folders and junk, and streams them', async () => {
    const dir = await folder({
      'manifest.json': '{}',
      'manifest.sig': 'sig',
      'images/b.png': 'bee',
      'images/a.png': 'ay',
      'empty/': '',
      '.DS_Store': 'x',
      'images/Thumbs.db': 'x',
      'images/desktop.ini': 'x',
      '__MACOSX/images/._a.png': 'x',
    });
    const source = await openOk(dir);
    expect(source.kind).toBe('dir');
    expect(source.entries).toEqual([
      { path: 'images/a.png', size: 2 },
      { path: 'images/b.png', size: 3 },
      { path: 'manifest.json', size: 2 },
      { path: 'manifest.sig', size: 3 },
    ]);
    expect((await readAll(await source.openEntry('images/b.png'))).toString()).toBe('bee');
  });

  it('gives macOS-style NFD names their NFC path and still opens them', async () => {
    const dir = await folder({ 'cafe\u0301.png': 'coffee' });
    const source = await openOk(dir);
    expect(source.entries.map((e) => e.path)).toEqual(['caf\u00e9.png']);
    expect((await readAll(await source.openEntry('caf\u00e9.png'))).toString()).toBe('coffee');
  });

  it('follows a link given as the location itself, but no link inside', async () => {
    const dir = await folder({ 'a.png': 'x' });
    const link = join(await makeTempDir(), 'pack');
    await symlink(dir, link);
    expect((await openOk(link)).entries.map((e) => e.path)).toEqual(['a.png']);
  });
});

describe('refusals', () => {
  posixOnly('refuses symlinks to files and folders, inside or outside the pack, without following them', async () => {
    const dir = await folder({ 'real.png': 'x', 'sub/b.png': 'y' });
    await symlink(join(dir, 'real.png'), join(dir, 'inside.png'));
    await symlink('/etc/passwd', join(dir, 'outside.png'));
    await symlink(join(dir, 'sub'), join(dir, 'linked-folder'));
    const problems = await problemsOf(dir);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['PACK_E_SYMLINK', 'inside.png'],
      ['PACK_E_SYMLINK', 'linked-folder'],
      ['PACK_E_SYMLINK', 'outside.png'],
    ]);
  });

  posixOnly('refuses a socket inside a pack as PACK_E_TYPE, and as a location as PACK_E_ZIP', async () => {
    const dir = await folder({ 'a.png': 'x' });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'sock.png'), resolve));
    try {
      expect(await problemsOf(dir)).toEqual([expect.objectContaining({ code: 'PACK_E_TYPE', path: 'sock.png' })]);
      // Given as the location itself, it is neither a zip nor a folder, and is never opened.
      expect(codesOf(await problemsOf(join(dir, 'sock.png')))).toEqual(['PACK_E_ZIP']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses A.png next to a.png (they are one file on Windows and macOS)', async () => {
    const problems = await problemsOf(await folder({ 'A.png': '1', 'a.png': '2' }));
    expect(problems).toEqual([{ code: 'PACK_E_DUPLICATE', path: 'a.png', message: expect.stringContaining('A.png') as unknown }]);
  });

  it('refuses disallowed types and Windows-hostile names, reporting all of them', async () => {
    const problems = await problemsOf(await folder({ 'index.html': 'x', 'x.png ': 'x', 'con.png': 'x', 'ok.png': 'x' }));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['PACK_E_NAME', 'con.png'],
      ['PACK_E_TYPE', 'index.html'],
      ['PACK_E_NAME', 'x.png '],
    ]);
  });

  posixOnly('refuses a name that is not valid UTF-8 on disk', async () => {
    const dir = await folder({ 'ok.png': 'x' });
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff, 0x2e, 0x70, 0x6e, 0x67])]), 'x');
    expect(codesOf(await problemsOf(dir))).toEqual(['PACK_E_NAME']);
  });

  it('refuses folders nested too deep without walking on', async () => {
    const problems = await problemsOf(await folder({ '1/2/3/4/5/6/7/8/9/10/deep.png': 'x' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'PACK_E_PATH', path: '1/2/3/4/5/6/7/8' })]);
  });

  it('reports a missing location as PACK_E_IO naming it', async () => {
    const missing = join(await makeTempDir(), 'gone');
    expect(await problemsOf(missing)).toEqual([{ code: 'PACK_E_IO', path: '', message: expect.stringContaining(missing) as unknown }]);
  });
});

describe('files that change after the check', () => {
  it('fails with PACK_E_IO when a file changed size, was deleted or was replaced', async () => {
    const dir = await folder({ 'grown.png': 'abc', 'gone.png': 'abc', 'swapped.png': 'abc' });
    const source = await openOk(dir);
    await appendFile(join(dir, 'grown.png'), 'more');
    await rm(join(dir, 'gone.png'));
    await writeFile(join(dir, 'other.tmp'), 'xyz');
    await rename(join(dir, 'other.tmp'), join(dir, 'swapped.png'));
    for (const path of ['grown.png', 'gone.png', 'swapped.png']) {
      expect((await rejection(source.openEntry(path))).problem, path).toMatchObject({ code: 'PACK_E_IO', path });
    }
  });

  it('fails with PACK_E_IO when a file grew after the check', async () => {
    // Grown before the open, not during the read: a read racing the append would make the test flaky.
    const dir = await folder({ 'a.bin': 'abc' });
    const source = await openOk(dir);
    await appendFile(join(dir, 'a.bin'), 'more bytes');
    const failure = await source.openEntry('a.bin').then(streamFailure, (error: unknown) => error as Awaited<ReturnType<typeof streamFailure>>);
    expect(failure.problem).toMatchObject({ code: 'PACK_E_IO', path: 'a.bin', message: expect.stringContaining('changed') as unknown });
  });

  posixOnly('refuses to follow a symlink swapped in after the check', async () => {
    const dir = await folder({ 'a.png': 'abc' });
    const source = await openOk(dir);
    await rm(join(dir, 'a.png'));
    await symlink('/etc/hostname', join(dir, 'a.png'));
    expect((await rejection(source.openEntry('a.png'))).problem.code).toBe('PACK_E_SYMLINK');
  });

  it('stops with PACK_E_CANCELLED on abort, and close() ends open streams', async () => {
    const dir = await folder({ 'a.bin': 'x'.repeat(3_000_000), 'b.bin': 'y'.repeat(3_000_000) });
    const source = await openOk(dir);
    const controller = new AbortController();
    const stream = await source.openEntry('a.bin', controller.signal);
    controller.abort();
    expect((await streamFailure(stream)).problem.code).toBe('PACK_E_CANCELLED');
    const open = await source.openEntry('b.bin');
    await source.close();
    expect(open.destroyed).toBe(true);
    expect((await rejection(source.openEntry('b.bin'))).problem.code).toBe('PACK_E_IO');
  });
});
