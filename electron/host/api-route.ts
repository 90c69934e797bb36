// The web host's API: POST /api/<channel> for requests and GET /api/events (server-sent events) for pushes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../core/api/dispatch';
import type { EventHub } from '../core/api/event-hub';
import { SECURITY_HEADERS } from '../core/security/csp';
import { fail } from '../shared/result';
import { sendJson } from './http-replies';
import { isValidToken } from './request-guard';

/** Requests are small (ids, settings values); anything larger is refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;
/** Keeps idle event streams open through proxies and lets the browser notice a dead host. */
const HEARTBEAT_MS = 25_000;

export interface ApiRoute {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void;
  /** Ends every open event stream (the server cannot close while they are open). */
  close(): void;
}

export function createApiRoute(dispatch: Dispatch, events: EventHub, token: string): ApiRoute {
  const streams = new Set<ServerResponse>();

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    // EventSource cannot send headers, so the token rides in the query string of this one route.
    if (!isValidToken(url.searchParams.get('token'), token)) {
      sendJson(res, 403, fail('API_E_FORBIDDEN', 'The event stream needs the launch token of this kiosk page.'));
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const stopListening = events.listen((channel, payload) => {
      res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      stopListening();
      streams.delete(res);
    });
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse, channel: string): void => {
    if (!isValidToken(req.headers['x-sunrise-token'] as string | undefined, token)) {
      sendJson(res, 403, fail('API_E_FORBIDDEN', 'API calls need the launch token of this kiosk page (header x-sunrise-token).'));
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('API_E_BAD_REQUEST', 'API calls must send a JSON body ({"args": [...]}) as application/json.'));
      return;
    }
    readBody(req, MAX_BODY_BYTES).then(
      async (body) => {
        let args: unknown;
        try {
          args = (JSON.parse(body) as { args?: unknown }).args ?? [];
        } catch {
          sendJson(res, 400, fail('API_E_BAD_REQUEST', 'The request body is not JSON.'));
          return;
        }
        const result = await dispatch(channel, args);
        sendJson(res, result.ok ? 200 : statusFor(result.error.code), result);
      },
      () => sendJson(res, 413, fail('API_E_BAD_REQUEST', `The request body is larger than ${MAX_BODY_BYTES} bytes.`)),
    ).catch(() => {
      // Dispatch never rejects; this only catches a client that vanished mid-reply.
      if (!res.headersSent) sendJson(res, 500, fail('API_E_INTERNAL', 'The kiosk could not answer.'));
      else res.destroy();
    });
  };

  return {
    handle(req, res, url) {
      const name = url.pathname.slice('/api/'.length);
      if (name === 'events' && req.method === 'GET') return handleEvents(req, res, url);
      if (req.method !== 'POST') {
        sendJson(res, 405, fail('API_E_BAD_REQUEST', 'API requests use POST; the event stream uses GET /api/events.'));
        return;
      }
      handleRequest(req, res, safeDecode(name));
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}

function statusFor(code: string): number {
  if (code === 'API_E_UNKNOWN_CHANNEL') return 404;
  if (code === 'API_E_BAD_REQUEST') return 400;
  if (code === 'API_E_INTERNAL') return 500;
  // Domain refusals (a bad settings value, say) are answers, not transport failures.
  return 200;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
