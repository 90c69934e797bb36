// Grapheme-aware editing for the on-screen keyboard: an emoji (even 👍🏽 or a ZWJ family) is one character.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The user-perceived characters of `text` (extended grapheme clusters). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Length as a visitor counts it: one per grapheme. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/**
 * Appends `insert` to `value` as far as `maxLength` graphemes allow; a grapheme that does not fit
 * whole is dropped, never cut in half. Appending a combining mark or variation selector that merges
 * into the last grapheme therefore still fits at the limit.
 */
export function appendText(value: string, insert: string, maxLength: number): string {
  const limit = Math.max(0, Math.floor(maxLength));
  const joined = graphemes(value + insert);
  return joined.length <= limit ? joined.join('') : joined.slice(0, Math.max(limit, graphemeLength(value))).join('');
}

/** Removes the last grapheme (a whole emoji, not half a surrogate pair). */
export function deleteLast(value: string): string {
  const parts = graphemes(value);
  parts.pop();
  return parts.join('');
}
