// A PackSource over a folder: walks it without following links, and re-checks each file when it is read.
import { constants } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { lstat, open, opendir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { MAX_PACK_DEPTH } from '../../../shared/pack-paths';
import { problem } from '../problems';
import type { PackProblem } from '../problems';
import { EntryChecker, isJunkPath, recordCap } from './entry-rules';
import { cancelledError, checkedStream, isSystemError, toPackStreamError } from './entry-stream';
import { PackStreamError } from './pack-source';
import type { OpenPackSourceResult, PackEntry, PackLimits, PackSource } from './pack-source';
import { OpenStreams } from './open-streams';

/** lstat calls in flight at once while walking: fast on an SSD, gentle on a USB stick. */
const STAT_BATCH = 32;
// O_NOFOLLOW: a link swapped in after the walk is refused, not followed. O_NONBLOCK: a pipe swapped
// in cannot hang the open. Both are undefined on Windows, where the identity check below still holds.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

interface DiskFile {
  /** The name on disk, which may be NFD (macOS) while the entry path is NFC. */
  readonly diskPath: string;
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: number;
}

interface Walk {
  readonly checker: EntryChecker;
  readonly problems: PackProblem[];
  readonly files: Map<string, DiskFile>;
  records: number;
}

/** Lists every file under `root` into `walk`, breadth first so a deep chain of folders cannot recurse. */
async function walkFolder(root: string, limits: PackLimits, walk: Walk): Promise<void> {
  const queue = [{ disk: root, rel: '' }];
  for (let folder = queue.shift(); folder; folder = queue.shift()) {
    let names: string[] = [];
    try {
      const dir = await opendir(folder.disk);
      for await (const dirent of dir) {
        if (++walk.records > recordCap(limits)) break;
        names.push(dirent.name);
      }
    } catch (error) {
      if (!isSystemError(error)) throw error;
      walk.problems.push(problem('PACK_E_IO', folder.rel, `${folder.rel || root} could not be listed (${error.code}); was the USB stick removed?`));
      return;
    }
    if (walk.records > recordCap(limits)) {
      walk.problems.push(problem('PACK_E_LIMIT', '', `The folder holds more than ${recordCap(limits).toLocaleString('en-US')} files and folders; a pack may hold at most ${limits.maxEntries.toLocaleString('en-US')} files.`));
      return;
    }
    names = names.sort();
    for (let i = 0; i < names.length; i += STAT_BATCH) {
      const batch = names.slice(i, i + STAT_BATCH).map((name) => {
        const rel = (folder.rel ? `${folder.rel}/${name}` : name).normalize('NFC');
        return { name, rel, disk: join(folder.disk, name) };
      });
      const stats = await Promise.all(batch.map((item) => (isJunkPath(item.rel) || unreadableName(item.rel, walk) ? null : lstat(item.disk, { bigint: true }))));
      batch.forEach((item, index) => {
        const stat = stats[index];
        if (stat) visit(item.rel, item.disk, stat, walk, queue);
      });
      if (walk.checker.overCount) return;
    }
  }
}

/**
 * Node turns name bytes that are not valid UTF-8 (Linux) or lone surrogates (Windows) into U+FFFD; such
 * a name cannot be opened again by that spelling, nor stored under it. Reports it and returns true.
 */
function unreadableName(rel: string, walk: Walk): boolean {
  if (!rel.includes('\ufffd')) return false;
  walk.problems.push(problem('PACK_E_NAME', rel, `${rel} has a name that is not valid Unicode; rename it.`));
  return true;
}

function visit(rel: string, disk: string, stat: BigIntStats, walk: Walk, queue: { disk: string; rel: string }[]): void {
  if (stat.isSymbolicLink()) {
    // Node reports Windows junctions as symbolic links too.
    walk.problems.push(problem('PACK_E_SYMLINK', rel, `${rel} is a symbolic link or junction; packs must contain real files only.`));
  } else if (stat.isDirectory()) {
    if (rel.split('/').length >= MAX_PACK_DEPTH) {
      walk.problems.push(problem('PACK_E_PATH', rel, `${rel} is nested too deep: a pack path may have at most ${MAX_PACK_DEPTH - 1} folders.`));
    } else {
      queue.push({ disk, rel });
    }
  } else if (!stat.isFile()) {
    walk.problems.push(problem('PACK_E_TYPE', rel, `${rel} is a device, socket or pipe, not a file.`));
  } else if (walk.checker.add(rel, Number(stat.size))) {
    walk.files.set(rel, { diskPath: disk, dev: stat.dev, ino: stat.ino, size: Number(stat.size) });
  }
}

class DirPackSource implements PackSource {
  readonly kind = 'dir';
  readonly entries: readonly PackEntry[];
  private readonly streams = new OpenStreams();

  constructor(
    readonly location: string,
    private readonly byPath: ReadonlyMap<string, DiskFile>,
  ) {
    // Sorted by path so that listings, reports and copy order do not depend on the walk order.
    this.entries = [...byPath].map(([path, file]) => ({ path, size: file.size })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async openEntry(path: string, signal?: AbortSignal): Promise<Readable> {
    if (signal?.aborted) throw cancelledError(path);
    const file = this.byPath.get(path);
    if (!file) throw new PackStreamError(problem('PACK_E_MISSING', path, `${path} is not in the pack.`));
    if (this.streams.closed) throw this.streams.closedError(path);
    let handle: FileHandle;
    try {
      handle = await open(file.diskPath, OPEN_FLAGS);
    } catch (error) {
      throw toPackStreamError(error, path, 'PACK_E_IO');
    }
    try {
      const stat = await handle.stat({ bigint: true });
      // A different file now (a parent folder swapped for a link, say), or the same one edited.
      if (!stat.isFile() || stat.dev !== file.dev || stat.ino !== file.ino) {
        throw new PackStreamError(problem('PACK_E_IO', path, `${path} was replaced after the pack was checked; copy the pack again and retry.`));
      }
      if (Number(stat.size) !== file.size) throw new PackStreamError(problem('PACK_E_IO', path, `${path} changed while it was being read.`));
      if (signal?.aborted) throw cancelledError(path);
      if (this.streams.closed) throw this.streams.closedError(path);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw toPackStreamError(error, path, 'PACK_E_IO');
    }
    // No `end`: a file that grew since the walk must show up as too many bytes, not be cut to size.
    const raw = handle.createReadStream({ autoClose: true });
    const stream = checkedStream(raw, {
      path,
      size: file.size,
      overrunCode: 'PACK_E_IO',
      underrunCode: 'PACK_E_IO',
      fallbackCode: 'PACK_E_IO',
      signal,
      onClose: () => this.streams.forget(stream),
    });
    return this.streams.add(stream);
  }

  async close(): Promise<void> {
    this.streams.closeAll();
  }
}

/** Opens the folder `location` as a pack and checks every file in it; see openPackSource. */
export async function openDirSource(location: string, limits: PackLimits): Promise<OpenPackSourceResult> {
  const walk: Walk = { checker: new EntryChecker(limits), problems: [], files: new Map(), records: 0 };
  try {
    await walkFolder(location, limits, walk);
  } catch (error) {
    // A file that vanished or a stick pulled mid-walk; anything else is a bug and must surface as one.
    if (!isSystemError(error)) throw error;
    walk.problems.push(problem('PACK_E_IO', '', `${error.path ?? location} could not be read (${error.code}); was the USB stick removed?`));
  }
  walk.checker.finish();
  const problems = [...walk.problems, ...walk.checker.problems];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, source: new DirPackSource(location, walk.files) };
}
