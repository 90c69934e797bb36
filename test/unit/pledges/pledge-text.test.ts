// Pledge text rules: what a wall accepts (Chinese, Latin, digits, emoji) and what it refuses, each with its code.
import { describe, expect, it } from 'vitest';
import { characterCount, checkPledgeText } from '../../../electron/core/pledges/pledge-text';

const accepted = (raw: string): string => {
  const result = checkPledgeText(raw);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(raw)}: ${result.message}`);
  return result.text;
};
const refusal = (raw: string): string => {
  const result = checkPledgeText(raw);
  return result.ok ? 'accepted' : result.code;
};

describe('checkPledgeText', () => {
  it.each([
    ['Chinese with full-width punctuation', '我承诺节约用水！', '我承诺节约用水！'],
    ['Latin with digits', 'I will plant 3 trees in 2030.', 'I will plant 3 trees in 2030.'],
    ['emoji: a ZWJ family, a keycap, a flag, a skin tone', '👨‍👩‍👧 1️⃣ 🇨🇳 👍🏽', '👨‍👩‍👧 1️⃣ 🇨🇳 👍🏽'],
    ['accents and a heart made of "<3"', 'Café <3 für alle', 'Café <3 für alle'],
    ['Japanese kana and the long-vowel mark', 'ありがとう ラーメン', 'ありがとう ラーメン'],
  ])('accepts %s', (_label, raw, text) => {
    expect(accepted(raw)).toBe(text);
  });

  it('trims, collapses spaces and line breaks into one line, and drops invisible characters', () => {
    expect(accepted('  我要\n\n节约\t用水\u3000💧  ')).toBe('我要 节约 用水 💧');
    // A right-to-left override would show the text reversed on the wall; zero-width spaces hide words from the filter.
    expect(accepted('ab\u202Ecd\u200Bef\u00ADgh\u0007')).toBe('abcdefgh');
  });

  it('stores text in NFC, so one message has one spelling', () => {
    expect(accepted('Cafe\u0301')).toBe('Café');
  });

  it('refuses an empty message, or one of spaces and invisible characters only, as PLEDGE_E_EMPTY', () => {
    for (const raw of ['', '   ', '\n\t', '\u200B\u200D\u202E']) expect(refusal(raw)).toBe('PLEDGE_E_EMPTY');
  });

  it('counts characters as a visitor does and allows exactly 80', () => {
    expect(characterCount('👨‍👩‍👧加油')).toBe(3);
    expect(accepted('好'.repeat(80))).toHaveLength(80);
    expect(accepted('🎉'.repeat(80))).toHaveLength(160);
    expect(refusal('好'.repeat(81))).toBe('PLEDGE_E_TOO_LONG');
    const result = checkPledgeText(`  ${'a'.repeat(81)}  `);
    expect(result).toMatchObject({ ok: false, code: 'PLEDGE_E_TOO_LONG', message: expect.stringContaining('81 characters; a pledge may have at most 80') });
  });

  it('refuses markup as PLEDGE_E_CHARS', () => {
    for (const raw of ['<b>hi</b>', '<script>alert(1)</script>', '< img src=x>', 'a &lt; b', '&#60;', '<!-- x -->']) expect(refusal(raw)).toBe('PLEDGE_E_CHARS');
  });

  it('refuses other scripts, Zalgo stacks and stray joiners as PLEDGE_E_CHARS, naming the character', () => {
    expect(checkPledgeText('Привет')).toMatchObject({ ok: false, code: 'PLEDGE_E_CHARS', message: expect.stringContaining('"П" (U+041F)') });
    expect(refusal('مرحبا')).toBe('PLEDGE_E_CHARS');
    expect(refusal('Ze\u0301\u0302\u0303\u0304lgo')).toBe('PLEDGE_E_CHARS');
    expect(refusal('a\u200Db')).toBe('PLEDGE_E_CHARS');
    expect(refusal('⠀⠀⠀ braille blanks')).toBe('PLEDGE_E_CHARS');
  });

  it('refuses phone numbers, e-mail and web addresses as PLEDGE_E_PERSONAL, in half or full width', () => {
    for (const raw of ['call 13800138000', '138 0013 8000', '１３８００１３８０００', 'mail me: ming@example.com', 'see www.example.cn', 'https://x.io', 'shop.taobao.com']) {
      expect(refusal(raw)).toBe('PLEDGE_E_PERSONAL');
    }
    // Years and counts are fine: seven digits in a row is where numbers start to identify someone.
    expect(refusal('2030年前种下100000棵树')).toBe('accepted');
  });
});
