// The web-host transport: requests are POST /api/<channel>, events share one EventSource on /api/events.
import { buildKioskApi, EVENT_CHANNELS, eventChannels } from '../../../electron/shared/api';
import type { EventChannel, Invoke, KioskApi, RequestChannel, Subscribe, Unsubscribe } from '../../../electron/shared/api';
import { ERROR_CODES } from '../../../electron/shared/errors';
import type { ErrorCode } from '../../../electron/shared/errors';
import { fail } from '../../../electron/shared/result';
import type { Result } from '../../../electron/shared/result';

/** Reads the per-run token the web host writes into the page (empty when the page was not served by it). */
export function readToken(doc: Document = document): string {
  return doc.querySelector('meta[name="sunrise-token"]')?.getAttribute('content') ?? '';
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Accepts a reply body only if it has the Result shape; anything else becomes API_E_INTERNAL. */
export function toResult(body: unknown, status: number): Result<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
    if (body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null) {
      const { code, message } = body.error as { code?: unknown; message?: unknown };
      const text = typeof message === 'string' ? message : 'no message';
      // An unknown code still reaches the screen, so staff can report it, but under a code we know.
      return isErrorCode(code) ? fail(code, text) : fail('API_E_INTERNAL', `${String(code)}: ${text}`);
    }
  }
  return fail('API_E_INTERNAL', `the host replied with HTTP ${status} and no result`);
}

function makeInvoke(token: string): Invoke {
  return async (channel: RequestChannel, args: readonly unknown[]) => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sunrise-token': token },
        body: JSON.stringify({ args }),
      });
    } catch (error) {
      return fail('API_E_INTERNAL', `${channel}: the host could not be reached (${describe(error)})`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      return fail('API_E_INTERNAL', `${channel}: the host sent a reply that is not JSON (HTTP ${response.status}, ${describe(error)})`);
    }
    return toResult(body, response.status);
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One EventSource for all event channels, opened with the first listener and closed with the last, so
 * an idle page holds no connection and every channel shares the one the host allows.
 */
function makeSubscribe(token: string, invoke: Invoke): Subscribe {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const dispatch = (channel: EventChannel, event: MessageEvent<unknown>): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(String(event.data));
    } catch {
      console.warn(`[kiosk] ${channel}: ignored an event whose data is not JSON`);
      return;
    }
    deliver(channel, payload);
  };

  const deliver = (channel: EventChannel, payload: unknown): void => {
    // Copy first: a listener may unsubscribe while we iterate.
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
  };

  const open = (): EventSource => {
    const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const channel of EVENT_CHANNELS) {
      es.addEventListener(channel, (event) => dispatch(channel, event));
    }
    let opened = 0;
    es.addEventListener('open', () => {
      opened += 1;
      // After a reconnect, events sent while the stream was down are lost: ask for the current state.
      if (opened > 1) void catchUp();
    });
    es.addEventListener('error', () => {
      // CLOSED (not CONNECTING) means the host refused the stream: it restarted with a new token, which
      // only a fresh copy of the page carries. Reloading is what a kiosk should do; it cannot loop,
      // because a host that is down leaves the stream CONNECTING, not CLOSED.
      if (es.readyState === EventSource.CLOSED) location.reload();
    });
    return es;
  };

  const catchUp = async (): Promise<void> => {
    for (const channel of EVENT_CHANNELS) {
      const current = eventChannels[channel].current;
      if (current === null || !listeners.get(channel)?.size) continue;
      const result = await invoke(current, []);
      if (result.ok) deliver(channel, result.value);
    }
  };

  const total = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return (channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe => {
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry = (payload: unknown): void => listener(payload);
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(entry);
    source ??= open();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(entry);
      if (total() === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

/** Builds the KioskApi that talks to the web host of this page's origin. */
export function createWebKioskApi(token: string = readToken()): KioskApi {
  const invoke = makeInvoke(token);
  return buildKioskApi(invoke, makeSubscribe(token, invoke));
}
