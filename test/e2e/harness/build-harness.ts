// Builds the component test pages (harness/*.html) with Vite and Svelte in memory, as the renderer build would, for the component specs.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import type { Rolldown } from 'vite';

const HARNESS_DIR = fileURLToPath(new URL('.', import.meta.url));
const SVELTE_CONFIG = fileURLToPath(new URL('../../../renderer/svelte.config.js', import.meta.url));

/** The test pages; each loads one `<name>-entry.ts`. */
export const HARNESS_PAGES = ['audio', 'keyboard', 'materials', 'qr'] as const;
export type HarnessPage = (typeof HARNESS_PAGES)[number];

let built: Promise<Map<string, Uint8Array>> | null = null;

/**
 * Every output file by its path under the page root (`keyboard.html`, `assets/…`). Built once per test
 * worker and never written to disk, so parallel runs (or another engineer's suite) cannot collide.
 */
export function harnessFiles(): Promise<Map<string, Uint8Array>> {
  built ??= buildPages();
  return built;
}

async function buildPages(): Promise<Map<string, Uint8Array>> {
  const result = await build({
    configFile: false,
    root: HARNESS_DIR,
    base: './',
    logLevel: 'warn',
    plugins: [svelte({ configFile: SVELTE_CONFIG })],
    build: {
      write: false,
      // The same constraints as renderer/vite.config.ts: the app's CSP allows no inline or data: assets.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      target: 'es2023',
      minify: false,
      rolldownOptions: { input: Object.fromEntries(HARNESS_PAGES.map((page) => [page, `${HARNESS_DIR}${page}.html`])) },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = new Map<string, Uint8Array>();
  for (const output of outputs) {
    for (const file of output.output) {
      const content = file.type === 'chunk' ? file.code : file.source;
      files.set(file.fileName, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }
  }
  return files;
}
