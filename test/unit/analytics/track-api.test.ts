// `api.track` through the core's dispatch: every event shape accepted, anything like personal data refused, stamped by the core.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKioskCore } from '../../../electron/core/kiosk-core';
import type { KioskCore } from '../../../electron/core/kiosk-core';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import type { AnalyticsEvent } from '../../../electron/shared/analytics-types';
import { makeTempDir, removeTempDirs } from '../store/fs-test-helpers';

let dataDir: string;
let core: KioskCore;

beforeEach(async () => {
  dataDir = await makeTempDir('sunrise-track-');
  core = await openKioskCore({ dataDir, host: 'web', appVersion: '1.0.0', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: false });
});
afterEach(async () => {
  await core.close();
  await removeTempDirs();
});

const GOOD: AnalyticsEvent[] = [
  { type: 'visit.start' },
  { type: 'visit.end', durationMs: 185_000, reason: 'idle' },
  { type: 'visit.end', durationMs: 0, reason: 'restart' },
  { type: 'exhibit.open', exhibitId: 'solar-wall' },
  { type: 'exhibit.close', exhibitId: 'solar-wall', dwellMs: 42_000 },
  { type: 'mascot.tap', mascotId: 'sunny' },
  { type: 'tour.start', kind: 'attract' },
  { type: 'tour.finish', kind: 'mascot', id: 'sunny' },
  { type: 'tour.start', kind: 'zone', id: 'north' },
  { type: 'language.switch', to: 'en' },
  { type: 'language.switch', to: 'zh-CN' },
  { type: 'accessibility.mode', mode: 'low-reach', on: true },
  { type: 'accessibility.mode', mode: 'reduced-motion', on: false },
  { type: 'qr.shown', targetId: 'solar-wall' },
];

describe('analytics:track', () => {
  it('accepts every event shape and writes it with the core’s time and the active pack', async () => {
    const before = Date.now();
    for (const event of GOOD) expect(await core.dispatch('analytics:track', [event])).toEqual({ ok: true, value: null });
    await core.analytics.flush();
    const [file = ''] = await readdir(join(dataDir, 'analytics'));
    expect(file).toMatch(/^\d{4}-\d\d-\d\d\.jsonl$/);
    const lines = (await readFile(join(dataDir, 'analytics', file), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ t: _t, pack: _pack, ...event }) => event)).toEqual(GOOD);
    for (const line of lines) {
      expect(line.pack).toBe('sunrise-builtin@0.1.0');
      expect(Date.parse(String(line.t))).toBeGreaterThanOrEqual(before - 1);
      // Stamps first, so a line reads "when, which pack, what".
      expect(Object.keys(line).slice(0, 3)).toEqual(['t', 'pack', 'type']);
    }
  });

  it.each([
    ['free text in an extra field', { type: 'visit.start', note: 'Li Ming, 13800138000' }, 'remove "note"'],
    ['a visitor name', { type: 'mascot.tap', mascotId: 'sunny', visitorName: 'Li Ming' }, 'no free text, nothing that identifies a visitor'],
    ['a client timestamp (the core stamps time)', { type: 'visit.start', t: '2020-01-01T00:00:00.000Z' }, 'remove "t"'],
    ['a client pack (the core fills it in)', { type: 'visit.start', pack: 'other@9.9.9' }, 'remove "pack"'],
    ['an id that is a sentence', { type: 'exhibit.open', exhibitId: 'my name is Li Ming' }, 'lower-case id'],
    ['an id in Chinese', { type: 'qr.shown', targetId: '李明' }, 'lower-case id'],
    ['an upper-case id', { type: 'mascot.tap', mascotId: 'Sunny' }, 'lower-case id'],
    ['an unknown event type', { type: 'visitor.profile', age: 30 }, 'expected an analytics event'],
    ['no type', { exhibitId: 'solar-wall' }, 'expected an analytics event'],
    ['a negative duration', { type: 'visit.end', durationMs: -5, reason: 'idle' }, 'cannot be negative'],
    ['a fractional duration', { type: 'exhibit.close', exhibitId: 'a', dwellMs: 1.5 }, 'whole milliseconds'],
    ['a duration over a day', { type: 'visit.end', durationMs: 90_000_000, reason: 'idle' }, 'longer than a day'],
    ['an unknown end reason', { type: 'visit.end', durationMs: 5, reason: 'bored' }, 'reason'],
    ['a locale that is text', { type: 'language.switch', to: 'English please' }, 'locale tag'],
    ['an unknown accessibility mode', { type: 'accessibility.mode', mode: 'dark', on: true }, 'mode'],
    ['a mode without on/off', { type: 'accessibility.mode', mode: 'large-text' }, 'on'],
    ['a string instead of an event', 'visit.start', 'expected object'],
  ])('refuses %s with API_E_BAD_REQUEST saying what was wrong', async (_label, event, reason) => {
    const result = await core.dispatch('analytics:track', [event]);
    expect(result).toMatchObject({ ok: false, error: { code: 'API_E_BAD_REQUEST', message: expect.stringContaining('analytics:track was called with bad arguments') } });
    if (!result.ok) expect(result.error.message).toContain(reason);
  });

  it('refuses a second argument', async () => {
    expect(await core.dispatch('analytics:track', [{ type: 'visit.start' }, { name: 'x' }])).toMatchObject({ ok: false, error: { code: 'API_E_BAD_REQUEST' } });
  });

  it('writes nothing for refused events', async () => {
    await core.dispatch('analytics:track', [{ type: 'visit.start', name: 'Li Ming' }]);
    await core.analytics.flush();
    expect(await readdir(join(dataDir, 'analytics'))).toEqual([]);
  });

  it('loses nothing queued when the core closes (a clean shutdown flushes)', async () => {
    await core.dispatch('analytics:track', [{ type: 'visit.start' }]);
    await core.close();
    const [file = ''] = await readdir(join(dataDir, 'analytics'));
    expect((await readFile(join(dataDir, 'analytics', file), 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
    core = await openKioskCore({ dataDir, host: 'web', appVersion: '1.0.0', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: false });
  });

  it('applies analytics.retentionDays when it changes', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dataDir, 'analytics', '2001-01-01.jsonl'), '');
    // 2001 is far beyond 90 days, but the file was written after the start-up pass: the setting change prunes it.
    expect((await core.settings.set('analytics.retentionDays', 30)).ok).toBe(true);
    await expect.poll(async () => readdir(join(dataDir, 'analytics'))).toEqual([]);
  });
});
