// Importing packs into a real data folder: installs, activation, rollback, and refusals that change nothing.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { acquireImportLock } from '../../../electron/core/packs/import-lock';
import { importPack } from '../../../electron/core/packs/import-pack';
import type { ImportOptions } from '../../../electron/core/packs/import-pack';
import { openPackStore } from '../../../electron/core/packs/pack-store';
import type { PackStore } from '../../../electron/core/packs/pack-store';
import { generateSigningKeyPair, keyIdOf } from '../../../electron/core/packs/signing';
import { listFilesInManifest, writeFixturePackDir } from '../../fixtures/packs/make-fixture-pack';
import { snapshot } from './data-snapshot';
import { buildZip, MADE_BY_UNIX, quotedOverlapBomb, UNIX_SYMLINK } from './source/raw-zip';

let base: string;
let dataDir: string;
let store: PackStore;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'sunrise-import-'));
  dataDir = join(base, 'data');
  store = await openPackStore(dataDir, createMemoryLogger());
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** An importable (unsigned) folder pack, optionally changed by `edit` after its file list was made. */
async function folderPack(name: string, options: Parameters<typeof writeFixturePackDir>[1] = {}, edit?: (dir: string) => Promise<void>): Promise<string> {
  const dir = await writeFixturePackDir(join(base, name), options);
  await listFilesInManifest(dir);
  await edit?.(dir);
  return dir;
}

function run(location: string, extra: Partial<ImportOptions> = {}) {
  return importPack(location, { dataDir, store, trusted: [], allowUnsigned: true, logger: createMemoryLogger(), ...extra });
}

async function auditLines(): Promise<Record<string, string>[]> {
  const text = await readFile(join(dataDir, 'audit.log'), 'utf8').catch(() => '');
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);
}

/** Runs a refused import and checks Invariant I: the data folder is byte-identical apart from one audit line. */
async function expectRefusedWithoutChange(location: string, code: string, extra: Partial<ImportOptions> = {}, entry?: string) {
  // A first good import, so there is an active pack and pointer that must survive untouched.
  const good = await run(await folderPack('good', { version: '0.9.0' }));
  expect(good.ok).toBe(true);
  const before = await snapshot(dataDir);
  const auditBefore = (await auditLines()).length;
  const result = await run(location, extra);
  expect(result.ok).toBe(false);
  expect(result.errors.map((e) => e.code)).toContain(code);
  if (entry !== undefined) expect(result.errors.find((e) => e.code === code)?.path).toBe(entry);
  expect(await snapshot(dataDir)).toEqual(before);
  const audit = await auditLines();
  expect(audit).toHaveLength(auditBefore + 1);
  expect(audit.at(-1)).toMatchObject({ action: 'import', outcome: expect.stringMatching(/refused|failed/), code });
  expect((await store.active())?.ref).toEqual({ id: 'mini-expo', version: '0.9.0' });
  return result;
}

