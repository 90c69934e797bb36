// `npm run bench`: bundles the CLI and test/bench/import-bench.ts with esbuild (no tsx needed), then runs the benchmark with the given arguments.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository (test-results/ is ignored), so the bundles resolve their packages from node_modules.
const outfile = join(root, 'test-results', 'import-bench.mjs');
let child = null;

/** Runs `node args…` in the repository, forwarding Ctrl-C and friends so the benchmark can clean up. */
function runNode(args, env = process.env) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Bundles test/bench/`entry` for Node; packages stay external (Playwright, esbuild and draco3dgltf load files of their own). */
function bundleForNode(entry, outfile) {
  return build({
    entryPoints: [join(root, 'test', 'bench', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    packages: 'external',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // The child gets the terminal's signal itself; this process only waits for it to finish cleaning up.
  process.on(signal, () => child?.kill(signal));
}

// Benchmark the current sources: the same esbuild bundle `npm run build` makes for the Node side.
let code = await runNode(['electron/bundle.config.mjs']);
if (code === 0) {
  await bundleForNode('import-bench.ts', outfile);
  // SUNRISE_BENCH_ONLY=hall skips the (long) import benchmark.
  if (process.env.SUNRISE_BENCH_ONLY !== 'hall') code = await runNode([outfile, ...process.argv.slice(2)], { ...process.env, SUNRISE_BENCH_ROOT: root });
  // The hall benchmark drives the built renderer through the web host in Chromium.
  if (code === 0) code = await runNode([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  if (code === 0) {
    const hallOut = join(root, 'test-results', 'hall-bench.mjs');
    await bundleForNode('hall-bench.ts', hallOut);
    code = await runNode([hallOut], { ...process.env, SUNRISE_BENCH_ROOT: root });
  }
}
process.exitCode = code;
