// The pledges of one pack id: one durable JSON document, capped per wall, shared safely by the kiosk and the staff CLI.
import { randomInt } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { packIdSchema } from '../../shared/manifest';
import { PLEDGE_MAX_CHARS, PLEDGE_STATUSES } from '../../shared/pledge-types';
import type { Pledge, PledgeStatus } from '../../shared/pledge-types';
import type { Logger } from '../log/logger';
import { DurableJsonAdapter } from '../store/durable-json-adapter';
import { removeStaleTempFiles } from '../store/durable-write';
import { parserFor } from '../store/schema-parser';
import { withFileLock } from './file-lock';

/** The folder inside the data folder holding `<pack id>.json` per pack. */
export const PLEDGES_DIR_NAME = 'pledges';
/** Pledges kept per wall, hidden ones included; the oldest go first. Bounds the file (about 100 KiB a wall). */
export const MAX_PLEDGES_PER_WALL = 500;

/** Ids staff read off a terminal and type back: no 0/o, 1/l/i look-alikes. */
const ID_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const ID_LENGTH = 8;
export const PLEDGE_ID_PATTERN = /^[2-9a-hjkmnp-z]{8}$/;

const pledgeSchema = z.object({
  id: z.string().regex(PLEDGE_ID_PATTERN),
  exhibitId: packIdSchema,
  // Generous: the text was checked on the way in; this only catches a damaged or hand-edited file.
  text: z.string().min(1).max(PLEDGE_MAX_CHARS * 8),
  createdAt: z.iso.datetime(),
  status: z.enum(PLEDGE_STATUSES),
});

/** Pledges in the order they were left, oldest first: that order, not the clock, decides "newest". */
const documentSchema = z.object({ schemaVersion: z.literal(1), packId: packIdSchema, pledges: z.array(pledgeSchema) });
type PledgeDocument = z.infer<typeof documentSchema>;

export interface PledgeStore {
  readonly packId: string;
  /** `<data>/pledges/<pack id>.json`. */
  readonly file: string;
  /** Every pledge as on disk now, oldest first. */
  read(): Promise<Pledge[]>;
  /** Stores a new visible pledge; the wall's oldest pledge goes once it holds MAX_PLEDGES_PER_WALL. */
  add(exhibitId: string, text: string): Promise<Pledge>;
  /** Hides or shows one pledge; null when no pledge has that id. */
  setStatus(id: string, status: PledgeStatus): Promise<Pledge | null>;
  /** Deletes every pledge of one wall; returns how many there were. */
  clear(exhibitId: string): Promise<number>;
}

export interface PledgeStoreOptions {
  readonly dataDir: string;
  readonly packId: string;
  readonly logger: Logger;
  /** Clock for `createdAt` and corrupt-file names. @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * Opens the pledge document of `packId`. Writes are durable (temp, fsync, rename, fsync folder) with a
 * `.bak` copy; a corrupt file is moved aside and the backup used, so opening never fails on content.
 * Every change re-reads the file under a lock file first: the kiosk and `sunrise-hall pledges` may
 * both change it, and neither may undo the other's change.
 */
export async function openPledgeStore(options: PledgeStoreOptions): Promise<PledgeStore> {
  const { dataDir, packId, logger, now = () => new Date() } = options;
  const dir = join(dataDir, PLEDGES_DIR_NAME);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${packId}.json`);
  const lockFile = join(dir, `.${packId}.lock`);
  const parse = parserFor(documentSchema.refine((doc) => doc.packId === packId, { message: `the file belongs to another pack, not ${packId}` }));
  const adapter = new DurableJsonAdapter<PledgeDocument>(file, { parse, logger, now });
  await removeStaleTempFiles(file);
  await removeStaleTempFiles(adapter.backupFile);
  const db = new Low<PledgeDocument>(adapter, { schemaVersion: 1, packId, pledges: [] });

  const change = <T>(mutate: (doc: PledgeDocument) => { result: T; changed: boolean }): Promise<T> =>
    withFileLock(lockFile, async () => {
      await db.read();
      const { result, changed } = mutate(db.data);
      if (changed) await db.write();
      return result;
    });

  const newId = (taken: ReadonlySet<string>): string => {
    for (;;) {
      let id = '';
      for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
      if (!taken.has(id)) return id;
    }
  };

  return {
    packId,
    file,
    async read() {
      await db.read();
      return db.data.pledges.map((pledge) => ({ ...pledge }));
    },
    add(exhibitId, text) {
      return change((doc) => {
        const pledge: Pledge = { id: newId(new Set(doc.pledges.map((p) => p.id))), exhibitId, text, createdAt: now().toISOString(), status: 'visible' };
        const onWall = doc.pledges.filter((p) => p.exhibitId === exhibitId).length;
        // Cap per wall: drop this wall's oldest, never another wall's.
        let drop = onWall + 1 - MAX_PLEDGES_PER_WALL;
        const kept = doc.pledges.filter((p) => {
          if (drop <= 0 || p.exhibitId !== exhibitId) return true;
          drop -= 1;
          return false;
        });
        doc.pledges = [...kept, pledge];
        return { result: { ...pledge }, changed: true };
      });
    },
    setStatus(id, status) {
      return change((doc) => {
        const index = doc.pledges.findIndex((p) => p.id === id);
        const found = doc.pledges[index];
        if (found === undefined) return { result: null, changed: false };
        if (found.status === status) return { result: { ...found }, changed: false };
        const updated = { ...found, status };
        doc.pledges = doc.pledges.map((p, i) => (i === index ? updated : p));
        return { result: updated, changed: true };
      });
    },
    clear(exhibitId) {
      return change((doc) => {
        const before = doc.pledges.length;
        doc.pledges = doc.pledges.filter((p) => p.exhibitId !== exhibitId);
        return { result: before - doc.pledges.length, changed: before !== doc.pledges.length };
      });
    },
  };
}

/** A wall's visible pledges, newest first, at most `limit`. */
export function visibleNewestFirst(pledges: readonly Pledge[], exhibitId: string, limit: number): Pledge[] {
  const shown: Pledge[] = [];
  for (let i = pledges.length - 1; i >= 0 && shown.length < limit; i--) {
    const pledge = pledges[i];
    if (pledge !== undefined && pledge.exhibitId === exhibitId && pledge.status === 'visible') shown.push(pledge);
  }
  return shown;
}
