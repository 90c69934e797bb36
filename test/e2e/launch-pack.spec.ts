// The kiosk as shipped: it starts on the launch pack, whose seven zones, 37 exhibits and six mascots read in both languages.
import { expect, test } from '@playwright/test';
import { KioskPage } from './kiosk-page';
import { startOwnHost } from './own-host';
import type { OwnHost } from './own-host';

let host: OwnHost;
test.beforeEach(async () => {
  host = await startOwnHost(undefined, { bundledPacks: true });
});
test.afterEach(async () => {
  await host.stop();
});

test('a fresh kiosk starts on the launch pack: every zone, exhibit and mascot, with figures, dates and the source in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await expect(page.getByTestId('attract-pack-title')).toContainText('朝阳奋斗者');
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  const targets = await page.evaluate(() => window.sunriseDiagnostics.targets());
  const count = (kind: string) => targets.filter((t) => t.kind === kind).length;
  expect([count('zone'), count('exhibit'), count('mascot')]).toEqual([7, 37, 6]);

  await page.getByTestId('index-button').tap();
  await expect(page.getByTestId('index-exhibit')).toHaveCount(37);
  await expect(page.getByTestId('index-mascot')).toHaveCount(6);
  await page.getByTestId('index-exhibit').filter({ hasText: '技能人才蓄水池' }).getByRole('button').tap();
  const panel = page.getByTestId('exhibit-panel');
  await expect(panel.getByTestId('exhibit-figure').first()).toContainText('24.13万');
  await expect(panel.getByTestId('exhibit-figure').first()).toContainText('截至2024年3月');
  await expect(panel.getByTestId('exhibit-credit')).toContainText('工人日报');
  await expect(panel.locator('img')).toHaveAttribute('src', /skills-pool\.zh-CN\.png$/);

  await page.getByTestId('language-toggle').tap();
  await expect(page.getByTestId('exhibit-title')).toHaveText('A Deep Pool of Skills');
  await expect(panel.getByTestId('exhibit-figure').first()).toContainText('241,300');
  await expect(panel.getByTestId('exhibit-figure').first()).toContainText('As of March 2024');
  await expect(panel.locator('img')).toHaveAttribute('src', /skills-pool\.en\.png$/);

  // Narration in the visitor's language, with captions.
  await page.getByTestId('narration-toggle').tap();
  await expect.poll(async () => (await kiosk.diagnostics()).audio.last ?? '').toContain('skills-pool.en.mp3');
  await expect(page.getByTestId('narration-caption')).not.toBeEmpty();
  expect(kiosk.consoleErrors).toEqual([]);
});
