// The analytics writer: one JSON Lines file per local day, batched fsynced appends, torn lines skipped, old days deleted.
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayName, lastDays } from '../../../electron/core/analytics/day-files';
import { openAnalyticsLog } from '../../../electron/core/analytics/event-log';
import type { AnalyticsLog } from '../../../electron/core/analytics/event-log';
import { parseDayText, readAnalyticsDays } from '../../../electron/core/analytics/read-events';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import type { RecordedEvent } from '../../../electron/shared/analytics-types';
import { makeReadOnly, makeTempDir, removeTempDirs } from '../store/fs-test-helpers';

const logs: AnalyticsLog[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
  await removeTempDirs();
});

/** A clock tests move by hand; local time, like the kiosk's. */
function clock(start: Date) {
  let current = start;
  return { now: () => current, set: (next: Date) => (current = next) };
}

async function openLog(dir: string, options: { now?: () => Date; retentionDays?: number; maxDayBytes?: number; reserveBytes?: number } = {}) {
  const logger = createMemoryLogger();
  // A long timer: tests flush by hand, so nothing depends on timing.
  const log = await openAnalyticsLog({
    dir,
    logger,
    retentionDays: options.retentionDays ?? 90,
    flushMs: 60_000,
    // No reserve unless a test asks: the machine's real free space must not decide other tests.
    reserveBytes: options.reserveBytes ?? 0,
    ...(options.now ? { now: options.now } : {}),
    ...(options.maxDayBytes ? { maxDayBytes: options.maxDayBytes } : {}),
  });
  logs.push(log);
  return { log, logger };
}

const event = (exhibitId: string, t = '2026-11-28T02:00:00.000Z'): RecordedEvent => ({ t, pack: 'expo@1.0.0', type: 'exhibit.open', exhibitId });

