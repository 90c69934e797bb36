// Pledge walls as the kiosk serves them: every refusal with its code, the rate limit, list order and change events.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventHub } from '../../../electron/core/api/event-hub';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { BUILTIN_MANIFEST } from '../../../electron/core/packs/builtin-manifest';
import { openPledgeService } from '../../../electron/core/pledges/pledge-service';
import type { PledgeService } from '../../../electron/core/pledges/pledge-service';
import type { ActivePack } from '../../../electron/shared/api';
import type { PledgeWalls } from '../../../electron/shared/pledge-types';
import { makeReadOnly, makeTempDir, removeTempDirs } from '../store/fs-test-helpers';
import { installPledgePack } from './pledge-fixtures';

const services: PledgeService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  await removeTempDirs();
});

async function setup(options: { perMinute?: number; words?: string } = {}) {
  const dataDir = await makeTempDir();
  let pack: ActivePack = await installPledgePack(dataDir, options.words === undefined ? {} : { words: options.words });
  const events = createEventHub();
  const heard: PledgeWalls[] = [];
  events.listen((channel, payload) => {
    if (channel === 'pledges:changed') heard.push(payload as PledgeWalls);
  });
  let clock = 0;
  const logger = createMemoryLogger();
  const service = await openPledgeService({ dataDir, logger, events, activePack: () => pack, perMinute: options.perMinute ?? 100, monotonicMs: () => clock });
  services.push(service);
  return {
    dataDir,
    service,
    events,
    heard,
    logger,
    advance: (ms: number) => (clock += ms),
    switchTo: (next: ActivePack) => {
      pack = next;
      events.emit('packs:changed', next);
    },
  };
}

const submit = (service: PledgeService, text: string, exhibitId = 'pledge-wall') => service.submit({ exhibitId, text });
const codeOf = async (result: Promise<{ ok: boolean; error?: { code: string } }>): Promise<string> => {
  const settled = await result;
  return settled.ok ? 'ok' : (settled.error?.code ?? '?');
};

