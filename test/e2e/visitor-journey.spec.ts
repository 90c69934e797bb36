// A visitor's two minutes, scripted with touch: meet a mascot, open exhibits from the hall and the index, switch language, low reach, go idle, and leave nothing behind.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { writeFixturePackDir } from '../fixtures/packs/make-fixture-pack';
import { KioskPage } from './kiosk-page';
import { runCli, startOwnHost } from './own-host';
import type { OwnHost } from './own-host';

let host: OwnHost;
test.beforeEach(async () => {
  host = await startOwnHost();
  const work = await mkdtemp(join(tmpdir(), 'sunrise-e2e-visit-'));
  const dir = await writeFixturePackDir(join(work, 'visit-expo'), { id: 'visit-expo', visit: true });
  runCli('settings', 'set', 'packs.acceptUnsigned', 'true', '--data', host.dataDir);
  runCli('pack', 'build', dir, '-o', join(work, 'visit-expo.zip'));
  runCli('pack', 'import', join(work, 'visit-expo.zip'), '--data', host.dataDir);
});
test.afterEach(async () => {
  await host.stop();
});

/** The shortest idle the settings allow (15 s, then a 5 s warning), set by staff at the CLI while the kiosk runs. */
function shortIdle(): void {
  runCli('settings', 'set', 'idle.timeoutSeconds', '15', '--data', host.dataDir);
  runCli('settings', 'set', 'idle.warningSeconds', '5', '--data', host.dataDir);
}

