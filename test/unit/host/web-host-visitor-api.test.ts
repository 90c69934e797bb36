// The web host serves the new channels as generated from the maps: api.track over POST, pledges and their event stream.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openKioskCore } from '../../../electron/core/kiosk-core';
import type { KioskCore } from '../../../electron/core/kiosk-core';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { startWebHost } from '../../../electron/host/web-host';
import type { WebHost } from '../../../electron/host/web-host';
import { writePledgePackDir } from '../pledges/pledge-fixtures';
import { rawRequest } from './http-client';

let base: string;
let core: KioskCore;
let host: WebHost;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sunrise-host-visitor-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><head><!-- sunrise-token --></head><body></body>');
  core = await openKioskCore({ dataDir: join(base, 'data'), host: 'web', appVersion: '1.0.0', packBaseUrl: '/pack/', logger: createMemoryLogger(), watch: false });
  await core.settings.set('packs.acceptUnsigned', true);
  await core.dispatch('packs:import', [await writePledgePackDir(join(base, 'pack')), { activate: true }]);
  host = await startWebHost({ core, rendererDir });
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(base, { recursive: true, force: true });
});

const call = async (channel: string, args: unknown[]): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> => {
  const res = await rawRequest(host.port, `/api/${channel}`, {
    method: 'POST',
    headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-sunrise-token': host.token },
    body: JSON.stringify({ args }),
  });
  return { status: res.status, body: JSON.parse(res.body) };
};

describe('web host: visitor API', () => {
  it('takes analytics events over POST and refuses free text with 400', async () => {
    expect(await call('analytics:track', [{ type: 'exhibit.open', exhibitId: 'pledge-wall' }])).toEqual({ status: 200, body: { ok: true, value: null } });
    const refused = await call('analytics:track', [{ type: 'visit.start', comment: 'hi, I am Li Ming' }]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'API_E_BAD_REQUEST', message: expect.stringContaining('remove "comment"') });
  });

  it('answers pledge refusals as results (HTTP 200) with their codes', async () => {
    const refused = await call('pledges:submit', [{ exhibitId: 'panel', text: 'hi' }]);
    expect(refused).toMatchObject({ status: 200, body: { ok: false, error: { code: 'PLEDGE_E_NOT_A_WALL' } } });
    expect((await call('pledges:walls', [])).body).toEqual({ ok: true, value: { packId: 'pledge-expo', walls: { 'pledge-wall': [], 'quiet-wall': [] } } });
  });

  it('pushes pledges:changed on the event stream when a pledge is left', async () => {
    const received: string[] = [];
    const req = get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => received.push(chunk));
    });
    await vi.waitFor(() => expect(received.join('')).toContain('retry:'));
    const left = await call('pledges:submit', [{ exhibitId: 'pledge-wall', text: '我承诺少开车 🚲' }]);
    expect(left.body).toMatchObject({ ok: true, value: { text: '我承诺少开车 🚲', status: 'visible' } });
    await vi.waitFor(() => expect(received.join('')).toContain('event: pledges:changed'));
    expect(received.join('')).toContain('我承诺少开车 🚲');
    expect((await call('pledges:list', [{ exhibitId: 'pledge-wall' }])).body).toMatchObject({ ok: true, value: [{ text: '我承诺少开车 🚲' }] });
    req.destroy();
  });
});