describe('pledge service', () => {
  it('stores a pledge, lists it, and tells the renderers with every wall of the pack', async () => {
    const { service, heard } = await setup();
    expect(service.walls()).toEqual({ packId: 'pledge-expo', walls: { 'pledge-wall': [], 'quiet-wall': [] } });

    const result = await submit(service, '  我承诺 节约用水 💧 ');
    expect(result).toMatchObject({ ok: true, value: { exhibitId: 'pledge-wall', text: '我承诺 节约用水 💧', status: 'visible' } });
    const pledge = result.ok ? result.value : null;
    expect(await service.list({ exhibitId: 'pledge-wall' })).toEqual({ ok: true, value: [pledge] });
    expect(heard).toEqual([{ packId: 'pledge-expo', walls: { 'pledge-wall': [pledge], 'quiet-wall': [] } }]);
    expect(service.walls()).toEqual(heard[0]);
  });

  it('lists newest first, at most 50, per wall', async () => {
    const { service } = await setup();
    for (let i = 0; i < 55; i++) await submit(service, `pledge ${i}`);
    await submit(service, 'elsewhere', 'quiet-wall');
    const listed = await service.list({ exhibitId: 'pledge-wall' });
    expect(listed.ok && listed.value.map((p) => p.text)).toEqual(Array.from({ length: 50 }, (_, i) => `pledge ${54 - i}`));
    expect(await service.list({ exhibitId: 'quiet-wall' })).toMatchObject({ ok: true, value: [{ text: 'elsewhere' }] });
  });

  it('refuses an exhibit that is not a pledge wall of the active pack', async () => {
    const { service } = await setup();
    for (const exhibitId of ['panel', 'no-such-exhibit']) {
      const result = await submit(service, 'hello', exhibitId);
      expect(result).toMatchObject({ ok: false, error: { code: 'PLEDGE_E_NOT_A_WALL', message: expect.stringContaining(`"${exhibitId}" is not a pledge wall`) } });
      expect(await codeOf(service.list({ exhibitId }))).toBe('PLEDGE_E_NOT_A_WALL');
    }
  });

  it('refuses empty, overlong, markup and contact data with their own codes, storing nothing', async () => {
    const { service, heard } = await setup();
    expect(await codeOf(submit(service, ' \n '))).toBe('PLEDGE_E_EMPTY');
    expect(await codeOf(submit(service, '好'.repeat(81)))).toBe('PLEDGE_E_TOO_LONG');
    expect(await codeOf(submit(service, '<img src=x onerror=alert(1)>'))).toBe('PLEDGE_E_CHARS');
    expect(await codeOf(submit(service, '加我 13800138000'))).toBe('PLEDGE_E_PERSONAL');
    expect(await service.list({ exhibitId: 'pledge-wall' })).toEqual({ ok: true, value: [] });
    expect(heard).toEqual([]);
  });

  it('refuses words from the wall’s list and the built-in list: Chinese, Latin, full-width, spaced out', async () => {
    const { service, logger } = await setup();
    for (const text of ['你是坏蛋', '坏 蛋', 'such a BAD WORD', 'ｂａｄ ｗｏｒｄ', 'b-a-d w.o.r.d', 'STUPIDEST idea', '傻逼', 'f u c k']) {
      const result = await submit(service, text);
      expect(result, text).toMatchObject({ ok: false, error: { code: 'PLEDGE_E_BLOCKED' } });
      // The refusal never repeats the word: the renderer shows this message to the visitor.
      if (!result.ok) expect(result.error.message).not.toMatch(/坏蛋|bad|stupid|傻逼|fuck/i);
    }
    // The quiet wall has no list of its own, but the built-in one still applies.
    expect(await codeOf(submit(service, '草泥马', 'quiet-wall'))).toBe('PLEDGE_E_BLOCKED');
    expect(await codeOf(submit(service, '坏蛋', 'quiet-wall'))).toBe('ok');
    expect(await codeOf(submit(service, 'a badminton match'))).toBe('ok');
    expect(logger.entries.some((e) => e.detail?.entry === 'bad word')).toBe(true);
  });

  it('takes at most N pledges a minute per kiosk, on a clock that cannot be set back', async () => {
    const { service, advance } = await setup({ perMinute: 3 });
    for (let i = 0; i < 3; i++) expect(await codeOf(submit(service, `ok ${i}`))).toBe('ok');
    advance(20_000);
    const refused = await submit(service, 'one too many');
    expect(refused).toMatchObject({ ok: false, error: { code: 'PLEDGE_E_RATE', message: expect.stringContaining('try again in 40 seconds') } });
    advance(40_000);
    expect(await codeOf(submit(service, 'a minute later'))).toBe('ok');
    // Refused pledges do not use up the allowance.
    expect(await codeOf(submit(service, ''))).toBe('PLEDGE_E_EMPTY');
  });

  it('follows the active pack: a switch publishes the new pack’s walls', async () => {
    const { service, heard, switchTo } = await setup();
    await submit(service, 'on the first pack');
    switchTo({ manifest: BUILTIN_MANIFEST, baseUrl: '/pack/', builtIn: true });
    await expect.poll(() => heard.at(-1)?.packId).toBe('sunrise-builtin');
    expect(heard.at(-1)).toEqual({ packId: 'sunrise-builtin', walls: {} });
    expect(await codeOf(submit(service, 'hello'))).toBe('PLEDGE_E_NOT_A_WALL');
  });

  it('closes a wall whose word list cannot be read, rather than show pledges unfiltered', async () => {
    const dataDir = await makeTempDir();
    const pack = await installPledgePack(dataDir);
    // Not UTF-8: a list saved as GBK would silently match nothing.
    await writeFile(join(dataDir, 'packs', 'pledge-expo@1.0.0', 'words', 'blocked.txt'), Buffer.from([0xbb, 0xb5, 0xb5, 0xb0, 0x0a]));
    const logger = createMemoryLogger();
    const service = await openPledgeService({ dataDir, logger, events: createEventHub(), activePack: () => pack });
    services.push(service);
    expect(await submit(service, 'hello')).toMatchObject({ ok: false, error: { code: 'PLEDGE_E_NOT_SAVED', message: expect.stringContaining('word list could not be read') } });
    expect(await codeOf(submit(service, 'hello', 'quiet-wall'))).toBe('ok');
    expect(logger.entries.find((e) => e.level === 'error')?.message).toMatch(/pledge-wall takes no pledges.*words\/blocked\.txt/);
  });

  it('answers PLEDGE_E_NOT_SAVED when the disk refuses the write, and keeps the wall as it was', async () => {
    const { service, dataDir, heard } = await setup();
    await submit(service, 'before');
    const undo = await makeReadOnly(join(dataDir, 'pledges'));
    try {
      expect(await submit(service, 'refused by the disk')).toMatchObject({ ok: false, error: { code: 'PLEDGE_E_NOT_SAVED' } });
    } finally {
      await undo();
    }
    expect(heard.at(-1)?.walls['pledge-wall']?.map((p) => p.text)).toEqual(['before']);
    expect(await codeOf(submit(service, 'after'))).toBe('ok');
  });
});
