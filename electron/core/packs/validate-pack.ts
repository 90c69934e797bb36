// `pack validate`: runs every import check on a zip or folder without installing anything.
import { readPackManifest } from './read-manifest';
import { copyVerifiedFiles } from './copy-verified-files';
import { SceneStatsCollector } from './scene-stats/scene-stats';
import type { PackProblem, PackReport, PackStats } from '../../shared/pack-types';
import type { TrustedKey } from './signing';
import { openPackSource } from './source/open-pack-source';
import { DEFAULT_PACK_LIMITS } from './source/pack-source';
import type { PackLimits } from './source/pack-source';

export interface ValidateOptions {
  readonly trusted: readonly TrustedKey[];
  readonly allowUnsigned: boolean;
  readonly limits?: PackLimits;
  readonly signal?: AbortSignal;
}

export async function validatePack(location: string, options: ValidateOptions): Promise<PackReport> {
  const opened = await openPackSource(location, options.limits ?? DEFAULT_PACK_LIMITS);
  if (!opened.ok) return refusedReport(opened.problems);
  const source = opened.source;
  try {
    const header = await readPackManifest(source, options);
    if (!header.ok) return refusedReport(header.problems, { files: source.entries.length, bytes: source.entries.reduce((n, e) => n + e.size, 0) });
    const { manifest } = header;
    const stats = { files: manifest.files.length, bytes: manifest.files.reduce((n, f) => n + f.size, 0), id: manifest.id, version: manifest.version, signedBy: header.keyId };
    const scene = new SceneStatsCollector(manifest.files, { panels: manifest.hall.exhibits.length, signs: manifest.hall.zones.length });
    const copyErrors = await copyVerifiedFiles(source, manifest, { inspect: scene, ...(options.signal ? { signal: options.signal } : {}) });
    const sceneReport = scene.finish();
    const errors = [...copyErrors, ...sceneReport.problems];
    return { ok: errors.length === 0, errors, warnings: [...header.warnings, ...sceneReport.warnings], stats: { ...stats, scene: sceneReport.stats } };
  } finally {
    await source.close();
  }
}

function refusedReport(errors: readonly PackProblem[], stats: PackStats = { files: 0, bytes: 0 }): PackReport {
  return { ok: false, errors, warnings: [], stats };
}
