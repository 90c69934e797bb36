// Argument schemas for every request channel, parsed by the hosts before the core sees a request.
import { z } from 'zod';
import { ACCESSIBILITY_MODES, MAX_EVENT_DURATION_MS, TOUR_KINDS, VISIT_END_REASONS } from './analytics-types';
import type { AnalyticsEvent } from './analytics-types';
import type { RequestChannel } from './api';
import { localeTagSchema } from './locale';
import { packIdSchema } from './manifest';

/** Exhibit, mascot, zone and QR target ids: the pack id form, which cannot spell a sentence or a name with spaces. */
const idSchema = packIdSchema;
const durationSchema = z
  .number()
  .int('expected whole milliseconds')
  .min(0, 'a duration cannot be negative')
  .max(MAX_EVENT_DURATION_MS, 'a duration longer than a day is a renderer bug, not a visit');

/**
 * A strict object: any field beyond the event's own is refused, and the message says why, so a
 * renderer change that starts sending, say, a visitor's name fails loudly in development.
 */
function eventShape<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `analytics events carry only their own fixed fields (no free text, nothing that identifies a visitor); remove ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`
        : undefined,
  });
}

const tourShape = { kind: z.enum(TOUR_KINDS), id: idSchema.optional() };

export const analyticsEventSchema = z.discriminatedUnion(
  'type',
  [
    eventShape({ type: z.literal('visit.start') }),
    eventShape({ type: z.literal('visit.end'), durationMs: durationSchema, reason: z.enum(VISIT_END_REASONS) }),
    eventShape({ type: z.literal('exhibit.open'), exhibitId: idSchema }),
    eventShape({ type: z.literal('exhibit.close'), exhibitId: idSchema, dwellMs: durationSchema }),
    eventShape({ type: z.literal('mascot.tap'), mascotId: idSchema }),
    eventShape({ type: z.literal('tour.start'), ...tourShape }),
    eventShape({ type: z.literal('tour.finish'), ...tourShape }),
    eventShape({ type: z.literal('language.switch'), to: localeTagSchema }),
    eventShape({ type: z.literal('accessibility.mode'), mode: z.enum(ACCESSIBILITY_MODES), on: z.boolean() }),
    eventShape({ type: z.literal('qr.shown'), targetId: idSchema }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'expected an analytics event: an object whose "type" is one of visit.start, visit.end, exhibit.open, exhibit.close, mascot.tap, tour.start, tour.finish, language.switch, accessibility.mode, qr.shown'
        : undefined,
  },
);

/** The schema and the hand-written `AnalyticsEvent` type must describe the same events; this fails to compile otherwise. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ANALYTICS_SCHEMA_MATCHES_TYPE: Same<z.input<typeof analyticsEventSchema>, AnalyticsEvent> = true;

/**
 * Longest pledge text a request may carry, in UTF-16 units. Far above the 80 characters a pledge may
 * have, so an overlong message reaches the core and gets PLEDGE_E_TOO_LONG, a reason the renderer can
 * show, rather than a bare API_E_BAD_REQUEST; still small enough that nobody posts a novel.
 */
export const PLEDGE_REQUEST_MAX_UNITS = 2000;

/** `satisfies` makes a channel without a schema (or a schema without a channel) a type error. */
export const requestArgs = {
  'app:info': z.tuple([]),
  'packs:active': z.tuple([]),
  'packs:list': z.tuple([]),
  'packs:import': z.tuple([z.string().min(1).max(4096), z.object({ activate: z.boolean() }).strict()]),
  'packs:cancel-import': z.tuple([]),
  'packs:activate': z.tuple([z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}@[0-9A-Za-z.+-]{1,64}$/, 'expected id@version, e.g. chaoyang-expo@1.2.0')]),
  'packs:rollback': z.tuple([]),
  'settings:all': z.tuple([]),
  'analytics:track': z.tuple([analyticsEventSchema]),
  'pledges:submit': z.tuple([z.strictObject({ exhibitId: packIdSchema, text: z.string().max(PLEDGE_REQUEST_MAX_UNITS) })]),
  'pledges:list': z.tuple([z.strictObject({ exhibitId: packIdSchema })]),
  'pledges:walls': z.tuple([]),
} as const satisfies Record<RequestChannel, z.ZodType<readonly unknown[]>>;

export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestArgs)[C]>;
