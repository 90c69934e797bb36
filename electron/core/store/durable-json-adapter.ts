// A lowdb adapter for one small JSON document: durable writes, a last-known-good copy, corrupt-file recovery.
import { lstat, readFile, rename } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Adapter } from 'lowdb';
import type { Logger } from '../log/logger';
import { writeFileDurably } from './durable-write';
import { describeError, errorCode } from './fs-error';

/** What `parse` says about a value read from disk. `reason` ends up in the log, so make it readable. */
export type ParseOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface DurableJsonAdapterOptions<T> {
  /** Checks (and may normalize) the parsed JSON. A refusal, or a throw, marks the file corrupt. */
  readonly parse: (raw: unknown) => ParseOutcome<T>;
  readonly logger: Logger;
  /** Clock for the `.corrupt-<timestamp>` names. @default () => new Date() */
  readonly now?: () => Date;
}

/** What one file on disk turned out to hold. */
type Inspection<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly bytes: Buffer }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly problem: string }
  | { readonly kind: 'corrupt'; readonly problem: string; readonly movedTo: string | undefined; readonly moveError?: string };

/**
 * Reads and writes `file` as 2-space JSON. Every successful write is followed by a durable copy to
 * `<file>.bak`, the last known good state. A corrupt file (empty, NUL-filled, not JSON, or refused by
 * `parse`) is renamed to `<file>.corrupt-<timestamp>` so the next start is clean, one error is logged,
 * and the backup is used instead; with no usable backup `read()` resolves null and lowdb keeps its defaults.
 * `read()` never rejects because of what a file contains.
 *
 * Give lowdb this adapter through `new Low(adapter, defaults)`, never a preset: `JSONFilePreset` silently
 * swaps in a memory adapter when NODE_ENV=test.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  /** The document's path. */
  readonly file: string;
  /** The last-known-good copy, refreshed after every successful write. */
  readonly backupFile: string;
  readonly #parse: (raw: unknown) => ParseOutcome<T>;
  readonly #logger: Logger;
  readonly #now: () => Date;

  constructor(file: string, options: DurableJsonAdapterOptions<T>) {
    this.file = file;
    this.backupFile = `${file}.bak`;
    this.#parse = options.parse;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** The document from `file`, else from the backup, else null. Never rejects on bad content. */
  async read(): Promise<T | null> {
    const primary = await this.#inspect(this.file);
    if (primary.kind === 'ok') return primary.value;

    const backup = await this.#inspect(this.backupFile);
    if (backup.kind === 'corrupt' || backup.kind === 'unreadable') this.#logBad(this.backupFile, backup, 'not using it');
    const recovered = backup.kind === 'ok';
    const outcome = recovered ? `loaded the last known good copy ${this.backupFile}` : 'using defaults';

    if (primary.kind === 'corrupt' || primary.kind === 'unreadable') this.#logBad(this.file, primary, outcome);
    else if (recovered) this.#logger.warn(`${this.file} was missing; ${outcome}`, { file: this.file });

    // Put the good copy back in place, so the next start reads it directly and logs nothing.
    if (recovered && primary.kind !== 'unreadable') await this.#restore(backup.bytes);
    return recovered ? backup.value : null;
  }

  /**
   * Writes `data` durably, then refreshes the backup. Rejects if the main write fails (the previous file is
   * then untouched) or if `data` would not read back; a failed backup refresh only logs a warning, because
   * the new state is already safely on disk.
   */
  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    // Writing something read() would refuse would turn a bug into a "corrupt file" at the next start.
    const check = this.#check(Buffer.from(text, 'utf8'));
    if (!check.ok) throw new Error(`Refusing to write ${this.file}: the document is ${check.problem}`);
    await writeFileDurably(this.file, text);
    try {
      await writeFileDurably(this.backupFile, text);
    } catch (error) {
      this.#logger.warn(`Could not refresh the backup ${this.backupFile}: ${describeError(error)}`, { file: this.backupFile });
    }
  }

  async #inspect(path: string): Promise<Inspection<T>> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
      // Not a content problem (permissions, I/O): leave the file where it is for someone to look at.
      return { kind: 'unreadable', problem: describeError(error) };
    }
    const check = this.#check(bytes);
    if (check.ok) return { kind: 'ok', value: check.value, bytes };
    return { kind: 'corrupt', problem: check.problem, ...(await this.#moveAside(path)) };
  }

  #check(bytes: Buffer): { ok: true; value: T } | { ok: false; problem: string } {
    if (bytes.length === 0) return { ok: false, problem: 'empty (0 bytes)' };
    if (bytes.every((byte) => byte === 0)) {
      return { ok: false, problem: `filled with NUL bytes (${bytes.length} bytes), as a power cut can leave it` };
    }
    let json: unknown;
    try {
      // A byte-order mark is what Windows Notepad adds when staff edit by hand; it is not damage.
      json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, problem: `not valid JSON, perhaps cut short (${describeError(error)})` };
    }
    try {
      const parsed = this.#parse(json);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: `not a valid document (${parsed.reason})` };
    } catch (error) {
      return { ok: false, problem: `not a valid document (${describeError(error)})` };
    }
  }

  /** Renames a bad file out of the way so the next start does not trip over it again. */
  async #moveAside(path: string): Promise<{ movedTo: string | undefined; moveError?: string }> {
    // ISO time without colons: valid on every file system, and sorts by date.
    const stamp = this.#now().toISOString().replace(/:/g, '-');
    try {
      const target = await freeName(`${path}.corrupt-${stamp}`);
      await rename(path, target);
      return { movedTo: target };
    } catch (error) {
      return { movedTo: undefined, moveError: describeError(error) };
    }
  }

  async #restore(bytes: Buffer): Promise<void> {
    try {
      await writeFileDurably(this.file, bytes);
    } catch (error) {
      this.#logger.warn(`Could not restore ${this.file} from its backup: ${describeError(error)}`, { file: this.file });
    }
  }

  /** The one log line per bad file: which file, what was wrong, where it went, what is used instead. */
  #logBad(path: string, found: Inspection<T> & { kind: 'corrupt' | 'unreadable' }, outcome: string): void {
    let message: string;
    if (found.kind === 'unreadable') message = `${path} could not be read (${found.problem}); left it in place; ${outcome}`;
    else if (found.movedTo !== undefined) message = `${path} was ${found.problem}; moved it to ${found.movedTo}; ${outcome}`;
    else message = `${path} was ${found.problem}; could not move it aside (${found.moveError ?? 'unknown error'}); ${outcome}`;
    this.#logger.error(message, { file: path, problem: found.problem, ...(found.kind === 'corrupt' ? { movedTo: found.movedTo } : {}) });
  }
}

/** `wanted`, or `wanted-2`, `-3`… when a file of that name exists (two corruptions in the same millisecond). */
async function freeName(wanted: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    try {
      await lstat(candidate);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return candidate;
      throw error;
    }
  }
  throw new Error(`too many files named ${basename(wanted)}*`);
}
