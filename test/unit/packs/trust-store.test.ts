// The trust list in a real data folder: empty by default, durable, idempotent, strict about what a key is.
import { generateKeyPairSync } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { generateSigningKeyPair, keyIdOf } from '../../../electron/core/packs/signing';
import { openTrustStore } from '../../../electron/core/packs/trust-store';
import { makeTempDir, removeTempDirs, tempFilesIn } from '../store/fs-test-helpers';

afterEach(removeTempDirs);

const NOW = new Date('2031-02-03T04:05:06.789Z');
const ORGANIZER = generateSigningKeyPair();
const AGENCY = generateSigningKeyPair();

async function open(dir: string) {
  const logger = createMemoryLogger();
  return { store: await openTrustStore(dir, logger, () => NOW), logger };
}

describe('trust store', () => {
  it('is empty out of the box, and reading creates nothing', async () => {
    const dir = join(await makeTempDir(), 'data');
    const { store } = await open(dir);
    expect(await store.list()).toEqual([]);
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it('adds a key durably, with its id, name, canonical PEM and time, and reads it back after reopening', async () => {
    const dir = await makeTempDir();
    const { store } = await open(dir);
    const added = await store.add(ORGANIZER.publicKeyPem.replace(/\n/g, '\r\n'), 'Organizer 2031');
    expect(added).toEqual({ keyId: keyIdOf(ORGANIZER.publicKeyPem), name: 'Organizer 2031', publicKeyPem: ORGANIZER.publicKeyPem, addedAt: NOW.toISOString() });
    expect((await readdir(dir)).sort()).toEqual(['trust.json', 'trust.json.bak']);
    expect(await tempFilesIn(dir)).toEqual([]);
    const onDisk = JSON.parse(await readFile(join(dir, 'trust.json'), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: 1, keys: [added] });
    expect(await (await open(dir)).store.list()).toEqual([added]);
  });

  it('is idempotent: the same key again (any PEM layout, any name) changes nothing', async () => {
    const dir = await makeTempDir();
    const { store } = await open(dir);
    const first = await store.add(ORGANIZER.publicKeyPem, 'organizer');
    const before = await readFile(join(dir, 'trust.json'));
    expect(await store.add(`\n${ORGANIZER.publicKeyPem}\n`, 'another name')).toEqual(first);
    expect(await readFile(join(dir, 'trust.json'))).toEqual(before);
    expect(await store.list()).toHaveLength(1);
  });

  it.each([
    ['a private key', () => ORGANIZER.privateKeyPem, /private key; use the public half/],
    ['text that is no key', () => 'hello', /not a public key in PEM form/],
    ['an EC key', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), /ec key; packs are signed with Ed25519 keys only/],
  ])('refuses %s, leaving the file untouched', async (_label, pem, message) => {
    const dir = await makeTempDir();
    const { store } = await open(dir);
    await store.add(AGENCY.publicKeyPem, 'agency');
    const before = await readFile(join(dir, 'trust.json'));
    await expect(store.add(pem(), 'x')).rejects.toThrow(message);
    expect(await readFile(join(dir, 'trust.json'))).toEqual(before);
    expect(JSON.stringify(await store.list())).not.toContain('PRIVATE');
  });

  it('refuses an empty name, a control character, and a name another key has', async () => {
    const dir = await makeTempDir();
    const { store } = await open(dir);
    await expect(store.add(ORGANIZER.publicKeyPem, '  ')).rejects.toThrow(/needs a name/);
    await expect(store.add(ORGANIZER.publicKeyPem, 'a\u0007b')).rejects.toThrow(/control characters/);
    await store.add(ORGANIZER.publicKeyPem, 'organizer');
    await expect(store.add(AGENCY.publicKeyPem, 'organizer')).rejects.toThrow(/already named "organizer"/);
    expect((await store.list()).map((key) => key.name)).toEqual(['organizer']);
  });

  it('removes by key id or by name, and says false for neither', async () => {
    const dir = await makeTempDir();
    const { store } = await open(dir);
    const organizer = await store.add(ORGANIZER.publicKeyPem, 'organizer');
    await store.add(AGENCY.publicKeyPem, 'agency');
    expect(await store.remove('nobody')).toBe(false);
    expect(await store.remove(organizer.keyId)).toBe(true);
    expect(await store.remove('agency')).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(await (await open(dir)).store.list()).toEqual([]);
  });

  it('sees keys another process added (list reads the file), and keeps both of two concurrent adds', async () => {
    const dir = await makeTempDir();
    const kiosk = (await open(dir)).store;
    const cli = (await open(dir)).store;
    expect(await kiosk.list()).toEqual([]);
    await cli.add(ORGANIZER.publicKeyPem, 'organizer');
    expect((await kiosk.list()).map((key) => key.name)).toEqual(['organizer']);
    const one = await open(dir);
    await Promise.all([one.store.add(AGENCY.publicKeyPem, 'agency'), one.store.remove('organizer')]);
    expect((await kiosk.list()).map((key) => key.name)).toEqual(['agency']);
  });

  it('fails closed: a corrupt file with no backup is moved aside and trusts nothing', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'trust.json'), '{"schemaVersion":1,"keys":[{');
    const { store, logger } = await open(dir);
    expect(await store.list()).toEqual([]);
    expect(logger.entries.some((entry) => entry.level === 'error' && /trust\.json was not valid JSON/.test(entry.message))).toBe(true);
    expect((await readdir(dir)).some((name) => name.startsWith('trust.json.corrupt-'))).toBe(true);
  });

  it('recovers the last known good list from the backup', async () => {
    const dir = await makeTempDir();
    const { store } = await open(dir);
    const key = await store.add(ORGANIZER.publicKeyPem, 'organizer');
    await writeFile(join(dir, 'trust.json'), Buffer.alloc(64));
    expect(await store.list()).toEqual([key]);
  });

  it('treats an entry whose key id does not match its key as damage, not as trust', async () => {
    const dir = await makeTempDir();
    const forged = { keyId: keyIdOf(ORGANIZER.publicKeyPem), name: 'organizer', publicKeyPem: AGENCY.publicKeyPem, addedAt: NOW.toISOString() };
    await writeFile(join(dir, 'trust.json'), JSON.stringify({ schemaVersion: 1, keys: [forged] }));
    const { store, logger } = await open(dir);
    expect(await store.list()).toEqual([]);
    expect(logger.entries.map((entry) => entry.message).join('\n')).toMatch(/does not match its key/);
  });
});
