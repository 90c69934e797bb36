// The app:// scheme: app://ui serves the built renderer, app://pack the active pack; file:// is refused.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Session } from 'electron';
import { SECURITY_HEADERS } from '../core/security/csp';
import type { PackService } from '../core/packs/pack-service';
import { APP_SCHEME, PACK_HOST, UI_HOST } from '../core/security/app-urls';
import { resolveStaticFile } from '../core/serve/resolve-static';


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

export function handleAppScheme(session: Session, rendererDir: string, packs: PackService): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === PACK_HOST) {
      // Byte ranges are served by the core itself: net.fetch(file://) would ignore Range and break
      // video seeking (electron/electron#38749).
      const reply = await packs.serveFile(url.pathname.slice(1), { method: request.method, range: request.headers.get('range') ?? undefined });
      const body = reply.body === null ? null : (Readable.toWeb(reply.body) as ReadableStream<Uint8Array>);
      return new Response(body, { status: reply.status, headers: reply.headers });
    }
    if (url.host !== UI_HOST) return notFound();
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
