// The pledge-wall `blockedWords` manifest field: only on pledge walls, a listed .txt file, and imported like any media.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validatePack } from '../../../electron/core/packs/validate-pack';
import { manifestSchema } from '../../../electron/shared/manifest';
import type { ManifestInput } from '../../../electron/shared/manifest';
import { makeTempDir, removeTempDirs } from '../store/fs-test-helpers';
import { pledgeManifest, writePledgePackDir } from './pledge-fixtures';

afterEach(removeTempDirs);

function issuesOf(manifest: ManifestInput): string[] {
  const parsed = manifestSchema.safeParse(manifest);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function withExhibit(change: (exhibit: Record<string, unknown>) => Record<string, unknown>, index = 1): ManifestInput {
  const manifest = pledgeManifest();
  const exhibits = manifest.hall.exhibits.map((exhibit, i) => (i === index ? change({ ...exhibit }) : exhibit));
  return { ...manifest, hall: { ...manifest.hall, exhibits } } as ManifestInput;
}

describe('blockedWords in the manifest', () => {
  it('is accepted on a pledge wall whose list is in files', () => {
    expect(issuesOf(pledgeManifest())).toEqual([]);
  });

  it('is refused on a panel, naming the exhibit', () => {
    expect(issuesOf(withExhibit((e) => ({ ...e, blockedWords: 'words/blocked.txt' }), 0))).toEqual(['hall.exhibits.0.blockedWords: exhibit "panel" is a panel; only a pledge-wall uses blockedWords']);
  });

  it('must be a .txt file listed in files', () => {
    expect(issuesOf(withExhibit((e) => ({ ...e, blockedWords: 'words/blocked.json' })))).toEqual([
      'hall.exhibits.1.blockedWords: blockedWords "words/blocked.json" must be a .txt file (one word or phrase per line)',
      'hall.exhibits.1.blockedWords: "words/blocked.json" is not listed in files',
    ]);
    expect(issuesOf(withExhibit((e) => ({ ...e, blockedWords: '../secret.txt' })))[0]).toMatch(/^hall\.exhibits\.1\.blockedWords: .*escapes the pack folder/);
  });

  it('passes the pack validator as a real pack with its word list checked as UTF-8 text', async () => {
    const dir = await writePledgePackDir(join(await makeTempDir(), 'pack'));
    const report = await validatePack(dir, { trusted: [], allowUnsigned: true });
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
