// Opens a pack from a .zip file or a folder and checks its structure before anything is read from it.
import { lstat, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { problem } from '../problems';
import type { PackProblem } from '../problems';
import { openDirSource } from './dir-source';
import { isSystemError } from './entry-stream';
import { DEFAULT_PACK_LIMITS } from './pack-source';
import type { OpenPackSourceResult, PackLimits } from './pack-source';
import { openZipSource } from './zip-source';

function unreadable(location: string, code: string | undefined): PackProblem {
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'there is no such file or folder (was the USB stick removed?)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : `the system reported ${code ?? 'an unknown error'}`;
  return problem('PACK_E_IO', '', `${location} could not be read: ${why}.`);
}

/**
 * Opens the pack at `location`: a folder becomes a folder source, a file a zip source. Every entry is
 * listed and checked (names, types, duplicates, links, limits, and for zips the archive structure)
 * before any file data is read; the result carries every problem found, not just the first.
 * A link given as `location` itself is followed (the caller chose it); links inside a pack never are.
 */
export async function openPackSource(location: string, limits: PackLimits = DEFAULT_PACK_LIMITS): Promise<OpenPackSourceResult> {
  let info: Stats;
  try {
    info = await lstat(location);
    if (info.isSymbolicLink()) info = await stat(location);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return { ok: false, problems: [unreadable(location, error.code)] };
  }
  if (info.isDirectory()) return openDirSource(location, limits);
  // Only a regular file is opened: opening a pipe or a device could block or never end.
  if (info.isFile()) return openZipSource(location, limits);
  return { ok: false, problems: [problem('PACK_E_ZIP', '', `${location} is neither a .zip file nor a folder.`)] };
}
