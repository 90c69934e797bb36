// A visitor boots the kiosk in Chromium via the web host, touches the attract screen and sees the hall render.
import { expect, test } from '@playwright/test';
import { KioskPage } from './kiosk-page';

test('attract screen, then a touch shows the hall drawn with WebGL 2', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  expect((await kiosk.diagnostics()).screen).toBe('attract');

  await kiosk.tapToBegin();
  const stats = await kiosk.waitForHallReady();
  expect(stats.screen).toBe('hall');
  expect(stats.frames).toBeGreaterThan(0);
  expect(stats.drawCalls).toBeGreaterThan(0);
  expect(stats.triangles).toBeGreaterThan(0);
  expect(stats.geometries).toBeGreaterThan(0);
  expect(stats.programs).toBeGreaterThan(0);

  // getContext returns the existing context only when it is of the requested kind.
  const isWebGl2 = await kiosk.canvas.evaluate((canvas: HTMLCanvasElement) => canvas.getContext('webgl2') !== null);
  expect(isWebGl2).toBe(true);

  // The canvas really shows a hall, not a blank clear colour: count colours in a screenshot of it.
  const distinctColours = await kiosk.distinctColours(kiosk.canvas);
  expect(distinctColours).toBeGreaterThan(8);

  expect(await kiosk.cspViolations()).toEqual([]);
  expect(kiosk.consoleErrors).toEqual([]);
});

test('the hall draws nothing while nothing moves', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  // Let the pending frames land: layout, and the one redraw with the shipped font once its pieces have
  // loaded (the hall waits 400 ms after the last piece). Then the count must hold still.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => setTimeout(resolve, 1000))));
  await kiosk.waitForStill();
  const before = (await kiosk.diagnostics()).frames;
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  expect((await kiosk.diagnostics()).frames).toBe(before);
});

test('window.sunriseDiagnostics cannot be overwritten by page code', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  const after = await page.evaluate(() => {
    const w = window as unknown as { sunriseDiagnostics: { screen: string; targets: unknown } };
    const attempts = [
      () => (w.sunriseDiagnostics = { screen: 'hacked', targets: null }),
      () => (w.sunriseDiagnostics.screen = 'hacked'),
      () => (w.sunriseDiagnostics.targets = null),
      () => delete (w.sunriseDiagnostics as { screen?: string }).screen,
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch {
        /* strict-mode writes to read-only properties throw; either way they must not stick */
      }
    }
    return { screen: w.sunriseDiagnostics.screen, targets: typeof w.sunriseDiagnostics.targets };
  });
  expect(after).toEqual({ screen: 'attract', targets: 'function' });
});
