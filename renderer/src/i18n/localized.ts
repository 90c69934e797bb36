// Picks one language out of a pack's per-locale text, falling back so a visitor never sees an empty label.
import type { LocalizedText } from '../../../electron/shared/locale';

/**
 * `text` in `locale`; else in `fallback` (the pack's defaultLocale); else in any language it has.
 * Returns '' only for an empty record, which the manifest schema does not allow.
 */
export function localized(text: LocalizedText, locale: string, fallback: string): string {
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
