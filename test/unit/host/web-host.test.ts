// The web host over real sockets: DNS-rebinding and token checks, the API, events and the served page.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openKioskCore } from '../../../electron/core/kiosk-core';
import type { KioskCore } from '../../../electron/core/kiosk-core';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/csp';
import { startWebHost } from '../../../electron/host/web-host';
import type { WebHost } from '../../../electron/host/web-host';
import { rawRequest } from './http-client';

let base: string;
let core: KioskCore;
let host: WebHost;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sunrise-host-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><head><!-- sunrise-token --></head><body></body>');
  await writeFile(join(rendererDir, 'assets', 'app-abc.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.js'), 'secret');
  core = await openKioskCore({ dataDir: join(base, 'data'), host: 'web', appVersion: '9.8.7', packBaseUrl: '/pack/', logger: createMemoryLogger() });
  host = await startWebHost({ core, rendererDir });
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(base, { recursive: true, force: true });
});

const own = () => ({ host: `127.0.0.1:${host.port}` });

/** Sends bytes exactly as given (no client-side URL checks) and resolves with the whole reply. */
function rawSocket(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => socket.end(text));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}
const api = (channel: string, headers: Record<string, string>, body = '{"args":[]}') =>
  rawRequest(host.port, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('web host', () => {
  it('announces an address on loopback', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the page with the launch token and the CSP', async () => {
    const res = await rawRequest(host.port, '/', { headers: own() });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="sunrise-token" content="${host.token}">`);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves hashed assets as immutable and refuses paths outside the renderer', async () => {
    const asset = await rawRequest(host.port, '/assets/app-abc.js', { headers: own() });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const path of ['/../secret.js', '/%2e%2e/secret.js', '/assets/..%2f..%2fsecret.js']) {
      expect((await rawRequest(host.port, path, { headers: own() })).status).toBe(404);
    }
  });

  it.each(['evil.example:80', 'attacker.test:0', 'localhost.evil.test', '127.0.0.1'])('refuses Host "%s" (DNS rebinding)', async (hostHeader) => {
    const page = await rawRequest(host.port, '/', { headers: { host: hostHeader } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain(host.token);
    const call = await api('app:info', { host: hostHeader, 'x-sunrise-token': host.token });
    expect(call.status).toBe(421);
  });

  it('refuses a request without a Host header', async () => {
    expect(await rawSocket(`GET / HTTP/1.0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 421/);
  });

  it.each(['GET http://[/ HTTP/1.1', 'GET http://evil.example/api/app:info HTTP/1.1', 'GET //evil.example/ HTTP/1.1', 'GET * HTTP/1.1'])(
    'answers the malformed or absolute target "%s" with 400 and keeps serving',
    async (requestLine) => {
      expect(await rawSocket(`${requestLine}\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
      expect((await rawRequest(host.port, '/', { headers: own() })).status).toBe(200);
    },
  );

  it('answers HEAD for the page without a body', async () => {
    const res = await rawRequest(host.port, '/', { method: 'HEAD', headers: own() });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });

  it('accepts localhost as well as 127.0.0.1', async () => {
    const res = await api('app:info', { host: `localhost:${host.port}`, 'x-sunrise-token': host.token });
    expect(res.status).toBe(200);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    for (const headers of [own(), { ...own(), 'x-sunrise-token': 'guess' }, { ...own(), 'x-sunrise-token': host.token.replace(/.$/, 'x') }]) {
      const res = await api('app:info', headers);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'API_E_FORBIDDEN' } });
    }
  });

  it('refuses API calls from another origin even with the token', async () => {
    const res = await api('app:info', { ...own(), origin: 'http://evil.example', 'x-sunrise-token': host.token });
    expect(res.status).toBe(403);
  });

  it('answers app:info and packs:active with Results', async () => {
    const info = await api('app:info', { ...own(), 'x-sunrise-token': host.token, origin: `http://127.0.0.1:${host.port}` });
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { name: 'Sunrise Hall', version: '9.8.7', host: 'web' } });
    const pack = JSON.parse((await api('packs:active', { ...own(), 'x-sunrise-token': host.token })).body);
    expect(pack).toMatchObject({ ok: true, value: { baseUrl: '/pack/', builtIn: true, manifest: { schemaVersion: 1 } } });
  });

  it('refuses unknown channels, bad arguments, non-JSON and oversized bodies with a reason', async () => {
    const auth = { ...own(), 'x-sunrise-token': host.token };
    expect((await api('nope:nothing', auth)).status).toBe(404);
    const bad = await api('app:info', auth, '{"args":[1,2]}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('API_E_BAD_REQUEST');
    expect((await api('app:info', auth, 'not json')).status).toBe(400);
    expect((await api('app:info', auth, JSON.stringify({ args: ['x'.repeat(70_000)] }))).status).toBe(413);
    const wrongType = await rawRequest(host.port, '/api/app:info', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' });
    expect(wrongType.status).toBe(415);
    expect((await rawRequest(host.port, '/api/app:info', { headers: auth })).status).toBe(405);
  });

  it('refuses the event stream without the token', async () => {
    expect((await rawRequest(host.port, '/api/events', { headers: own() })).status).toBe(403);
    expect((await rawRequest(host.port, '/api/events?token=wrong', { headers: own() })).status).toBe(403);
  });

  it('pushes settings changes to the event stream', async () => {
    const received: string[] = [];
    const req = get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => received.push(chunk));
    });
    await vi.waitFor(() => expect(received.join('')).toContain('retry:'));
    const result = await core.settings.set('idle.timeoutSeconds', 120);
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(received.join('')).toContain('event: settings:changed'));
    expect(received.join('')).toContain('"idle.timeoutSeconds":120');
    req.destroy();
  });
});