/** A finger anywhere on the screen (a real touch, without Playwright's wait for the element to stay put). */
async function touch(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Taps what the hall shows at a target's screen position, as a finger would, once the camera has settled. */
async function tapTarget(page: Page, kiosk: KioskPage, id: string): Promise<void> {
  let previous = '';
  await expect
    .poll(async () => {
      const spot = await page.evaluate((target) => window.sunriseDiagnostics.project(target), id);
      const now = JSON.stringify(spot);
      const settled = spot?.visible === true && now === previous;
      previous = now;
      return settled;
    }, { intervals: [300], message: `${id} never held still on screen` })
    .toBe(true);
  const spot = await page.evaluate((target) => window.sunriseDiagnostics.project(target), id);
  const box = await kiosk.canvas.boundingBox();
  if (!spot || !box) throw new Error(`cannot see ${id}`);
  await page.touchscreen.tap(box.x + spot.x, box.y + spot.y);
}

async function startVisit(page: Page): Promise<KioskPage> {
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  await kiosk.goToHomeViewWithMascots();
  return kiosk;
}

test('a visitor meets a mascot, reads exhibits in two languages, uses low reach, goes idle, and the next visitor finds a fresh kiosk', async ({ page }) => {
  test.setTimeout(120_000);
  const kiosk = await startVisit(page);

  // A mascot greets: speech bubble in Chinese, its recorded greeting plays, its card opens.
  await tapTarget(page, kiosk, 'sunny');
  await expect(page.getByTestId('mascot-bubble')).toContainText('你好，我是阳阳！');
  await expect.poll(async () => (await kiosk.diagnostics()).audio.last ?? '').toContain('audio/sunny.zh-CN.wav');
  await expect.poll(async () => (await kiosk.diagnostics()).audio.playing).toBe(1);
  await expect(page.getByTestId('mascot-card')).toBeVisible();
  expect((await kiosk.diagnostics()).screen).toBe('mascot');
  await page.getByRole('button', { name: '关闭名片' }).tap();

  // An exhibit from the hall, then the language switch changes the panel under the visitor's finger.
  await page.getByTestId('home-button').tap();
  await tapTarget(page, kiosk, 'welcome');
  await expect(page.getByTestId('exhibit-title')).toHaveText('欢迎');
  await expect(page.getByTestId('exhibit-figure')).toContainText('截至2024年3月');
  await page.getByTestId('language-toggle').tap();
  await expect(page.getByTestId('exhibit-title')).toHaveText('Welcome');
  await expect(page.getByTestId('exhibit-figure')).toContainText('as of March 2024');
  await page.getByTestId('exhibit-next').tap();
  await expect(page.getByTestId('exhibit-title')).toHaveText('Workshop');
  expect((await kiosk.diagnostics()).openExhibit).toBe('workshop');

  // An exhibit from the index.
  await page.getByTestId('index-button').tap();
  await page.getByTestId('index-exhibit').filter({ hasText: 'Craft' }).getByRole('button').tap();
  await expect(page.getByTestId('exhibit-title')).toHaveText('Craft');
  await page.getByTestId('exhibit-close').tap();

  // Low reach: every control the visitor can touch sits in the bottom third of the screen.
  await page.getByTestId('access-button').tap();
  await page.getByTestId('mode-lowReach').tap();
  await page.getByRole('button', { name: 'Close' }).tap();
  await page.getByTestId('index-button').tap();
  await page.getByTestId('index-exhibit').filter({ hasText: 'Welcome' }).getByRole('button').tap();
  await expect(page.getByTestId('exhibit-panel')).toBeVisible();
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  const tops = await page.locator('button:visible').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().top));
  expect(tops.length).toBeGreaterThan(3);
  for (const top of tops) expect(top).toBeGreaterThanOrEqual((viewport.height * 2) / 3 - 1);

  // Hands off: the warning comes, counts down, and the visit ends. (New idle settings apply from the next touch.)
  shortIdle();
  await expect
    .poll(async () => {
      await touch(page, 'exhibit-title');
      return (await kiosk.diagnostics()).idleMsRemaining ?? Infinity;
    })
    .toBeLessThanOrEqual(20_000);
  await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 25_000 });
  const remaining = (await kiosk.diagnostics()).idleMsRemaining;
  expect(remaining).toBeGreaterThan(0);
  expect(remaining).toBeLessThanOrEqual(5_000);
  await expect(kiosk.attract).toBeVisible({ timeout: 10_000 });
  const after = await kiosk.diagnostics();
  expect(after).toMatchObject({ screen: 'attract', locale: 'zh-CN', openExhibit: null, idleMsRemaining: null });
  expect(after.audio.playing).toBe(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  for (const mode of ['data-low-reach', 'data-large-text', 'data-high-contrast', 'data-reduced-motion']) {
    expect(await page.locator('html').getAttribute(mode)).toBeNull();
  }
  await expect(page.getByTestId('exhibit-panel')).toBeHidden();

  // The next visitor starts in Chinese with nothing open and nothing kept.
  await kiosk.tapToBegin();
  await expect(page.getByTestId('home-button')).toContainText('首页');
  await expect(page.getByTestId('collection-button')).toBeHidden();
});

test('a touch during the idle warning keeps the visit, and narration holds the idle clock', async ({ page }) => {
  test.setTimeout(90_000);
  shortIdle();
  const kiosk = await startVisit(page);
  await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 25_000 });
  // Any touch keeps the visit; the button is there for those who need to be told.
  await touch(page, 'idle-keep');
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  expect((await kiosk.diagnostics()).screen).toBe('hall');
  expect((await kiosk.diagnostics()).idleMsRemaining).toBeGreaterThan(15_000);

  // Reading to the visitor is not idling: while the narration plays the clock is held.
  await tapTarget(page, kiosk, 'welcome');
  await page.getByTestId('narration-toggle').tap();
  await expect.poll(async () => (await kiosk.diagnostics()).idleMsRemaining).toBeNull();
  await expect(page.getByTestId('narration-caption')).toHaveText('欢迎来到迷你展会。');
  // The 2 s narration ends; the clock runs again from a full timeout.
  await expect.poll(async () => (await kiosk.diagnostics()).idleMsRemaining, { timeout: 10_000 }).toBeGreaterThan(15_000);
});

