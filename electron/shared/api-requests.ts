// Argument schemas for every request channel, parsed by the hosts before the core sees a request.
import { z } from 'zod';
import type { RequestChannel } from './api';

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
} as const satisfies Record<RequestChannel, z.ZodType<readonly unknown[]>>;

export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestArgs)[C]>;
