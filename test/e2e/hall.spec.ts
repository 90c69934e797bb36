// The 3D hall as a visitor uses it: tap an exhibit, survive a lost GPU context, and switch packs without leaking.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeFixturePackDir } from '../fixtures/packs/make-fixture-pack';
import { KioskPage } from './kiosk-page';
import { runCli, startOwnHost } from './own-host';
import type { OwnHost } from './own-host';

let host: OwnHost;
test.beforeEach(async () => {
  host = await startOwnHost();
});
test.afterEach(async () => {
  await host.stop();
});

const cli = runCli;

/** Builds and installs fixture packs into the host's data folder; the last one imported is active. */
async function installPacks(...packs: { id: string; title: string; mascots?: boolean; detailedMascots?: boolean }[]): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'sunrise-e2e-hall-'));
  cli('settings', 'set', 'packs.acceptUnsigned', 'true', '--data', host.dataDir);
  for (const pack of packs) {
    const dir = await writeFixturePackDir(join(work, pack.id), { id: pack.id, title: { 'zh-CN': pack.title, en: pack.title }, mascots: pack.mascots ?? false, detailedMascots: pack.detailedMascots ?? false });
    cli('pack', 'build', dir, '-o', join(work, `${pack.id}.zip`));
    cli('pack', 'import', join(work, `${pack.id}.zip`), '--data', host.dataDir);
  }
}

test('tapping an exhibit where the hall shows it opens its panel and frames it beside the panel', async ({ page }) => {
  await installPacks({ id: 'mini-expo', title: 'Mini expo' });
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  await kiosk.goToHomeView();
  const targets = await page.evaluate(() => window.sunriseDiagnostics.targets());
  expect(targets).toEqual(expect.arrayContaining([{ id: 'welcome', kind: 'exhibit' }, { id: 'north', kind: 'zone' }]));
  const spot = await page.evaluate(() => window.sunriseDiagnostics.project('welcome'));
  expect(spot?.visible).toBe(true);
  const box = await kiosk.canvas.boundingBox();
  if (!spot || !box) throw new Error('no projection');
  await page.touchscreen.tap(box.x + spot.x, box.y + spot.y);
  const panel = page.getByTestId('exhibit-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('exhibit-title')).toHaveText('欢迎');
  expect(await kiosk.diagnostics()).toMatchObject({ screen: 'exhibit', openExhibit: 'welcome' });
  // The camera flew to a close-up, framed in the middle of the part of the hall the panel leaves visible.
  const panelBox = await panel.boundingBox();
  if (!panelBox) throw new Error('no panel');
  const visibleMiddle = (panelBox.x - box.x) / 2;
  await expect
    .poll(async () => {
      const after = await page.evaluate(() => window.sunriseDiagnostics.project('welcome'));
      return after ? Math.abs(after.x - visibleMiddle) < box.width * 0.05 : false;
    })
    .toBe(true);
  await page.getByTestId('language-toggle').tap();
  await expect(page.getByTestId('exhibit-title')).toHaveText('Welcome');
  await page.getByTestId('exhibit-close').tap();
  await expect(panel).toBeHidden();
  expect(await kiosk.diagnostics()).toMatchObject({ screen: 'hall', openExhibit: null });
  await page.getByTestId('home-button').tap();
  await expect(page.getByTestId('hall-title')).toHaveText('Mini expo');
});

test('a hall covered by the full-screen index draws no frames, even with a mascot in view', async ({ page }) => {
  await installPacks({ id: 'mini-expo', title: 'Mini expo', mascots: true });
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  await kiosk.goToHomeViewWithMascots();
  // A mascot in view keeps the hall animating at its capped rate…
  await expect.poll(() => page.evaluate(() => window.sunriseDiagnostics.project('sunny')?.visible ?? false)).toBe(true);
  const animating = (await kiosk.diagnostics()).frames;
  await page.waitForTimeout(1000);
  expect((await kiosk.diagnostics()).frames).toBeGreaterThan(animating + 5);
  // …until a full-screen panel covers it.
  await page.getByTestId('index-button').tap();
  await expect(page.getByTestId('exhibit-index')).toBeVisible();
  expect((await kiosk.diagnostics()).screen).toBe('index');
  const covered = (await kiosk.diagnostics()).frames;
  await page.waitForTimeout(3000);
  expect((await kiosk.diagnostics()).frames).toBe(covered);
  // Choosing an exhibit closes the index, opens the panel, and the hall draws again beside it.
  await page.getByTestId('index-exhibit').filter({ hasText: '欢迎' }).getByRole('button').tap();
  await expect(page.getByTestId('exhibit-panel')).toBeVisible();
  await expect(page.getByTestId('exhibit-index')).toBeHidden();
  await expect.poll(async () => (await kiosk.diagnostics()).frames).toBeGreaterThan(covered);
});

test('a lost WebGL context shows the exhibit index, and the hall comes back on restore', async ({ page }) => {
  await installPacks({ id: 'mini-expo', title: 'Mini expo' });
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  const before = await kiosk.waitForHallReady();
  await kiosk.canvas.evaluate((canvas: HTMLCanvasElement) => {
    const lose = canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context');
    (window as unknown as { __lose: WEBGL_lose_context | null }).__lose = lose ?? null;
    lose?.loseContext();
  });
  await expect(page.getByTestId('exhibit-index')).toBeVisible();
  await expect(page.getByTestId('index-exhibit')).toHaveCount(2);
  await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
  await expect(page.getByTestId('exhibit-index')).toBeHidden();
  const after = await kiosk.waitForHallReady(before.frames);
  expect(after.drawCalls).toBeGreaterThan(0);
  expect(await kiosk.distinctColours(kiosk.canvas)).toBeGreaterThan(8);
});

test('twenty pack switches leave GPU geometries and textures where they were', async ({ page }) => {
  test.setTimeout(120_000);
  // Detailed mascots: their reduced copies (drawn from afar) are GPU geometries too, and must go with their hall.
  await installPacks({ id: 'pack-a', title: 'Pack A', mascots: true, detailedMascots: true }, { id: 'pack-b', title: 'Pack B' });
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  const switchTo = async (id: string, title: string) => {
    cli('pack', 'activate', `${id}@1.0.0`, '--data', host.dataDir);
    await expect(page.getByTestId('hall-title')).toHaveText(title);
    // Models and images arrive after the switch, each adding GPU resources: count once they settle.
    let previous = '';
    let settled = '';
    await expect
      .poll(async () => {
        const { geometries, textures } = await kiosk.diagnostics();
        const now = JSON.stringify({ geometries, textures });
        settled = now === previous ? now : '';
        previous = now;
        return settled !== '';
      }, { intervals: [400] })
      .toBe(true);
    return JSON.parse(settled) as { geometries: number; textures: number };
  };
  await switchTo('pack-a', 'Pack A');
  // Both mascots are in view from home (the hall without them is ~180 triangles), but their heads, 2 × 1,024
  // triangles at full detail, are drawn as reduced copies.
  const drawn = (await kiosk.diagnostics()).triangles;
  expect(drawn).toBeGreaterThan(400);
  expect(drawn).toBeLessThan(2048);
  const first = await switchTo('pack-b', 'Pack B');
  let last = first;
  for (let i = 0; i < 10; i += 1) {
    await switchTo('pack-a', 'Pack A');
    last = await switchTo('pack-b', 'Pack B');
  }
  expect(last).toEqual(first);
});

test('the attract fly-through draws while it flies and rests at each stop, also after a lost context', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  // At a stop nothing moves: no frames (render on demand), then the next leg starts by itself.
  await kiosk.waitForStill();
  const resting = (await kiosk.diagnostics()).frames;
  await expect.poll(async () => (await kiosk.diagnostics()).frames, { timeout: 15_000 }).toBeGreaterThan(resting + 5);

  await kiosk.canvas.evaluate((canvas: HTMLCanvasElement) => {
    const lose = canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context');
    (window as unknown as { __lose: WEBGL_lose_context | null }).__lose = lose ?? null;
    lose?.loseContext();
  });
  await expect.poll(async () => (await kiosk.diagnostics()).fallback).toBe(true);
  await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
  await expect.poll(async () => (await kiosk.diagnostics()).fallback).toBe(false);
  const restored = (await kiosk.diagnostics()).frames;
  await expect.poll(async () => (await kiosk.diagnostics()).frames, { timeout: 15_000 }).toBeGreaterThan(restored + 5);
});