test('keeping exhibits gathers them into one take-home list, and Start over forgets them', async ({ page }) => {
  const kiosk = await startVisit(page);
  await tapTarget(page, kiosk, 'welcome');
  await page.getByTestId('exhibit-collect').tap();
  await expect(page.getByTestId('exhibit-collect')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('exhibit-qr').locator('svg')).toBeVisible();
  await page.getByTestId('exhibit-next').tap();
  await page.getByTestId('exhibit-collect').tap();
  await page.getByTestId('collection-button').tap();
  await expect(page.getByTestId('collection-items').getByRole('listitem')).toHaveCount(2);
  await page.getByTestId('restart-button').tap();
  await expect(kiosk.attract).toBeVisible();
  await kiosk.tapToBegin();
  await expect(page.getByTestId('collection-button')).toBeHidden();
});

test('the index and an exhibit panel have no serious accessibility violations, in either language', async ({ page }) => {
  const kiosk = await startVisit(page);
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') await page.getByTestId('language-toggle').tap();
    await page.getByTestId('index-button').tap();
    const index = await new AxeBuilder({ page }).include('[data-testid="exhibit-index"]').analyze();
    expect(index.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.getByTestId('index-exhibit').first().getByRole('button').tap();
    await expect(page.getByTestId('exhibit-panel')).toBeVisible();
    const panel = await new AxeBuilder({ page }).include('[data-testid="exhibit-panel"]').analyze();
    expect(panel.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.getByTestId('exhibit-close').tap();
  }
  expect(kiosk.consoleErrors).toEqual([]);
});

test('a visitor leaves a pledge with the on-screen keyboard; a blocked word is refused; staff hide it from the CLI and it leaves the wall', async ({ page }) => {
  const kiosk = await startVisit(page);
  await page.getByTestId('language-toggle').tap();
  await page.getByTestId('index-button').tap();
  await page.getByTestId('index-exhibit').filter({ hasText: 'Pledge wall' }).getByRole('button').tap();
  const wall = page.getByTestId('pledge-wall');
  await expect(wall).toContainText('No pledges yet');

  // A refused word: the message says why, and the text stays to be fixed.
  await wall.getByTestId('pledge-leave').tap();
  for (const key of ['b', 'a', 'd', 'w', 'o', 'r', 'd']) await page.getByTestId('osk').getByRole('button', { name: key, exact: true }).tap();
  await page.getByTestId('osk').getByRole('button', { name: 'Done' }).tap();
  await expect(page.getByTestId('pledge-message')).toContainText('words the wall does not allow');
  await expect(page.getByTestId('osk-text')).toHaveText('badword');

  // Start again: letters and an emoji.
  for (let i = 0; i < 7; i += 1) await page.getByTestId('osk').getByRole('button', { name: 'Backspace' }).tap();
  for (const key of ['h', 'i']) await page.getByTestId('osk').getByRole('button', { name: key, exact: true }).tap();
  await page.getByTestId('osk').getByRole('button', { name: 'Emoji' }).tap();
  await page.getByTestId('osk').locator('button.emoji').first().tap();
  await expect(page.getByTestId('osk-count')).toHaveText('3/80');
  await page.getByTestId('osk').getByRole('button', { name: 'Done' }).tap();
  await expect(page.getByTestId('pledge-message')).toContainText('Your pledge is on the wall');
  const list = page.getByTestId('pledge-list');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('hi');

  // Staff moderation at the CLI reaches the running kiosk without a reload.
  const listed = runCli('pledges', 'list', '--data', host.dataDir);
  // One row per pledge: id, date, time, status, text.
  const id = /^\s+([a-z0-9]{8})\s.*\bvisible\s+hi/m.exec(listed)?.[1];
  expect(id, listed).toBeTruthy();
  runCli('pledges', 'hide', id ?? '', '--data', host.dataDir);
  await expect(wall).toContainText('No pledges yet');
  expect(kiosk.consoleErrors).toEqual([]);
});
