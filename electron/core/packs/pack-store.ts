// The installed packs in a data folder: versioned folders, the durable "active" pointer, history and rollback.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { manifestSchema, packIdSchema, semverSchema } from '../../shared/manifest';
import type { Manifest } from '../../shared/manifest';
import type { PackRef } from '../../shared/pack-types';
import { compareSemver } from '../../shared/semver';
import type { Logger } from '../log/logger';
import { DurableJsonAdapter } from '../store/durable-json-adapter';
import { removeStaleTempFiles } from '../store/durable-write';
import { parserFor } from '../store/schema-parser';
import { importRunningElsewhere } from './import-lock';

export const PACKS_DIR_NAME = 'packs';
export const STAGING_PREFIX = '.staging-';
/** How many previously active versions stay installed for rollback, besides the active one. */
export const KEEP_PREVIOUS = 2;

const packRefSchema = z.object({ id: packIdSchema, version: semverSchema });
export type { PackRef };

/**
 * The pointer document. `active` names the pack visitors see; `previous` lists earlier active packs,
 * newest first, for rollback; `highest` remembers the highest version of each id ever installed, so a
 * replayed old pack is refused even after its folder is gone (TUF's rollback protection).
 */
const pointerSchema = z.object({
  schemaVersion: z.literal(1),
  active: packRefSchema.nullable(),
  previous: z.array(packRefSchema),
  highest: z.record(packIdSchema, semverSchema),
});
type PointerDocument = z.infer<typeof pointerSchema>;

export interface InstalledPack extends PackRef {
  readonly dir: string;
  readonly title: Manifest['title'];
  readonly active: boolean;
}

export interface ActiveInstalledPack {
  readonly ref: PackRef;
  readonly dir: string;
  readonly manifest: Manifest;
}

export const refName = (ref: PackRef): string => `${ref.id}@${ref.version}`;
const sameRef = (a: PackRef | null, b: PackRef | null): boolean => a !== null && b !== null && a.id === b.id && a.version === b.version;

export interface PackStore {
  readonly packsDir: string;
  /** The folder a pack version is (or would be) installed in. */
  dirOf(ref: PackRef): string;
  /** The active pack's manifest and folder, or null when none is active (the built-in hall shows). */
  active(): Promise<ActiveInstalledPack | null>;
  list(): Promise<InstalledPack[]>;
  /** The highest version of `id` ever installed here, if any. */
  highestVersion(id: string): Promise<string | undefined>;
  /** Records a freshly installed version (durably) before it may be activated. */
  recordInstalled(ref: PackRef): Promise<void>;
  /** Makes an installed version the active one; the old one goes to the front of `previous`. */
  activate(ref: PackRef): Promise<void>;
  /** Re-activates the most recent previous version still installed; returns it, or null if there is none. */
  rollback(): Promise<PackRef | null>;
  /** Removes leftover staging folders and previously active versions beyond KEEP_PREVIOUS. */
  cleanUp(): Promise<void>;
  /** Re-reads the pointer from disk (another process, e.g. the CLI, may have changed it). */
  reload(): Promise<void>;
}

