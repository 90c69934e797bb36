// `sunrise-hall analytics summary|export`: what visitors did, for organizers, read from a kiosk's data folder.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ANALYTICS_DIR_NAME, lastDays, listDays } from '../core/analytics/day-files';
import { writeEventsCsv } from '../core/analytics/export-csv';
import { readAnalyticsDays } from '../core/analytics/read-events';
import { summarize } from '../core/analytics/summary';
import { defaultDataDir } from '../core/paths/default-data-dir';
import { isDirectory } from '../core/paths/is-directory';
import { describeError } from '../core/store/fs-error';
import { printSummary } from './analytics-output';
import { EXIT } from './io';
import type { CommandIo } from './io';

export const ANALYTICS_USAGE = `Usage: sunrise-hall analytics summary [--days 7] [--data DIR] [--json]
       sunrise-hall analytics export --out FILE.csv [--days N] [--data DIR]   (without --days: every day kept)`;

const MAX_DAYS = 3650;

/**
 * Runs `analytics …` (`argv` is what follows the word `analytics`). Read-only on the data folder and
 * safe while the kiosk runs: a line it is still writing is skipped, not misread.
 * @returns 0 done, 1 failed (the CSV could not be written), 2 usage error.
 */
export async function runAnalyticsCommand(argv: string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  const usage = (problem: string): number => {
    io.stderr(`${problem}\n${ANALYTICS_USAGE}`);
    return EXIT.usage;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { days: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    return usage(describeError(error));
  }
  if (parsed.values.help) {
    io.stdout(ANALYTICS_USAGE);
    return EXIT.ok;
  }
  const [verb, ...extra] = parsed.positionals;
  if (verb !== 'summary' && verb !== 'export') return usage(verb === undefined ? 'Missing what to do: summary or export.' : `Unknown analytics command "${verb}": use summary or export.`);
  if (extra.length > 0) return usage(`Too many arguments for "analytics ${verb}": ${extra.join(' ')}`);

  let days: number | undefined;
  if (parsed.values.days !== undefined) {
    days = Number(parsed.values.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return usage(`--days must be a whole number from 1 to ${MAX_DAYS} (got "${parsed.values.days}").`);
  }
  const dataDir = resolve(parsed.values.data ?? defaultDataDir());
  if (!(await isDirectory(dataDir))) return usage(`No data folder at ${dataDir}: check --data.`);
  const dir = join(dataDir, ANALYTICS_DIR_NAME);

  if (verb === 'summary') {
    if (parsed.values.out !== undefined) return usage('--out belongs to "analytics export".');
    const range = lastDays(now(), days ?? 7);
    const read = await readAnalyticsDays(dir, range);
    const summary = summarize(
      read.days.flatMap((day) => day.events),
      { from: range[0] ?? '', to: range[range.length - 1] ?? '', days: range.length, skippedLines: read.skipped },
    );
    if (parsed.values.json) io.stdout(JSON.stringify(summary, null, 2));
    else printSummary(summary, io);
    return EXIT.ok;
  }

  if (parsed.values.json) return usage('--json belongs to "analytics summary"; export always writes CSV.');
  if (!parsed.values.out) return usage('Missing --out FILE.csv: where to write the export.');
  const outFile = resolve(parsed.values.out);
  if (await isDirectory(outFile)) return usage(`${outFile} is a folder; give a file name, e.g. ${join(outFile, 'analytics.csv')}.`);
  const range = days === undefined ? await listDays(dir) : lastDays(now(), days);
  const read = await readAnalyticsDays(dir, range);
  let rows: number;
  try {
    rows = await writeEventsCsv(outFile, read.days);
  } catch (error) {
    io.stderr(`Could not write ${outFile}: ${describeError(error)}. Nothing was written; check the folder exists, is writable and has space.`);
    return EXIT.refused;
  }
  const covered = read.days.length === 0 ? 'no recorded days' : `${read.days[0]?.day} to ${read.days[read.days.length - 1]?.day}`;
  io.stdout(`Wrote ${rows} event${rows === 1 ? '' : 's'} (${covered}) to ${outFile}.`);
  if (read.skipped > 0) io.stdout(`${read.skipped} damaged line${read.skipped === 1 ? ' was' : 's were'} skipped (a write cut short by a power cut or crash).`);
  return EXIT.ok;
}