test('the touch-to-begin pill pulses while the fly-through rests and holds still while it flies', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  // The pill's animation and the tour's state, read together in the page.
  const state = () =>
    page.evaluate(() => ({
      flying: window.sunriseDiagnostics.tourFlying,
      pulsing: getComputedStyle(document.querySelector('[data-testid="attract-pill"]') ?? document.body).animationName.includes('pulse'),
    }));
  // Flying and still, resting and pulsing, then flying and still again (an always-on or never-on pulse fails).
  for (const flying of [true, false, true]) {
    await expect.poll(state, { timeout: 20_000 }).toEqual({ flying, pulsing: !flying });
  }
});

test('the attract text moves a few pixels at each rest of the fly-through (burn-in care)', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  const title = page.locator('.attract .content');
  const placeAtNextRest = async () => {
    await expect.poll(async () => (await kiosk.diagnostics()).tourFlying, { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await kiosk.diagnostics()).tourFlying, { timeout: 20_000 }).toBe(false);
    return title.evaluate((element) => getComputedStyle(element).translate);
  };
  const first = await placeAtNextRest();
  const second = await placeAtNextRest();
  expect(first).toMatch(/px/);
  expect(second).not.toBe(first);
});

test('the attract fly-through presents a mascot by name in both languages', async ({ page }) => {
  await installPacks({ id: 'mini-expo', title: 'Mini expo', mascots: true });
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  const spotlight = page.getByTestId('attract-spotlight');
  await expect(spotlight).toBeVisible({ timeout: 20_000 });
  await expect(spotlight).toContainText('阳阳');
  await expect(spotlight).toContainText('Sunny');
  // A touch ends the tour, and with it the presentation.
  await kiosk.tapToBegin();
  await expect(spotlight).toBeHidden();
});
