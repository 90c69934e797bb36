// The launch pack as committed: importable with no budget warning, matching its lock, every exhibit complete in both languages.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackManifest } from '../../../electron/core/packs/read-manifest';
import { openPackSource } from '../../../electron/core/packs/source/open-pack-source';
import { validatePack } from '../../../electron/core/packs/validate-pack';
import type { Manifest } from '../../../electron/shared/manifest';

const PACKS = join(import.meta.dirname, '..', '..', '..', 'content', 'packs');
const ZIP = join(PACKS, 'chaoyang-expo.zip');

let report: Awaited<ReturnType<typeof validatePack>>;
let manifest: Manifest;

beforeAll(async () => {
  report = await validatePack(ZIP, { trusted: [], allowUnsigned: true });
  const opened = await openPackSource(ZIP);
  if (!opened.ok) throw new Error(`cannot open the launch pack: ${JSON.stringify(opened.problems)}`);
  try {
    const read = await readPackManifest(opened.source, { trusted: [], allowUnsigned: false, bundledWithApp: true });
    if (!read.ok) throw new Error(`the launch pack's manifest is refused: ${JSON.stringify(read)}`);
    manifest = read.manifest;
  } finally {
    await opened.source.close();
  }
}, 60_000);

describe('the launch pack', () => {
  it('validates with no errors and no warnings (scene budget, translations)', () => {
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('is the zip its lock file describes (content:build wrote both)', async () => {
    const lock = JSON.parse(await readFile(join(PACKS, 'chaoyang-expo.lock.json'), 'utf8')) as { zip: string; files: Record<string, string> };
    expect(createHash('sha256').update(await readFile(ZIP)).digest('hex')).toBe(lock.zip);
    for (const file of manifest.files) expect(lock.files[file.path], file.path).toBe(file.sha256);
  });

  it('has 7 zones, at least 30 exhibits and 6 mascots, with an attract fly-through of about three minutes', () => {
    expect(manifest.hall.zones).toHaveLength(7);
    expect(manifest.hall.exhibits.length).toBeGreaterThanOrEqual(30);
    expect(manifest.hall.mascots).toHaveLength(6);
    const seconds = manifest.attract.playlist.reduce((sum, step) => sum + step.dwellSeconds + 1.6, 0);
    expect(seconds).toBeGreaterThan(150);
    expect(seconds).toBeLessThan(210);
    expect(new Set(manifest.attract.playlist.filter((s) => s.kind === 'zone').map((s) => s.target)).size).toBe(7);
  });

  it('gives every exhibit both languages, narration and captions in both, an image per language and a zone', () => {
    const zones = new Set(manifest.hall.zones.map((z) => z.id));
    for (const exhibit of manifest.hall.exhibits) {
      for (const locale of ['zh-CN', 'en']) {
        expect(exhibit.title[locale], `${exhibit.id} title ${locale}`).toBeTruthy();
        expect(exhibit.body?.[locale], `${exhibit.id} body ${locale}`).toBeTruthy();
        expect(exhibit.narration?.[locale], `${exhibit.id} narration ${locale}`).toMatch(/\.mp3$/);
        expect(exhibit.narrationCaptions?.[locale], `${exhibit.id} captions ${locale}`).toMatch(/\.vtt$/);
        expect(exhibit.media.some((m) => m.type === 'image' && m.locale === locale), `${exhibit.id} image ${locale}`).toBe(true);
      }
      expect(zones.has(exhibit.zone)).toBe(true);
      if (exhibit.figures.length > 0) expect(exhibit.credit?.en).toContain('Chaoyang District');
    }
  });

  it('gives every mascot a model, both languages, and a recorded greeting with captions in both', () => {
    for (const mascot of manifest.hall.mascots) {
      expect(mascot.model).toMatch(/\.glb$/);
      for (const locale of ['zh-CN', 'en']) {
        expect(mascot.greeting[locale]).toBeTruthy();
        expect(mascot.greetingAudio?.[locale]).toMatch(/\.mp3$/);
        expect(mascot.greetingCaptions?.[locale]).toMatch(/\.vtt$/);
      }
    }
  });

  it('leaves the take-home links empty for the organizer, and records the music licence', () => {
    expect(manifest.hall.exhibits.every((e) => e.qrUrl === undefined)).toBe(true);
    expect(manifest.takeHome.collectionUrl).toBeUndefined();
    expect(manifest.files.some((f) => f.path === 'LICENSES/ambient-music.txt')).toBe(true);
  });
});
