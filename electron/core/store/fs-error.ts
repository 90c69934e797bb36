// Reads the `code` of a Node system error (ENOENT, EACCES…) without trusting the thrown value's type.

/** The error's `code` when it is a Node system error, else undefined. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** A short, single-line description of anything thrown, for log messages. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
