// The profanity filter of pledge walls: parses word lists and finds a listed word in a message, however it is spaced.

/** One list entry, in the form it is matched in. */
export interface BlockedWord {
  /** The entry as written (for logs and staff, never shown to visitors). */
  readonly entry: string;
  /** Letters and digits of the entry, folded like messages are (see `foldForMatching`). */
  readonly key: string;
  /** CJK entries match anywhere; Latin entries match whole words. */
  readonly cjk: boolean;
  /** A trailing `*`: a Latin entry also matches longer words that start with it. */
  readonly prefix: boolean;
}

export interface ParsedWordList {
  readonly words: readonly BlockedWord[];
  /** Lines that could not be used, as `line N: why`, for the log. */
  readonly problems: readonly string[];
}

/** Enough for any real list; stops a pack from making every pledge check slow. */
export const MAX_BLOCKED_WORDS = 5000;
const MAX_ENTRY_CHARS = 64;

const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The form both messages and entries are compared in: NFKC (full-width ｆｕｃｋ and ① become fuck and
 * 1), lower case, accents removed (fück), then NFC again so Hangul syllables stay whole.
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Only letters and digits, in order: what is left when spaces, punctuation and emoji are ignored. */
function lettersOnly(folded: string): string {
  let out = '';
  for (const char of folded) if (LETTER_OR_DIGIT.test(char)) out += char;
  return out;
}

/** Runs of Latin-or-other letters and digits; CJK characters and everything else separate them. */
function latinTokens(folded: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const char of folded) {
    if (LETTER_OR_DIGIT.test(char) && !CJK.test(char)) {
      current += char;
    } else if (current) {
      tokens.push(current);
      current = '';
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/**
 * Parses a word list: UTF-8 text, one word or phrase per line, `#` starting a comment line, blank
 * lines ignored. Entries of punctuation alone, and lines beyond MAX_BLOCKED_WORDS, are reported.
 */
export function parseWordList(text: string): ParsedWordList {
  const words: BlockedWord[] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) return;
    const where = `line ${index + 1}`;
    if (words.length >= MAX_BLOCKED_WORDS) {
      if (words.length === MAX_BLOCKED_WORDS && !problems.some((p) => p.includes('more than'))) problems.push(`${where}: the list has more than ${MAX_BLOCKED_WORDS} entries; the rest are ignored`);
      return;
    }
    if ([...entry].length > MAX_ENTRY_CHARS) {
      problems.push(`${where}: longer than ${MAX_ENTRY_CHARS} characters`);
      return;
    }
    const prefix = entry.endsWith('*');
    const key = lettersOnly(foldForMatching(prefix ? entry.slice(0, -1) : entry));
    if (key === '') {
      problems.push(`${where}: has no letters or digits to match`);
      return;
    }
    words.push({ entry, key, cjk: CJK.test(key), prefix });
  });
  return { words, problems };
}

/**
 * A Latin entry matches when consecutive words of the message, starting at a word's beginning, spell
 * it exactly (or, with `prefix`, start with it): "f u c k" and "F.U.C.K" match `fuck`, while
 * "Scunthorpe" does not match `cunt`, because the entry would have to start a word and end one.
 */
function latinMatch(tokens: readonly string[], word: BlockedWord): boolean {
  for (let start = 0; start < tokens.length; start++) {
    let joined = '';
    for (let end = start; end < tokens.length && joined.length < word.key.length; end++) {
      joined += tokens[end];
      if (joined === word.key) return true;
      if (word.prefix && joined.length >= word.key.length && joined.startsWith(word.key)) return true;
    }
  }
  return false;
}

/**
 * The first entry of `lists` found in `text`, or null. CJK entries match as substrings of the
 * message's letters (so "傻 逼" and "傻。逼" match 傻逼): Chinese has no spaces between words.
 */
export function findBlockedWord(text: string, lists: readonly (readonly BlockedWord[])[]): BlockedWord | null {
  const folded = foldForMatching(text);
  const letters = lettersOnly(folded);
  const tokens = latinTokens(folded);
  for (const list of lists) {
    for (const word of list) {
      if (word.cjk ? letters.includes(word.key) : latinMatch(tokens, word)) return word;
    }
  }
  return null;
}
