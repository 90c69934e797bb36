// A PackSource over a .zip file: yauzl for the directory and inflation, our own checks on top.
import { open as openFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { open as openYauzl } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { problem } from '../problems';
import type { PackProblem } from '../problems';
import { cancelledError, checkedStream, isSystemError, toPackStreamError } from './entry-stream';
import { PackStreamError } from './pack-source';
import type { OpenPackSourceResult, PackEntry, PackLimits, PackSource } from './pack-source';
import { listZip } from './zip-listing';
import { OpenStreams } from './open-streams';

/** decodeStrings:false hands us raw name bytes (we decode GBK/CP437 and run our own path checks instead of yauzl's). */
const YAUZL_OPTIONS = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false } as const;

function openZip(location: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    openYauzl(location, YAUZL_OPTIONS, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

function openReadStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

/** An error opening the file: a system error is the medium or permissions, anything else is the zip itself. */
function openProblem(error: unknown, location: string): PackProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string') return problem('PACK_E_IO', '', `${location} could not be read (${code}).`);
  return problem('PACK_E_ZIP', '', `${location} is not a zip file, or it is truncated or damaged (${message}).`);
}

class ZipPackSource implements PackSource {
  readonly kind = 'zip';
  readonly entries: readonly PackEntry[];
  private readonly streams = new OpenStreams();

  constructor(
    readonly location: string,
    private readonly zip: ZipFile,
    private readonly byPath: ReadonlyMap<string, Entry>,
  ) {
    this.entries = [...byPath].map(([path, entry]) => ({ path, size: entry.uncompressedSize }));
  }

  async openEntry(path: string, signal?: AbortSignal): Promise<Readable> {
    if (signal?.aborted) throw cancelledError(path);
    const entry = this.byPath.get(path);
    if (!entry) throw new PackStreamError(problem('PACK_E_MISSING', path, `${path} is not in the pack.`));
    if (this.streams.closed) throw this.streams.closedError(path);
    let raw: Readable;
    try {
      raw = await openReadStream(this.zip, entry);
    } catch (error) {
      throw toPackStreamError(error, path, 'PACK_E_ZIP');
    }
    // Closed or cancelled while the local header was being read: do not hand out a stream.
    if (this.streams.closed || signal?.aborted) {
      raw.destroy();
      throw this.streams.closed ? this.streams.closedError(path) : cancelledError(path);
    }
    const stream = checkedStream(raw, {
      path,
      size: entry.uncompressedSize,
      crc32: entry.crc32,
      overrunCode: 'PACK_E_LIMIT',
      underrunCode: 'PACK_E_ZIP',
      fallbackCode: 'PACK_E_ZIP',
      signal,
      onClose: () => this.streams.forget(stream),
    });
    return this.streams.add(stream);
  }

  async close(): Promise<void> {
    // yauzl closes the file once the last stream lets go of it.
    if (this.streams.closeAll()) this.zip.close();
  }
}

/** Opens `location` as a zip pack and checks its whole directory; see openPackSource. */
export async function openZipSource(location: string, limits: PackLimits): Promise<OpenPackSourceResult> {
  let zip: ZipFile;
  try {
    zip = await openZip(location);
  } catch (error) {
    return { ok: false, problems: [openProblem(error, location)] };
  }
  // yauzl emits 'error' (closing the fd, say) outside our reads too; unheard, it would crash the process.
  zip.on('error', () => undefined);
  let handle: FileHandle | undefined;
  try {
    handle = await openFile(location, 'r');
    if ((await handle.stat()).size !== zip.fileSize) {
      return fail(zip, [problem('PACK_E_IO', '', `${location} changed while it was being opened; copy it again and retry.`)]);
    }
    const listing = await listZip(zip, handle, limits);
    if (listing.problems.length > 0) return fail(zip, listing.problems);
    return { ok: true, source: new ZipPackSource(location, zip, listing.entries) };
  } catch (error) {
    // A read error (stick pulled) is a problem to report; anything else is a bug and must surface as one.
    if (!isSystemError(error)) {
      zip.close();
      throw error;
    }
    return fail(zip, [openProblem(error, location)]);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function fail(zip: ZipFile, problems: PackProblem[]): OpenPackSourceResult {
  zip.close();
  return { ok: false, problems };
}
