// The kiosk's own short blocked-word list, kept as data (builtin-blocked-words.json) rather than strings in code.
import builtin from './builtin-blocked-words.json';
import { parseWordList } from './blocked-words';
import type { BlockedWord } from './blocked-words';

/** Applied to every pledge wall on top of the wall's own list from its pack. */
export const BUILTIN_BLOCKED_WORDS: readonly BlockedWord[] = parseWordList(builtin.words.join('\n')).words;
