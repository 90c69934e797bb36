// The kiosk's settings: one durable JSON document, validated per key, optionally following other writers.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { SETTINGS_KEYS, defaultSettingsDocument, isSettingsKey, settingsDocumentSchema, settingsKeys } from '../../shared/settings';
import type { Settings, SettingsDocument } from '../../shared/settings';
import type { Logger } from '../log/logger';
import { DurableJsonAdapter } from '../store/durable-json-adapter';
import { removeStaleTempFiles } from '../store/durable-write';
import { describeError } from '../store/fs-error';
import type { ParseOutcome } from '../store/durable-json-adapter';
import { parserFor } from '../store/schema-parser';
import { badValueMessage, unknownKeyMessage } from './settings-messages';

/** The settings file's name inside the data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

/** Quiet time after the last file event before re-reading: one save fires several events (temp, rename, .bak). */
const WATCH_DEBOUNCE_MS = 100;

export interface SettingsStore {
  /** Current values, defaults filled in. A copy: changing it changes nothing. */
  all(): Settings;
  /** One value; `SETTINGS_E_UNKNOWN_KEY` (listing the valid keys) for a key that does not exist. */
  get(key: string): Result<unknown>;
  /**
   * Validates `value` with the key's schema, saves durably, then notifies listeners. Resolves with all
   * settings once they are on disk. Refusals (`SETTINGS_E_UNKNOWN_KEY`, `SETTINGS_E_BAD_VALUE`) leave the
   * file untouched; `SETTINGS_E_NOT_SAVED` means the disk refused the write and nothing changed.
   * Calls are applied one at a time, in call order. Rejects only if the store is closed.
   */
  set(key: string, value: unknown): Promise<Result<Settings>>;
  /** Called with all settings after each change, ours or (with `watch`) another process's. Returns an unsubscribe. */
  onChange(listener: (settings: Settings) => void): () => void;
  /** Stops following the file, waits for a save or re-read already under way, then drops listeners. */
  close(): Promise<void>;
}

