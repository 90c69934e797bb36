// Serving files of the active pack: listed paths only, byte ranges for seeking, nothing else on disk.
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { importPack } from '../../../electron/core/packs/import-pack';
import { openPackStore } from '../../../electron/core/packs/pack-store';
import type { ActiveInstalledPack } from '../../../electron/core/packs/pack-store';
import { parseRange, servePackFile } from '../../../electron/core/packs/serve-pack-file';
import { listFilesInManifest, solidPng, writeFixturePackDir } from '../../fixtures/packs/make-fixture-pack';

let base: string;
let pack: ActiveInstalledPack;
let png: Buffer;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sunrise-serve-'));
  const source = await writeFixturePackDir(join(base, 'src'), { extraFiles: { '展板/图片.png': solidPng(4, 4, [1, 2, 3]), 'words/blocked.txt': 'badword\n' } });
  await listFilesInManifest(source);
  png = await readFile(join(source, 'images', 'welcome.png'));
  const dataDir = join(base, 'data');
  const store = await openPackStore(dataDir, createMemoryLogger());
  const result = await importPack(source, { dataDir, store, trusted: [], allowUnsigned: true, logger: createMemoryLogger() });
  expect(result.ok).toBe(true);
  const active = await store.active();
  if (!active) throw new Error('no active pack');
  pack = active;
  await writeFile(join(base, 'secret.png'), 'secret');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function bodyOf(stream: Readable | null): Promise<Buffer> {
  if (stream === null) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const get = (path: string, range?: string) => servePackFile(pack, path, { method: 'GET', range });

describe('servePackFile', () => {
  it('serves a listed file whole, typed, immutable and nosniff', async () => {
    const reply = await get('mini-expo@1.0.0/images/welcome.png');
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject({ 'content-type': 'image/png', 'content-length': String(png.length), 'accept-ranges': 'bytes', 'x-content-type-options': 'nosniff' });
    expect(reply.headers['cache-control']).toContain('immutable');
    expect(await bodyOf(reply.body)).toEqual(png);
  });

  it("never serves a pledge wall's word list, though the pack lists it", async () => {
    expect(pack.manifest.files.some((f) => f.path === 'words/blocked.txt')).toBe(true);
    expect((await get('mini-expo@1.0.0/words/blocked.txt')).status).toBe(404);
  });

  it('serves a file with a Chinese name at its percent-encoded URL', async () => {
    const reply = await get(`mini-expo@1.0.0/${encodeURIComponent('展板')}/${encodeURIComponent('图片.png')}`);
    expect(reply.status).toBe(200);
    expect(await bodyOf(reply.body)).toEqual(solidPng(4, 4, [1, 2, 3]));
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const reply = await get('mini-expo@1.0.0/images/welcome.png', 'bytes=8-15');
    expect(reply.status).toBe(206);
    expect(reply.headers['content-range']).toBe(`bytes 8-15/${png.length}`);
    expect(await bodyOf(reply.body)).toEqual(png.subarray(8, 16));
  });

  it('answers open-ended and suffix ranges', async () => {
    expect(await bodyOf((await get('mini-expo@1.0.0/images/welcome.png', 'bytes=20-')).body)).toEqual(png.subarray(20));
    expect(await bodyOf((await get('mini-expo@1.0.0/images/welcome.png', 'bytes=-4')).body)).toEqual(png.subarray(png.length - 4));
  });

  it('answers an unsatisfiable range with 416 and the size', async () => {
    const reply = await get('mini-expo@1.0.0/images/welcome.png', `bytes=${png.length}-`);
    expect(reply.status).toBe(416);
    expect(reply.headers['content-range']).toBe(`bytes */${png.length}`);
    expect(reply.body).toBeNull();
  });

  it('sends headers only for HEAD', async () => {
    const reply = await servePackFile(pack, 'mini-expo@1.0.0/images/welcome.png', { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBeNull();
  });

  it.each([
    'mini-expo@0.9.0/images/welcome.png',
    'other@1.0.0/images/welcome.png',
    'mini-expo@1.0.0/manifest.json',
    'mini-expo@1.0.0/manifest.sig',
    'mini-expo@1.0.0/images/WELCOME.PNG',
    'mini-expo@1.0.0/images/../../secret.png',
    'mini-expo@1.0.0/images/%2e%2e/%2e%2e/secret.png',
    'mini-expo@1.0.0/..%2f..%2fsecret.png',
    'mini-expo@1.0.0/images%5cwelcome.png',
    'mini-expo@1.0.0//etc/passwd',
    'mini-expo@1.0.0/images/welcome.png%00.txt',
    '%E0%A4%A',
  ])('refuses %s with 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  it('serves nothing when no pack is active', async () => {
    expect((await servePackFile(null, 'mini-expo@1.0.0/images/welcome.png', { method: 'GET' })).status).toBe(404);
  });

  it('refuses a listed file that was swapped for a symlink after install', async () => {
    const target = join(pack.dir, 'audio', 'welcome.en.ogg');
    await rm(target);
    await symlink(join(base, 'secret.png'), target);
    expect((await get('mini-expo@1.0.0/audio/welcome.en.ogg')).status).toBe(404);
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 100, null],
    ['bytes=0-0', 100, { start: 0, end: 0 }],
    ['bytes=0-999', 100, { start: 0, end: 99 }],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=50-10', 100, null],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=0-', 0, 'unsatisfiable'],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
