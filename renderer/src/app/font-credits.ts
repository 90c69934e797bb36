// Credit lines the shipped fonts ask for (Twemoji's art is CC BY 4.0, which requires attribution), for a help or about screen.
import type { KeyboardLocale } from './keyboard/layouts';

/** One line per language; show it wherever the app lists its credits. */
export const FONT_CREDITS: Readonly<Record<KeyboardLocale, string>> = {
  'zh-CN': '字体：Noto Sans SC（Google，SIL OFL 1.1）。表情图案：Twemoji（Twitter，CC BY 4.0）。',
  en: 'Fonts: Noto Sans SC (Google, SIL OFL 1.1). Emoji art: Twemoji (Twitter, CC BY 4.0).',
};
