// Turns what a visitor does into analytics events (no personal data), keeping the clocks for visit length and exhibit dwell.
import type { AccessibilityMode, AnalyticsEvent, TourKind, VisitEndReason } from '../../../electron/shared/analytics-types';
import type { VisitorMode } from './visitor-modes';

const MODE_NAMES: Readonly<Record<VisitorMode, AccessibilityMode>> = {
  lowReach: 'low-reach',
  largeText: 'large-text',
  highContrast: 'high-contrast',
  reducedMotion: 'reduced-motion',
};

/**
 * One per app. Every exhibit that opens is closed exactly once (by the next one, by closing, or by the
 * end of the visit), so dwell times add up; events outside a visit are dropped (attract is not a visit).
 */
export class VisitAnalytics {
  readonly #send: (event: AnalyticsEvent) => void;
  readonly #now: () => number;
  #visitStart: number | null = null;
  #exhibit: { id: string; since: number } | null = null;
  #tour: { kind: TourKind; id: string } | null = null;

  constructor(send: (event: AnalyticsEvent) => void, now: () => number = () => performance.now()) {
    this.#send = send;
    this.#now = now;
  }

  visitStarted(): void {
    if (this.#visitStart !== null) this.visitEnded('restart');
    this.#visitStart = this.#now();
    this.#send({ type: 'visit.start' });
  }

  visitEnded(reason: VisitEndReason): void {
    if (this.#visitStart === null) return;
    this.exhibitShown(null);
    this.#tour = null;
    this.#send({ type: 'visit.end', reason, durationMs: Math.round(this.#now() - this.#visitStart) });
    this.#visitStart = null;
  }

  /** The open exhibit is now `id` (null: none); closes the previous one with its dwell time. */
  exhibitShown(id: string | null): void {
    if (this.#visitStart === null || this.#exhibit?.id === id) return;
    if (this.#exhibit) this.#send({ type: 'exhibit.close', exhibitId: this.#exhibit.id, dwellMs: Math.round(this.#now() - this.#exhibit.since) });
    this.#exhibit = id === null ? null : { id, since: this.#now() };
    if (id !== null) this.#send({ type: 'exhibit.open', exhibitId: id });
  }

  mascotTapped(id: string): void {
    this.#visitor({ type: 'mascot.tap', mascotId: id });
  }

  tourStarted(kind: TourKind, id: string): void {
    this.#tour = { kind, id };
    this.#visitor({ type: 'tour.start', kind, id });
  }

  /** The hall reports the end of a tour; only one played to its end is a finished tour. */
  tourEnded(finished: boolean): void {
    if (this.#tour && finished) this.#visitor({ type: 'tour.finish', ...this.#tour });
    this.#tour = null;
  }

  languageSwitched(to: string): void {
    this.#visitor({ type: 'language.switch', to });
  }

  modeChanged(mode: VisitorMode, on: boolean): void {
    this.#visitor({ type: 'accessibility.mode', mode: MODE_NAMES[mode], on });
  }

  qrShown(targetId: string): void {
    this.#visitor({ type: 'qr.shown', targetId });
  }

  #visitor(event: AnalyticsEvent): void {
    if (this.#visitStart !== null) this.#send(event);
  }
}
