// The packs of one kiosk as its hosts see them: the active pack (or the built-in hall), imports, switching, files.
import { watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FSWatcher } from 'node:fs';
import type { ActivePack } from '../../shared/api';
import type { ImportProgress, ImportResult, InstalledPackInfo } from '../../shared/pack-types';
import type { EventHub } from '../api/event-hub';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { appendAudit } from './audit-log';
import { BUILTIN_MANIFEST } from './builtin-manifest';
import { importPack } from './import-pack';
import { openPackStore, PackNotInstalledError, refName } from './pack-store';
import type { ActiveInstalledPack, PackRef, PackStore } from './pack-store';
import { servePackFile } from './serve-pack-file';
import type { PackFileResponse } from './serve-pack-file';
import { openTrustStore } from './trust-store';

export interface PackServiceOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly settings: SettingsStore;
  readonly events: EventHub;
  /** The host's pack URL prefix (`app://pack/` or `/pack/`). */
  readonly packBaseUrl: string;
  /** Follow activations made by another process (the staff CLI). @default false */
  readonly watch?: boolean;
  /** Folder of the default pack zips shipped inside the app (`<resources>/content/packs`), if any. */
  readonly bundledPacksDir?: string;
}

export interface PackService {
  /** What visitors should see now: the active pack, or the built-in hall when none is active. */
  activePack(): ActivePack;
  list(): Promise<InstalledPackInfo[]>;
  importPack(location: string, options: { activate: boolean }): Promise<ImportResult>;
  /** Cancels the running import, if any; true when one was running. */
  cancelImport(): boolean;
  activate(ref: PackRef): Promise<ActivePack>;
  /** Goes back to the previous pack; null when there is none installed. */
  rollback(): Promise<ActivePack | null>;
  serveFile(requestPath: string, request: { method: string; range?: string | undefined }): Promise<PackFileResponse>;
  close(): void;
}

export async function openPackService(options: PackServiceOptions): Promise<PackService> {
  const { dataDir, logger, settings, events, packBaseUrl } = options;
  const store: PackStore = await openPackStore(dataDir, logger);
  const trust = await openTrustStore(dataDir, logger);
  await store.cleanUp();
  if (options.bundledPacksDir) await installBundledPacks(options.bundledPacksDir, { dataDir, store, logger });
  let active: ActiveInstalledPack | null = await store.active();
  let running: AbortController | null = null;

  const toActivePack = (pack: ActiveInstalledPack | null): ActivePack =>
    pack === null
      ? { manifest: BUILTIN_MANIFEST, baseUrl: packBaseUrl, builtIn: true }
      : { manifest: pack.manifest, baseUrl: `${packBaseUrl}${refName(pack.ref)}/`, builtIn: false };

  /** Re-reads which pack is active and tells the renderers when it changed. */
  const refresh = async (): Promise<void> => {
    const next = await store.active();
    const changed = (next === null ? '' : refName(next.ref)) !== (active === null ? '' : refName(active.ref));
    active = next;
    if (changed) events.emit('packs:changed', toActivePack(active));
  };

  let watcher: FSWatcher | null = null;
  let debounce: NodeJS.Timeout | null = null;
  if (options.watch) {
    // Watch the folder: the pointer is replaced by rename, which a watch on the file itself would lose.
    watcher = watch(store.packsDir, (_event, name) => {
      if (name !== 'active.json') return;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => {
        debounce = null;
        store.reload().then(refresh, (error: unknown) => logger.error('could not re-read the active pack', { error: String(error) }));
      }, 100);
    });
    watcher.on('error', (error) => logger.error('stopped following pack changes', { error: String(error) }));
  }

  return {
    activePack: () => toActivePack(active),
    async list() {
      return (await store.list()).map(({ id, version, title, active: isActive }) => ({ id, version, title, active: isActive }));
    },
    async importPack(location, { activate }) {
      if (running) {
        return { ok: false, errors: [{ code: 'PACK_E_BUSY', path: '', message: 'Another import is running on this kiosk; wait for it to finish.' }], warnings: [], stats: { files: 0, bytes: 0 }, activated: false, alreadyInstalled: false };
      }
      running = new AbortController();
      try {
        const result = await importPack(location, {
          dataDir,
          store,
          logger,
          trusted: await trust.list(),
          allowUnsigned: settings.all()['packs.acceptUnsigned'],
          activate,
          signal: running.signal,
          onProgress: (progress: ImportProgress) => events.emit('packs:import-progress', progress),
        });
        // Refresh whatever the outcome: an import that failed after activating still changed the pack.
        await refresh();
        return result;
      } finally {
        running = null;
      }
    },
    cancelImport() {
      if (!running) return false;
      running.abort();
      return true;
    },
    async activate(ref) {
      await store.activate(ref);
      await appendAudit(dataDir, { action: 'activate', outcome: 'ok', source: 'kiosk', pack: refName(ref) });
      await refresh();
      return toActivePack(active);
    },
    async rollback() {
      const ref = await store.rollback();
      if (ref === null) return null;
      await appendAudit(dataDir, { action: 'rollback', outcome: 'ok', source: 'kiosk', pack: refName(ref) });
      await refresh();
      return toActivePack(active);
    },
    serveFile: (requestPath, request) => servePackFile(active, requestPath, request),
    close() {
      if (debounce) clearTimeout(debounce);
      watcher?.close();
      running?.abort();
    },
  };
}

export { PackNotInstalledError };

/**
 * Installs the default packs that ship inside the app. A kiosk with no active pack (first start, or
 * its active pack was damaged) activates the first one; a kiosk showing a pack staff imported keeps
 * showing it, and the newer default merely becomes available. Already installed versions are skipped.
 */
async function installBundledPacks(dir: string, deps: { dataDir: string; store: PackStore; logger: Logger }): Promise<void> {
  const zips = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.zip')).sort();
  for (const zip of zips) {
    const activate = (await deps.store.active()) === null;
    const result = await importPack(join(dir, zip), { ...deps, trusted: [], allowUnsigned: false, bundledWithApp: true, activate });
    if (!result.ok && result.errors[0]?.code !== 'PACK_E_DOWNGRADE') {
      deps.logger.error('the default pack inside the app could not be installed', { zip, errors: result.errors.slice(0, 5) });
    }
  }
}
