// `npm run content:build`: bundles content/tools/build-content.ts with esbuild (no tsx needed) and runs it with the given arguments.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so the bundle resolves native and wasm packages from node_modules.
const outfile = join(root, 'content', 'build', 'build-content.mjs');
await build({
  entryPoints: [join(root, 'content', 'tools', 'build-content.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  // Packages with native binaries, wasm or files of their own load from node_modules as they are.
  packages: 'external',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const child = spawn(process.execPath, [outfile, '--root', root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.once('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 : 1);
});
