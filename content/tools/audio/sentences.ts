// Splits narration text into sentences, and a long sentence into caption cues short enough to read at a glance.
import type { SpeechLocale } from './speech-types';

/** Longest cue line: 30 characters for Chinese, 60 for English, so a line fits the caption bar. */
export const CUE_MAX_CHARS: Record<SpeechLocale, number> = { 'zh-CN': 30, en: 60 };

const CJK_END = new Set(['。', '！', '？']);
const LATIN_END = new Set(['.', '!', '?']);
const CLOSERS = new Set(['”', '’', '"', "'", ')', '）', '」', '』', '】']);

/**
 * Sentences as written, each keeping its end marks and any closing quote or bracket after them. 。！？ end a
 * sentence anywhere; . ! ? only before a space or the end of the text, so "24.13" and "3.5%" stay whole.
 */
export function splitSentences(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (!CJK_END.has(c) && !LATIN_END.has(c)) continue;
    let end = i + 1;
    while (end < chars.length && (CJK_END.has(chars[end] ?? '') || LATIN_END.has(chars[end] ?? '') || CLOSERS.has(chars[end] ?? ''))) end++;
    const next = chars[end];
    if (!CJK_END.has(c) && next !== undefined && !/\s/u.test(next)) continue;
    const sentence = chars.slice(start, end).join('').trim();
    if (sentence) out.push(sentence);
    start = end;
    i = end - 1;
  }
  const rest = chars.slice(start).join('').trim();
  if (rest) out.push(rest);
  return out;
}

/** Units a cue may not break inside: a Han character with the punctuation after it, or a Latin word. */
function units(sentence: string, locale: SpeechLocale): string[] {
  if (locale === 'en') return sentence.split(/\s+/u).filter(Boolean);
  return sentence.match(/(?:\p{Script=Han}|[A-Za-z0-9][\w.,%'-]*|[^\s\p{Script=Han}A-Za-z0-9])[\p{P}]*\s*/gu) ?? [];
}

function join(parts: readonly string[], locale: SpeechLocale): string {
  return locale === 'en' ? parts.join(' ') : parts.join('').trim();
}

const ENDS_CLAUSE = /[，、；：,;:。！？.!?)）”"]\s*$/u;

/**
 * The cue lines of one sentence: each at most CUE_MAX_CHARS[locale] characters (a single longer word gets a
 * line of its own), as few lines as possible, as even in length as possible, and ending on a clause mark
 * (，,;:) where that costs little evenness, so a cue ends on a pause rather than mid-phrase.
 */
export function splitCaption(sentence: string, locale: SpeechLocale): string[] {
  const parts = units(sentence, locale);
  const n = parts.length;
  if (n === 0) return [];
  const max = CUE_MAX_CHARS[locale];
  const width = (from: number, to: number): number => [...join(parts.slice(from, to), locale)].length;
  if (width(0, n) <= max) return [join(parts, locale)];

  // Fewest lines: greedy filling is optimal for that.
  let count = 0;
  for (let from = 0; from < n; count++) {
    let to = from + 1;
    while (to < n && width(from, to + 1) <= max) to++;
    from = to;
  }
  const target = width(0, n) / count;
  const midPhrase = (target * 0.35) ** 2;
  const cost = (from: number, to: number): number => {
    const w = width(from, to);
    if (w > max && to - from > 1) return Infinity;
    return (w - target) ** 2 + (to < n && !ENDS_CLAUSE.test(parts[to - 1] ?? '') ? midPhrase : 0);
  };
  // best[k * (n + 1) + j]: cheapest way to set units 0..j on k lines; start[...] where its last line starts.
  const at = (k: number, j: number): number => k * (n + 1) + j;
  const best = new Float64Array((count + 1) * (n + 1)).fill(Infinity);
  const start = new Int32Array((count + 1) * (n + 1));
  best[0] = 0;
  for (let k = 1; k <= count; k++) {
    for (let j = 1; j <= n; j++) {
      for (let i = k - 1; i < j; i++) {
        const c = (best[at(k - 1, i)] ?? Infinity) + cost(i, j);
        if (c < (best[at(k, j)] ?? Infinity)) {
          best[at(k, j)] = c;
          start[at(k, j)] = i;
        }
      }
    }
  }
  const lines: string[] = [];
  for (let k = count, j = n; k > 0; k--) {
    const i = start[at(k, j)] ?? 0;
    lines.unshift(join(parts.slice(i, j), locale));
    j = i;
  }
  return lines;
}
