// The app:// scheme: app://ui serves the built renderer, app://pack the active pack; file:// is refused.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Session } from 'electron';
import { SECURITY_HEADERS } from '../core/security/csp';
import { resolveStaticFile } from '../core/serve/resolve-static';

export const APP_SCHEME = 'app';
export const UI_ORIGIN = 'app://ui';

/**
 * Must run before `ready`. `standard` gives the scheme real origins (so `'self'` in the CSP means
 * app://ui), `secure` makes it a secure context, `stream` lets media seek. Deliberately no
 * `bypassCSP`: privileged schemes could otherwise load past the policy.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

const notFound = (): Response => new Response('Not found.', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain' } });

export function handleAppScheme(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'ui') {
      // app://pack arrives with the content-pack issue; until then the built-in hall has no files.
      return notFound();
    }
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (file === null) return notFound();
    const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': file.contentType, 'content-length': String(file.size) },
    });
  });
  // Nothing in the kiosk is ever loaded from disk by URL; refuse file:// outright (checklist #18).
  session.protocol.handle('file', () => notFound());
}
