// The pledge document: durable writes, a cap per wall, recovery after a crash, and two processes taking turns.
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { withFileLock } from '../../../electron/core/pledges/file-lock';
import { MAX_PLEDGES_PER_WALL, openPledgeStore, PLEDGE_ID_PATTERN, visibleNewestFirst } from '../../../electron/core/pledges/pledge-store';
import type { Pledge } from '../../../electron/shared/pledge-types';
import { makeTempDir, removeTempDirs, tempFilesIn } from '../store/fs-test-helpers';

afterEach(removeTempDirs);

/** A distinct valid pledge id per number (base 31 over the id alphabet). */
function fakeId(n: number): string {
  const alphabet = '23456789abcdefghjkmnpqrstuvwxyz';
  let id = '';
  for (let rest = n, i = 0; i < 8; i++, rest = Math.floor(rest / alphabet.length)) id = (alphabet[rest % alphabet.length] ?? '2') + id;
  return id;
}

const open = (dataDir: string, logger = createMemoryLogger()) => openPledgeStore({ dataDir, packId: 'pledge-expo', logger, now: () => new Date('2026-11-28T02:00:00.000Z') });
const onDisk = async (dataDir: string): Promise<{ pledges: Pledge[] }> => JSON.parse(await readFile(join(dataDir, 'pledges', 'pledge-expo.json'), 'utf8'));

