// Adapts a zod schema to the durable adapter's `parse`, with a one-line reason that staff can read in the log.
import type { z } from 'zod';
import type { ParseOutcome } from './durable-json-adapter';

/**
 * `parse` for `DurableJsonAdapter`: validates with `schema.safeParse` and reports every issue on one line.
 * @example parserFor(z.object({ n: z.number() }))({ n: 'x' }) // { ok: false, reason: 'n: Invalid input: expected number, received string' }
 */
export function parserFor<S extends z.ZodType>(schema: S): (raw: unknown) => ParseOutcome<z.output<S>> {
  return (raw) => {
    const result = schema.safeParse(raw);
    return result.success ? { ok: true, value: result.data } : { ok: false, reason: describeIssues(result.error) };
  };
}

/** `path: message; path: message`, with `(root)` for issues about the whole value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');
}
