// Visit analytics: one start and one end per visit, every opened exhibit closed once with its dwell, nothing outside a visit.
import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../../../electron/shared/analytics-types';
import { VisitAnalytics } from '../../../renderer/src/visit/visit-analytics';

function recorder() {
  let clock = 1000;
  const events: AnalyticsEvent[] = [];
  const analytics = new VisitAnalytics((event) => events.push(event), () => clock);
  return { analytics, events, advance: (ms: number) => (clock += ms) };
}

describe('VisitAnalytics', () => {
  it('records a visit with exhibit dwell times, a mascot, a finished tour, language and mode changes', () => {
    const { analytics, events, advance } = recorder();
    analytics.visitStarted();
    analytics.exhibitShown('welcome');
    advance(4000);
    analytics.exhibitShown('workshop');
    advance(1500);
    analytics.exhibitShown(null);
    analytics.mascotTapped('sunny');
    analytics.tourStarted('mascot', 'sunny');
    analytics.tourEnded(true);
    analytics.languageSwitched('en');
    analytics.modeChanged('lowReach', true);
    analytics.qrShown('welcome');
    advance(500);
    analytics.visitEnded('idle');
    expect(events).toEqual([
      { type: 'visit.start' },
      { type: 'exhibit.open', exhibitId: 'welcome' },
      { type: 'exhibit.close', exhibitId: 'welcome', dwellMs: 4000 },
      { type: 'exhibit.open', exhibitId: 'workshop' },
      { type: 'exhibit.close', exhibitId: 'workshop', dwellMs: 1500 },
      { type: 'mascot.tap', mascotId: 'sunny' },
      { type: 'tour.start', kind: 'mascot', id: 'sunny' },
      { type: 'tour.finish', kind: 'mascot', id: 'sunny' },
      { type: 'language.switch', to: 'en' },
      { type: 'accessibility.mode', mode: 'low-reach', on: true },
      { type: 'qr.shown', targetId: 'welcome' },
      { type: 'visit.end', reason: 'idle', durationMs: 6000 },
    ]);
  });

  it('closes the open exhibit when the visit ends, and a stopped tour is not a finished one', () => {
    const { analytics, events, advance } = recorder();
    analytics.visitStarted();
    analytics.tourStarted('zone', 'north');
    analytics.tourEnded(false);
    analytics.exhibitShown('welcome');
    advance(2000);
    analytics.visitEnded('restart');
    expect(events.map((e) => e.type)).toEqual(['visit.start', 'tour.start', 'exhibit.open', 'exhibit.close', 'visit.end']);
    expect(events[3]).toEqual({ type: 'exhibit.close', exhibitId: 'welcome', dwellMs: 2000 });
  });

  it('sends nothing outside a visit (the attract loop is not a visit), and ends a visit only once', () => {
    const { analytics, events } = recorder();
    analytics.exhibitShown('welcome');
    analytics.mascotTapped('sunny');
    analytics.visitEnded('idle');
    expect(events).toEqual([]);
    analytics.visitStarted();
    analytics.visitEnded('idle');
    analytics.visitEnded('idle');
    expect(events.map((e) => e.type)).toEqual(['visit.start', 'visit.end']);
  });
});
