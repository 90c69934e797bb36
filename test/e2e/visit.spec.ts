// A visit from attract to hall and back, in both languages, following settings staff change from the CLI.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { CLI, E2E_DATA_DIR } from './e2e-env';
import { KioskPage } from './kiosk-page';

function setSetting(key: string, value: string): void {
  execFileSync(process.execPath, [CLI, 'settings', 'set', key, value, '--data', E2E_DATA_DIR], { stdio: 'pipe' });
}

test.afterEach(() => setSetting('locale.default', 'zh-CN'));

test('Start over returns to attract and a new touch starts a fresh visit', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  await page.getByTestId('restart-button').tap();
  await expect(kiosk.attract).toBeVisible();
  await expect(page.getByTestId('home-button')).toBeHidden();
  // Behind the attract screen the hall flies itself through the pack: frames keep coming.
  const during = (await kiosk.diagnostics()).frames;
  await expect.poll(async () => (await kiosk.diagnostics()).frames).toBeGreaterThan(during + 10);
  const { screen, frames } = await kiosk.diagnostics();
  expect(screen).toBe('attract');
  await kiosk.tapToBegin();
  // A new engine on a new canvas must draw its own first frame.
  const second = await kiosk.waitForHallReady(frames);
  expect(second.drawCalls).toBeGreaterThan(0);
});

test('the language toggle switches the hall controls between Chinese and English', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await kiosk.tapToBegin();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('home-button')).toContainText('首页');
  await page.getByTestId('language-toggle').tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('home-button')).toContainText('Home');
});

test('a default language set by staff from the CLI reaches a running kiosk', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  setSetting('locale.default', 'en');
  // The host watches the data folder and pushes the change; the kiosk is on attract, so it applies now.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await kiosk.tapToBegin();
  await expect(page.getByTestId('home-button')).toContainText('Home');
});
