// Argument schemas for every request channel, parsed by the hosts before the core sees a request.
import { z } from 'zod';
import type { RequestChannel } from './api';

/** `satisfies` makes a channel without a schema (or a schema without a channel) a type error. */
export const requestArgs = {
  'app:info': z.tuple([]),
  'packs:active': z.tuple([]),
  'settings:all': z.tuple([]),
} as const satisfies Record<RequestChannel, z.ZodType<readonly unknown[]>>;

export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestArgs)[C]>;
