// Draco and KTX2 (Basis) mascots load through the decoders the app ships, offline, under the app's CSP, and only when used.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page, Worker } from '@playwright/test';
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

/** Builds and installs fixture packs with mascots; the last one imported is active. */
async function installPacks(...packs: { id: string; title: string; compressed: boolean }[]): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'sunrise-e2e-decoders-'));
  runCli('settings', 'set', 'packs.acceptUnsigned', 'true', '--data', host.dataDir);
  for (const pack of packs) {
    const dir = await writeFixturePackDir(join(work, pack.id), { id: pack.id, title: { 'zh-CN': pack.title, en: pack.title }, mascots: true, compressedMascots: pack.compressed });
    runCli('pack', 'build', dir, '-o', join(work, `${pack.id}.zip`));
    runCli('pack', 'import', join(work, `${pack.id}.zip`), '--data', host.dataDir);
  }
}

const DECODER_FILE = /\/(draco_wasm_wrapper|draco_decoder|basis_transcoder)[^/]*\.(js|wasm)$/;

interface DecoderWatch {
  readonly files: { url: string; status: number; type: string }[];
  readonly workers: Worker[];
  /** Workers that ended (terminated by a disposed loader, or crashed). */
  readonly closed: Worker[];
}

/** Every decoder file the page fetched (status and type) and every worker it started or ended, from the first navigation on. */
function watchDecoders(page: Page): DecoderWatch {
  const seen: DecoderWatch = { files: [], workers: [], closed: [] };
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (DECODER_FILE.test(path)) seen.files.push({ url: path, status: response.status(), type: response.headers()['content-type'] ?? '' });
  });
  page.on('worker', (worker) => {
    seen.workers.push(worker);
    worker.on('close', () => seen.closed.push(worker));
  });
  return seen;
}

/**
 * Pixels of the compressed mascots' own hues in a screenshot of the canvas: the Draco mascot's green
 * body and the KTX2 mascot's magenta checkerboard. Neither placeholder (drawn in the manifest's
 * orange and blue) nor anything else in the fixture hall has these hues.
 */
async function mascotHues(kiosk: KioskPage): Promise<{ green: number; magenta: number }> {
  const png = (await kiosk.canvas.screenshot()).toString('base64');
  return kiosk.page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext('2d');
    if (context === null) return { green: 0, magenta: 0 };
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
    let green = 0;
    let magenta = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r = 0, g = 0, b = 0] = [pixels[i], pixels[i + 1], pixels[i + 2]];
      if (g > 90 && g > 1.6 * r && g > 1.6 * b) green += 1;
      if (r > 90 && b > 90 && 1.8 * g < Math.min(r, b)) magenta += 1;
    }
    return { green, magenta };
  }, png);
}

/** Turns the camera (arrow keys, as a keyboard user would) until `id` is on screen, away from the edges. */
async function turnUntilInView(kiosk: KioskPage, id: string): Promise<void> {
  await kiosk.canvas.focus();
  const box = await kiosk.canvas.boundingBox();
  if (box === null) throw new Error('no canvas box');
  await expect
    .poll(async () => {
      const spot = await kiosk.page.evaluate((target) => window.sunriseDiagnostics.project(target), id);
      const central = spot !== null && spot.visible && spot.x > box.width * 0.2 && spot.x < box.width * 0.8;
      if (!central) await kiosk.page.keyboard.press('ArrowRight');
      return central;
    }, { intervals: [100], message: `${id} never came into view` })
    .toBe(true);
}

test('a Draco-compressed and a KTX2-textured mascot load as real models through the shipped decoders, with no CSP violation', async ({ page }) => {
  await installPacks({ id: 'compressed-expo', title: 'Compressed expo', compressed: true });
  const decoders = watchDecoders(page);
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  await page.getByTestId('home-button').tap();

  // The Draco mascot stands in the home view: its green body, not an orange placeholder capsule.
  await expect.poll(async () => (await mascotHues(kiosk)).green, { message: 'the Draco mascot never appeared' }).toBeGreaterThan(200);
  // The KTX2 mascot is to the right: its magenta checkerboard comes from the transcoded Basis texture.
  await turnUntilInView(kiosk, 'bolt');
  await expect.poll(async () => (await mascotHues(kiosk)).magenta, { message: 'the KTX2 mascot never appeared' }).toBeGreaterThan(200);

  // Decoders came from the app itself (its own origin, relative to the page or bundle), as JS and wasm.
  const files = decoders.files.map(({ url, status, type }) => `${status} ${url.replace(/-[\w-]{8}\./, '.')} ${type}`).sort();
  expect(files).toEqual([
    '200 /assets/draco_decoder.wasm application/wasm',
    '200 /assets/draco_wasm_wrapper.js text/javascript; charset=utf-8',
    '200 /decoders/basis/basis_transcoder.js text/javascript; charset=utf-8',
    '200 /decoders/basis/basis_transcoder.wasm application/wasm',
  ]);
  // One worker per decoder, from blob: URLs (CSP worker-src blob:).
  expect(decoders.workers.map((w) => new URL(w.url()).protocol)).toEqual(['blob:', 'blob:']);
  // A failed model logs "[hall] mascot … did not load"; an eval refused in a worker surfaces as an error too.
  expect(kiosk.consoleErrors).toEqual([]);
  expect(await kiosk.cspViolations()).toEqual([]);
});

test('a pack switch reuses the decoders: no second fetch, no new worker', async ({ page }) => {
  await installPacks({ id: 'expo-b', title: 'Expo B', compressed: true }, { id: 'expo-a', title: 'Expo A', compressed: true });
  const decoders = watchDecoders(page);
  const kiosk = new KioskPage(page);
  await kiosk.open(host.url);
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  await page.getByTestId('home-button').tap();
  await expect.poll(async () => (await mascotHues(kiosk)).green).toBeGreaterThan(200);
  await expect.poll(() => decoders.workers.length).toBe(2);
  const fetched = decoders.files.length;

  const models = page.waitForResponse((response) => response.url().includes('/expo-b@1.0.0/models/bolt.glb'));
  runCli('pack', 'activate', 'expo-b@1.0.0', '--data', host.dataDir);
  await models;
  await expect(page.getByTestId('hall-title')).toHaveText('Expo B');
  await expect.poll(async () => (await mascotHues(kiosk)).green).toBeGreaterThan(200);
  expect(decoders.files.length).toBe(fetched);
  expect(decoders.workers.length).toBe(2);
  expect(decoders.closed).toEqual([]);
  expect(kiosk.consoleErrors).toEqual([]);
});

test('models that use neither extension fetch no decoder and start no worker', async ({ page }) => {
  await installPacks({ id: 'plain-expo', title: 'Plain expo', compressed: false });
  const decoders = watchDecoders(page);
  const kiosk = new KioskPage(page);
  const models = Promise.all(['sunny', 'bolt'].map((id) => page.waitForResponse((response) => response.url().endsWith(`/models/${id}.glb`))));
  await kiosk.open(host.url);
  await models;
  await kiosk.tapToBegin();
  await kiosk.waitForHallReady();
  // Absence needs a window: models are parsed within milliseconds of arriving, decoders would be asked for then.
  await page.waitForTimeout(1500);
  expect(decoders.files).toEqual([]);
  expect(decoders.workers).toEqual([]);
  // The hue check's control: plain mascots are orange and blue, and nothing else in the hall is green or magenta.
  await page.getByTestId('home-button').tap();
  await page.waitForTimeout(2000);
  expect(await mascotHues(kiosk)).toEqual({ green: 0, magenta: 0 });
  expect(kiosk.consoleErrors).toEqual([]);
});
