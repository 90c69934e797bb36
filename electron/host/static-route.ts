// Serves the built renderer: files from one folder, with the launch token written into index.html.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../core/security/csp';
import { resolveStaticFile } from '../core/serve/resolve-static';
import { sendText } from './http-replies';

/** The renderer's index.html carries this comment where the host puts the token meta tag. */
export const TOKEN_MARKER = '<!-- sunrise-token -->';

export function createStaticRoute(rendererDir: string, token: string) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Only GET and HEAD are served here.');
      return;
    }
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (file === null) {
      sendText(res, 404, 'Not found.');
      return;
    }
    if (file.path.endsWith('index.html')) {
      const html = (await readFile(file.path, 'utf8')).replace(TOKEN_MARKER, `<meta name="sunrise-token" content="${token}">`);
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(html) });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    // Vite names built assets by content hash, so they never change under the same URL.
    const immutable = url.pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'content-length': file.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path).on('error', () => res.destroy()).pipe(res);
  };
}
