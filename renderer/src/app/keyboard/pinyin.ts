// Pinyin → hanzi candidates for the on-screen keyboard, from the small generated dictionary (pinyin-dictionary.ts).
import { PINYIN_ENTRIES } from './pinyin-dictionary';

/** One choice in the candidate bar: `text` replaces the first `consumed` letters of what was typed. */
export interface Candidate {
  readonly text: string;
  readonly consumed: number;
}

/** Toneless pinyin as typed on a Latin keyboard: lower case, ü written as v (the usual IME convention). */
export type PinyinEntry = readonly [pinyin: string, text: string];

export class PinyinIndex {
  readonly #entries: readonly PinyinEntry[];
  readonly #byPinyin = new Map<string, string[]>();

  /** Entries in preference order: earlier ones are offered first. */
  constructor(entries: readonly PinyinEntry[] = PINYIN_ENTRIES) {
    this.#entries = entries;
    for (const [pinyin, text] of entries) {
      const list = this.#byPinyin.get(pinyin) ?? [];
      if (!list.includes(text)) list.push(text);
      this.#byPinyin.set(pinyin, list);
    }
  }

  /**
   * What to offer for the letters typed so far, best first: exact readings of all of them, then words
   * they begin (`jiay` → 加油), then characters for their longest leading syllable (`jiay` → 家 加 …,
   * leaving `y` to go on with).
   */
  candidates(typed: string, limit = 30): Candidate[] {
    const input = typed.toLowerCase();
    if (input === '') return [];
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const offer = (text: string, consumed: number) => {
      if (out.length >= limit || seen.has(text)) return;
      seen.add(text);
      out.push({ text, consumed });
    };
    for (const text of this.#byPinyin.get(input) ?? []) offer(text, input.length);
    for (const [pinyin, text] of this.#entries) if (pinyin.length > input.length && pinyin.startsWith(input)) offer(text, input.length);
    for (let end = input.length - 1; end > 0; end--) {
      const texts = this.#byPinyin.get(input.slice(0, end));
      if (!texts) continue;
      for (const text of texts) offer(text, end);
      break;
    }
    return out;
  }
}
