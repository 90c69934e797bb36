// `pack import`: checks a pack completely, stages it on the same volume, then installs and activates it atomically.
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareSemver } from '../../shared/semver';
import type { Logger } from '../log/logger';
import { syncDirectory } from '../store/durable-write';
import { freeBytes } from '../store/free-space';
import { appendAudit } from './audit-log';
import { CancelledError, copyVerifiedFiles } from './copy-verified-files';
import { acquireImportLock } from './import-lock';
import type { ImportProgress, ImportResult } from '../../shared/pack-types';
export type { ImportResult };

import { refName, STAGING_PREFIX } from './pack-store';
import type { PackRef, PackStore } from './pack-store';
import { problem } from './problems';
import type { PackProblem } from './problems';
import { MANIFEST_FILE, readPackManifest, SIGNATURE_FILE } from './read-manifest';
import type { TrustedKey } from './signing';
import { SceneStatsCollector } from './scene-stats/scene-stats';
import { openPackSource } from './source/open-pack-source';
import { DEFAULT_PACK_LIMITS, PackStreamError } from './source/pack-source';
import type { PackLimits, PackSource } from './source/pack-source';

/** Space kept free for settings, logs and analytics whatever a pack needs (reliability.md B6). */
export const DEFAULT_DISK_RESERVE_BYTES = 2 * 1024 ** 3;

export interface ImportOptions {
  readonly dataDir: string;
  readonly store: PackStore;
  readonly trusted: readonly TrustedKey[];
  readonly allowUnsigned: boolean;
  /** See ReadManifestOptions.bundledWithApp: only for the default pack inside the app. @default false */
  readonly bundledWithApp?: boolean;
  readonly logger: Logger;
  /** Make the pack the active one once installed. @default true */
  readonly activate?: boolean;
  readonly limits?: PackLimits;
  /** @default DEFAULT_DISK_RESERVE_BYTES */
  readonly diskReserveBytes?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}


/**
 * Nothing outside a fresh `.staging-*` folder is touched until every check has passed: a refused or
 * failed import leaves the active pack, the pointer file and every installed pack exactly as they were
 * (only the audit log gains a line). The install is one folder rename; activation is one durable
 * pointer write; a crash between any two steps leaves the old pack active and at worst a staging
 * folder that the next start removes.
 */
