// UI strings: every key in every shipped language, the same placeholders in each, and each language in its own script.
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../../electron/shared/locale';
import { dictionaries, t } from '../../../renderer/src/i18n/strings';
import type { StringKey } from '../../../renderer/src/i18n/strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

describe('UI strings', () => {
  it('every shipped language has every key, none empty', () => {
    const keys = Object.keys(dictionaries['zh-CN']).sort();
    for (const locale of UI_LOCALES) {
      expect(Object.keys(dictionaries[locale]).sort(), locale).toEqual(keys);
      for (const [key, text] of Object.entries(dictionaries[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('translations use the same placeholders', () => {
    for (const key of Object.keys(dictionaries['zh-CN']) as StringKey[]) {
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(dictionaries['zh-CN'][key]));
    }
  });

  it('English strings contain no Chinese characters, except the language switch and proper names', () => {
    const offenders = Object.entries(dictionaries.en).filter(([, text]) => HAN.test(text));
    expect(offenders).toEqual([]);
  });

  it('fills placeholders, formatting numbers for the locale', () => {
    expect(t('idle.countdown', 'en', { n: 12 })).toBe('Back to the start in 12 s');
    expect(t('idle.countdown', 'zh-CN', { n: 12 })).toBe('12 秒后回到首页');
    expect(t('panel.mediaPosition', 'en', { n: 1, total: 1200 })).toBe('Item 1 of 1,200');
  });
});
