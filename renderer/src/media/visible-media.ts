// Which of an exhibit's media a visitor sees: items for their language (or for every language), else the pack's default language's.
import type { Exhibit } from '../../../electron/shared/manifest';

type Media = Exhibit['media'][number];

/** Language-specific images (charts with text) are shown in their language only; the rest always. */
export function visibleMedia<M extends Media>(media: readonly M[], locale: string, defaultLocale: string): M[] {
  const forLocale = (wanted: string) => media.filter((item) => item.type !== 'image' || item.locale === undefined || item.locale === wanted);
  const mine = forLocale(locale);
  // A pack without this language's chart still shows one, in its default language.
  const missing = media.some((item) => item.type === 'image' && item.locale !== undefined) && !mine.some((item) => item.type === 'image' && item.locale !== undefined);
  return missing ? forLocale(defaultLocale) : mine;
}