describe('analytics event log', () => {
  it('writes nothing until the batch is flushed, then one line per event in today’s file', async () => {
    const dir = await makeTempDir();
    const time = clock(new Date(2026, 10, 28, 10, 0));
    const { log } = await openLog(dir, { now: time.now });
    expect(log.record(event('a'))).toBe(true);
    expect(log.record(event('b'))).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    await log.flush();
    expect(await readdir(dir)).toEqual(['2026-11-28.jsonl']);
    expect(await readFile(join(dir, '2026-11-28.jsonl'), 'utf8')).toBe(`${JSON.stringify(event('a'))}\n${JSON.stringify(event('b'))}\n`);
  });

  it('stops on a nearly full disk, counting what it drops and saying so once (reliability.md C7)', async () => {
    const dir = await makeTempDir();
    const { statfs } = await import('node:fs/promises');
    const info = await statfs(dir);
    // A reserve larger than the real free space of this file system: the disk counts as nearly full.
    const { log, logger } = await openLog(dir, { reserveBytes: info.bavail * info.bsize + 2 ** 30 });
    log.record(event('a'));
    log.record(event('b'));
    await log.flush();
    log.record(event('c'));
    await log.flush();
    expect(await readdir(dir)).toEqual([]);
    expect(log.dropped).toBe(3);
    const warnings = logger.entries.filter((entry) => entry.level === 'warn' && entry.message.includes('nearly full'));
    expect(warnings).toHaveLength(1);
    // With room to spare the same events are written.
    const roomy = await openLog(dir, { reserveBytes: 1024 });
    roomy.log.record(event('d'));
    await roomy.log.flush();
    expect((await readdir(dir)).length).toBe(1);
    expect(roomy.log.dropped).toBe(0);
  });

  it('flushes on its own within the flush interval, and on close', async () => {
    const dir = await makeTempDir();
    const log = await openAnalyticsLog({ dir, logger: createMemoryLogger(), retentionDays: 90, flushMs: 20 });
    log.record(event('timer'));
    await expect.poll(async () => (await readdir(dir)).length).toBe(1);
    log.record(event('at-close'));
    await log.close();
    const [file = ''] = await readdir(dir);
    expect(parseDayText(await readFile(join(dir, file), 'utf8')).events.map((e) => (e.type === 'exhibit.open' ? e.exhibitId : ''))).toEqual(['timer', 'at-close']);
    expect(log.record(event('late'))).toBe(false);
  });

  it('starts a new file at local midnight, each event in the file of the day it happened', async () => {
    const dir = await makeTempDir();
    const time = clock(new Date(2026, 10, 28, 23, 59, 59));
    const { log } = await openLog(dir, { now: time.now });
    log.record(event('before'));
    time.set(new Date(2026, 10, 29, 0, 0, 1));
    log.record(event('after'));
    await log.flush();
    expect((await readdir(dir)).sort()).toEqual(['2026-11-28.jsonl', '2026-11-29.jsonl']);
    const read = await readAnalyticsDays(dir, ['2026-11-28', '2026-11-29']);
    expect(read.days.map((d) => [d.day, d.events.length])).toEqual([['2026-11-28', 1], ['2026-11-29', 1]]);
  });

  it('recovers from a torn last line: it is skipped on read, and the next append starts on a fresh line', async () => {
    const dir = await makeTempDir();
    const file = join(dir, '2026-11-28.jsonl');
    // What a power cut mid-append leaves: complete lines, then half a line (and sometimes NUL bytes).
    await writeFile(file, `${JSON.stringify(event('whole'))}\n{"t":"2026-11-28T02:00:01.000Z","pack":"expo@1.0.0","type":"exhi`);
    expect(parseDayText(await readFile(file, 'utf8'))).toEqual({ events: [event('whole')], skipped: 1 });

    const { log, logger } = await openLog(dir, { now: () => new Date(2026, 10, 28, 12) });
    log.record(event('next'));
    await log.flush();
    const text = await readFile(file, 'utf8');
    expect(text.endsWith(`\n${JSON.stringify(event('next'))}\n`)).toBe(true);
    expect(parseDayText(text)).toEqual({ events: [event('whole'), event('next')], skipped: 1 });
    expect(logger.entries.some((e) => /torn line/.test(e.message))).toBe(true);

    // A power cut can also leave the file's new length padded with NUL bytes; the next start deals with it the same way.
    await log.close();
    await appendFile(file, '\0\0\0\0\0\0\0\0');
    const restarted = await openLog(dir, { now: () => new Date(2026, 10, 28, 12) });
    restarted.log.record(event('after-nul'));
    await restarted.log.flush();
    expect(parseDayText(await readFile(file, 'utf8'))).toEqual({ events: [event('whole'), event('next'), event('after-nul')], skipped: 2 });
  });

  it('skips lines that are not valid events and never fails on content', async () => {
    const text = [
      JSON.stringify(event('ok')),
      'not json',
      '[1,2]',
      JSON.stringify({ ...event('x'), visitorName: 'Li Ming' }),
      JSON.stringify({ ...event('x'), t: 'yesterday' }),
      JSON.stringify({ t: '2026-11-28T02:00:00.000Z', pack: 'expo@1.0.0', type: 'visit.teleport' }),
      '',
      '',
    ].join('\n');
    expect(parseDayText(text)).toEqual({ events: [event('ok')], skipped: 5 });
  });

  it('deletes day files older than the retention at open, keeping today, future-dated and other files', async () => {
    const dir = await makeTempDir();
    const now = new Date(2026, 10, 28, 9);
    const keep = lastDays(now, 3);
    for (const day of ['2026-01-01', '2026-11-25', ...keep, '2027-01-01']) await writeFile(join(dir, `${day}.jsonl`), '');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const { logger } = await openLog(dir, { now: () => now, retentionDays: 3 });
    expect((await readdir(dir)).sort()).toEqual([...keep.map((d) => `${d}.jsonl`), '2027-01-01.jsonl', 'notes.txt'].sort());
    expect(logger.entries.find((e) => /Deleted analytics/.test(e.message))?.detail).toEqual({ days: ['2026-01-01', '2026-11-25'] });
  });

  it('applies retention again when a new day begins and when the setting changes', async () => {
    const dir = await makeTempDir();
    const time = clock(new Date(2026, 10, 28, 23, 0));
    const { log } = await openLog(dir, { now: time.now, retentionDays: 2 });
    log.record(event('a'));
    await log.flush();
    time.set(new Date(2026, 10, 29, 9, 0));
    log.record(event('b'));
    await log.flush();
    expect((await readdir(dir)).sort()).toEqual(['2026-11-28.jsonl', '2026-11-29.jsonl']);
    time.set(new Date(2026, 10, 30, 9, 0));
    log.record(event('c'));
    await log.flush();
    expect((await readdir(dir)).sort()).toEqual(['2026-11-29.jsonl', '2026-11-30.jsonl']);
    await log.setRetentionDays(1);
    expect(await readdir(dir)).toEqual(['2026-11-30.jsonl']);
  });

  it('caps a day file and counts what it drops, so a runaway renderer cannot fill the disk', async () => {
    const dir = await makeTempDir();
    const line = `${JSON.stringify(event('x'))}\n`;
    const { log, logger } = await openLog(dir, { now: () => new Date(2026, 10, 28), maxDayBytes: line.length * 3 });
    for (let i = 0; i < 3; i++) log.record(event('x'));
    await log.flush();
    log.record(event('x'));
    await log.flush();
    log.record(event('x'));
    await log.flush();
    expect(parseDayText(await readFile(join(dir, '2026-11-28.jsonl'), 'utf8')).events).toHaveLength(3);
    expect(log.dropped).toBe(2);
    expect(logger.entries.filter((e) => /dropping further analytics/.test(e.message))).toHaveLength(1);
  });

  it('drops and counts events when the disk refuses them, and writes again once it can', async () => {
    const dir = await makeTempDir();
    const { log, logger } = await openLog(dir, { now: () => new Date(2026, 10, 28) });
    const undo = await makeReadOnly(dir);
    try {
      log.record(event('lost'));
      await log.flush();
    } finally {
      await undo();
    }
    expect(log.dropped).toBe(1);
    log.record(event('kept'));
    await log.flush();
    expect(parseDayText(await readFile(join(dir, '2026-11-28.jsonl'), 'utf8')).events).toEqual([event('kept')]);
    expect(logger.entries.map((e) => e.level)).toEqual(['error', 'info']);
  });

  it('names day files by the local calendar', () => {
    expect(dayName(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(lastDays(new Date(2026, 2, 1), 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
