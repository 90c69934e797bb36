// The interface every pack source (a .zip or a folder) offers the importer once its structure is checked.
import type { Readable } from 'node:stream';
import type { PackProblem } from '../problems';

export interface PackEntry {
  /** The entry's path inside the pack: `/`-separated, decoded to Unicode, NFC. */
  readonly path: string;
  /** Uncompressed size in bytes, as declared by the zip's central directory or the folder's stat. */
  readonly size: number;
}

export interface PackSource {
  readonly kind: 'zip' | 'dir';
  /** The zip file or folder this source reads, for messages and the audit log. */
  readonly location: string;
  /** Every file entry, junk (`__MACOSX/`, `.DS_Store`, `Thumbs.db`, `desktop.ini`) and folders removed. */
  readonly entries: readonly PackEntry[];
  /**
   * Streams one entry's uncompressed bytes. The stream errors (code PACK_E_LIMIT or PACK_E_ZIP) if the
   * data is longer or shorter than the declared size, and with PACK_E_IO if the source disappears.
   * Aborting `signal` destroys the stream.
   */
  openEntry(path: string, signal?: AbortSignal): Promise<Readable>;
  /** Releases the file handle; safe to call twice. */
  close(): Promise<void>;
}

export type OpenPackSourceResult = { readonly ok: true; readonly source: PackSource } | { readonly ok: false; readonly problems: readonly PackProblem[] };

/** Limits that keep a hostile or broken pack from exhausting memory, disk or time. */
export interface PackLimits {
  /** @default 20000 */
  readonly maxEntries: number;
  /** Total declared uncompressed bytes. @default 8 GiB */
  readonly maxTotalBytes: number;
  /** One file's uncompressed bytes. @default 4 GiB */
  readonly maxFileBytes: number;
  /** Uncompressed:compressed ratio allowed for entries over `ratioCheckMinBytes`. @default 200 */
  readonly maxCompressionRatio: number;
  /** @default 1 MiB */
  readonly ratioCheckMinBytes: number;
}

export const DEFAULT_PACK_LIMITS: PackLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxFileBytes: 4 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 ** 2,
};

/** An error carried by an entry stream, with the pack code that describes it. */
export class PackStreamError extends Error {
  constructor(
    readonly problem: PackProblem,
  ) {
    super(problem.message);
  }
}
