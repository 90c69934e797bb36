// Staff import a signed pack from the CLI while the kiosk runs: visitors see the new pack without a reload.
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

test('a pack built, signed, trusted and imported with the CLI replaces the built-in hall live', async ({ page }) => {
  const work = await mkdtemp(join(tmpdir(), 'sunrise-e2e-pack-'));
  const source = await writeFixturePackDir(join(work, 'src'), { title: { 'zh-CN': '迷你展会', en: 'Mini expo' } });
  cli('pack', 'keygen', '-o', join(work, 'organizer'));
  cli('pack', 'build', source, '-o', join(work, 'mini.zip'), '--key', join(work, 'organizer.key'));
  cli('pack', 'trust', 'add', join(work, 'organizer.pub'), '--data', host.dataDir);

  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await expect(page.getByTestId('attract-pack-title')).toContainText('Hall preview');

  cli('pack', 'import', join(work, 'mini.zip'), '--data', host.dataDir);
  // The host follows the pointer file and pushes packs:changed; no reload, no touch.
  await expect(page.getByTestId('attract-pack-title')).toContainText('Mini expo');

  await kiosk.tapToBegin();
  const stats = await kiosk.waitForHallReady();
  expect(stats.drawCalls).toBeGreaterThan(0);

  // The pack's files are served from its versioned URL with byte ranges.
  const png = await page.request.get(`${host.url}pack/mini-expo@1.0.0/images/welcome.png`, { headers: { range: 'bytes=0-7' } });
  expect(png.status()).toBe(206);
  expect(png.headers()['content-range']).toMatch(/^bytes 0-7\/\d+$/);
  expect(await png.body()).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(kiosk.consoleErrors).toEqual([]);
});

test('an unsigned pack is refused and the kiosk keeps showing what it showed', async ({ page }) => {
  const work = await mkdtemp(join(tmpdir(), 'sunrise-e2e-pack-'));
  const source = await writeFixturePackDir(join(work, 'src'));
  cli('pack', 'build', source, '-o', join(work, 'mini.zip'));
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  // Unsigned packs are refused by default, with the reason and what to do.
  let failure = '';
  try {
    cli('pack', 'import', join(work, 'mini.zip'), '--data', host.dataDir);
  } catch (error) {
    failure = String((error as { stderr?: string }).stderr);
  }
  expect(failure).toContain('PACK_E_SIGNATURE');
  expect(failure).toContain('unchanged');
  await expect(page.getByTestId('attract-pack-title')).toContainText('Hall preview');
});

test('after the host restarts, the page reconnects and shows what changed while it was down', async ({ page }) => {
  const work = await mkdtemp(join(tmpdir(), 'sunrise-e2e-pack-'));
  const source = await writeFixturePackDir(join(work, 'src'));
  cli('pack', 'build', source, '-o', join(work, 'mini.zip'));
  cli('settings', 'set', 'packs.acceptUnsigned', 'true', '--data', host.dataDir);
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await expect(page.getByTestId('attract-pack-title')).toContainText('Hall preview');

  const { port, dataDir } = host;
  await host.stop();
  cli('pack', 'import', join(work, 'mini.zip'), '--data', dataDir);
  host = await startOwnHost({ port, dataDir });
  // The old page holds the old launch token; it must notice, reload, and show the new pack.
  await expect(page.getByTestId('attract-pack-title')).toContainText('Mini expo', { timeout: 30_000 });
});