export interface SettingsStoreOptions {
  /** Folder holding `settings.json`; created if missing. */
  readonly dataDir: string;
  readonly logger: Logger;
  /** Follow changes another process (the CLI) writes to the file while this one runs. @default false */
  readonly watch?: boolean;
  /** Clock for naming corrupt files. @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * Opens `<dataDir>/settings.json`. A missing file means defaults; a corrupt one is moved aside and the
 * last known good copy (or the defaults) is used, so opening never fails because of the file's content.
 */
export async function openSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const { dataDir, logger, now } = options;
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, SETTINGS_FILE_NAME);
  /** Set while the file on disk comes from a newer app version: read what we know, never overwrite it. */
  let newerSchema: number | null = null;
  const strictParse = parserFor(settingsDocumentSchema);
  const parse = (raw: unknown): ParseOutcome<SettingsDocument> => {
    const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (typeof version === 'number' && Number.isInteger(version) && version > 1) {
      // Rolling the app back must not cost the organizer every setting: keep the file, use its known keys.
      newerSchema = version;
      return { ok: true, value: knownSettingsOf(raw as Record<string, unknown>) };
    }
    newerSchema = null;
    return strictParse(raw);
  };
  const adapter = new DurableJsonAdapter(file, { parse, logger, ...(now ? { now } : {}) });
  await removeStaleTempFiles(file);
  await removeStaleTempFiles(adapter.backupFile);
  const db = new Low<SettingsDocument>(adapter, defaultSettingsDocument());
  await db.read();

  let current = toSettings(db.data);
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  let watcher: FSWatcher | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(settings: Settings) => void>();

  /** One task at a time, so two saves never interleave their read-modify-write. */
  const serialize = <R>(task: () => Promise<R>): Promise<R> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Re-reads the file. The adapter never rejects on bad content; an I/O failure keeps what we have. */
  const reload = async (): Promise<void> => {
    try {
      await db.read();
    } catch (error) {
      logger.warn(`Could not re-read ${file}: ${describeError(error)}`, { file });
    }
  };

  /** Tells listeners about the in-memory document, if it differs from what they last heard. */
  const publish = (): string[] => {
    const next = toSettings(db.data);
    const changed = SETTINGS_KEYS.filter((key) => !Object.is(next[key], current[key]));
    if (changed.length === 0) return changed;
    current = next;
    for (const listener of [...listeners]) {
      try {
        listener({ ...current });
      } catch (error) {
        // One broken subscriber must not stop the others, nor undo a save that already happened.
        logger.error(`A settings listener failed: ${describeError(error)}`);
      }
    }
    return changed;
  };

  const save = async (key: string, value: unknown): Promise<Result<Settings>> => {
    // Pick up what another process (the CLI) saved since our last read, so one key's change does not
    // silently revert the others.
    await reload();
    if (newerSchema !== null) {
      return fail(
        'SETTINGS_E_NOT_SAVED',
        `${key} was not changed: ${SETTINGS_FILE_NAME} was written by a newer Sunrise Hall (settings schema ${newerSchema}), which this version reads but will not overwrite; update the app, or delete the file to start from the defaults.`,
      );
    }
    const previous = db.data;
    const parsed = settingsDocumentSchema.safeParse({ ...previous, [key]: value });
    if (!parsed.success) return fail('SETTINGS_E_BAD_VALUE', `${key}: ${parsed.error.message}`);
    db.data = parsed.data;
    try {
      await db.write();
    } catch (error) {
      db.data = previous;
      publish();
      logger.error(`Could not save setting ${key}: ${describeError(error)}`, { file, key });
      return fail('SETTINGS_E_NOT_SAVED', `${key} was not changed: the settings file could not be written (${describeError(error)})`);
    }
    publish();
    logger.info(`Setting ${key} is now ${JSON.stringify(value)}`, { key });
    return ok({ ...current });
  };

  const followFile = (): void => {
    const refresh = (): void => {
      debounce = undefined;
      void serialize(async () => {
        if (closed) return;
        await reload();
        const changed = publish();
        if (changed.length > 0) logger.info(`Settings changed outside the kiosk: ${changed.join(', ')}`, { keys: changed });
      });
    };
    try {
      // Watch the folder, not the file: every save replaces the file by rename, and a watch on the old
      // inode goes quiet after the first replacement.
      watcher = watch(dataDir, (_event, name) => {
        if (closed || (name !== null && name !== SETTINGS_FILE_NAME)) return;
        clearTimeout(debounce);
        debounce = setTimeout(refresh, WATCH_DEBOUNCE_MS);
      });
      watcher.on('error', (error) => {
        logger.warn(`Stopped following ${file}: ${describeError(error)}`, { file });
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      // E.g. the inotify watch limit: the kiosk still works, it just needs a restart to see CLI changes.
      logger.warn(`Cannot follow ${file} for outside changes: ${describeError(error)}`, { file });
    }
  };
  if (options.watch) followFile();

  return {
    all: () => ({ ...current }),
    get: (key) => (isSettingsKey(key) ? ok(current[key]) : fail('SETTINGS_E_UNKNOWN_KEY', unknownKeyMessage(key))),
    set: async (key, value) => {
      if (closed) throw new Error('The settings store is closed');
      if (!isSettingsKey(key)) return fail('SETTINGS_E_UNKNOWN_KEY', unknownKeyMessage(key));
      // `undefined` would make the schema fall back to the default: refuse it rather than reset silently.
      if (value === undefined || !settingsKeys[key].safeParse(value).success) {
        return fail('SETTINGS_E_BAD_VALUE', badValueMessage(key, value));
      }
      return serialize(() => save(key, value));
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: async () => {
      closed = true;
      watcher?.close();
      watcher = undefined;
      clearTimeout(debounce);
      debounce = undefined;
      // A save already under way still tells its listeners: the change did happen.
      await queue;
      listeners.clear();
    },
  };
}

/** The document without its bookkeeping field. */
function toSettings(document: SettingsDocument): Settings {
  const { schemaVersion: _version, ...settings } = document;
  return settings;
}

/** The keys this version knows from a newer document, each valid value kept and anything else defaulted. */
function knownSettingsOf(raw: Record<string, unknown>): SettingsDocument {
  const document = defaultSettingsDocument();
  for (const key of SETTINGS_KEYS) {
    const parsed = settingsKeys[key].safeParse(raw[key]);
    if (parsed.success && raw[key] !== undefined) (document as Record<string, unknown>)[key] = parsed.data;
  }
  return document;
}
