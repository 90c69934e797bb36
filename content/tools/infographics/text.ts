// Measuring, wrapping (CJK per character with kinsoku, Latin per word) and fitting text with the real font's metrics.
import type { FontBook } from './fonts';
import { FONT_ASCENT, FONT_DESCENT, TYPE, type Weight } from './style';
import { LayoutError, type TextNode } from './scene';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
/** Never start a line with these (closing punctuation) … */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’%…·,.;:?!)]}']);
/** … and never end one with these (opening punctuation). */
const NO_END = new Set([...'（《「『【〔〈“‘([{']);

export function measure(book: FontBook, text: string, size: number, weight: Weight): number {
  return book.shape(text, weight).advance * size;
}

/** Splits text into unbreakable pieces: a Latin word with its trailing spaces, or one CJK character with its punctuation. */
export function atoms(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let glue = false; // the previous piece was opening punctuation: the next one sticks to it
  const push = (piece: string): void => {
    const last = out.length - 1;
    if (glue && last >= 0) out[last] += piece;
    else out.push(piece);
    glue = false;
  };
  const flushWord = (): void => {
    if (word) push(word);
    word = '';
  };
  for (const ch of text) {
    if (ch === ' ') {
      word += ch;
      flushWord();
    } else if (NO_START.has(ch) && (out.length > 0 || word)) {
      if (word) word += ch;
      else out[out.length - 1] += ch;
    } else if (CJK.test(ch) || NO_END.has(ch)) {
      flushWord();
      push(ch);
      if (NO_END.has(ch)) glue = true;
    } else {
      // A hyphen or slash inside a word ("district-level", "science/education") is a break opportunity after it.
      if (word.endsWith(' ') || (/[-/]$/.test(word) && word.length > 1)) flushWord();
      word += ch;
    }
  }
  flushWord();
  return out;
}

/**
 * Greedy wrap to `maxWidth`. A piece wider than the line is broken by character only when `breakWords`
 * is set (the last resort); otherwise the result is null and the caller tries a smaller size.
 */
export function wrap(book: FontBook, text: string, maxWidth: number, size: number, weight: Weight, breakWords = true): string[] | null {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string): boolean => measure(book, s.trimEnd(), size, weight) <= maxWidth;
  for (const atom of atoms(text)) {
    if (fits(line + atom)) {
      line += atom;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    if (fits(atom)) {
      line = atom;
      continue;
    }
    if (!breakWords) return null;
    for (const ch of atom) {
      if (line && !fits(line + ch)) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Wraps into as few lines as greedy wrapping needs, but evens their lengths (no one-word last line). */
export function wrapBalanced(book: FontBook, text: string, maxWidth: number, size: number, weight: Weight, breakWords = true): string[] | null {
  const greedy = wrap(book, text, maxWidth, size, weight, breakWords);
  if (!greedy || greedy.length < 2) return greedy;
  let lo = maxWidth / greedy.length;
  let hi = maxWidth;
  let best = greedy;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    // Never buys balance with a broken word.
    const lines = wrap(book, text, mid, size, weight, false);
    if (lines && lines.length <= greedy.length) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

export interface FitOptions {
  readonly size: number;
  readonly min: number;
  readonly weight: Weight;
  readonly maxWidth: number;
  readonly maxLines: number;
  /** Also cap the block's height in px (lines × line height). */
  readonly maxHeight?: number;
  readonly lineHeight?: number;
}

export interface Fitted {
  readonly size: number;
  readonly lines: readonly string[];
  readonly lineHeight: number;
}

/**
 * The biggest size (down to `min`, in 2 px steps) at which `text` wraps within the limits without breaking
 * a word; failing that, the biggest at which it fits with words broken; else a LayoutError.
 */
export function fit(book: FontBook, text: string, o: FitOptions): Fitted {
  for (const breakWords of [false, true]) {
    for (let size = o.size; size >= o.min; size -= 2) {
      const lineHeight = Math.round(size * (o.lineHeight ?? TYPE.lineHeight));
      const lines = wrapBalanced(book, text, o.maxWidth, size, o.weight, breakWords);
      if (!lines) continue;
      const height = blockHeight(lines.length, size, lineHeight);
      if (lines.length <= o.maxLines && (o.maxHeight === undefined || height <= o.maxHeight)) return { size, lines, lineHeight };
    }
  }
  throw new LayoutError(`"${text}" does not fit ${o.maxLines} line(s) of ${Math.round(o.maxWidth)} px even at ${o.min} px`);
}

/** Height of a block of `count` lines from the first line's ascent to the last line's descent. */
export function blockHeight(count: number, size: number, lineHeight: number): number {
  return count === 0 ? 0 : (count - 1) * lineHeight + (FONT_ASCENT + FONT_DESCENT) * size;
}

export type Align = 'start' | 'middle' | 'end';

export interface PlaceOptions {
  readonly x: number;
  /** Top of the first line's box (ascent above the baseline). */
  readonly top: number;
  readonly size: number;
  readonly weight: Weight;
  readonly fill: string;
  readonly bg: string;
  readonly role: string;
  readonly align?: Align;
  readonly lineHeight?: number;
}

/** One text node at a given baseline; `x` is the anchor for `align`. */
export function textAt(book: FontBook, text: string, x: number, baseline: number, o: Omit<PlaceOptions, 'x' | 'top' | 'lineHeight'>): TextNode {
  const shaped = book.shape(text, o.weight);
  const width = shaped.advance * o.size;
  const left = o.align === 'middle' ? x - width / 2 : o.align === 'end' ? x - width : x;
  const scale = o.size / shaped.unitsPerEm;
  let ink: TextNode['ink'] = null;
  for (const g of shaped.glyphs) {
    if (!g.ink) continue;
    const x0 = left + g.ink.minX * scale;
    const x1 = left + g.ink.maxX * scale;
    const y0 = baseline - g.ink.maxY * scale;
    const y1 = baseline - g.ink.minY * scale;
    ink = ink
      ? { x: Math.min(ink.x, x0), y: Math.min(ink.y, y0), w: Math.max(ink.x + ink.w, x1) - Math.min(ink.x, x0), h: Math.max(ink.y + ink.h, y1) - Math.min(ink.y, y0) }
      : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  return { type: 'text', text, x: left, baseline, size: o.size, weight: o.weight, fill: o.fill, bg: o.bg, role: o.role, width, ink, glyphs: shaped.glyphs, unitsPerEm: shaped.unitsPerEm };
}

/** Stacks lines from `top` down. */
export function placeLines(book: FontBook, lines: readonly string[], o: PlaceOptions): TextNode[] {
  const lineHeight = o.lineHeight ?? Math.round(o.size * TYPE.lineHeight);
  return lines.map((line, i) => textAt(book, line, o.x, o.top + FONT_ASCENT * o.size + i * lineHeight, o));
}
