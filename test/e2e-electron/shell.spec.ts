// Electron smoke test: the real shell loads app://ui, exposes only window.kiosk, and the hall renders.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronAvailability } from './electron-app';
import { KIOSK_API_MEMBERS } from '../fixtures/kiosk-api-members';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the kiosk shell is locked down and renders the hall', async () => {
  const { binary } = electronAvailability();
  if (binary === undefined) throw new Error('the Electron project is only configured when a binary exists');
  const dataDir = await mkdtemp(join(tmpdir(), 'sunrise-electron-data-'));
  const app = await electron.launch({ executablePath: binary, args: [ROOT, '--windowed', `--data=${dataDir}`] });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/ui\//);
    const surface = await page.evaluate(async () => {
      const w = window as unknown as { kiosk: Record<string, Record<string, unknown>>; require?: unknown; process?: unknown };
      let fileFetch = 'blocked';
      try {
        await fetch('file:///etc/hosts');
        fileFetch = 'allowed';
      } catch {
        /* expected */
      }
      return {
        require: typeof w.require,
        process: typeof w.process,
        members: Object.entries(w.kiosk).flatMap(([d, m]) => (typeof m === 'function' ? [d] : Object.keys(m).map((n) => `${d}.${n}`))).sort(),
        popup: window.open('https://example.com') === null,
        fileFetch,
      };
    });
    expect(surface).toEqual({
      require: 'undefined',
      process: 'undefined',
      members: [...KIOSK_API_MEMBERS],
      popup: true,
      fileFetch: 'blocked',
    });
    const info = await page.evaluate(() => (window as unknown as { kiosk: { app: { info(): Promise<unknown> } } }).kiosk.app.info());
    expect(info).toMatchObject({ ok: true, value: { name: 'Sunrise Hall', host: 'electron' } });

    await page.getByTestId('attract-screen').click();
    await expect(page.getByTestId('hall-canvas')).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as unknown as { sunriseDiagnostics: { ready: boolean } }).sunriseDiagnostics.ready)).toBe(true);

    // Zip names from Chinese-locale Windows tools are GBK: the main process must be able to decode them.
    expect(await app.evaluate(() => new TextDecoder('gbk').decode(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])))).toBe('中文');
    // window.open above was denied: still exactly one window.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
  }
});
