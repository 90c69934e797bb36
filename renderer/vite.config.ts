// Vite build of the renderer: root is this folder, output goes to out/renderer for both hosts to serve.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// No node:* import here (the layering lint forbids it under renderer/); Vite injects import.meta.dirname
// into the bundled config, so the paths do not depend on the working directory.
const root = import.meta.dirname;

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served from app:// (Electron) and http://127.0.0.1 (web host).
  base: './',
  plugins: [svelte({ configFile: `${root}/svelte.config.js` })],
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
