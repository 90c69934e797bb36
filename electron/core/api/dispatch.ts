// Turns an untrusted (channel, args) pair into a validated call of the core, always answering a Result.
import { isRequestChannel } from '../../shared/api';
import { requestArgs } from '../../shared/api-requests';
import type { RequestArgs } from '../../shared/api-requests';
import type { RequestChannel, RequestResult } from '../../shared/api';
import { fail } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { Logger } from '../log/logger';

/** One async function per request channel; each receives arguments already parsed by its schema. */
export type RequestHandlers = {
  [C in RequestChannel]: (...args: RequestArgs<C>) => Promise<Result<RequestResult<C>>> | Result<RequestResult<C>>;
};

export type Dispatch = (channel: string, args: unknown) => Promise<Result<unknown>>;

/**
 * Both hosts call the returned function for every request, so the checks cannot differ between
 * Electron and the web host: unknown channels and malformed arguments never reach a handler, and a
 * handler that throws becomes `API_E_INTERNAL` with the details logged, not a crashed host.
 */
export function createDispatch(handlers: RequestHandlers, logger: Logger): Dispatch {
  return async (channel, args) => {
    if (!isRequestChannel(channel)) {
      return fail('API_E_UNKNOWN_CHANNEL', `There is no request channel named "${String(channel).slice(0, 80)}".`);
    }
    const parsed = requestArgs[channel].safeParse(args);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
      return fail('API_E_BAD_REQUEST', `${channel} was called with bad arguments (${reason}).`);
    }
    try {
      const handler = handlers[channel] as (...a: unknown[]) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(...(parsed.data as unknown[]));
    } catch (error) {
      logger.error('request handler failed', { channel, error: String(error instanceof Error ? error.stack : error) });
      return fail('API_E_INTERNAL', `${channel} failed inside the kiosk; the log in the data folder has the details.`);
    }
  };
}
