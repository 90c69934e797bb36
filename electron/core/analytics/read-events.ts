// Reads analytics day files back, skipping any line a crash or power cut damaged, never failing on content.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecordedEvent } from '../../shared/analytics-types';
import { analyticsEventSchema } from '../../shared/api-requests';
import { errorCode } from '../store/fs-error';
import { dayFileName } from './day-files';

/** What the core adds to each event; checked on read so a hand-edited or damaged line cannot pass as data. */
const stampSchema = z.object({
  t: z.iso.datetime(),
  pack: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}@[0-9A-Za-z.+-]{1,64}$/),
});

export interface DayEvents {
  readonly day: string;
  readonly events: readonly RecordedEvent[];
}

export interface ReadEventsResult {
  readonly days: readonly DayEvents[];
  /** Lines that were not a valid event: a torn last line, NUL bytes from a power cut, a hand edit. */
  readonly skipped: number;
}

/**
 * Parses one day file's text. Only lines ending in a newline count: the text after the last newline
 * is either empty or a line still being written (or cut short), and is skipped. Blank lines are ignored.
 */
export function parseDayText(text: string): { events: RecordedEvent[]; skipped: number } {
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  let skipped = tail.length > 0 ? 1 : 0;
  const events: RecordedEvent[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const event = parseLine(line);
    if (event === null) skipped += 1;
    else events.push(event);
  }
  return { events, skipped };
}

function parseLine(line: string): RecordedEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { t, pack, ...rest } = raw as Record<string, unknown>;
  const stamp = stampSchema.safeParse({ t, pack });
  const event = analyticsEventSchema.safeParse(rest);
  return stamp.success && event.success ? { t: stamp.data.t, pack: stamp.data.pack, ...event.data } : null;
}

/** Reads the given days (missing files are simply empty days), in the order given. */
export async function readAnalyticsDays(dir: string, days: readonly string[]): Promise<ReadEventsResult> {
  const result: DayEvents[] = [];
  let skipped = 0;
  for (const day of days) {
    let text: string;
    try {
      text = await readFile(join(dir, dayFileName(day)), 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    const parsed = parseDayText(text);
    skipped += parsed.skipped;
    result.push({ day, events: parsed.events });
  }
  return { days: result, skipped };
}
