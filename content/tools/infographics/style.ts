// The one chart style (visual.md): canvas, palette, type scale and the contrast rules every chart obeys.

export const CANVAS = { width: 1600, height: 900, margin: 48 } as const;

export const COLOR = {
  sunrise: '#FF7A1A',
  /** Sunrise for text: the brand orange on cream is 2.4:1, under even the 3:1 for large text; this is 5:1, as the exhibit panel's figures. */
  sunriseText: '#B34A00',
  gold: '#FFB547',
  indigo: '#1B1F3B',
  cream: '#FFF6EC',
  ink: '#1E1E24',
  muted: '#5C6270',
  /** The ring's empty track and other quiet fills: a warm tint that keeps the cream page calm. */
  track: '#F6E3CC',
} as const;

/** Three weights of the one family (visual.md: "one family, three weights"). */
export type Weight = 400 | 500 | 700;

export const TYPE = {
  title: { size: 60, min: 44, weight: 700 },
  label: { size: 40, min: 30, weight: 500 },
  body: { size: 32, min: 26, weight: 400 },
  note: { size: 26, min: 24, weight: 400 },
  asOf: { size: 26, min: 24, weight: 700 },
  credit: { size: 22, min: 20, weight: 400 },
  lineHeight: 1.3,
} as const;

/**
 * The line box every layout stacks text with: Noto Sans SC's typo ascender (880 per 1000), and a descent
 * deep enough for Latin descenders (g, p, y reach about 0.22 em; the CJK typo descender, 0.12, is too shallow).
 */
export const FONT_ASCENT = 0.88;
export const FONT_DESCENT = 0.25;

/** Orange text is kept for the big bold figures, so it always marks "the number" (the bright sunrise is never text). */
export const ORANGE_MIN_SIZE = 48;

/** The colour of a key figure: sunrise (its text shade) where it is big and bold, indigo otherwise. */
export function figureFill(size: number, weight: Weight): string {
  return size >= ORANGE_MIN_SIZE && weight === 700 ? COLOR.sunriseText : COLOR.indigo;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG "large text": 24 px, or 18.66 px bold; large text needs 3:1, the rest 4.5:1. */
export function requiredContrast(size: number, weight: Weight): number {
  return size >= 24 || (weight === 700 && size >= 18.66) ? 3 : 4.5;
}

/** Mixes two #RRGGBB colours (t = 0 → a, 1 → b), rounded so the output is stable. */
export function mix(a: string, b: string, t: number): string {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const ca = (pa >> shift) & 255;
    const cb = (pb >> shift) & 255;
    out |= Math.round(ca + (cb - ca) * t) << shift;
  }
  return `#${out.toString(16).padStart(6, '0').toUpperCase()}`;
}

/** Height of capitals and digits (Noto Sans SC: 733 per 1000): big figures are centred on it, not on the line box. */
export const FONT_CAP = 0.733;
