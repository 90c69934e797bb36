// The web host's /pack/ route: files of the active pack, with byte ranges, through the core's one resolver.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PackService } from '../core/packs/pack-service';
import { sendText } from './http-replies';

export const PACK_PREFIX = '/pack/';

export async function servePackRoute(packs: PackService, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are served here.');
    return;
  }
  const reply = await packs.serveFile(url.pathname.slice(PACK_PREFIX.length), { method: req.method, range: req.headers.range });
  res.writeHead(reply.status, reply.headers);
  if (reply.body === null) {
    res.end(reply.status === 404 ? 'Not found.' : undefined);
    return;
  }
  reply.body.on('error', () => res.destroy()).pipe(res);
  // A visitor who closes the video mid-stream must not leave the file open.
  res.on('close', () => reply.body?.destroy());
}
