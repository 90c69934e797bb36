// The pack API as a host calls it: import with progress events, the active pack, activate and rollback.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskCore } from '../../../electron/core/kiosk-core';
import type { KioskCore } from '../../../electron/core/kiosk-core';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { listFilesInManifest, writeFixturePackDir } from '../../fixtures/packs/make-fixture-pack';

let base: string;
let core: KioskCore;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'sunrise-core-packs-'));
  core = await openKioskCore({ dataDir: join(base, 'data'), host: 'web', appVersion: '1.0.0', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: false });
  await core.settings.set('packs.acceptUnsigned', true);
});
afterEach(async () => {
  await core.close();
  await rm(base, { recursive: true, force: true });
});

async function pack(name: string, version: string): Promise<string> {
  const dir = await writeFixturePackDir(join(base, name), { version });
  await listFilesInManifest(dir);
  return dir;
}

describe('kiosk core: packs', () => {
  it('shows the built-in hall until a pack is imported, then the pack, and tells the renderers', async () => {
    expect(await core.dispatch('packs:active', [])).toMatchObject({ ok: true, value: { builtIn: true, baseUrl: '/pack/' } });
    const events: string[] = [];
    core.events.listen((channel, payload) => events.push(`${channel}:${(payload as { phase?: string }).phase ?? ''}`));

    const result = await core.dispatch('packs:import', [await pack('v1', '1.0.0'), { activate: true }]);
    expect(result).toMatchObject({ ok: true, value: { ok: true, activated: true } });
    expect(await core.dispatch('packs:active', [])).toMatchObject({
      ok: true,
      value: { builtIn: false, baseUrl: '/pack/mini-expo@1.0.0/', manifest: { id: 'mini-expo', version: '1.0.0' } },
    });
    expect(events).toContain('packs:import-progress:copying');
    expect(events.at(-1)).toBe('packs:changed:');
  });

  it('answers a refused import as a successful call whose report says why', async () => {
    const result = await core.dispatch('packs:import', [join(base, 'missing.zip'), { activate: true }]);
    expect(result).toMatchObject({ ok: true, value: { ok: false, errors: [{ code: 'PACK_E_IO' }] } });
  });

  it('lists, activates and rolls back installed packs', async () => {
    await core.dispatch('packs:import', [await pack('v1', '1.0.0'), { activate: true }]);
    await core.dispatch('packs:import', [await pack('v2', '2.0.0'), { activate: false }]);
    expect(await core.dispatch('packs:list', [])).toMatchObject({
      ok: true,
      value: [
        { id: 'mini-expo', version: '2.0.0', active: false },
        { id: 'mini-expo', version: '1.0.0', active: true },
      ],
    });
    expect(await core.dispatch('packs:activate', ['mini-expo@2.0.0'])).toMatchObject({ ok: true, value: { manifest: { version: '2.0.0' } } });
    expect(await core.dispatch('packs:rollback', [])).toMatchObject({ ok: true, value: { manifest: { version: '1.0.0' } } });
  });

  it('refuses to activate what is not installed, or roll back with nothing before', async () => {
    expect(await core.dispatch('packs:activate', ['mini-expo@9.9.9'])).toMatchObject({ ok: false, error: { code: 'PACK_E_NOT_FOUND' } });
    expect(await core.dispatch('packs:rollback', [])).toMatchObject({ ok: false, error: { code: 'PACK_E_NOT_FOUND' } });
    expect(await core.dispatch('packs:activate', ['../../etc@1'])).toMatchObject({ ok: false, error: { code: 'API_E_BAD_REQUEST' } });
    expect(await core.dispatch('packs:cancel-import', [])).toEqual({ ok: true, value: false });
  });
});

describe('kiosk core: the default pack shipped with the app', () => {
  async function bundledZip(version: string): Promise<string> {
    const { buildPack } = await import('../../../electron/core/packs/build-pack');
    const { generateSigningKeyPair } = await import('../../../electron/core/packs/signing');
    const dir = join(base, 'bundled');
    const src = await writeFixturePackDir(join(base, `bundled-src-${version}`), { id: 'default-expo', version });
    // Signed by a key no kiosk trusts: the app itself vouches for what it ships.
    const built = await buildPack({ sourceDir: src, outFile: join(dir, `default-expo-${version}.zip`), privateKeyPem: generateSigningKeyPair().privateKeyPem });
    expect(built.ok).toBe(true);
    return dir;
  }

  it('is installed and shown on first start without any trusted key', async () => {
    const bundledPacksDir = await bundledZip('1.0.0');
    const fresh = await openKioskCore({ dataDir: join(base, 'fresh'), host: 'web', appVersion: '1', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: false, bundledPacksDir });
    try {
      expect(fresh.packs.activePack()).toMatchObject({ builtIn: false, manifest: { id: 'default-expo', version: '1.0.0' } });
    } finally {
      await fresh.close();
    }
  });

  it('does not replace a pack staff imported', async () => {
    await core.dispatch('packs:import', [await pack('staff', '1.0.0'), { activate: true }]);
    await core.close();
    const bundledPacksDir = await bundledZip('1.0.0');
    core = await openKioskCore({ dataDir: join(base, 'data'), host: 'web', appVersion: '1', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: false, bundledPacksDir });
    expect(core.packs.activePack()).toMatchObject({ manifest: { id: 'mini-expo' } });
    expect((await core.packs.list()).map((p) => `${p.id}@${p.version}`)).toContain('default-expo@1.0.0');
  });
});