describe('importPack', () => {
  it('installs and activates a good pack, with every file byte-exact', async () => {
    const dir = await folderPack('v1');
    const result = await run(dir);
    expect(result).toMatchObject({ ok: true, activated: true, alreadyInstalled: false, pack: { id: 'mini-expo', version: '1.0.0' } });
    const active = await store.active();
    expect(active?.manifest.title.en).toBe('Mini expo');
    expect(await readFile(join(active?.dir ?? '', 'images', 'welcome.png'))).toEqual(await readFile(join(dir, 'images', 'welcome.png')));
    expect(await readFile(join(active?.dir ?? '', 'manifest.json'))).toEqual(await readFile(join(dir, 'manifest.json')));
    expect(Object.keys(await snapshot(join(dataDir, 'packs'))).filter((p) => p.includes('.staging-'))).toEqual([]);
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'import', outcome: 'ok', pack: 'mini-expo@1.0.0' });
  });

  it('reports progress from checking through copying to done', async () => {
    const phases: string[] = [];
    let last = { bytesDone: 0, bytesTotal: 0 };
    await run(await folderPack('v1'), { onProgress: (p) => { phases.push(p.phase); last = p; } });
    expect([...new Set(phases)]).toEqual(['checking', 'copying', 'activating', 'done']);
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.bytesTotal).toBeGreaterThan(0);
  });

  it('can install without activating, then activate', async () => {
    await run(await folderPack('v1'));
    const second = await run(await folderPack('v2', { version: '2.0.0' }), { activate: false });
    expect(second).toMatchObject({ ok: true, activated: false });
    expect((await store.active())?.ref.version).toBe('1.0.0');
    await store.activate({ id: 'mini-expo', version: '2.0.0' });
    expect((await store.active())?.ref.version).toBe('2.0.0');
  });

  it('treats the same version with the same manifest as already installed', async () => {
    const dir = await folderPack('v1');
    await run(dir);
    expect(await run(dir)).toMatchObject({ ok: true, alreadyInstalled: true });
  });

  it('rolls back to the previous version and keeps only two earlier versions', async () => {
    for (const version of ['1.0.0', '1.1.0', '1.2.0', '1.3.0']) expect((await run(await folderPack(`v${version}`, { version }))).ok).toBe(true);
    expect((await store.list()).map((p) => p.version)).toEqual(['1.3.0', '1.2.0', '1.1.0']);
    expect(await store.rollback()).toEqual({ id: 'mini-expo', version: '1.2.0' });
    expect((await store.active())?.ref.version).toBe('1.2.0');
  });

  it('accepts a pack signed by a trusted key and refuses an unsigned one when unsigned packs are not allowed', async () => {
    const { publicKeyPem } = generateSigningKeyPair();
    const trusted = [{ keyId: keyIdOf(publicKeyPem), name: 'organizer', publicKeyPem, addedAt: new Date().toISOString() }];
    const result = await expectRefusedWithoutChange(await folderPack('unsigned', { version: '2.0.0' }), 'PACK_E_SIGNATURE', { trusted, allowUnsigned: false });
    expect(result.errors[0]?.message).toMatch(/pack build|acceptUnsigned/);
  });

  it('refuses an older version than one installed before (PACK_E_DOWNGRADE)', async () => {
    await expectRefusedWithoutChange(await folderPack('old', { version: '0.5.0' }), 'PACK_E_DOWNGRADE');
  });

  it('refuses the same version with different content', async () => {
    await expectRefusedWithoutChange(await folderPack('same', { version: '0.9.0', title: { 'zh-CN': '改', en: 'Changed' } }), 'PACK_E_DOWNGRADE');
  });

  it('refuses a file whose bytes changed after the manifest was made (PACK_E_HASH)', async () => {
    const dir = await folderPack('tampered', { version: '2.0.0' }, async (d) => {
      const file = join(d, 'audio', 'welcome.en.ogg');
      const bytes = await readFile(file);
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      await writeFile(file, bytes);
    });
    await expectRefusedWithoutChange(dir, 'PACK_E_HASH', {}, 'audio/welcome.en.ogg');
  });

  it('refuses a listed file that is missing (PACK_E_MISSING)', async () => {
    const dir = await folderPack('half-copied', { version: '2.0.0' }, (d) => rm(join(d, 'captions', 'welcome.en.vtt')));
    await expectRefusedWithoutChange(dir, 'PACK_E_MISSING', {}, 'captions/welcome.en.vtt');
  });

  it('refuses a file the manifest does not list (PACK_E_UNLISTED)', async () => {
    const dir = await folderPack('extra', { version: '2.0.0' }, (d) => writeFile(join(d, 'images', 'surprise.png'), Buffer.alloc(10)));
    await expectRefusedWithoutChange(dir, 'PACK_E_UNLISTED', {}, 'images/surprise.png');
  });

  it('refuses a file whose content contradicts its type (PACK_E_TYPE)', async () => {
    const dir = await folderPack('disguised', { version: '2.0.0', extraFiles: { 'images/welcome.png': '<html><script>alert(1)</script></html>' } });
    await expectRefusedWithoutChange(dir, 'PACK_E_TYPE', {}, 'images/welcome.png');
  });

  it('refuses a manifest that is not JSON, or fails the schema with its JSON path (PACK_E_MANIFEST)', async () => {
    const notJson = await folderPack('broken', { version: '2.0.0' }, (d) => writeFile(join(d, 'manifest.json'), '{ "schemaVersion": 1, '));
    await expectRefusedWithoutChange(notJson, 'PACK_E_MANIFEST');
    const badZone = await folderPack('bad-zone', { version: '2.0.0' }, async (d) => {
      const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
      manifest.hall.exhibits[1].zone = 'nowhere';
      await writeFile(join(d, 'manifest.json'), JSON.stringify(manifest));
    });
    const result = await run(badZone);
    expect(result.errors).toContainEqual(expect.objectContaining({ code: 'PACK_E_MANIFEST', path: '$.hall.exhibits[1].zone' }));
  });

  it('refuses a pack that does not fit on the disk before copying anything (PACK_E_SPACE)', async () => {
    await expectRefusedWithoutChange(await folderPack('huge', { version: '2.0.0' }), 'PACK_E_SPACE', { diskReserveBytes: Number.MAX_SAFE_INTEGER });
  });

  it('refuses a pack over the entry or size limits before copying anything (PACK_E_LIMIT)', async () => {
    const { DEFAULT_PACK_LIMITS } = await import('../../../electron/core/packs/source/pack-source');
    await expectRefusedWithoutChange(await folderPack('too-many', { version: '2.0.0' }), 'PACK_E_LIMIT', { limits: { ...DEFAULT_PACK_LIMITS, maxEntries: 3 } });
  });

  it('refuses while another import holds the lock (PACK_E_BUSY)', async () => {
    await run(await folderPack('good', { version: '0.9.0' }));
    const lock = await acquireImportLock(store.packsDir);
    expect(lock).not.toBeNull();
    try {
      const result = await run(await folderPack('second', { version: '2.0.0' }));
      expect(result.errors[0]?.code).toBe('PACK_E_BUSY');
    } finally {
      await lock?.release();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    await writeFile(join(store.packsDir, '.import.lock'), '999999');
    expect((await run(await folderPack('v1'))).ok).toBe(true);
  });

  it('cleanUp leaves the staging folder of an import running in another process, and removes one left by a dead process', async () => {
    await mkdir(join(store.packsDir, '.staging-elsewhere'));
    // The parent process (vitest's) is alive and is not this one: an import it runs is in progress.
    await writeFile(join(store.packsDir, '.import.lock'), String(process.ppid));
    await store.cleanUp();
    expect(await readdir(store.packsDir)).toContain('.staging-elsewhere');
    await writeFile(join(store.packsDir, '.import.lock'), '999999');
    await store.cleanUp();
    expect(await readdir(store.packsDir)).not.toContain('.staging-elsewhere');
  });

  it('stops on cancel and leaves everything as it was (PACK_E_CANCELLED)', async () => {
    const abort = new AbortController();
    abort.abort();
    await expectRefusedWithoutChange(await folderPack('cancelled', { version: '2.0.0' }), 'PACK_E_CANCELLED', { signal: abort.signal });
  });

  it('refuses a source that is not there (PACK_E_IO)', async () => {
    await expectRefusedWithoutChange(join(base, 'no-such-stick', 'pack.zip'), 'PACK_E_IO');
  });

  it('copies a pack from a zip as well as from a folder', async () => {
    const dir = await folderPack('for-zip', { version: '3.0.0' });
    const copy = join(base, 'copy');
    await cp(dir, copy, { recursive: true });
    const { buildPack } = await import('../../../electron/core/packs/build-pack');
    const zip = join(base, 'pack.zip');
    const built = await buildPack({ sourceDir: copy, outFile: zip });
    expect(built.ok).toBe(true);
    expect(await run(zip)).toMatchObject({ ok: true, pack: { version: '3.0.0' } });
  });

  describe('a structurally hostile zip is refused and changes nothing', () => {
    const hostile: [string, () => Buffer][] = [
      ['PACK_E_ZIP', () => buildZip([{ name: 'manifest.json', data: '{}' }]).subarray(0, 40)],
      ['PACK_E_PATH', () => buildZip([{ name: 'manifest.json', data: '{}' }, { name: '../../evil.png', data: 'x' }])],
      ['PACK_E_NAME', () => buildZip([{ name: 'manifest.json', data: '{}' }, { name: 'images/CON.png', data: 'x' }])],
      ['PACK_E_DUPLICATE', () => buildZip([{ name: 'manifest.json', data: '{}' }, { name: 'Logo.png', data: 'x' }, { name: 'logo.png', data: 'y' }])],
      ['PACK_E_SYMLINK', () => buildZip([{ name: 'manifest.json', data: '{}' }, { name: 'link.png', data: '/etc/passwd', madeBy: MADE_BY_UNIX, externalAttributes: UNIX_SYMLINK }])],
      ['PACK_E_TYPE', () => buildZip([{ name: 'manifest.json', data: '{}' }, { name: 'index.html', data: '<script>alert(1)</script>' }])],
      ['PACK_E_OVERLAP', () => quotedOverlapBomb(10, 1024)],
    ];
    it.each(hostile)('%s', async (code, make) => {
      const zip = join(base, `${code}.zip`);
      await writeFile(zip, make());
      await expectRefusedWithoutChange(zip, code);
    });
  });
});
