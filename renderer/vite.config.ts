// Vite build of the renderer: root is this folder, output goes to out/renderer for both hosts to serve.
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { embindWithoutEval } from './build/embind-without-eval';
import { BASIS_TRANSCODER_DIR, BASIS_TRANSCODER_FILES } from './src/hall/scene/decoder-files';

// No node:* import here (the layering lint forbids it under renderer/); Vite injects import.meta.dirname
// into the bundled config, so the paths do not depend on the working directory.
const root = import.meta.dirname;

/**
 * Emits three's Basis transcoder at BASIS_TRANSCODER_DIR under its own names (KTX2Loader fetches
 * them by name), its glue patched to run under the CSP without 'unsafe-eval'. Reads through the
 * bundler's file system API, since this file may not import node:fs.
 */
function basisTranscoder(): Plugin {
  return {
    name: 'sunrise:basis-transcoder',
    apply: 'build',
    async buildStart() {
      for (const file of BASIS_TRANSCODER_FILES) {
        const resolved = await this.resolve(`three/examples/jsm/libs/basis/${file}`, `${root}/index.html`);
        if (!resolved) this.error(`three/examples/jsm/libs/basis/${file} not found`);
        const bytes = await this.fs.readFile(resolved.id);
        const source = file.endsWith('.js') ? embindWithoutEval(new TextDecoder().decode(bytes)) : bytes;
        this.emitFile({ type: 'asset', fileName: `${BASIS_TRANSCODER_DIR}${file}`, source });
      }
    },
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served from app:// (Electron) and http://127.0.0.1 (web host).
  base: './',
  plugins: [svelte({ configFile: `${root}/svelte.config.js` }), basisTranscoder()],
  build: {
    outDir: `${root}/../out/renderer`,
    emptyOutDir: true,
    // The CSP allows no data: fonts and no inline scripts: every asset must be a file of its own, and
    // the module-preload polyfill (an inline script) must stay out.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Electron's Chromium and the web host's Chromium are both current; no legacy transpiling needed.
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
