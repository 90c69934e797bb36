// Waits for the shipped fonts to draw given text: canvas drawing does not wait for web fonts, so callers load first.

/** The family app/fonts.css ships (and global.css and the hall's FONT_STACK name first). */
export const SHIPPED_FAMILY = 'Noto Sans SC';

/**
 * Loads the unicode-range chunks of the shipped faces that `text` needs, at each weight, so canvas text
 * drawn afterwards uses them and not a fallback. Resolves true when every face loaded (false if a font
 * file failed or fonts are unavailable); never rejects.
 */
export async function loadShippedFonts(text: string, weights: readonly number[] = [400, 700]): Promise<boolean> {
  if (typeof document === 'undefined' || !document.fonts) return false;
  try {
    const loads = weights.map((weight) => document.fonts.load(`${weight} 32px "Twemoji", "${SHIPPED_FAMILY}"`, text));
    const faces = await Promise.all(loads);
    return faces.every((list) => list.length > 0);
  } catch {
    return false;
  }
}
