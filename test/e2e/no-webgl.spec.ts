// A kiosk PC without WebGL still serves visitors: the hall falls back to the 2D exhibit index.
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e-env';
import { KioskPage } from './kiosk-page';

test.use({
  launchOptions: {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'],
  },
});

test('without WebGL the visitor gets the exhibit index instead of a blank hall', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open();
  await expect(page.getByTestId('exhibit-index')).toBeVisible();
  await expect(page.getByTestId('index-exhibit')).toHaveCount(7);
  await kiosk.tapToBegin();
  await expect(page.getByTestId('exhibit-index')).toBeVisible();
  expect((await kiosk.diagnostics()).fallback).toBe(true);
  // Every exhibit opens from the list, as it would from the hall.
  const first = page.getByTestId('index-exhibit').first();
  const title = (await first.textContent())?.trim() ?? '';
  await first.getByRole('button').tap();
  await expect(page.getByTestId('exhibit-title')).toHaveText(title);
  await page.getByTestId('exhibit-close').tap();
  await expect(page.getByTestId('exhibit-panel')).toBeHidden();
  await expect(page.getByTestId('exhibit-index')).toBeVisible();
});
