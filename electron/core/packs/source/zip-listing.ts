// Reads a zip's central directory with yauzl and checks every record before any entry data is read.
import type { FileHandle } from 'node:fs/promises';
import type { Entry, ZipFile } from 'yauzl';
import { problem } from '../problems';
import type { PackProblem } from '../problems';
import { EntryChecker, isJunkPath, recordCap } from './entry-rules';
import type { PackLimits } from './pack-source';
import { decodeZipName } from './zip-names';
import { checkZipStructure } from './zip-structure';
import type { ZipRecord } from './zip-structure';

const ENCRYPTED_FLAG = 0x1;
const STORED = 0;
const DEFLATE = 8;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
/** "Version made by" hosts whose external attributes carry Unix mode bits: Unix and OS X (Darwin). */
const UNIX_HOSTS = new Set([3, 19]);

export interface ZipListing {
  readonly problems: PackProblem[];
  /** File entries by their decoded path; valid only when there are no problems. */
  readonly entries: Map<string, Entry>;
}

/** The next central-directory record, or null at the end. Rejects with yauzl's error for a damaged directory. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  // After an error yauzl silently ignores readEntry(), which would leave this promise pending forever.
  if (zip.emittedError) return Promise.reject(new Error('the zip directory could not be read'));
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => (settle(), resolve(entry));
    const onEnd = (): void => (settle(), resolve(null));
    const onError = (error: Error): void => (settle(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Where the central directory starts: yauzl's read cursor before the first record (not in its typings). */
function directoryStart(zip: ZipFile): number | null {
  const cursor: unknown = (zip as unknown as { readEntryCursor: unknown }).readEntryCursor;
  return typeof cursor === 'number' ? cursor : null;
}

/** Lists and checks every record of `zip`; `handle` is the same file, for reading local headers. */
export async function listZip(zip: ZipFile, handle: FileHandle, limits: PackLimits): Promise<ZipListing> {
  const problems: PackProblem[] = [];
  const entries = new Map<string, Entry>();
  const start = directoryStart(zip);
  if (start === null) return { problems: [problem('PACK_E_ZIP', '', 'The zip could not be read: its central directory was not found.')], entries };
  if (zip.entryCount > recordCap(limits)) {
    const message = `The zip lists ${zip.entryCount.toLocaleString('en-US')} entries; a pack may hold at most ${limits.maxEntries.toLocaleString('en-US')} files.`;
    return { problems: [problem('PACK_E_LIMIT', '', message)], entries };
  }
  const checker = new EntryChecker(limits);
  const records: ZipRecord[] = [];
  let last = '';
  let directoryIntact = true;
  for (let index = 1; ; index++) {
    let entry: Entry | null;
    try {
      entry = await nextEntry(zip);
    } catch (error) {
      const where = last ? ` after ${last}` : '';
      // yauzl stops at the first bad record without naming it; the last good one says where it is.
      problems.push(problem('PACK_E_ZIP', '', `The zip's central directory is damaged${where} (${(error as Error).message}); make the zip again.`));
      directoryIntact = false;
      break;
    }
    if (entry === null) break;
    const raw = entry.fileNameRaw;
    const decoded = decodeZipName(raw, entry.generalPurposeBitFlag, entry.extraFields);
    const name = decoded?.name ?? raw.toString('utf8').normalize('NFC');
    const label = name === '' ? `entry #${index}` : name;
    last = label;
    records.push({ label, nameRaw: raw, localHeaderOffset: entry.relativeOffsetOfLocalHeader, compressedSize: entry.compressedSize, compressionMethod: entry.compressionMethod });
    // Folder records and junk are never read, so their names and flags do not matter; their bytes
    // still take part in the overlap check below.
    if (name.endsWith('/') || isJunkPath(name)) continue;
    if (decoded === null) {
      problems.push(problem('PACK_E_NAME', label, `${label}: the zip marks this name as UTF-8, but it is not valid UTF-8.`));
      continue;
    }
    problems.push(...checkRecord(entry, label, limits));
    if (checker.add(name, entry.uncompressedSize)) entries.set(name, entry);
  }
  checker.finish();
  problems.push(...checker.problems);
  if (directoryIntact) {
    const end = zip.fileSize;
    problems.push(...(await checkZipStructure(handle, end, start, records)));
  }
  return { problems, entries };
}

/** Per-record checks that need the zip's own fields: encryption, compression, links, ratio. */
function checkRecord(entry: Entry, label: string, limits: PackLimits): PackProblem[] {
  const problems: PackProblem[] = [];
  if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0) {
    problems.push(problem('PACK_E_ZIP', label, `${label} is encrypted; packs must not use zip passwords.`));
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATE) {
    problems.push(problem('PACK_E_ZIP', label, `${label} uses compression method ${entry.compressionMethod}; only "stored" and "deflate" are supported. Make the zip with the pack build command.`));
  }
  if (UNIX_HOSTS.has(entry.versionMadeBy >> 8) && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    problems.push(problem('PACK_E_SYMLINK', label, `${label} is a symbolic link; packs must contain real files only.`));
  }
  const size = entry.uncompressedSize;
  if (size > limits.ratioCheckMinBytes && size > entry.compressedSize * limits.maxCompressionRatio) {
    const ratio = entry.compressedSize === 0 ? 'infinitely' : `${Math.round(size / entry.compressedSize)}:1`;
    problems.push(problem('PACK_E_LIMIT', label, `${label} expands ${ratio} (over ${limits.maxCompressionRatio}:1); refused as a possible zip bomb.`));
  }
  return problems;
}
