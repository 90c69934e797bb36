// Runs the mascot generator without tsx: `node content/tools/mascots/dev.mjs build OUT_DIR` or `… preview [OUT.png] [--wave SECONDS]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const [command = 'help', ...rest] = process.argv.slice(2);
const entries = {
  build: `import { buildMascots } from './build-mascots';
    const out = process.argv[2];
    if (!out) throw new Error('usage: dev.mjs build OUT_DIR');
    for (const m of await buildMascots(out)) console.log(m.path, m.triangles + ' triangles', m.bytes + ' bytes');`,
  preview: `import { renderPreview } from './preview/render-preview';
    const args = process.argv.slice(2);
    const wave = args.indexOf('--wave');
    const waveAt = wave >= 0 ? Number(args.splice(wave, 2)[1]) : null;
    const out = args[0] ?? ${JSON.stringify(join(here, 'preview.png'))};
    await renderPreview(out, { waveAt, pageDir: ${JSON.stringify(join(here, 'preview'))} });
    console.log('wrote', out);`,
};
if (!(command in entries)) {
  console.error('usage: node content/tools/mascots/dev.mjs build OUT_DIR | preview [OUT.png] [--wave SECONDS]');
  process.exit(2);
}
// The bundle sits inside the repository's node_modules, so its external packages resolve from there
// (and lint and git never see it).
const cache = join(here, '..', '..', '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'sunrise-mascots-'));
try {
  const outfile = join(work, `${command}.mjs`);
  await build({
    stdin: { contents: entries[command], resolveDir: here, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
  const result = spawnSync(process.execPath, [outfile, ...rest], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
