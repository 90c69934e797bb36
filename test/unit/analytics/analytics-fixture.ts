// A known week of visitor events, written as the kiosk writes them, for summary and export tests.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../electron/shared/analytics-types';

const at = (day: string, time: string): string => `${day}T${time}.000Z`;
const stamp = (day: string, time: string, pack = 'expo@1.0.0') => ({ t: at(day, time), pack });

/** Two days of events. Day 1: two visits; day 2: one visit on a newer pack version. */
export const DAY_ONE: RecordedEvent[] = [
  { ...stamp('2026-11-27', '02:00:00'), type: 'visit.start' },
  { ...stamp('2026-11-27', '02:00:05'), type: 'tour.start', kind: 'attract' },
  { ...stamp('2026-11-27', '02:00:10'), type: 'exhibit.open', exhibitId: 'solar-wall' },
  { ...stamp('2026-11-27', '02:00:40'), type: 'exhibit.close', exhibitId: 'solar-wall', dwellMs: 30_000 },
  { ...stamp('2026-11-27', '02:00:41'), type: 'qr.shown', targetId: 'solar-wall' },
  { ...stamp('2026-11-27', '02:01:00'), type: 'mascot.tap', mascotId: 'sunny' },
  { ...stamp('2026-11-27', '02:01:05'), type: 'language.switch', to: 'en' },
  { ...stamp('2026-11-27', '02:01:10'), type: 'accessibility.mode', mode: 'large-text', on: true },
  { ...stamp('2026-11-27', '02:03:00'), type: 'visit.end', durationMs: 180_000, reason: 'idle' },
  { ...stamp('2026-11-27', '03:00:00'), type: 'visit.start' },
  { ...stamp('2026-11-27', '03:00:10'), type: 'exhibit.open', exhibitId: 'wind-farm' },
  { ...stamp('2026-11-27', '03:00:20'), type: 'exhibit.close', exhibitId: 'wind-farm', dwellMs: 10_000 },
  { ...stamp('2026-11-27', '03:00:30'), type: 'exhibit.open', exhibitId: 'solar-wall' },
  { ...stamp('2026-11-27', '03:01:30'), type: 'exhibit.close', exhibitId: 'solar-wall', dwellMs: 60_000 },
  { ...stamp('2026-11-27', '03:01:40'), type: 'mascot.tap', mascotId: 'sunny' },
  { ...stamp('2026-11-27', '03:01:50'), type: 'mascot.tap', mascotId: 'bolt' },
  { ...stamp('2026-11-27', '03:02:00'), type: 'visit.end', durationMs: 120_000, reason: 'restart' },
];

export const DAY_TWO: RecordedEvent[] = [
  { ...stamp('2026-11-28', '04:00:00', 'expo@1.1.0'), type: 'visit.start' },
  { ...stamp('2026-11-28', '04:00:10', 'expo@1.1.0'), type: 'tour.start', kind: 'mascot', id: 'sunny' },
  { ...stamp('2026-11-28', '04:01:10', 'expo@1.1.0'), type: 'tour.finish', kind: 'mascot', id: 'sunny' },
  { ...stamp('2026-11-28', '04:01:20', 'expo@1.1.0'), type: 'exhibit.open', exhibitId: 'solar-wall' },
  { ...stamp('2026-11-28', '04:02:50', 'expo@1.1.0'), type: 'exhibit.close', exhibitId: 'solar-wall', dwellMs: 90_000 },
  { ...stamp('2026-11-28', '04:03:00', 'expo@1.1.0'), type: 'language.switch', to: 'zh-CN' },
  { ...stamp('2026-11-28', '04:03:05', 'expo@1.1.0'), type: 'language.switch', to: 'en' },
  { ...stamp('2026-11-28', '04:03:10', 'expo@1.1.0'), type: 'accessibility.mode', mode: 'large-text', on: false },
  { ...stamp('2026-11-28', '04:03:20', 'expo@1.1.0'), type: 'accessibility.mode', mode: 'low-reach', on: true },
  { ...stamp('2026-11-28', '04:05:00', 'expo@1.1.0'), type: 'visit.end', durationMs: 300_000, reason: 'idle' },
];

/** Writes both days into `<dataDir>/analytics`, day two ending in a torn line as after a power cut. */
export async function writeKnownWeek(dataDir: string): Promise<void> {
  const dir = join(dataDir, 'analytics');
  await mkdir(dir, { recursive: true });
  const lines = (events: RecordedEvent[]): string => events.map((event) => `${JSON.stringify(event)}\n`).join('');
  await writeFile(join(dir, '2026-11-27.jsonl'), lines(DAY_ONE));
  await writeFile(join(dir, '2026-11-28.jsonl'), `${lines(DAY_TWO)}{"t":"2026-11-28T04:06:00.000Z","pack":"expo@1.1.0","ty`);
  // Outside the week the tests ask about: must not be counted.
  await writeFile(join(dir, '2026-10-01.jsonl'), lines([{ ...stamp('2026-10-01', '02:00:00'), type: 'visit.start' }]));
}