export async function openPackStore(dataDir: string, logger: Logger): Promise<PackStore> {
  const packsDir = join(dataDir, PACKS_DIR_NAME);
  await mkdir(packsDir, { recursive: true });
  const adapter = new DurableJsonAdapter(join(packsDir, 'active.json'), { parse: parserFor(pointerSchema), logger });
  // Temp files of a pointer write cut short by a crash (the settings and trust stores do the same).
  await removeStaleTempFiles(adapter.file);
  await removeStaleTempFiles(adapter.backupFile);
  const db = new Low<PointerDocument>(adapter, {
    schemaVersion: 1,
    active: null,
    previous: [],
    highest: {},
  });
  await db.read();
  const dirOf = (ref: PackRef): string => join(packsDir, refName(ref));

  const readManifest = async (ref: PackRef): Promise<Manifest | null> => {
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(stripBom(await readFile(join(dirOf(ref), 'manifest.json'), 'utf8'))));
      return parsed.success && parsed.data.id === ref.id && parsed.data.version === ref.version ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const isInstalled = async (ref: PackRef): Promise<boolean> => (await readManifest(ref)) !== null;

  const store: PackStore = {
    packsDir,
    dirOf,
    async active() {
      const ref = db.data.active;
      if (ref === null) return null;
      const manifest = await readManifest(ref);
      if (manifest === null) {
        logger.error('the active pack is missing or damaged; showing the built-in hall', { pack: refName(ref) });
        return null;
      }
      return { ref, dir: dirOf(ref), manifest };
    },
    async list() {
      const names = await readdir(packsDir).catch(() => [] as string[]);
      const packs: InstalledPack[] = [];
      for (const name of names) {
        const at = name.lastIndexOf('@');
        const ref = packRefSchema.safeParse({ id: name.slice(0, at), version: name.slice(at + 1) });
        if (at <= 0 || !ref.success) continue;
        const manifest = await readManifest(ref.data);
        if (manifest) packs.push({ ...ref.data, dir: dirOf(ref.data), title: manifest.title, active: sameRef(db.data.active, ref.data) });
      }
      return packs.sort((a, b) => a.id.localeCompare(b.id) || compareSemver(b.version, a.version));
    },
    async highestVersion(id) {
      return db.data.highest[id];
    },
    async recordInstalled(ref) {
      // Another process (the staff CLI, the kiosk) may have written the pointer since we read it.
      await db.read();
      const known = db.data.highest[ref.id];
      if (known === undefined || compareSemver(ref.version, known) > 0) {
        db.data.highest[ref.id] = ref.version;
        await db.write();
      }
    },
    async activate(ref) {
      if (!(await isInstalled(ref))) throw new PackNotInstalledError(ref);
      await db.read();
      const current = db.data.active;
      if (sameRef(current, ref)) return;
      db.data.previous = [...(current ? [current] : []), ...db.data.previous.filter((p) => !sameRef(p, ref) && !sameRef(p, current))];
      db.data.active = ref;
      await db.write();
      logger.info('pack activated', { pack: refName(ref) });
    },
    async rollback() {
      await db.read();
      for (const candidate of db.data.previous) {
        if (await isInstalled(candidate)) {
          await store.activate(candidate);
          return candidate;
        }
      }
      return null;
    },
    async cleanUp() {
      const names = await readdir(packsDir).catch(() => [] as string[]);
      // Listed before the lock is checked: a staging folder made after this check is not in `names`.
      // While another process imports, its staging folder is in use, not left over.
      const staging = (await importRunningElsewhere(packsDir)) ? [] : names.filter((n) => n.startsWith(STAGING_PREFIX));
      for (const name of staging) {
        await rm(join(packsDir, name), { recursive: true, force: true });
        logger.warn('removed an unfinished import left by a crash or power cut', { folder: name });
      }
      // Keep the active pack, the newest KEEP_PREVIOUS previous ones, and packs never activated yet
      // (imported with --no-activate, waiting for staff). Only versions that were active and fell
      // off the end of the history are removed.
      await db.read();
      const keep = new Set([db.data.active, ...db.data.previous.slice(0, KEEP_PREVIOUS)].filter((r): r is PackRef => r !== null).map(refName));
      const dropped = db.data.previous.slice(KEEP_PREVIOUS).filter((ref) => !keep.has(refName(ref)));
      if (db.data.previous.length > KEEP_PREVIOUS) {
        // Pointer first: a crash mid-delete must never leave a half-deleted version listed for rollback.
        db.data.previous = db.data.previous.slice(0, KEEP_PREVIOUS);
        await db.write();
      }
      for (const ref of dropped) {
        await rm(dirOf(ref), { recursive: true, force: true });
        logger.info('removed an old pack version', { pack: refName(ref) });
      }
    },
    async reload() {
      await db.read();
    },
  };
  return store;
}

export class PackNotInstalledError extends Error {
  constructor(readonly ref: PackRef) {
    super(`${refName(ref)} is not installed here; \`sunrise-hall pack list\` shows what is.`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
