// `sunrise-hall analytics summary|export`: the organizer's numbers from a data folder, and a CSV that is whole or absent.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAnalyticsCommand } from '../../../electron/cli/analytics-command';
import { formatDuration } from '../../../electron/cli/analytics-output';
import { writeKnownWeek } from '../analytics/analytics-fixture';
import { makeReadOnly, makeTempDir, removeTempDirs } from '../store/fs-test-helpers';

afterEach(removeTempDirs);

/** "Now" for the CLI: the last day of the known week, local time. */
const NOW = () => new Date(2026, 10, 28, 18, 0);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAnalyticsCommand(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) }, NOW);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function dataWithWeek(): Promise<string> {
  const dataDir = await makeTempDir('sunrise-analytics-cli-');
  await writeKnownWeek(dataDir);
  return dataDir;
}

describe('analytics summary', () => {
  it('prints the week’s numbers for organizers', async () => {
    const dataDir = await dataWithWeek();
    const { code, out, err } = await run('summary', '--data', dataDir);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n')).toEqual([
      'Visitor analytics, 2026-11-22 to 2026-11-28 (7 days, 27 events)',
      'Visits: 3 (ended: 2 by idle timeout, 1 by restart)',
      'Median visit length: 3 min 00 s',
      'Most opened exhibits (opens, median dwell):',
      '  solar-wall      3  1 min 00 s',
      '  wind-farm       1  10 s',
      'Mascot taps: sunny 2, bolt 1',
      'Tours started/finished: attract 1/0, mascot 1/1, zone 0/0',
      'Language switches: en 2 (67 %), zh-CN 1 (33 %)',
      'Accessibility modes turned on: low-reach 1, large-text 1',
      'QR codes shown: solar-wall 1',
      'Packs: expo@1.0.0 (17 events), expo@1.1.0 (10 events)',
      '1 damaged line was skipped (a write cut short by a power cut or crash).',
    ]);
  });

  it('takes --days and answers --json with the same numbers', async () => {
    const dataDir = await dataWithWeek();
    const today = JSON.parse((await run('summary', '--days', '1', '--json', '--data', dataDir)).out) as Record<string, unknown>;
    expect(today).toMatchObject({ from: '2026-11-28', to: '2026-11-28', days: 1, events: 10, visits: 1, medianVisitMs: 300_000, skippedLines: 1 });
    const quarter = JSON.parse((await run('summary', '--days', '90', '--json', '--data', dataDir)).out) as Record<string, unknown>;
    expect(quarter).toMatchObject({ events: 28, visits: 4 });
  });

  it('says so plainly when nothing was recorded', async () => {
    const dataDir = await makeTempDir();
    const { code, out } = await run('summary', '--data', dataDir);
    expect(code).toBe(0);
    expect(out).toContain('Visits: 0');
    expect(out).toContain('Most opened exhibits: none');
  });

  it.each([
    [['summary', '--days', '0'], '--days must be a whole number from 1 to 3650 (got "0")'],
    [['summary', '--days', 'week'], '--days must be a whole number'],
    [['report'], 'Unknown analytics command "report"'],
    [[], 'Missing what to do: summary or export.'],
    [['export'], 'Missing --out FILE.csv'],
    [['export', '--out', 'x.csv', '--json'], '--json belongs to "analytics summary"'],
    [['summary', 'extra'], 'Too many arguments'],
  ])('refuses %j with a usage error', async (argv, message) => {
    const dataDir = await makeTempDir();
    const { code, err } = await run(...argv, '--data', dataDir);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: sunrise-hall analytics summary');
  });

  it('refuses a data folder that does not exist rather than report zeros', async () => {
    const dir = await makeTempDir();
    expect(await run('summary', '--data', join(dir, 'typo'))).toMatchObject({ code: 2, err: expect.stringContaining('No data folder at') });
  });
});

describe('analytics export', () => {
  it('writes every event as one CSV row with fixed columns, skipping the torn line', async () => {
    const dataDir = await dataWithWeek();
    const out = join(dataDir, 'export.csv');
    const result = await run('export', '--out', out, '--data', dataDir);
    expect(result).toEqual({ code: 0, out: `Wrote 28 events (2026-10-01 to 2026-11-28) to ${out}.\n1 damaged line was skipped (a write cut short by a power cut or crash).`, err: '' });
    const rows = (await readFile(out, 'utf8')).split('\r\n');
    expect(rows[0]).toBe('time,day,pack,type,exhibit,mascot,tour_kind,tour_id,locale,mode,on,target,duration_ms,dwell_ms,reason');
    expect(rows).toHaveLength(1 + 28 + 1);
    expect(rows.at(-1)).toBe('');
    expect(rows).toContain('2026-11-27T02:00:40.000Z,2026-11-27,expo@1.0.0,exhibit.close,solar-wall,,,,,,,,,30000,');
    expect(rows).toContain('2026-11-27T02:03:00.000Z,2026-11-27,expo@1.0.0,visit.end,,,,,,,,,180000,,idle');
    expect(rows).toContain('2026-11-28T04:00:10.000Z,2026-11-28,expo@1.1.0,tour.start,,,mascot,sunny,,,,,,,');
    expect(rows).toContain('2026-11-28T04:03:20.000Z,2026-11-28,expo@1.1.0,accessibility.mode,,,,,,low-reach,true,,,,');
    expect(rows).toContain('2026-11-27T02:00:41.000Z,2026-11-27,expo@1.0.0,qr.shown,,,,,,,,solar-wall,,,');
    expect(rows).toContain('2026-11-27T02:01:05.000Z,2026-11-27,expo@1.0.0,language.switch,,,,,en,,,,,,');
    expect(await readdir(dataDir)).toEqual(['analytics', 'export.csv']);
  });

  it('limits the export to --days and replaces an older export whole', async () => {
    const dataDir = await dataWithWeek();
    const out = join(dataDir, 'export.csv');
    await writeFile(out, 'an older export\r\n');
    expect((await run('export', '--out', out, '--days', '1', '--data', dataDir)).code).toBe(0);
    expect((await readFile(out, 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(1 + 10);
  });

  it('leaves the previous file untouched and no temp file behind when the folder refuses the write', async () => {
    const dataDir = await dataWithWeek();
    const folder = await makeTempDir();
    const out = join(folder, 'export.csv');
    await writeFile(out, 'previous\r\n');
    const undo = await makeReadOnly(folder);
    let result;
    try {
      result = await run('export', '--out', out, '--data', dataDir);
    } finally {
      await undo();
    }
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining(`Could not write ${out}`) });
    expect(await readFile(out, 'utf8')).toBe('previous\r\n');
    expect(await readdir(folder)).toEqual(['export.csv']);
  });

  it('refuses a folder as --out', async () => {
    const dataDir = await dataWithWeek();
    expect(await run('export', '--out', dataDir, '--data', dataDir)).toMatchObject({ code: 2, err: expect.stringContaining('is a folder; give a file name') });
  });
});

describe('formatDuration', () => {
  it('says durations the way people do', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45_400)).toBe('45 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});
