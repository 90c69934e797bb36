// Renders preview.png: the six mascots side by side at 1920×1080 in Debian's Chromium (SwiftShader), for reviewers and for tuning the designs.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { buildMascotGlb, MASCOT_IDS } from '../build-mascots';
import { MASCOT_SPECS } from '../roster';
import type { PreviewInput } from './preview-page';
import { shrinkPng } from './png';

const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking'];

export interface PreviewOptions {
  /** The folder of preview-page.ts (this file's folder; passed in because this code runs bundled elsewhere). */
  readonly pageDir: string;
  readonly width?: number;
  readonly height?: number;
  /** Pose every other mascot this many seconds into its wave (shows the clip), or null for the rest pose. */
  readonly waveAt?: number | null;
}

export async function renderPreview(outFile: string, options: PreviewOptions): Promise<void> {
  const width = options.width ?? 1920;
  const height = options.height ?? 1080;
  const mascots = await Promise.all(
    MASCOT_IDS.map(async (id) => ({ id, name: MASCOT_SPECS[id].name, glb: Buffer.from((await buildMascotGlb(id)).bytes).toString('base64') })),
  );
  const input: PreviewInput = { width, height, mascots, waveAt: options.waveAt ?? null };
  const bundle = await build({
    entryPoints: [join(options.pageDir, 'preview-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
  });
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.evaluate((value) => void ((globalThis as unknown as { __preview: PreviewInput }).__preview = value), input);
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    await page.waitForFunction(() => (globalThis as unknown as { __done?: unknown }).__done !== undefined, undefined, { timeout: 60_000 });
    const done = await page.evaluate(() => (globalThis as unknown as { __done: { ok: boolean; error?: string } }).__done);
    if (!done.ok) throw new Error(`preview page failed: ${done.error ?? 'unknown error'}`);
    // Reviewers read it in the repository: keep it small (well under 400 KB).
    await writeFile(outFile, shrinkPng(await page.screenshot({ type: 'png' })));
  } finally {
    await browser.close();
  }
}
