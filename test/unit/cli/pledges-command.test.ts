// `sunrise-hall pledges`: staff moderation reaches a running kiosk's walls at once, and every action is audited.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPledgesCommand } from '../../../electron/cli/pledges-command';
import { openKioskCore } from '../../../electron/core/kiosk-core';
import type { KioskCore } from '../../../electron/core/kiosk-core';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import type { Pledge, PledgeWalls } from '../../../electron/shared/pledge-types';
import { writePledgePackDir } from '../pledges/pledge-fixtures';
import { makeTempDir, removeTempDirs } from '../store/fs-test-helpers';

let base: string;
let dataDir: string;
let core: KioskCore;
let heard: PledgeWalls[];

beforeEach(async () => {
  base = await makeTempDir('sunrise-pledges-cli-');
  dataDir = join(base, 'data');
  // watch: true, as a real kiosk runs, so it follows what the CLI changes.
  core = await openKioskCore({ dataDir, host: 'web', appVersion: '1.0.0', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: true });
  await core.settings.set('packs.acceptUnsigned', true);
  const imported = await core.dispatch('packs:import', [await writePledgePackDir(join(base, 'pack')), { activate: true }]);
  expect(imported).toMatchObject({ ok: true, value: { ok: true, activated: true } });
  heard = [];
  core.events.listen((channel, payload) => {
    if (channel === 'pledges:changed') heard.push(payload as PledgeWalls);
  });
});
afterEach(async () => {
  await core.close();
  await removeTempDirs();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPledgesCommand([...argv, '--data', dataDir], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function leave(text: string, exhibitId = 'pledge-wall'): Promise<Pledge> {
  const result = await core.dispatch('pledges:submit', [{ exhibitId, text }]);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Pledge;
}

const shownOn = (walls: PledgeWalls | undefined, wall = 'pledge-wall'): string[] => (walls?.walls[wall] ?? []).map((p) => p.text);
const auditLines = async (): Promise<Record<string, unknown>[]> =>
  (await readFile(join(dataDir, 'audit.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => String(entry.action).startsWith('pledge-'));

describe('pledges CLI against a running kiosk', () => {
  it('lists the active pack’s pledges by wall, newest first, hidden ones only with --all', async () => {
    const first = await leave('节约用水');
    const second = await leave('I will cycle to work');
    await leave('少用塑料袋', 'quiet-wall');
    expect(await run('hide', first.id)).toMatchObject({ code: 0 });

    const plain = await run('list');
    expect(plain.code).toBe(0);
    expect(plain.out.split('\n')).toEqual([
      'pledge-expo / pledge-wall: 1 visible, 1 hidden (--all lists them)',
      expect.stringMatching(new RegExp(`^  ${second.id}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  visible  I will cycle to work$`)),
      'pledge-expo / quiet-wall: 1 visible, 0 hidden',
      expect.stringContaining('少用塑料袋'),
    ]);
    const all = await run('list', '--all', '--exhibit', 'pledge-wall');
    expect(all.out.split('\n').slice(1)).toEqual([expect.stringContaining(second.id), expect.stringMatching(new RegExp(`^  ${first.id}  .*  hidden   节约用水$`))]);
  });

  it('hides a pledge and the running kiosk takes it off the wall without a reload, then shows it again', async () => {
    const keep = await leave('keep me');
    const rude = await leave('hide me');
    expect(shownOn(core.pledges.walls())).toEqual(['hide me', 'keep me']);
    heard.length = 0;

    const hidden = await run('hide', rude.id);
    expect(hidden).toEqual({ code: 0, out: `Hidden ${rude.id} on wall pledge-wall; a running kiosk takes it off the wall within a second.`, err: '' });
    await expect.poll(() => shownOn(heard.at(-1)), { timeout: 5000 }).toEqual(['keep me']);
    expect(await core.dispatch('pledges:list', [{ exhibitId: 'pledge-wall' }])).toMatchObject({ ok: true, value: [{ id: keep.id }] });

    expect((await run('show', rude.id)).code).toBe(0);
    await expect.poll(() => shownOn(heard.at(-1)), { timeout: 5000 }).toEqual(['hide me', 'keep me']);
  });

  it('clears a wall only with --yes, and the kiosk’s wall empties', async () => {
    await leave('one');
    await leave('two');
    await leave('other wall', 'quiet-wall');
    const unconfirmed = await run('clear', '--exhibit', 'pledge-wall');
    expect(unconfirmed).toMatchObject({ code: 2, err: 'This deletes all 2 pledges on wall pledge-wall of pledge-expo for good; add --yes to do it.' });
    expect(shownOn(core.pledges.walls())).toEqual(['two', 'one']);

    expect(await run('clear', '--exhibit', 'pledge-wall', '--yes')).toMatchObject({ code: 0, out: 'Deleted 2 pledges from wall pledge-wall of pledge-expo.' });
    await expect.poll(() => shownOn(heard.at(-1)), { timeout: 5000 }).toEqual([]);
    expect(shownOn(heard.at(-1), 'quiet-wall')).toEqual(['other wall']);
  });

  it('writes every moderation action, and a refused one, to the audit log', async () => {
    const pledge = await leave('audited');
    await run('hide', pledge.id);
    await run('show', pledge.id);
    await run('hide', 'zzzzzzzz');
    await run('clear', '--exhibit', 'pledge-wall', '--yes');
    expect(await auditLines()).toEqual([
      { t: expect.any(String), action: 'pledge-hide', outcome: 'ok', source: 'cli', pack: 'pledge-expo', entry: pledge.id, message: 'wall pledge-wall' },
      { t: expect.any(String), action: 'pledge-show', outcome: 'ok', source: 'cli', pack: 'pledge-expo', entry: pledge.id, message: 'wall pledge-wall' },
      { t: expect.any(String), action: 'pledge-hide', outcome: 'refused', source: 'cli', pack: 'pledge-expo', entry: 'zzzzzzzz', code: 'PLEDGE_E_NOT_FOUND' },
      { t: expect.any(String), action: 'pledge-clear', outcome: 'ok', source: 'cli', pack: 'pledge-expo', entry: 'pledge-wall', message: '1 pledges deleted' },
    ]);
  });

  it('refuses unknown ids, bad arguments and a missing data folder with the reason', async () => {
    expect(await run('hide', 'zzzzzzzz')).toMatchObject({ code: 1, err: expect.stringContaining('No pledge zzzzzzzz in pledge-expo; "sunrise-hall pledges list --all" shows every id') });
    expect(await run('hide', 'not-an-id')).toMatchObject({ code: 2, err: expect.stringContaining('"not-an-id" is not a pledge id') });
    expect(await run('hide')).toMatchObject({ code: 2, err: expect.stringContaining('Missing the PLEDGE-ID to hide') });
    expect(await run('delete', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown pledges command "delete"') });
    expect(await run('clear', '--yes')).toMatchObject({ code: 2, err: expect.stringContaining('Missing --exhibit ID') });
    expect(await run('list', '--exhibit', 'Bad Wall')).toMatchObject({ code: 2, err: expect.stringContaining('--exhibit "Bad Wall" is not an exhibit id') });
    const missing = await runPledgesCommand(['list', '--data', join(base, 'nowhere')], { stdout: () => {}, stderr: () => {} });
    expect(missing).toBe(2);
  });

  it('reads another pack’s pledges with --pack, and says so when there are none', async () => {
    expect(await run('list', '--pack', 'old-expo')).toEqual({ code: 0, out: 'No pledges yet in old-expo.', err: '' });
    expect(await run('list', '--exhibit', 'pledge-wall')).toEqual({ code: 0, out: 'No pledges on wall pledge-wall in pledge-expo.', err: '' });
  });
});
