// The web host: node:http on loopback serving the renderer and the KioskApi, for browsers and e2e tests.
import { randomBytes } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { KioskCore } from '../core/kiosk-core';
import { fail } from '../shared/result';
import { createApiRoute } from './api-route';
import { PACK_PREFIX, servePackRoute } from './pack-route';
import { sendJson, sendText } from './http-replies';
import { allowedHosts, isAllowedHost, isAllowedOrigin } from './request-guard';
import { createStaticRoute, TOKEN_MARKER } from './static-route';

export interface WebHostOptions {
  readonly core: KioskCore;
  /** Folder of the built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** 0 picks a free port. @default 0 */
  readonly port?: number;
  /**
   * Loopback only: the page carries the API token, so serving it beyond this machine would hand the
   * whole API to the network. @default "127.0.0.1"
   */
  readonly bindAddress?: '127.0.0.1' | '::1';
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  /** Per-launch secret every API call must present; the served index.html carries it. */
  readonly token: string;
  close(): Promise<void>;
}

export class RendererNotBuiltError extends Error {}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir, port = 0, bindAddress = '127.0.0.1' } = options;
  await assertRendererBuilt(rendererDir);
  const token = randomBytes(32).toString('hex');
  const api = createApiRoute(core.dispatch, core.events, token);
  const serveStatic = createStaticRoute(rendererDir, token);
  let hosts: ReadonlySet<string> = new Set();

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, hosts)) {
      sendText(res, 421, 'This kiosk only answers requests addressed to its own address.');
      return;
    }
    // Only origin-form targets ("/path"): an absolute or malformed target must be a 400, not a crash.
    const url = parseTarget(req.url, req.headers.host ?? '');
    if (url === null) {
      sendText(res, 400, 'Malformed request target.');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!isAllowedOrigin(req.headers.origin, hosts)) {
        sendJson(res, 403, fail('API_E_FORBIDDEN', 'API calls are accepted only from the kiosk page itself.'));
        return;
      }
      api.handle(req, res, url);
      return;
    }
    const route = url.pathname.startsWith(PACK_PREFIX) ? servePackRoute(core.packs, req, res, url) : serveStatic(req, res, url);
    route.catch((error: unknown) => {
      core.logger.error('static file failed', { path: url.pathname, error: String(error) });
      if (!res.headersSent) sendText(res, 500, 'The kiosk could not read that file.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  hosts = allowedHosts(bindAddress, actualPort);
  const hostPart = bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;

  return {
    url: `http://${hostPart}:${actualPort}/`,
    port: actualPort,
    token,
    async close() {
      api.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function assertRendererBuilt(rendererDir: string): Promise<void> {
  const index = join(rendererDir, 'index.html');
  try {
    await access(index);
  } catch {
    throw new RendererNotBuiltError(`The renderer is not built (${index} is missing): run \`npm run build\` first.`);
  }
  if (!(await readFile(index, 'utf8')).includes(TOKEN_MARKER)) {
    throw new RendererNotBuiltError(`${index} lacks the ${TOKEN_MARKER} marker, so pages could not call the API: rebuild with \`npm run build\`.`);
  }
}

function parseTarget(target: string | undefined, host: string): URL | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, `http://${host}`);
  } catch {
    return null;
  }
}
