// Key layouts of the on-screen keyboard (letters, digits and punctuation, emoji) and the labels of its command keys.

export type KeyboardLocale = 'zh-CN' | 'en';

/** The key pages; `emoji` is one page of common, friendly emoji for pledge messages. */
export type KeyboardPage = 'letters' | 'symbols' | 'emoji';

/** Letter rows (QWERTY); shift shows and types the upper case. */
export const LETTER_ROWS: readonly (readonly string[])[] = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
];

/**
 * Digits and punctuation, Chinese full-width marks included (a Chinese sentence ends in 。 and uses ，).
 */
export const SYMBOL_ROWS: readonly (readonly string[])[] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['，', '。', '！', '？', '、', '：', '“', '”', '…', '—'],
  [',', '.', '!', '?', "'", '-', '@', '#', '&', '+'],
];

export interface EmojiKey {
  readonly emoji: string;
  /** Spoken name for screen readers, per locale. */
  readonly name: Readonly<Record<KeyboardLocale, string>>;
}

/**
 * Friendly emoji for pledge messages, drawn in colour by the Twemoji font the app ships (app/fonts.css),
 * so the page never depends on the host having an emoji font. test/unit/app/fonts-css.test.ts fails if
 * one is added outside the emoji font's unicode-range.
 */
export const EMOJI: readonly EmojiKey[] = [
  { emoji: '👍', name: { en: 'thumbs up', 'zh-CN': '点赞' } },
  { emoji: '❤️', name: { en: 'red heart', 'zh-CN': '红心' } },
  { emoji: '🎉', name: { en: 'party popper', 'zh-CN': '庆祝' } },
  { emoji: '💪', name: { en: 'flexed biceps', 'zh-CN': '加油' } },
  { emoji: '🌞', name: { en: 'sun with face', 'zh-CN': '太阳' } },
  { emoji: '⭐', name: { en: 'star', 'zh-CN': '星星' } },
  { emoji: '👏', name: { en: 'clapping hands', 'zh-CN': '鼓掌' } },
  { emoji: '😀', name: { en: 'grinning face', 'zh-CN': '笑脸' } },
  { emoji: '😊', name: { en: 'smiling face', 'zh-CN': '微笑' } },
  { emoji: '😄', name: { en: 'grinning face with smiling eyes', 'zh-CN': '开心' } },
  { emoji: '😁', name: { en: 'beaming face', 'zh-CN': '大笑' } },
  { emoji: '🥰', name: { en: 'smiling face with hearts', 'zh-CN': '喜爱' } },
  { emoji: '😍', name: { en: 'heart eyes', 'zh-CN': '爱心眼' } },
  { emoji: '🤩', name: { en: 'star-struck', 'zh-CN': '崇拜' } },
  { emoji: '😎', name: { en: 'smiling face with sunglasses', 'zh-CN': '酷' } },
  { emoji: '🥳', name: { en: 'partying face', 'zh-CN': '派对' } },
  { emoji: '🤗', name: { en: 'hugging face', 'zh-CN': '拥抱' } },
  { emoji: '🙌', name: { en: 'raising hands', 'zh-CN': '举手欢呼' } },
  { emoji: '🤝', name: { en: 'handshake', 'zh-CN': '握手' } },
  { emoji: '✊', name: { en: 'raised fist', 'zh-CN': '拳头' } },
  { emoji: '🙏', name: { en: 'folded hands', 'zh-CN': '感谢' } },
  { emoji: '👋', name: { en: 'waving hand', 'zh-CN': '挥手' } },
  { emoji: '👌', name: { en: 'OK hand', 'zh-CN': '好的' } },
  { emoji: '✌️', name: { en: 'victory hand', 'zh-CN': '胜利' } },
  { emoji: '🔥', name: { en: 'fire', 'zh-CN': '火热' } },
  { emoji: '✨', name: { en: 'sparkles', 'zh-CN': '闪耀' } },
  { emoji: '🌟', name: { en: 'glowing star', 'zh-CN': '闪亮的星' } },
  { emoji: '💫', name: { en: 'dizzy star', 'zh-CN': '流星' } },
  { emoji: '💯', name: { en: 'hundred points', 'zh-CN': '满分' } },
  { emoji: '🎊', name: { en: 'confetti ball', 'zh-CN': '彩球' } },
  { emoji: '💖', name: { en: 'sparkling heart', 'zh-CN': '闪亮的心' } },
  { emoji: '🧡', name: { en: 'orange heart', 'zh-CN': '橙心' } },
  { emoji: '💛', name: { en: 'yellow heart', 'zh-CN': '黄心' } },
];

/** Labels (visible) and names (spoken) of the command keys. */
export interface KeyboardLabels {
  readonly space: string;
  readonly done: string;
  readonly cancel: string;
  readonly backspace: string;
  readonly shift: string;
  readonly letters: string;
  readonly symbols: string;
  readonly emoji: string;
  readonly pinyin: string;
  readonly message: string;
  readonly limitReached: string;
  readonly candidates: string;
}

export const LABELS: Readonly<Record<KeyboardLocale, KeyboardLabels>> = {
  'zh-CN': {
    space: '空格',
    done: '完成',
    cancel: '取消',
    backspace: '删除',
    shift: '大写',
    letters: '字母',
    symbols: '数字符号',
    emoji: '表情',
    pinyin: '拼音',
    message: '你的留言',
    limitReached: '已达到字数上限',
    candidates: '候选字',
  },
  en: {
    space: 'Space',
    done: 'Done',
    cancel: 'Cancel',
    backspace: 'Backspace',
    shift: 'Shift',
    letters: 'Letters',
    symbols: 'Numbers and symbols',
    emoji: 'Emoji',
    pinyin: 'Pinyin',
    message: 'Your message',
    limitReached: 'Character limit reached',
    candidates: 'Candidates',
  },
};
