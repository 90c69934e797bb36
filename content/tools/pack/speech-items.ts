// What the narrator reads: each exhibit's title and text, and each mascot's greeting, in every language.
import { greetingId } from './generated-assets';
import type { PackSource } from './pack-source';

export interface SpeechRequest {
  readonly id: string;
  readonly locale: 'zh-CN' | 'en';
  readonly text: string;
}

const asSpeechLocale = (locale: string): 'zh-CN' | 'en' => {
  if (locale !== 'zh-CN' && locale !== 'en') throw new Error(`no narrator voice for "${locale}"`);
  return locale;
};

export function speechItems(source: PackSource): SpeechRequest[] {
  const items: SpeechRequest[] = [];
  for (const locale of source.structure.locales) {
    // A title ends without punctuation; the narrator needs a full stop to pause after it.
    const stop = locale === 'zh-CN' ? '。' : '.';
    for (const exhibit of source.structure.exhibits) {
      const key = `exhibit.${exhibit.id}`;
      items.push({ id: exhibit.id, locale: asSpeechLocale(locale), text: `${source.text(locale, `${key}.title`)}${stop} ${source.text(locale, `${key}.body`)}` });
    }
    for (const mascot of source.structure.mascots) {
      items.push({ id: greetingId(mascot.id), locale: asSpeechLocale(locale), text: source.text(locale, `mascot.${mascot.id}.greeting`) });
    }
  }
  return items;
}
