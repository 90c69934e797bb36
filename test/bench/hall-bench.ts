// Hall benchmark: the kiosk's hall against a naive reference scene in the same headless Chromium run (ratios, not absolutes).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { writeFixturePackDir } from '../fixtures/packs/make-fixture-pack';

const root = process.env.SUNRISE_BENCH_ROOT ?? process.cwd();
const CLI = join(root, 'out', 'cli', 'index.js');
const VIEWPORT = { width: 1280, height: 720 };
const MEASURE_MS = 4000;
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0);
};

async function referenceFrameMs(page: Page): Promise<number> {
  const bundle = await build({
    stdin: {
      contents: `import { startReferenceScene } from './reference-scene';
        const canvas = document.createElement('canvas');
        canvas.style.cssText = 'display:block;width:100vw;height:100vh';
        document.body.style.margin = '0';
        document.body.append(canvas);
        window.__reference = startReferenceScene(canvas);`,
      resolveDir: join(root, 'test', 'bench'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
  });
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  await page.waitForTimeout(1000);
  await page.evaluate(() => ((window as unknown as { __reference: { intervals: number[] } }).__reference.intervals.length = 0));
  await page.waitForTimeout(MEASURE_MS);
  return median(await page.evaluate(() => (window as unknown as { __reference: { intervals: number[] } }).__reference.intervals));
}

/** Starts a web host on a fresh data folder with a fixture pack (mascots on or off), quality pinned. */
async function startHost(work: string, mascots: boolean): Promise<{ url: string; stop: () => void }> {
  const dataDir = join(work, `data-${mascots}`);
  const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  const src = await writeFixturePackDir(join(work, `src-${mascots}`), { mascots });
  cli('settings', 'set', 'packs.acceptUnsigned', 'true', '--data', dataDir);
  cli('settings', 'set', 'render.quality', 'medium', '--data', dataDir);
  cli('pack', 'build', src, '-o', join(work, `p-${mascots}.zip`));
  cli('pack', 'import', join(work, `p-${mascots}.zip`), '--data', dataDir);
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /Sunrise Hall at (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { url, stop: () => child.kill() };
}

interface HallNumbers {
  firstFrameMs: number;
  frameMs: number;
  drawCalls: number;
  triangles: number;
  textures: number;
  programs: number;
  idleFrames: number;
}

async function measureHall(page: Page, url: string, drive: boolean): Promise<HallNumbers> {
  const started = Date.now();
  await page.goto(url);
  await page.getByTestId('attract-screen').tap();
  await page.waitForFunction(() => window.sunriseDiagnostics.ready);
  const firstFrameMs = Date.now() - started;
  await page.waitForTimeout(1000);
  const at = await page.evaluate(() => ({ ...window.sunriseDiagnostics }));
  const before = at.frames;
  await page.waitForTimeout(5000);
  const idleFrames = (await page.evaluate(() => window.sunriseDiagnostics.frames)) - before;
  let frameMs = 0;
  if (drive) {
    // A visitor dragging to look around: a fixed, repeatable camera path through real input.
    await page.mouse.move(640, 360);
    await page.mouse.down();
    const end = Date.now() + MEASURE_MS;
    for (let i = 0; Date.now() < end; i += 1) await page.mouse.move(640 + Math.sin(i / 20) * 300, 360 + Math.cos(i / 30) * 40);
    frameMs = await page.evaluate(() => window.sunriseDiagnostics.frameTimeMs);
    await page.mouse.up();
  }
  return { firstFrameMs, frameMs, drawCalls: at.drawCalls, triangles: at.triangles, textures: at.textures, programs: at.programs, idleFrames };
}

const work = await mkdtemp(join(tmpdir(), 'sunrise-hall-bench-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage({ viewport: VIEWPORT, hasTouch: true });
  const referenceMs = await referenceFrameMs(page);
  const still = await startHost(work, false);
  const stillNumbers = await measureHall(page, still.url, true);
  still.stop();
  const alive = await startHost(work, true);
  const aliveNumbers = await measureHall(page, alive.url, true);
  alive.stop();
  const report = {
    viewport: VIEWPORT,
    referenceFrameMs: referenceMs,
    hall: stillNumbers,
    hallWithMascots: aliveNumbers,
    speedupVsReference: stillNumbers.frameMs > 0 ? referenceMs / stillNumbers.frameMs : null,
    speedupWithMascots: aliveNumbers.frameMs > 0 ? referenceMs / aliveNumbers.frameMs : null,
  };
  console.log(JSON.stringify(report, null, 2));
  console.table({
    reference: { frameMs: referenceMs.toFixed(1), fps: (1000 / referenceMs).toFixed(1) },
    hall: { frameMs: stillNumbers.frameMs.toFixed(1), fps: (1000 / stillNumbers.frameMs).toFixed(1), vsReference: report.speedupVsReference?.toFixed(2), idleFrames5s: stillNumbers.idleFrames, drawCalls: stillNumbers.drawCalls },
    'hall+mascots': { frameMs: aliveNumbers.frameMs.toFixed(1), fps: (1000 / aliveNumbers.frameMs).toFixed(1), vsReference: report.speedupWithMascots?.toFixed(2), idleFrames5s: aliveNumbers.idleFrames, drawCalls: aliveNumbers.drawCalls },
  });
  if (stillNumbers.idleFrames !== 0) {
    console.error(`FAIL: the hall drew ${stillNumbers.idleFrames} frames in 5 s with nothing moving in view.`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
