// Writes analytics events as one CSV file (one row per event) for spreadsheets, durably: whole or not at all.
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RecordedEvent } from '../../shared/analytics-types';
import { renameWithRetry, syncDirectory } from '../store/durable-write';
import type { DayEvents } from './read-events';

/** One column per field any event can have, so every row has the same shape and a spreadsheet can filter it. */
export const CSV_COLUMNS = ['time', 'day', 'pack', 'type', 'exhibit', 'mascot', 'tour_kind', 'tour_id', 'locale', 'mode', 'on', 'target', 'duration_ms', 'dwell_ms', 'reason'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** RFC 4180 quoting, and a leading quote for anything a spreadsheet would run as a formula. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  // Fields here are ids and fixed words, so this never fires today; it keeps a future field from becoming a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The fields of one event by column. */
export function csvCells(event: RecordedEvent, day: string): Partial<Record<Column, string | number | boolean>> {
  const cells: Partial<Record<Column, string | number | boolean>> = { time: event.t, day, pack: event.pack, type: event.type };
  switch (event.type) {
    case 'visit.start':
      break;
    case 'visit.end':
      Object.assign(cells, { duration_ms: event.durationMs, reason: event.reason });
      break;
    case 'exhibit.open':
      cells.exhibit = event.exhibitId;
      break;
    case 'exhibit.close':
      Object.assign(cells, { exhibit: event.exhibitId, dwell_ms: event.dwellMs });
      break;
    case 'mascot.tap':
      cells.mascot = event.mascotId;
      break;
    case 'tour.start':
    case 'tour.finish':
      Object.assign(cells, { tour_kind: event.kind, ...(event.id === undefined ? {} : { tour_id: event.id }) });
      break;
    case 'language.switch':
      cells.locale = event.to;
      break;
    case 'accessibility.mode':
      Object.assign(cells, { mode: event.mode, on: event.on });
      break;
    case 'qr.shown':
      cells.target = event.targetId;
      break;
  }
  return cells;
}

export function csvLine(event: RecordedEvent, day: string): string {
  const cells = csvCells(event, day);
  return `${CSV_COLUMNS.map((column) => csvField(cells[column])).join(',')}\r\n`;
}

/**
 * Writes `days` to `outFile` as CSV (CRLF line ends, as RFC 4180 and Excel expect). It goes to a temp
 * file beside the target, is fsynced, then renamed over it, so a USB stick pulled too early holds
 * either the previous file or the complete new one (reliability.md C9). Returns the rows written.
 */
export async function writeEventsCsv(outFile: string, days: readonly DayEvents[]): Promise<number> {
  const temp = join(dirname(outFile), `.${basename(outFile)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  let rows = 0;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(`${CSV_COLUMNS.join(',')}\r\n`);
    for (const { day, events } of days) {
      // One write per day keeps memory flat over 90 days of data without a write call per row.
      if (events.length > 0) await handle.writeFile(events.map((event) => csvLine(event, day)).join(''));
      rows += events.length;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, outFile);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(outFile));
  return rows;
}
