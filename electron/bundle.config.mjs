// Bundles the Node side with esbuild: Electron main and preload (CJS; sandboxed preloads cannot be ESM) and the CLI (ESM).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Everything is bundled so the packaged app needs no node_modules; Electron itself is provided at run time.
  external: ['electron'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs', format: 'cjs' }),
  build({
    ...common,
    entryPoints: ['electron/cli/index.ts'],
    outfile: 'out/cli/index.js',
    format: 'esm',
    // yauzl and yazl are CommonJS and call require('fs'); an ESM bundle needs a real `require` for that.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __sunriseCreateRequire } from 'node:module';\nconst require = __sunriseCreateRequire(import.meta.url);" },
  }),
]);
await chmod('out/cli/index.js', 0o755);
