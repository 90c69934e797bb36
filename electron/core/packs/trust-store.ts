// The kiosk's list of trusted pack-signing keys, `<dataDir>/trust.json`: empty out of the box, written durably.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { DurableJsonAdapter } from '../store/durable-json-adapter';
import { removeStaleTempFiles } from '../store/durable-write';
import { parserFor } from '../store/schema-parser';
import { keyIdOf, parsePublicKey } from './signing';
import type { TrustedKey } from './signing';

export type { TrustedKey } from './signing';

/** The trust list's file name inside the data folder. */
export const TRUST_FILE_NAME = 'trust.json';
const MAX_NAME_CHARS = 64;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const keyNameSchema = z
  .string()
  .trim()
  .min(1, 'a key needs a name')
  .max(MAX_NAME_CHARS, `a key name is at most ${MAX_NAME_CHARS} characters`)
  .refine((name) => !CONTROL_CHARS.test(name), 'a key name cannot contain control characters');

/** One entry. Its keyId must be the one its public key gives, or the whole file counts as damaged. */
const trustedKeySchema = z
  .object({
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    name: keyNameSchema,
    publicKeyPem: z.string(),
    addedAt: z.iso.datetime(),
  })
  .superRefine((entry, ctx) => {
    let actual: string | undefined;
    try {
      actual = keyIdOf(entry.publicKeyPem);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['publicKeyPem'], message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (actual !== entry.keyId) ctx.addIssue({ code: 'custom', path: ['keyId'], message: `keyId ${entry.keyId} does not match its key (${actual})` });
  });

const trustDocumentSchema = z.object({ schemaVersion: z.literal(1), keys: z.array(trustedKeySchema) });
type TrustDocument = z.infer<typeof trustDocumentSchema>;

export interface TrustStore {
  /** Every trusted key, read fresh from disk (the CLI may have changed the file). A damaged file means none. */
  list(): Promise<TrustedKey[]>;
  /**
   * Trusts `publicKeyPem` under `name`. Adding a key that is already trusted returns the existing entry unchanged.
   * Rejects with a readable message for anything that is not an Ed25519 public key (a private key included),
   * a bad name, or a name another key already has; the file is then untouched.
   */
  add(publicKeyPem: string, name: string): Promise<TrustedKey>;
  /** Stops trusting the key with this key id or name. Resolves false when no key matches. */
  remove(keyIdOrName: string): Promise<boolean>;
}

/**
 * Opens `<dataDir>/trust.json`. A missing file is an empty list. A damaged one is moved aside and the last known
 * good copy is used, or else an empty list: trust fails closed. Reading never creates the data folder.
 */
export async function openTrustStore(dataDir: string, logger: Logger, now: () => Date = () => new Date()): Promise<TrustStore> {
  const file = join(dataDir, TRUST_FILE_NAME);
  const adapter = new DurableJsonAdapter(file, { parse: parserFor(trustDocumentSchema), logger, now });
  await removeStaleTempFiles(file);
  await removeStaleTempFiles(adapter.backupFile);
  const db = new Low<TrustDocument>(adapter, emptyDocument());
  let queue: Promise<unknown> = Promise.resolve();

  /** One change at a time, each on a fresh read, so two writers never lose each other's keys. */
  const serialize = <R>(task: () => Promise<R>): Promise<R> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const load = async (): Promise<TrustDocument> => {
    db.data = emptyDocument();
    await db.read();
    return db.data;
  };
  const save = async (document: TrustDocument): Promise<void> => {
    await mkdir(dataDir, { recursive: true });
    db.data = document;
    await db.write();
  };

  return {
    list: () => serialize(async () => (await load()).keys.map((key) => ({ ...key }))),
    add: (publicKeyPem, name) =>
      serialize(async () => {
        const key = parsePublicKey(publicKeyPem);
        const label = keyNameSchema.safeParse(name);
        if (!label.success) throw new Error(`Cannot trust this key: ${label.error.issues[0]?.message ?? 'bad name'}.`);
        const canonicalPem = key.export({ type: 'spki', format: 'pem' }).toString();
        const keyId = keyIdOf(canonicalPem);
        const document = await load();
        const existing = document.keys.find((entry) => entry.keyId === keyId);
        if (existing) return { ...existing };
        const clash = document.keys.find((entry) => entry.name === label.data || entry.keyId === label.data);
        if (clash) throw new Error(`Another trusted key (${clash.keyId}) is already named "${label.data}"; choose another name.`);
        const entry: TrustedKey = { keyId, name: label.data, publicKeyPem: canonicalPem, addedAt: now().toISOString() };
        await save({ ...document, keys: [...document.keys, entry] });
        logger.info(`Trusted pack signing key ${keyId} (${label.data})`, { keyId, name: label.data });
        return { ...entry };
      }),
    remove: (keyIdOrName) =>
      serialize(async () => {
        const document = await load();
        // An exact key id wins; names are unique, so at most one entry matches either way.
        const match = document.keys.find((entry) => entry.keyId === keyIdOrName) ?? document.keys.find((entry) => entry.name === keyIdOrName);
        if (!match) return false;
        await save({ ...document, keys: document.keys.filter((entry) => entry !== match) });
        logger.info(`Stopped trusting pack signing key ${match.keyId} (${match.name})`, { keyId: match.keyId, name: match.name });
        return true;
      }),
  };
}

function emptyDocument(): TrustDocument {
  return { schemaVersion: 1, keys: [] };
}
