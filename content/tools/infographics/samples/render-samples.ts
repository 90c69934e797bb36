// Renders every sample spec to <outDir>/images; with --update-samples also refreshes the four PNGs committed beside this file.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { renderInfographics } from '../render';
import { SAMPLE_SPECS } from './sample-specs';

/** One of each chart style, across both languages, for reviewers (kept under 1 MB together). */
export const COMMITTED_SAMPLES = ['skills-pool.en', 'skills-share.zh-CN', 'reform-timeline.en', 'title-ladder.zh-CN'] as const;

const args = process.argv.slice(2);
const outDir = args.find((a) => !a.startsWith('--')) ?? path.join('content', 'build', 'infographics-samples');
const started = performance.now();
const written = await renderInfographics(SAMPLE_SPECS, outDir);
for (const w of written) console.log(`${w.path}  ${(w.bytes / 1024).toFixed(0)} KiB`);
console.log(`${written.length} PNGs in ${((performance.now() - started) / 1000).toFixed(2)} s`);
if (args.includes('--update-samples')) {
  // The bundle runs from elsewhere, so find this folder from the repository root (the working directory).
  const here = path.join(process.cwd(), 'content', 'tools', 'infographics', 'samples');
  for (const name of COMMITTED_SAMPLES) await copyFile(path.join(outDir, 'images', `${name}.png`), path.join(here, `${name}.png`));
  console.log(`updated ${COMMITTED_SAMPLES.length} samples in ${path.relative(process.cwd(), here) || here}`);
}
