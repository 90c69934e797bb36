// Static file resolution refuses every escape from its root (reliability.md A4), using a real folder tree.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../electron/core/serve/resolve-static';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sunrise-static-'));
  root = join(base, 'root');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'a.png'), 'png');
  await writeFile(join(root, 'assets', 'app-1a2b.js'), 'js');
  await writeFile(join(root, 'notes.txt'), 'not an allowed type');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(base, 'secret.png'), 'secret');
  await symlink(join(base, 'secret.png'), join(root, 'link.png'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveStaticFile', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/a.png', 'a.png'],
    ['/assets/app-1a2b.js', 'app-1a2b.js'],
  ])('serves %s', async (pathname, expectedName) => {
    const file = await resolveStaticFile(root, pathname);
    expect(file?.path.endsWith(expectedName)).toBe(true);
  });

  it('reports size and content type', async () => {
    await expect(resolveStaticFile(root, '/a.png')).resolves.toMatchObject({ size: 3, contentType: 'image/png' });
  });

  it.each([
    '/../secret.png',
    '/../../secret.txt',
    '/%2e%2e/secret.png',
    '/..%2fsecret.png',
    '/..%5c..%5csecret.png',
    '/C:/Windows/win.ini',
    '//etc/passwd',
    '/a.png%00.txt',
    '/a.png::$DATA',
    '/a.png:ads',
    '/A.PNG',
    '/link.png',
    '/notes.txt',
    '/assets',
    '/missing.png',
    '/%E0%A4%A',
  ])('refuses %s', async (pathname) => {
    await expect(resolveStaticFile(root, pathname)).resolves.toBeNull();
  });
});
