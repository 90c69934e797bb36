// Loads the blocked-word list each pledge wall of the active pack names (its `blockedWords` file).
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivePack } from '../../shared/api';
import type { Exhibit } from '../../shared/manifest';
import type { Logger } from '../log/logger';
import { PACKS_DIR_NAME } from '../packs/pack-store';
import { describeError } from '../store/fs-error';
import { parseWordList } from './blocked-words';
import type { BlockedWord } from './blocked-words';

/** Larger than any real list (5000 entries of 64 characters); a bigger file is a mistake, not a list. */
const MAX_LIST_BYTES = 1024 * 1024;

/** A wall's own list; `unreadable` when the pack names one that could not be read, so the wall fails closed. */
export type WallWords = { readonly ok: true; readonly words: readonly BlockedWord[] } | { readonly ok: false; readonly reason: string };

/** The pledge walls of a pack, in manifest order. */
export function pledgeWalls(pack: ActivePack): Exhibit[] {
  return pack.manifest.hall.exhibits.filter((exhibit) => exhibit.kind === 'pledge-wall');
}

/**
 * Reads every wall's word list from the installed pack folder (`<data>/packs/<id>@<version>/`), where
 * import already checked its hash. A list that cannot be read makes its wall refuse pledges rather
 * than show them unfiltered; problems in a readable list (an empty entry, say) are logged and skipped.
 */
export async function loadWallWords(dataDir: string, pack: ActivePack, logger: Logger): Promise<Map<string, WallWords>> {
  const lists = new Map<string, WallWords>();
  const packDir = join(dataDir, PACKS_DIR_NAME, `${pack.manifest.id}@${pack.manifest.version}`);
  for (const wall of pledgeWalls(pack)) {
    if (wall.blockedWords === undefined) {
      lists.set(wall.id, { ok: true, words: [] });
      continue;
    }
    if (pack.builtIn) {
      lists.set(wall.id, { ok: false, reason: 'the built-in hall has no files' });
      continue;
    }
    try {
      const text = await readSmallText(join(packDir, ...wall.blockedWords.split('/')));
      const parsed = parseWordList(text);
      for (const problem of parsed.problems) logger.warn(`Word list ${wall.blockedWords} of pledge wall ${wall.id}: ${problem}`, { exhibit: wall.id });
      lists.set(wall.id, { ok: true, words: parsed.words });
    } catch (error) {
      const reason = describeError(error);
      logger.error(`Pledge wall ${wall.id} takes no pledges: its word list ${wall.blockedWords} could not be read (${reason})`, { exhibit: wall.id });
      lists.set(wall.id, { ok: false, reason });
    }
  }
  return lists;
}

async function readSmallText(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_LIST_BYTES) throw new Error(`it is ${size} bytes; a word list may have at most ${MAX_LIST_BYTES}`);
    const bytes = await handle.readFile();
    // fatal: a list in GBK or UTF-16 would otherwise match nothing, silently.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } finally {
    await handle.close();
  }
}
