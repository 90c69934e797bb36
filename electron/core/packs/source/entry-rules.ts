// Checks shared by zip and folder sources: archiver junk, names, media types, duplicates and size limits.
import { checkPackPath, collisionKey, packMediaTypeFor } from '../../../shared/pack-paths';
import { problem } from '../problems';
import type { PackProblem } from '../problems';
import type { PackEntry, PackLimits } from './pack-source';

/** Names archivers and file managers add on their own; ignored wherever they appear. */
const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
/** Root files a pack may hold besides media: the manifest (json is a media type anyway) and its signature. */
const ROOT_CONTROL_FILES = new Set(['manifest.json', 'manifest.sig']);

/** True for macOS resource forks (`__MACOSX/…`) and the per-folder metadata files of macOS and Windows. */
export function isJunkPath(path: string): boolean {
  const segments = path.split('/');
  if (segments[0]?.toLowerCase() === '__macosx') return true;
  const last = segments[segments.length - 1] ?? '';
  return JUNK_NAMES.has(last.toLowerCase());
}

/**
 * Records (files, folders, junk) a source may list before we stop reading it: honest packs add at most
 * a folder record and a `__MACOSX` twin per file, so four per allowed file is generous, and it stops a
 * crafted zip claiming billions of entries, or a folder with a million files, from keeping us busy.
 */
export const recordCap = (limits: PackLimits): number => limits.maxEntries * 4 + 100;

const bytes = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

/**
 * Collects a source's file entries and every problem with them. Feed it each file with `add`, then call
 * `finish`; it never stops at the first problem, so staff see all of them at once.
 */
export class EntryChecker {
  readonly entries: PackEntry[] = [];
  readonly problems: PackProblem[] = [];
  private readonly byKey = new Map<string, string>();
  private totalBytes = 0;
  private countReported = false;

  constructor(private readonly limits: PackLimits) {}

  /** Records one file (junk already removed); returns false when its name was refused. */
  add(path: string, size: number): boolean {
    const pathProblem = checkPackPath(path);
    if (pathProblem) {
      this.problems.push(problem(pathProblem.code, path, pathProblem.message));
      return false;
    }
    if (!ROOT_CONTROL_FILES.has(path) && packMediaTypeFor(path) === null) {
      this.problems.push(problem('PACK_E_TYPE', path, `${path} is not a file type a pack may hold (images, models, video, audio, fonts, JSON, captions only; no web pages, scripts or archives).`));
    }
    const key = collisionKey(path);
    const first = this.byKey.get(key);
    if (first !== undefined) {
      const message = first === path ? `${path} appears twice in the pack.` : `${first} and ${path} differ only in upper/lower case or Unicode form; Windows and macOS would store them as one file.`;
      this.problems.push(problem('PACK_E_DUPLICATE', path, message));
      return false;
    }
    this.byKey.set(key, path);
    if (size > this.limits.maxFileBytes) {
      this.problems.push(problem('PACK_E_LIMIT', path, `${path} is ${bytes(size)}; one file may be at most ${bytes(this.limits.maxFileBytes)}.`));
    }
    this.totalBytes += size;
    this.entries.push({ path, size });
    if (this.entries.length > this.limits.maxEntries && !this.countReported) {
      this.countReported = true;
      this.problems.push(problem('PACK_E_LIMIT', '', `The pack has more than ${this.limits.maxEntries.toLocaleString('en-US')} files.`));
    }
    return true;
  }

  /** Whole-pack checks: total size, and a file whose name is also used as a folder (`a.png` and `a.png/b.png`). */
  finish(): void {
    if (this.totalBytes > this.limits.maxTotalBytes) {
      this.problems.push(problem('PACK_E_LIMIT', '', `The pack's files add up to ${bytes(this.totalBytes)}; a pack may hold at most ${bytes(this.limits.maxTotalBytes)}.`));
    }
    for (const entry of this.entries) {
      const segments = entry.path.split('/');
      for (let depth = 1; depth < segments.length; depth++) {
        const folder = this.byKey.get(collisionKey(segments.slice(0, depth).join('/')));
        if (folder !== undefined) {
          this.problems.push(problem('PACK_E_DUPLICATE', entry.path, `${entry.path} sits in a folder named like the file ${folder}; one name cannot be both a file and a folder.`));
          break;
        }
      }
    }
  }

  /** True once too many files were seen: callers stop listing rather than walk a million-file tree. */
  get overCount(): boolean {
    return this.countReported;
  }
}
