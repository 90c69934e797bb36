// Narration for a content pack, offline and reproducible: espeak-ng speech, sentence-timed WebVTT captions, compact MP3.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkEspeak, speak, VOICES } from './espeak';
import { createLimiter, type Limiter } from './limit';
import { mp3Encoder, type Mp3Encode } from './mp3-pool';
import { spellNumbersEn } from './numbers-en';
import { spellNumbersZh } from './numbers-zh';
import { concatPcm, normalizePeak, trimSilence } from './pcm';
import { splitCaption, splitSentences } from './sentences';
import { spokenSegments } from './spoken-segments';
import type { SpeechItem, SpeechLocale, SpeechResult } from './speech-types';
import { formatVtt, type Cue } from './vtt';

export type { SpeechItem, SpeechLocale, SpeechResult } from './speech-types';

/** espeak-ng speaks at 22.05 kHz; MP3 keeps that rate, mono, at 40 kbps (about 5 KB a second). */
const SAMPLE_RATE = 22_050;
const KBPS = 40;
const PEAK_DBFS = -3;
const seconds = (s: number): number => Math.round(s * SAMPLE_RATE);
const LEAD_IN = seconds(0.15);
const SENTENCE_PAUSE = seconds(0.4);
/** Between an English name and the Chinese around it (or the reverse): one breath, not a sentence pause. */
const RUN_GAP = seconds(0.06);
const TAIL = seconds(0.3);
const TRIM_MARGIN = seconds(0.01);
/** Two espeak-ng processes at once (and two MP3 encoder threads): the machines this runs on have two cores. */
const ESPEAK_PROCESSES = 2;

const ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

function checkItems(items: readonly SpeechItem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (!ID.test(item.id)) throw new Error(`Speech item id ${JSON.stringify(item.id)} must be letters, digits, ".", "_" or "-" (it names files)`);
    if (item.locale !== 'zh-CN' && item.locale !== 'en') throw new Error(`Speech item ${item.id} has locale ${JSON.stringify(item.locale)}; expected "zh-CN" or "en"`);
    const key = `${item.id}.${item.locale}`;
    if (seen.has(key)) throw new Error(`Speech item ${key} appears twice`);
    seen.add(key);
  }
}

/** One sentence's speech: each voice run spoken, trimmed of espeak-ng's own silences, and joined. */
async function speakSentence(sentence: string, locale: SpeechLocale, limit: Limiter): Promise<Int16Array> {
  const runs = await Promise.all(
    spokenSegments(sentence, locale).map((segment) =>
      limit(async () => {
        const pcm = await speak(segment.text, segment.voice);
        if (pcm.sampleRate !== SAMPLE_RATE) throw new Error(`espeak-ng spoke at ${pcm.sampleRate} Hz; expected ${SAMPLE_RATE}`);
        return trimSilence(pcm.samples, TRIM_MARGIN);
      }),
    ),
  );
  const spoken = runs.filter((run) => run.length > 0);
  return concatPcm(spoken.flatMap((run, i) => (i ? [RUN_GAP, run] : [run])));
}

/** How long a caption line takes to say, roughly: its length once numbers are spelled out ("241,300" is long). */
function spokenLength(line: string, locale: SpeechLocale): number {
  return [...(locale === 'en' ? spellNumbersEn(line) : spellNumbersZh(line))].length;
}

/**
 * Cues for one sentence spoken from `start` to `end` (samples) and shown until `hold`: its caption lines
 * share the spoken time in proportion to their spoken length, and the last stays up through the pause after it.
 */
function sentenceCues(sentence: string, locale: SpeechLocale, start: number, end: number, hold: number): Cue[] {
  const lines = splitCaption(sentence, locale);
  const weights = lines.map((line) => spokenLength(line, locale));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let at = start;
  return lines.map((text, i) => {
    const last = i === lines.length - 1;
    const to = last ? hold : at + ((end - start) * (weights[i] ?? 0)) / total;
    const cue = { start: at / SAMPLE_RATE, end: to / SAMPLE_RATE, text };
    at = to;
    return cue;
  });
}

async function synthesizeItem(item: SpeechItem, outDir: string, limit: Limiter, encode: Mp3Encode, engine: string): Promise<SpeechResult> {
  const sentences = splitSentences(item.text);
  const clips = await Promise.all(sentences.map((sentence) => speakSentence(sentence, item.locale, limit)));
  const spoken = sentences.map((sentence, i) => ({ sentence, clip: clips[i] ?? new Int16Array(0) })).filter(({ clip }) => clip.length > 0);
  if (spoken.length === 0) throw new Error(`Speech item ${item.id}.${item.locale} has nothing to say`);

  const parts: Array<Int16Array | number> = [LEAD_IN];
  const cues: Cue[] = [];
  let at = LEAD_IN;
  spoken.forEach(({ sentence, clip }, i) => {
    const last = i === spoken.length - 1;
    const end = at + clip.length;
    const next = end + (last ? TAIL : SENTENCE_PAUSE);
    cues.push(...sentenceCues(sentence, item.locale, at, end, next));
    parts.push(clip, last ? TAIL : SENTENCE_PAUSE);
    at = next;
  });
  const pcm = normalizePeak(concatPcm(parts), PEAK_DBFS);

  const base = `${item.id}.${item.locale}`;
  const audio = `audio/${base}.mp3`;
  const captions = `captions/${base}.vtt`;
  await writeFile(path.join(outDir, audio), await encode(pcm, SAMPLE_RATE, KBPS));
  await writeFile(path.join(outDir, captions), formatVtt(cues), 'utf8');
  return { id: item.id, locale: item.locale, audio, captions, seconds: Math.round((pcm.length / SAMPLE_RATE) * 1000) / 1000, engine };
}

/**
 * Speaks each item to `<outDir>/audio/<id>.<locale>.mp3` with captions in `<outDir>/captions/<id>.<locale>.vtt`.
 * Needs espeak-ng with its Mandarin pinyin voice; fails first, saying what to install, when they are missing.
 * The same items and the same espeak-ng version give the same bytes.
 */
export async function synthesizeSpeech(items: readonly SpeechItem[], outDir: string): Promise<SpeechResult[]> {
  checkItems(items);
  const version = await checkEspeak();
  const engine = `espeak-ng ${version}: ${VOICES.en.name} at ${VOICES.en.wordsPerMinute} wpm, ${VOICES.zh.name} at ${VOICES.zh.wordsPerMinute} syllables/min from pinyin-pro; MP3 ${KBPS} kbps mono ${SAMPLE_RATE} Hz by lamejs`;
  await mkdir(path.join(outDir, 'audio'), { recursive: true });
  await mkdir(path.join(outDir, 'captions'), { recursive: true });
  const limit = createLimiter(ESPEAK_PROCESSES);
  const encode = mp3Encoder();
  return Promise.all(items.map((item) => synthesizeItem(item, outDir, limit, encode, engine)));
}
