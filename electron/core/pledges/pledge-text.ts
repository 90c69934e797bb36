// Cleans and checks a visitor's pledge text: length, allowed characters, no markup, no contact data.
import { PLEDGE_MAX_CHARS } from '../../shared/pledge-types';

export type PledgeTextProblem = 'PLEDGE_E_EMPTY' | 'PLEDGE_E_TOO_LONG' | 'PLEDGE_E_CHARS' | 'PLEDGE_E_PERSONAL';

export type PledgeTextCheck = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly code: PledgeTextProblem; readonly message: string };

/** UTF-16 units per character allowed on average: room for the longest emoji sequences, not for Zalgo text. */
const MAX_UNITS_PER_CHAR = 8;

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

// Line breaks, tabs and every Unicode space become one plain space: a pledge is one line on the wall.
const WHITESPACE = /[\s\u00a0\u3000]+/gu;
// Controls and invisible format characters (bidi overrides, zero-width spaces, soft hyphens…) are
// dropped: they can reorder or hide text on the wall and slip words past the filter. ZWJ stays for
// emoji sequences (👨‍👩‍👧); a ZWJ anywhere else is refused as a character below.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
const JOINER = '\u200d';

/** Something that would be markup if the text were ever put into HTML: a tag opener or an entity. */
const MARKUP = /<\s*[/!?]?\s*[a-z]|<!--|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i;

/** Letters of the scripts a Chinese/English hall shows, digits, punctuation, spaces and a few common symbols. */
const TEXT_BASE = /^(?:[\p{scx=Latin}\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]|[0-9\uff10-\uff19]|\p{P}|[\p{Sc}\p{Sm}\p{Sk}]|[ °★☆♡♪♫✓※〃])$/u;
/** At most two combining marks on a letter (é written as e + ´, Vietnamese tones); more is Zalgo text. */
const MARKS = /^\p{Mn}{0,2}$/u;
/** Emoji: pictographs with their modifiers, flags, keycaps and ZWJ sequences. */
const EMOJI_PART = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3|[#*0-9])+$/u;
const EMOJI_CORE = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** Seven digits or more, spaces, dots or dashes between them allowed: a phone or ID number, not a year or a count. */
const PHONE_LIKE = /\d(?:[\s.\-()]*\d){6,}/;
const EMAIL_LIKE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u;
const URL_LIKE = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|cn|net|org|edu|gov|io|top|xyz|me|info|cc|tv|vip|app|link)\b/i;

/** Number of characters as a visitor counts them (an emoji family is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

function allowedCluster(cluster: string): boolean {
  if (EMOJI_CORE.test(cluster)) return EMOJI_PART.test(cluster);
  const [base = '', ...rest] = [...cluster];
  return TEXT_BASE.test(base) && MARKS.test(rest.join(''));
}

/** How to name a refused character in a message: the character itself when visible, else its code point. */
function describeChar(cluster: string): string {
  const visible = /[\p{L}\p{N}\p{P}\p{S}]/u.test(cluster);
  const code = [...cluster].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
  return visible ? `"${cluster}" (${code})` : code;
}

/**
 * Cleans `raw` (Unicode NFC, spaces collapsed, invisible characters dropped, trimmed) and checks it.
 * The cleaned text is what gets stored and shown.
 * @example checkPledgeText('  我要 节约用水\n💧 ') // { ok: true, text: '我要 节约用水 💧' }
 * @example checkPledgeText('<b>hi</b>') // { ok: false, code: 'PLEDGE_E_CHARS', … }
 */
export function checkPledgeText(raw: string): PledgeTextCheck {
  const text = raw
    .normalize('NFC')
    .replace(WHITESPACE, ' ')
    .replace(INVISIBLE, (char) => (char === JOINER ? char : ''))
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text.length === 0 || text === JOINER.repeat(text.length)) {
    return { ok: false, code: 'PLEDGE_E_EMPTY', message: 'The pledge is empty: write a few words (up to 80 characters).' };
  }
  const count = characterCount(text);
  if (count > PLEDGE_MAX_CHARS || text.length > PLEDGE_MAX_CHARS * MAX_UNITS_PER_CHAR) {
    return { ok: false, code: 'PLEDGE_E_TOO_LONG', message: `The pledge has ${count} characters; a pledge may have at most ${PLEDGE_MAX_CHARS}.` };
  }
  if (MARKUP.test(text)) {
    return { ok: false, code: 'PLEDGE_E_CHARS', message: 'The pledge looks like web-page markup (a <tag> or an &entity;); write plain words instead.' };
  }
  for (const { segment } of segmenter.segment(text)) {
    if (!allowedCluster(segment)) {
      return {
        ok: false,
        code: 'PLEDGE_E_CHARS',
        message: `The pledge has a character the wall cannot show, ${describeChar(segment)}; use Chinese, Latin letters, digits, punctuation and common emoji.`,
      };
    }
  }
  // Compare the plain-width form: a phone number typed in full-width digits is still a phone number.
  const plain = text.normalize('NFKC');
  if (PHONE_LIKE.test(plain) || EMAIL_LIKE.test(plain) || URL_LIKE.test(plain)) {
    return {
      ok: false,
      code: 'PLEDGE_E_PERSONAL',
      message: 'The pledge looks like a phone number, e-mail or web address, which a public wall must not show; leave it out.',
    };
  }
  return { ok: true, text };
}
