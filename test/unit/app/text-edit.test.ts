// Grapheme-aware editing of the on-screen keyboard: limits and backspace treat every emoji as one character.
import { describe, expect, it } from 'vitest';
import { appendText, deleteLast, graphemeLength, graphemes } from '../../../renderer/src/app/keyboard/text-edit';

describe('keyboard text editing', () => {
  it('counts graphemes, not UTF-16 units or code points', () => {
    expect(graphemeLength('加油👍❤️')).toBe(4);
    expect('加油👍❤️'.length).toBe(6);
    expect(graphemeLength('👨‍👩‍👧')).toBe(1); // a ZWJ family: five code points
    expect(graphemeLength('👍🏽')).toBe(1); // with a skin tone modifier
    expect(graphemes('a👍b')).toEqual(['a', '👍', 'b']);
  });

  it('appends up to the limit and never splits a grapheme', () => {
    expect(appendText('ab', 'c', 3)).toBe('abc');
    expect(appendText('abc', 'd', 3)).toBe('abc');
    expect(appendText('ab', '👨‍👩‍👧x', 3)).toBe('ab👨‍👩‍👧');
    // A variation selector merges into the last character, so it still fits at the limit.
    expect(appendText('ab❤', '\uFE0F', 3)).toBe('ab❤️');
    // Text longer than the limit (set from outside) is kept, never cut; it just takes nothing more.
    expect(appendText('abcd', 'e', 3)).toBe('abcd');
  });

  it('backspace removes one whole emoji', () => {
    expect(deleteLast('hi👍❤️')).toBe('hi👍');
    expect(deleteLast('👨‍👩‍👧')).toBe('');
    expect(deleteLast('')).toBe('');
  });
});
