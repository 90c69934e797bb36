// Turns Chinese text (numbers already spelled out) into the tone-numbered pinyin espeak-ng's cmn-latn-pinyin voice reads.
import { pinyin } from 'pinyin-pro';

const DIGIT_PINYIN = ['ling2', 'yi1', 'er4', 'san1', 'si4', 'wu3', 'liu4', 'qi1', 'ba1', 'jiu3'];

/** Punctuation becomes "," (a short pause) or "." (a sentence end); quotes and brackets are not read. */
function punctuation(mark: string): string {
  if (/[，、；：,;:—–]/u.test(mark)) return ' , ';
  if (/[。！？.!?…]/u.test(mark)) return ' . ';
  return ' ';
}

/**
 * "银行行长说：一天。" → "yin2 hang2 hang2 zhang3 shuo1 , yi4 tian1 ." pinyin-pro reads each run of
 * characters as a whole, so polyphones (行 hang2/xing2) and 一/不 tone changes follow their context.
 */
export function toEspeakPinyin(text: string): string {
  const out: string[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+|\d|[A-Za-z]+|\s+|[^\p{Script=Han}\dA-Za-z\s]/gu)) {
    if (/\p{Script=Han}/u.test(run)) out.push(pinyin(run, { toneType: 'num', type: 'array' }).join(' '));
    else if (/^\d$/.test(run)) out.push(DIGIT_PINYIN[Number(run)] ?? '');
    else if (/^[A-Za-z]+$/.test(run)) out.push(run.toLowerCase());
    else out.push(/^\s+$/u.test(run) ? ' ' : punctuation(run));
  }
  return out.join(' ').replace(/\s+/gu, ' ').replace(/\s([,.])/gu, '$1').replace(/([,.])(?:\s*[,.])+/gu, '$1').trim();
}
