// Names, dates and retention of the analytics day files (`analytics/2026-11-28.jsonl`), by the kiosk's local calendar.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log/logger';
import { describeError } from '../store/fs-error';

/** The folder inside the data folder that holds one JSON Lines file per day. */
export const ANALYTICS_DIR_NAME = 'analytics';

const DAY_FILE = /^(\d{4})-(\d{2})-(\d{2})\.jsonl$/;

/**
 * The local calendar day of `date` as `YYYY-MM-DD`. Local, not UTC: organizers ask about "Saturday",
 * and in Beijing a UTC day would split every afternoon's visits across two files.
 */
export function dayName(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dayFileName(day: string): string {
  return `${day}.jsonl`;
}

/**
 * The `count` local days ending with the day of `now`, oldest first.
 * @example lastDays(new Date(2026, 10, 28), 3) // ['2026-11-26', '2026-11-27', '2026-11-28']
 */
export function lastDays(now: Date, count: number): string[] {
  const days: string[] = [];
  // Built from calendar fields, not by subtracting 24 h, so a daylight-saving change never skips or repeats a day.
  for (let back = count - 1; back >= 0; back--) days.push(dayName(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back)));
  return days;
}

/** The day a file name stands for, or null when it is not a day file. */
export function dayOfFile(name: string): string | null {
  const match = DAY_FILE.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Every day that has a file in `dir`, oldest first; none when the folder does not exist. */
export async function listDays(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.map(dayOfFile).filter((day): day is string => day !== null).sort();
}

/**
 * Deletes day files older than the `keepDays` local days ending today. Files dated after today (the
 * clock was wrong, or was set back) are kept: deleting data because of a clock is worse than keeping
 * it a little longer. Never rejects; returns the days removed.
 */
export async function pruneOldDays(dir: string, keepDays: number, now: Date, logger: Logger): Promise<string[]> {
  const oldestKept = lastDays(now, keepDays)[0] ?? dayName(now);
  const removed: string[] = [];
  for (const day of await listDays(dir)) {
    if (day >= oldestKept) continue;
    try {
      await rm(join(dir, dayFileName(day)), { force: true });
      removed.push(day);
    } catch (error) {
      logger.warn(`Could not delete old analytics file ${dayFileName(day)}: ${describeError(error)}`, { day });
    }
  }
  if (removed.length > 0) logger.info(`Deleted analytics older than ${keepDays} days`, { days: removed });
  return removed;
}
