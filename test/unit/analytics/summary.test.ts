// Summary numbers from a known set of events: visits, medians, exhibits, mascots, languages, modes, QR.
import { describe, expect, it } from 'vitest';
import { median, summarize } from '../../../electron/core/analytics/summary';
import { DAY_ONE, DAY_TWO } from './analytics-fixture';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});

describe('summarize', () => {
  it('counts a known week exactly', () => {
    const summary = summarize([...DAY_ONE, ...DAY_TWO], { from: '2026-11-22', to: '2026-11-28', days: 7, skippedLines: 1 });
    expect(summary).toEqual({
      from: '2026-11-22',
      to: '2026-11-28',
      days: 7,
      events: 27,
      skippedLines: 1,
      visits: 3,
      visitEnds: { idle: 2, restart: 1 },
      medianVisitMs: 180_000,
      exhibits: [
        { id: 'solar-wall', opens: 3, medianDwellMs: 60_000 },
        { id: 'wind-farm', opens: 1, medianDwellMs: 10_000 },
      ],
      mascotTaps: [
        { id: 'sunny', taps: 2 },
        { id: 'bolt', taps: 1 },
      ],
      tours: [
        { kind: 'attract', started: 1, finished: 0 },
        { kind: 'mascot', started: 1, finished: 1 },
        { kind: 'zone', started: 0, finished: 0 },
      ],
      languages: [
        { locale: 'en', switches: 2 },
        { locale: 'zh-CN', switches: 1 },
      ],
      accessibility: [
        { mode: 'low-reach', turnedOn: 1, turnedOff: 0 },
        { mode: 'large-text', turnedOn: 1, turnedOff: 1 },
        { mode: 'high-contrast', turnedOn: 0, turnedOff: 0 },
        { mode: 'reduced-motion', turnedOn: 0, turnedOff: 0 },
      ],
      qrShown: [{ id: 'solar-wall', shown: 1 }],
      packs: [
        { pack: 'expo@1.0.0', events: 17 },
        { pack: 'expo@1.1.0', events: 10 },
      ],
    });
  });

  it('counts the dwell of an exhibit closed after midnight although its opening was the day before', () => {
    const summary = summarize([{ t: '2026-11-28T00:00:01.000Z', pack: 'a@1.0.0', type: 'exhibit.close', exhibitId: 'late', dwellMs: 5000 }], { from: 'x', to: 'x', days: 1, skippedLines: 0 });
    expect(summary.exhibits).toEqual([{ id: 'late', opens: 0, medianDwellMs: 5000 }]);
    expect(summary.medianVisitMs).toBeNull();
  });
});