export async function importPack(location: string, options: ImportOptions): Promise<ImportResult> {
  const { store, logger } = options;
  const report = (phase: ImportProgress['phase'], bytesDone = 0, bytesTotal = 0, file?: string): void =>
    options.onProgress?.(file === undefined ? { phase, bytesDone, bytesTotal } : { phase, bytesDone, bytesTotal, file });
  const finish = async (result: ImportResult): Promise<ImportResult> => {
    const first = result.errors[0];
    await appendAudit(options.dataDir, {
      action: 'import',
      outcome: result.ok ? 'ok' : first?.code === 'PACK_E_IO' ? 'failed' : 'refused',
      source: location,
      ...(result.pack ? { pack: refName(result.pack) } : {}),
      ...(first ? { code: first.code, entry: first.path, message: first.message } : {}),
    }).catch((error: unknown) => logger.error('could not write the audit log', { error: String(error) }));
    // Info, not warn: a refusal is a correct outcome, reported to staff and written to the audit log.
    if (!result.ok) logger.info('pack import refused', { source: location, errors: result.errors.slice(0, 5) });
    return result;
  };
  const refuse = (errors: PackProblem[], extra: Partial<ImportResult> = {}): Promise<ImportResult> =>
    finish({ ok: false, errors, warnings: [], stats: { files: 0, bytes: 0 }, activated: false, alreadyInstalled: false, ...extra });

  const lock = await acquireImportLock(store.packsDir);
  if (lock === null) return refuse([problem('PACK_E_BUSY', '', 'Another import is running on this kiosk; wait for it to finish, then try again.')]);
  let source: PackSource | undefined;
  let staging: string | undefined;
  /** Past the folder rename the new version exists; a later failure must not claim "nothing changed". */
  let installed = false;
  try {
    report('checking');
    const opened = await openPackSource(location, options.limits ?? DEFAULT_PACK_LIMITS);
    if (!opened.ok) return await refuse([...opened.problems]);
    source = opened.source;
    const header = await readPackManifest(source, {
      trusted: options.trusted,
      allowUnsigned: options.allowUnsigned,
      bundledWithApp: options.bundledWithApp === true,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!header.ok) return await refuse(header.problems);
    const { manifest } = header;
    const ref: PackRef = { id: manifest.id, version: manifest.version };
    const bytesTotal = manifest.files.reduce((n, f) => n + f.size, 0);
    const stats = { files: manifest.files.length, bytes: bytesTotal, id: ref.id, version: ref.version, signedBy: header.keyId };
    const base = { pack: ref, stats, warnings: header.warnings };

    const highest = await store.highestVersion(ref.id);
    if (highest !== undefined && compareSemver(ref.version, highest) <= 0) {
      if (ref.version === highest && (await sameManifest(join(store.dirOf(ref), MANIFEST_FILE), header.manifestBytes))) {
        const activated = options.activate !== false;
        if (activated) await store.activate(ref);
        return await finish({ ok: true, errors: [], ...base, activated, alreadyInstalled: true });
      }
      return await refuse(
        [problem('PACK_E_DOWNGRADE', '$.version', `${ref.id} ${ref.version} is not newer than ${highest}, which was already installed here; give the pack a higher version (or use rollback to go back to an installed one).`)],
        base,
      );
    }

    const free = await freeBytes(store.packsDir);
    const reserve = options.diskReserveBytes ?? DEFAULT_DISK_RESERVE_BYTES;
    if (free - reserve < bytesTotal) {
      const mib = (n: number) => `${Math.ceil(n / 1024 ** 2)} MiB`;
      return await refuse([problem('PACK_E_SPACE', '', `The pack needs ${mib(bytesTotal)} but only ${mib(Math.max(0, free - reserve))} can be used (${mib(reserve)} stays free for the kiosk); free some space or remove old packs.`)], base);
    }

    // Staging lives inside packs/, on the same volume, so the final rename is atomic (no EXDEV).
    staging = await mkdtemp(join(store.packsDir, STAGING_PREFIX));
    await writeFile(join(staging, MANIFEST_FILE), header.manifestBytes);
    if (header.signatureBytes) await writeFile(join(staging, SIGNATURE_FILE), header.signatureBytes);
    report('copying', 0, bytesTotal);
    const scene = new SceneStatsCollector(manifest.files, { panels: manifest.hall.exhibits.length, signs: manifest.hall.zones.length });
    const copyProblems = await copyVerifiedFiles(source, manifest, {
      destination: staging,
      ...(options.signal ? { signal: options.signal } : {}),
      onBytes: (done, file) => report('copying', done, bytesTotal, file),
      inspect: scene,
    });
    const sceneReport = scene.finish();
    const problems = [...copyProblems, ...sceneReport.problems];
    const checked = { ...base, stats: { ...stats, scene: sceneReport.stats }, warnings: [...header.warnings, ...sceneReport.warnings] };
    if (problems.length > 0) return await refuse(problems, checked);
    await syncDirectory(staging);

    const target = store.dirOf(ref);
    // A folder here was renamed in by an import that died before recording it; it was never used.
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    staging = undefined;
    installed = true;
    await syncDirectory(store.packsDir);
    await store.recordInstalled(ref);

    const activated = options.activate !== false;
    if (activated) {
      report('activating', bytesTotal, bytesTotal);
      await store.activate(ref);
      // Removing old versions is housekeeping: its failure must not turn a good import into a failed one.
      await store.cleanUp().catch((error: unknown) => logger.warn('could not remove old pack versions', { error: String(error) }));
    }
    report('done', bytesTotal, bytesTotal);
    logger.info('pack imported', { pack: refName(ref), activated, files: stats.files, bytes: bytesTotal });
    return await finish({ ok: true, errors: [], ...checked, activated, alreadyInstalled: false });
  } catch (error) {
    if (error instanceof CancelledError || options.signal?.aborted) return await refuse([problem('PACK_E_CANCELLED', '', 'The import was cancelled; the kiosk content is unchanged.')]);
    if (error instanceof PackStreamError) return await refuse([error.problem]);
    logger.error('pack import failed', { source: location, error: String(error instanceof Error ? error.stack : error) });
    const reason = error instanceof Error ? error.message : String(error);
    const message = installed
      ? `The pack was installed but could not be made active (${reason}); \`sunrise-hall pack list\` shows which pack is active.`
      : `The pack could not be read or installed (${reason}); the kiosk content is unchanged.`;
    return await refuse([problem('PACK_E_IO', '', message)]);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await source?.close().catch(() => undefined);
    await lock.release();
  }
}

async function sameManifest(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await readFile(file));
  } catch {
    return false;
  }
}
