// The pledge profanity filter: Chinese as substrings, Latin as whole words through spacing, case, punctuation and full width.
import { describe, expect, it } from 'vitest';
import { findBlockedWord, foldForMatching, parseWordList } from '../../../electron/core/pledges/blocked-words';
import { BUILTIN_BLOCKED_WORDS } from '../../../electron/core/pledges/builtin-words';
import { WALL_WORDS } from './pledge-fixtures';

const list = parseWordList(WALL_WORDS).words;
const hit = (text: string): string | null => findBlockedWord(text, [list])?.entry ?? null;

describe('parseWordList', () => {
  it('reads one entry per line, skipping the BOM, comments and blank lines', () => {
    expect(list.map((w) => [w.entry, w.key, w.cjk, w.prefix])).toEqual([
      ['坏蛋', '坏蛋', true, false],
      ['bad word', 'badword', false, false],
      ['stupid*', 'stupid', false, true],
    ]);
  });

  it('reports lines it cannot use instead of failing the list', () => {
    const parsed = parseWordList(`ok\r\n!!!\r\n${'x'.repeat(65)}\r\n# fine`);
    expect(parsed.words.map((w) => w.entry)).toEqual(['ok']);
    expect(parsed.problems).toEqual(['line 2: has no letters or digits to match', 'line 3: longer than 64 characters']);
  });
});

describe('findBlockedWord', () => {
  it('finds a Chinese entry anywhere, through spaces and punctuation between its characters', () => {
    expect(hit('你是坏蛋')).toBe('坏蛋');
    expect(hit('坏 蛋！')).toBe('坏蛋');
    expect(hit('坏。蛋')).toBe('坏蛋');
    expect(hit('坏人和蛋糕')).toBeNull();
  });

  it('finds a Latin entry whatever its case, spacing, punctuation or full-width form', () => {
    for (const text of ['what a BAD WORD', 'badword!', 'b a d w o r d', 'B.A.D-W.O.R.D', 'ｂａｄ　ｗｏｒｄ', 'ＢＡＤｗｏｒｄ', 'bád wórd', '加油badword加油']) {
      expect(hit(text), text).toBe('bad word');
    }
  });

  it('matches Latin entries as whole words only, so innocent words that contain them pass', () => {
    expect(hit('a badwords list')).toBeNull();
    expect(hit('sinbad word')).toBeNull();
    expect(findBlockedWord('Greetings from Scunthorpe', [BUILTIN_BLOCKED_WORDS])).toBeNull();
    expect(findBlockedWord('a classic assessment', [BUILTIN_BLOCKED_WORDS])).toBeNull();
  });

  it('lets a trailing * match longer words that start with the entry', () => {
    expect(hit('so stupidly')).toBe('stupid*');
    expect(hit('S T U P I D E S T')).toBe('stupid*');
    expect(hit('not astupid')).toBeNull();
  });

  it('folds text the same way for entries and messages', () => {
    expect(foldForMatching('ＦＵＬＬ Ｗｉｄｔｈ ① Ünï')).toBe('full width 1 uni');
  });

  it('has a small built-in list for Chinese and English, applied with the same rules', () => {
    expect(BUILTIN_BLOCKED_WORDS.length).toBeGreaterThan(10);
    expect(findBlockedWord('你这个傻 逼', [BUILTIN_BLOCKED_WORDS])?.entry).toBe('傻逼');
    expect(findBlockedWord('草泥马', [BUILTIN_BLOCKED_WORDS])?.entry).toBe('草泥马');
    expect(findBlockedWord('F u c k this', [BUILTIN_BLOCKED_WORDS])?.entry).toBe('fuck*');
    expect(findBlockedWord('ＳＨＩＴ', [BUILTIN_BLOCKED_WORDS])?.entry).toBe('shit*');
    // Everyday phrases that merely contain a shorter swear word stay allowed.
    expect(findBlockedWord('我妈的生日', [BUILTIN_BLOCKED_WORDS])).toBeNull();
    expect(findBlockedWord('我想去死海旅游', [BUILTIN_BLOCKED_WORDS])).toBeNull();
  });
});
