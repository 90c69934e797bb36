// `npm run content:build`: builds the launch pack from its sources — models, charts, narration, music, manifest — zips it and records its hashes.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPack } from '../../electron/core/packs/build-pack';
import { makeAmbientMusic } from './audio/ambient-music';
import { synthesizeSpeech } from './audio/synthesize-speech';
import { renderInfographics } from './infographics';
import { buildMascots } from './mascots';
import { chartSpecs } from './pack/chart-specs';
import { composeManifest } from './pack/compose-manifest';
import { BLOCKED_WORDS_PATH } from './pack/generated-assets';
import { layoutHall } from './pack/layout-hall';
import { readPackSource } from './pack/pack-source';
import { speechItems } from './pack/speech-items';

const PACK = 'chaoyang-expo';

/** The organizer's own word list starts empty: the kiosk's built-in list always applies (README, "Pledge walls"). */
const BLOCKED_WORDS = `# Words and phrases the pledge wall refuses, one per line, in addition to the kiosk's built-in list.
# A trailing * also matches longer words that start with it. Lines starting with # are comments.
`;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { key: { type: 'string' }, root: { type: 'string' } } });
  const root = values.root ?? process.cwd();
  const sourceDir = join(root, 'content', 'packs', PACK);
  const stage = join(root, 'content', 'build', PACK);
  const zip = join(root, 'content', 'packs', `${PACK}.zip`);
  const lock = join(root, 'content', 'packs', `${PACK}.lock.json`);
  const started = Date.now();
  const step = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

  const source = await readPackSource(sourceDir);
  await rm(stage, { recursive: true, force: true });
  await mkdir(join(stage, 'words'), { recursive: true });

  step('mascot models');
  await buildMascots(stage);
  step('infographics');
  await renderInfographics(chartSpecs(source), stage);
  step('narration and greetings');
  await synthesizeSpeech(speechItems(source), stage);
  step('ambient music');
  await makeAmbientMusic(stage);
  await writeFile(join(stage, BLOCKED_WORDS_PATH), BLOCKED_WORDS);

  step('manifest');
  const manifest = composeManifest(source, layoutHall(source.structure));
  await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  step('pack');
  const privateKeyPem = values.key ? await readFile(values.key, 'utf8') : undefined;
  const built = await buildPack({ sourceDir: stage, outFile: zip, ...(privateKeyPem ? { privateKeyPem } : {}) });
  if (!built.ok) {
    for (const problem of built.problems) console.error(`${problem.code}: ${problem.message}`);
    return 1;
  }
  for (const warning of built.warnings) console.warn(`warning: ${warning.path}: ${warning.message}`);

  // The lock lists every file's hash: a clean checkout that rebuilds compares against it.
  const files: Record<string, string> = {};
  for (const path of await filesUnder(stage)) files[path] = await sha256(join(stage, path));
  await writeFile(lock, JSON.stringify({ pack: `${manifest.id}@${manifest.version}`, signed: built.keyId !== null, zip: privateKeyPem ? null : await sha256(zip), files }, null, 2) + '\n');
  step(`${relative(root, zip)}: ${built.files} files, ${(built.bytes / 2 ** 20).toFixed(1)} MiB${built.keyId ? `, signed by ${built.keyId}` : ', unsigned (bundled packs are trusted as part of the app)'}`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