describe('openPledgeStore', () => {
  it('adds visible pledges durably, with a backup and no temp files left', async () => {
    const dataDir = await makeTempDir();
    const store = await open(dataDir);
    const pledge = await store.add('pledge-wall', '节约用水');
    expect(pledge).toEqual({ id: expect.stringMatching(PLEDGE_ID_PATTERN), exhibitId: 'pledge-wall', text: '节约用水', createdAt: '2026-11-28T02:00:00.000Z', status: 'visible' });
    expect((await onDisk(dataDir)).pledges).toEqual([pledge]);
    const dir = join(dataDir, 'pledges');
    expect(await readFile(join(dir, 'pledge-expo.json.bak'), 'utf8')).toBe(await readFile(join(dir, 'pledge-expo.json'), 'utf8'));
    expect(await tempFilesIn(dir)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['pledge-expo.json', 'pledge-expo.json.bak']);
  });

  it('hides, shows and clears, and a second store (the CLI) sees every change', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await open(dataDir);
    const cli = await open(dataDir);
    const a = await kiosk.add('pledge-wall', 'a');
    const b = await kiosk.add('pledge-wall', 'b');
    await kiosk.add('quiet-wall', 'c');
    expect(await cli.setStatus(a.id, 'hidden')).toMatchObject({ id: a.id, status: 'hidden' });
    expect(await cli.setStatus('zzzzzzzz', 'hidden')).toBeNull();
    expect(visibleNewestFirst(await kiosk.read(), 'pledge-wall', 50).map((p) => p.id)).toEqual([b.id]);
    expect(await cli.setStatus(a.id, 'visible')).toMatchObject({ status: 'visible' });
    expect(visibleNewestFirst(await kiosk.read(), 'pledge-wall', 50).map((p) => p.text)).toEqual(['b', 'a']);
    expect(await cli.clear('pledge-wall')).toBe(2);
    expect((await kiosk.read()).map((p) => p.text)).toEqual(['c']);
  });

  it(`keeps the newest ${MAX_PLEDGES_PER_WALL} per wall, dropping that wall's oldest and never another wall's`, async () => {
    const dataDir = await makeTempDir();
    const store = await open(dataDir);
    const other = await store.add('quiet-wall', 'other wall');
    // Start from a full wall written directly, rather than 500 durable writes.
    const full = await onDisk(dataDir);
    const filler = Array.from({ length: MAX_PLEDGES_PER_WALL }, (_, i) => ({ ...other, id: fakeId(i), exhibitId: 'pledge-wall', text: `old ${i}` }));
    const ids = new Set(filler.map((p) => p.id));
    expect(ids.size).toBe(MAX_PLEDGES_PER_WALL);
    await writeFile(join(dataDir, 'pledges', 'pledge-expo.json'), JSON.stringify({ ...full, pledges: [...filler, ...full.pledges] }));

    const newest = await store.add('pledge-wall', 'newest');
    const pledges = await store.read();
    const onWall = pledges.filter((p) => p.exhibitId === 'pledge-wall');
    expect(onWall).toHaveLength(MAX_PLEDGES_PER_WALL);
    expect(onWall[0]?.text).toBe('old 1');
    expect(onWall.at(-1)).toEqual(newest);
    expect(pledges.filter((p) => p.exhibitId === 'quiet-wall')).toEqual([other]);
  });

  it('recovers from a write cut short by a crash: temp files ignored, a torn file replaced by its backup', async () => {
    const dataDir = await makeTempDir();
    const first = await open(dataDir);
    const kept = await first.add('pledge-wall', 'kept');
    const dir = join(dataDir, 'pledges');
    // What a power cut mid-save can leave: the file half-written (or NUL-filled) and an abandoned temp file.
    await writeFile(join(dir, 'pledge-expo.json'), '{\n  "schemaVersion": 1,\n  "packId": "pledge-expo",\n  "pledges": [\n    {"id": "');
    const temp = join(dir, `.pledge-expo.json.999-aaaaaaaaaaaa.tmp`);
    await writeFile(temp, '{"schemaVersion": 1, "packId": "pledge-expo", "pled');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(temp, anHourAgo, anHourAgo);

    const logger = createMemoryLogger();
    const store = await open(dataDir, logger);
    expect(await store.read()).toEqual([kept]);
    expect(logger.entries.filter((e) => e.level === 'error').map((e) => e.message).join('\n')).toMatch(/pledge-expo\.json was not valid JSON.*moved it to .*corrupt-.*loaded the last known good copy/);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // And it goes on working from there.
    await store.add('pledge-wall', 'after');
    expect((await store.read()).map((p) => p.text)).toEqual(['kept', 'after']);
  });

  it('refuses a document of another pack as corrupt rather than mixing walls', async () => {
    const dataDir = await makeTempDir();
    const store = await open(dataDir);
    await writeFile(join(dataDir, 'pledges', 'pledge-expo.json'), JSON.stringify({ schemaVersion: 1, packId: 'other-expo', pledges: [] }));
    const logger = createMemoryLogger();
    expect(await (await open(dataDir, logger)).read()).toEqual([]);
    expect(logger.entries[0]?.message).toMatch(/belongs to another pack/);
    expect(store.packId).toBe('pledge-expo');
  });

  it('never loses a change when two writers (kiosk and CLI) act at the same moment', async () => {
    const dataDir = await makeTempDir();
    const kiosk = await open(dataDir);
    const cli = await open(dataDir);
    const first = await kiosk.add('pledge-wall', 'first');
    // Without the lock, the CLI's hide and the kiosk's adds would each write back their own stale copy.
    await Promise.all([cli.setStatus(first.id, 'hidden'), ...Array.from({ length: 8 }, (_, i) => kiosk.add('pledge-wall', `n${i}`))]);
    const pledges = await kiosk.read();
    expect(pledges).toHaveLength(9);
    expect(pledges.find((p) => p.id === first.id)?.status).toBe('hidden');
  });
});

describe('withFileLock', () => {
  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await makeTempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, '2147483646');
    await expect(withFileLock(lock, async () => 'ran')).resolves.toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock older than any real write, whoever holds it', async () => {
    const dir = await makeTempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, String(process.ppid));
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    await expect(withFileLock(lock, async () => 'ran')).resolves.toBe('ran');
  });

  it('takes over an empty lock (its creator died before writing its pid) once it is a second old', async () => {
    const dir = await makeTempDir();
    const lock = join(dir, '.x.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 5_000);
    await utimes(lock, old, old);
    await expect(withFileLock(lock, async () => 'ran')).resolves.toBe('ran');
  });

  it('releases the lock when the task fails', async () => {
    const dir = await makeTempDir();
    const lock = join(dir, '.x.lock');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
