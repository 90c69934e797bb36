// Test packs with pledge walls: a manifest the core can activate, and its word list on disk where an import puts it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ActivePack } from '../../../electron/shared/api';
import { manifestSchema } from '../../../electron/shared/manifest';
import type { ManifestInput } from '../../../electron/shared/manifest';
import { listFilesInManifest, writeFixturePackDir } from '../../fixtures/packs/make-fixture-pack';

/** One pack's word list: Chinese, Latin, a prefix entry, a comment and a blank line. */
export const WALL_WORDS = '\uFEFF# words this wall refuses\n坏蛋\n\nbad word\nstupid*\n';

const WALLS = [
  { id: 'pledge-wall', blockedWords: 'words/blocked.txt' },
  { id: 'quiet-wall', blockedWords: undefined },
] as const;

/** The fixture hall plus two pledge walls (one with a word list) and a plain panel. */
export function pledgeManifest(id = 'pledge-expo', version = '1.0.0'): ManifestInput {
  return {
    schemaVersion: 1,
    id,
    version,
    title: { 'zh-CN': '承诺墙', en: 'Pledge expo' },
    description: { 'zh-CN': '测试', en: 'For tests' },
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    hall: {
      size: { width: 20, depth: 14 },
      zones: [{ id: 'north', title: { 'zh-CN': '北区', en: 'North' }, position: { x: 0, z: 0 }, size: { width: 8, depth: 6 }, color: '#FF7A1A' }],
      exhibits: [
        { id: 'panel', zone: 'north', title: { 'zh-CN': '展板', en: 'Panel' }, position: { x: -2, z: 0 }, facing: 0 },
        ...WALLS.map((wall, i) => ({
          id: wall.id,
          zone: 'north',
          kind: 'pledge-wall' as const,
          title: { 'zh-CN': '承诺墙', en: 'Pledge wall' },
          position: { x: i * 2, z: 0 },
          facing: 0,
          ...(wall.blockedWords ? { blockedWords: wall.blockedWords } : {}),
        })),
      ],
    },
    files: [{ path: 'words/blocked.txt', size: 1, sha256: '0'.repeat(64), type: 'text/plain' }],
  };
}

/**
 * What the pack service reports once the pack is active, with the word list written where an
 * installed pack's files live (`<data>/packs/<id>@<version>/`), without running a whole import.
 */
export async function installPledgePack(dataDir: string, options: { id?: string; version?: string; words?: string } = {}): Promise<ActivePack> {
  const manifest = manifestSchema.parse(pledgeManifest(options.id, options.version));
  const file = join(dataDir, 'packs', `${manifest.id}@${manifest.version}`, 'words', 'blocked.txt');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, options.words ?? WALL_WORDS);
  return { manifest, baseUrl: '/pack/', builtIn: false };
}

/** A real, importable (unsigned) pack folder with the pledge walls and the word list. */
export async function writePledgePackDir(dir: string, version = '1.0.0'): Promise<string> {
  await writeFixturePackDir(dir, { id: 'pledge-expo', version, extraFiles: { 'words/blocked.txt': WALL_WORDS } });
  const fixture = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ManifestInput;
  const walls = pledgeManifest('pledge-expo', version).hall.exhibits;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...fixture, hall: { ...fixture.hall, exhibits: [...fixture.hall.exhibits, ...walls] } }, null, 2));
  await listFilesInManifest(dir);
  return dir;
}
