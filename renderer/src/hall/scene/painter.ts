// What the hall needs drawn as textures (panels, signs), as an interface: the DOM painter and test fakes implement it.
import type { Texture } from 'three';

/** Colours of the visual language (visual.md). */
export const PALETTE = {
  cream: '#FFF6EC',
  ink: '#1E1E24',
  muted: '#5C6270',
  sunrise: '#FF7A1A',
  gold: '#FFB547',
  indigo: '#1B1F3B',
} as const;

export const FONT_STACK = '"Noto Sans SC", "Noto Sans CJK SC", system-ui, sans-serif';

export { PANEL_TEXTURE, SIGN_TEXTURE } from '../../../../electron/shared/hall-textures';

export interface PanelArt {
  readonly title: string;
  /** The zone's colour, used for the accent bar. */
  readonly accent: string;
  /** The exhibit's first key figure, shown large when there is no image. */
  readonly figure: { readonly value: string; readonly unit: string; readonly label: string } | null;
  /** A pledge wall's messages, newest first: drawn as notes instead of the image or figure. */
  readonly notes?: readonly string[];
}

export interface SignArt {
  readonly title: string;
  readonly accent: string;
}

/**
 * Draws hall textures. `I` is the painter's decoded image type (ImageBitmap in the browser). Textures
 * returned are owned by the caller, which disposes them.
 */
export interface ScenePainter<I> {
  panel(art: PanelArt, image: I | null): Texture;
  sign(art: SignArt): Texture;
  /** Decodes an image at `url`, scaled down to what a panel can show. */
  loadImage(url: string): Promise<I>;
  /** Frees a decoded image. */
  releaseImage(image: I): void;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

/**
 * Splits `text` into at most `maxLines` lines no wider than `maxWidth` (as `measure` reports): Latin text
 * breaks at spaces, CJK text between any two characters; an overflowing last line ends in "…".
 */
export function wrapLines(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  // Tokens: a run of non-space Latin characters, one CJK character, or a run of spaces.
  const tokens = text.match(/\s+|[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== '') line += token;
      continue;
    }
    if (line === '' || measure(line + token) <= maxWidth) line += token;
    else {
      lines.push(line.trimEnd());
      line = token;
    }
    // A single token wider than a line (a long word) is cut by characters.
    while (measure(line) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > maxWidth) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 0 && measure(last + '…') > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = last.trimEnd() + '…';
  return kept;
}

/** True if the text contains CJK characters (used to pick line height and letter spacing). */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
