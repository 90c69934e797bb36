// The organizer's numbers from a set of analytics events: visits, visit length, exhibits, mascots, languages, modes, QR.
import { ACCESSIBILITY_MODES, TOUR_KINDS } from '../../shared/analytics-types';
import type { AccessibilityMode, RecordedEvent, TourKind } from '../../shared/analytics-types';

export interface AnalyticsSummary {
  /** First and last day covered (local `YYYY-MM-DD`), and how many days that is. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly events: number;
  /** Damaged lines left out (a torn last line after a power cut, say). */
  readonly skippedLines: number;
  /** Visits begun (`visit.start`). */
  readonly visits: number;
  /** How the visits that ended did so. */
  readonly visitEnds: { readonly idle: number; readonly restart: number };
  /** Median of `visit.end` durations; null when no visit ended. */
  readonly medianVisitMs: number | null;
  /** Most opened first; dwell from `exhibit.close`. */
  readonly exhibits: readonly { readonly id: string; readonly opens: number; readonly medianDwellMs: number | null }[];
  readonly mascotTaps: readonly { readonly id: string; readonly taps: number }[];
  readonly tours: readonly { readonly kind: TourKind; readonly started: number; readonly finished: number }[];
  /** Switches to each language, most first. */
  readonly languages: readonly { readonly locale: string; readonly switches: number }[];
  readonly accessibility: readonly { readonly mode: AccessibilityMode; readonly turnedOn: number; readonly turnedOff: number }[];
  readonly qrShown: readonly { readonly id: string; readonly shown: number }[];
  /** Events per pack (`id@version`), so a summary spanning a pack change is not misread. */
  readonly packs: readonly { readonly pack: string; readonly events: number }[];
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Counts by key, most first, ties by key so the output is stable. */
function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function summarize(events: readonly RecordedEvent[], range: { from: string; to: string; days: number; skippedLines: number }): AnalyticsSummary {
  let visits = 0;
  const visitEnds = { idle: 0, restart: 0 };
  const visitDurations: number[] = [];
  const opens = new Map<string, number>();
  const dwells = new Map<string, number[]>();
  const taps = new Map<string, number>();
  const tourCounts = new Map<TourKind, { started: number; finished: number }>(TOUR_KINDS.map((kind) => [kind, { started: 0, finished: 0 }]));
  const languages = new Map<string, number>();
  const modes = new Map<AccessibilityMode, { turnedOn: number; turnedOff: number }>(ACCESSIBILITY_MODES.map((mode) => [mode, { turnedOn: 0, turnedOff: 0 }]));
  const qr = new Map<string, number>();
  const packs = new Map<string, number>();

  for (const event of events) {
    bump(packs, event.pack);
    switch (event.type) {
      case 'visit.start':
        visits += 1;
        break;
      case 'visit.end':
        visitEnds[event.reason] += 1;
        visitDurations.push(event.durationMs);
        break;
      case 'exhibit.open':
        bump(opens, event.exhibitId);
        break;
      case 'exhibit.close':
        // An exhibit closed just after midnight was opened the day before: it still has a dwell to count.
        if (!opens.has(event.exhibitId)) opens.set(event.exhibitId, 0);
        dwells.set(event.exhibitId, [...(dwells.get(event.exhibitId) ?? []), event.dwellMs]);
        break;
      case 'mascot.tap':
        bump(taps, event.mascotId);
        break;
      case 'tour.start':
      case 'tour.finish': {
        const counts = tourCounts.get(event.kind);
        if (counts) counts[event.type === 'tour.start' ? 'started' : 'finished'] += 1;
        break;
      }
      case 'language.switch':
        bump(languages, event.to);
        break;
      case 'accessibility.mode': {
        const counts = modes.get(event.mode);
        if (counts) counts[event.on ? 'turnedOn' : 'turnedOff'] += 1;
        break;
      }
      case 'qr.shown':
        bump(qr, event.targetId);
        break;
    }
  }

  return {
    from: range.from,
    to: range.to,
    days: range.days,
    events: events.length,
    skippedLines: range.skippedLines,
    visits,
    visitEnds,
    medianVisitMs: median(visitDurations),
    exhibits: ranked(opens).map(([id, count]) => ({ id, opens: count, medianDwellMs: median(dwells.get(id) ?? []) })),
    mascotTaps: ranked(taps).map(([id, count]) => ({ id, taps: count })),
    tours: [...tourCounts].map(([kind, counts]) => ({ kind, ...counts })),
    languages: ranked(languages).map(([locale, switches]) => ({ locale, switches })),
    accessibility: [...modes].map(([mode, counts]) => ({ mode, ...counts })),
    qrShown: ranked(qr).map(([id, shown]) => ({ id, shown })),
    packs: ranked(packs).map(([pack, count]) => ({ pack, events: count })),
  };
}
