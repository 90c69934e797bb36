// Visitor analytics events as the renderer sends them through `api.track`: fixed words, ids and numbers, never free text.

/** Why a visit ended: nobody touched the screen, or staff/visitor restarted it. */
export const VISIT_END_REASONS = ['idle', 'restart'] as const;
export type VisitEndReason = (typeof VISIT_END_REASONS)[number];

/** What a tour follows: the attract loop, a mascot's walk, or a zone's. */
export const TOUR_KINDS = ['attract', 'mascot', 'zone'] as const;
export type TourKind = (typeof TOUR_KINDS)[number];

export const ACCESSIBILITY_MODES = ['low-reach', 'large-text', 'high-contrast', 'reduced-motion'] as const;
export type AccessibilityMode = (typeof ACCESSIBILITY_MODES)[number];

export const ANALYTICS_EVENT_TYPES = [
  'visit.start',
  'visit.end',
  'exhibit.open',
  'exhibit.close',
  'mascot.tap',
  'tour.start',
  'tour.finish',
  'language.switch',
  'accessibility.mode',
  'qr.shown',
] as const;
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

/** Longest duration an event may carry (a visit or a dwell): a day. Anything longer is a renderer bug. */
export const MAX_EVENT_DURATION_MS = 24 * 60 * 60 * 1000;

/**
 * One thing a visitor did. Ids are pack ids (`^[a-z0-9][a-z0-9-]{0,63}$`); there is deliberately no
 * field that could hold a name, a typed text or anything else that identifies a person.
 */
export type AnalyticsEvent =
  | { readonly type: 'visit.start' }
  | { readonly type: 'visit.end'; readonly durationMs: number; readonly reason: VisitEndReason }
  | { readonly type: 'exhibit.open'; readonly exhibitId: string }
  | { readonly type: 'exhibit.close'; readonly exhibitId: string; readonly dwellMs: number }
  | { readonly type: 'mascot.tap'; readonly mascotId: string }
  | { readonly type: 'tour.start'; readonly kind: TourKind; readonly id?: string }
  | { readonly type: 'tour.finish'; readonly kind: TourKind; readonly id?: string }
  | { readonly type: 'language.switch'; readonly to: string }
  | { readonly type: 'accessibility.mode'; readonly mode: AccessibilityMode; readonly on: boolean }
  | { readonly type: 'qr.shown'; readonly targetId: string };

/** An event as stored: what the renderer sent, plus the time (core clock, ISO UTC) and the active pack (`id@version`). */
export type RecordedEvent = AnalyticsEvent & { readonly t: string; readonly pack: string };
