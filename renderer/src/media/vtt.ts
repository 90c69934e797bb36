// Parses WebVTT captions into timed cues, and finds the cue on screen at a given time (narration has no native caption track).

export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{3})/;

function seconds(stamp: string): number {
  const parts = stamp.replace(',', '.').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** Cues in file order; malformed blocks are skipped rather than failing the whole file (a caption is help, not content). */
export function parseVtt(source: string): Cue[] {
  const blocks = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => TIMING.test(line));
    const match = at >= 0 ? TIMING.exec(lines[at] ?? '') : null;
    if (!match?.[1] || !match[2]) continue;
    // Voice and style tags (<v Sunny>, <b>) are dropped: the text is shown as plain text.
    const text = decodeEntities(lines.slice(at + 1).join('\n').replace(/<[^>]*>/g, '')).trim();
    if (text) cues.push({ start: seconds(match[1]), end: seconds(match[2]), text });
  }
  return cues;
}

/** The character references WebVTT text may contain (it must escape &, < and >). */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function cueAt(cues: readonly Cue[], time: number): Cue | null {
  return cues.find((cue) => time >= cue.start && time < cue.end) ?? null;
}
