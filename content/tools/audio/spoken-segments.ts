// Splits one sentence into the runs each voice reads, with numbers spelled out: English words inside Chinese
// narration are read by the English voice, Chinese names inside English narration by the Mandarin one.
import { spellNumbersEn } from './numbers-en';
import { spellNumbersZh } from './numbers-zh';
import { toEspeakPinyin } from './pinyin-text';
import type { VoiceKey } from './espeak';
import type { SpeechLocale } from './speech-types';

/** Text ready for one espeak-ng call in one voice. */
export interface SpokenSegment {
  readonly voice: VoiceKey;
  readonly text: string;
}

// A Latin run in Chinese text: words, with the spaces and light punctuation between them ("Sunrise Hall", "3D").
const LATIN_RUN = /(?:\d+(?=[A-Za-z]))?[A-Za-z](?:[A-Za-z0-9'’&.-]|\s+(?=[A-Za-z0-9]))*/gu;
// A Chinese run in English text: characters with the punctuation between them ("朝阳奋斗者联盟").
const HAN_RUN = /\p{Script=Han}(?:[\p{Script=Han}，、·]|\s+(?=\p{Script=Han}))*/gu;

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** The sentence as (voice, text) runs in reading order, numbers spelled in each run's language; runs with nothing to read are left out. */
export function spokenSegments(sentence: string, locale: SpeechLocale): SpokenSegment[] {
  const zh = locale === 'zh-CN';
  const foreign = zh ? LATIN_RUN : HAN_RUN;
  const segments: SpokenSegment[] = [];
  const push = (voice: VoiceKey, part: string): void => {
    if (!hasWords(part)) return;
    segments.push({ voice, text: voice === 'zh' ? toEspeakPinyin(spellNumbersZh(part)) : spellNumbersEn(part).trim() });
  };
  let at = 0;
  for (const match of sentence.matchAll(foreign)) {
    push(zh ? 'zh' : 'en', sentence.slice(at, match.index));
    push(zh ? 'en' : 'zh', match[0]);
    at = match.index + match[0].length;
  }
  push(zh ? 'zh' : 'en', sentence.slice(at));
  return segments;
}
