// Narration, captions and music for content packs: numbers read as words, espeak-ng speech with sentence-timed captions, the ambient loop.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeAmbientMusic } from '../../../content/tools/audio/ambient-music';
import { AMBIENT_SAMPLE_RATE, renderAmbient } from '../../../content/tools/audio/ambient-score';
import { speak } from '../../../content/tools/audio/espeak';
import { readFrames, readInfoTag } from '../../../content/tools/audio/mp3-frames';
import { decimalToWordsEn, integerToWordsEn, spellNumbersEn, yearToWordsEn } from '../../../content/tools/audio/numbers-en';
import { integerToChinese, spellNumbersZh } from '../../../content/tools/audio/numbers-zh';
import { toEspeakPinyin } from '../../../content/tools/audio/pinyin-text';
import { parseVtt as kioskParseVtt } from '../../../renderer/src/media/vtt';
import { CUE_MAX_CHARS, splitCaption, splitSentences } from '../../../content/tools/audio/sentences';
import { spokenSegments } from '../../../content/tools/audio/spoken-segments';
import { synthesizeSpeech } from '../../../content/tools/audio/synthesize-speech';
import type { SpeechItem } from '../../../content/tools/audio/synthesize-speech';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sunrise-audio-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** sha256 of every file under `dir`, by relative path. */
async function digests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return out;
}

/** Samples the MP3 decodes to once a gapless player trims the encoder delay and padding its Info tag names. */
function mp3Samples(bytes: Uint8Array): { samples: number; sampleRate: number } {
  const tag = readInfoTag(bytes);
  const frames = readFrames(bytes);
  const first = frames[0];
  if (!tag || !first) throw new Error('no Info tag or no frames');
  const audio = frames.slice(1);
  expect(audio.length).toBe(tag.frames);
  expect(tag.bytes).toBe(bytes.length);
  const header = audio[0]?.header;
  expect(header?.mono).toBe(true);
  return { samples: tag.frames * (header?.samplesPerFrame ?? 0) - tag.encoderDelay - tag.padding, sampleRate: header?.sampleRate ?? 0 };
}

interface ParsedCue {
  start: number;
  end: number;
  text: string;
}

function parseVtt(text: string): ParsedCue[] {
  const blocks = text.trim().split(/\n\n+/);
  expect(blocks.shift()).toBe('WEBVTT');
  const seconds = (stamp: string): number => {
    const [h = 0, m = 0, s = 0] = stamp.split(':').map(Number);
    return h * 3600 + m * 60 + s;
  };
  return blocks.map((block) => {
    const lines = block.split('\n');
    const timing = /^(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)$/.exec(lines[1] ?? '');
    expect(timing, block).not.toBeNull();
    return { start: seconds(timing?.[1] ?? ''), end: seconds(timing?.[2] ?? ''), text: lines.slice(2).join('\n') };
  });
}

describe('numbers in words', () => {
  it.each([
    ['1.32 million visitors', 'one point three two million visitors'],
    ['up 25.8% on last year', 'up twenty-five point eight percent on last year'],
    ['241,300 people', 'two hundred forty-one thousand three hundred people'],
    ['89,600', 'eighty-nine thousand six hundred'],
    ['887', 'eight hundred eighty-seven'],
    ['~2,000 volunteers', 'about two thousand volunteers'],
    ['15,130', 'fifteen thousand one hundred thirty'],
    ['787,600', 'seven hundred eighty-seven thousand six hundred'],
    ['>98% satisfied', 'more than ninety-eight percent satisfied'],
    ['from 2021–2024', 'from twenty twenty-one to twenty twenty-four'],
    ['in 2022 and 2023.', 'in twenty twenty-two and twenty twenty-three.'],
    ['24.13 thousand', 'twenty-four point one three thousand'],
    ['a 3D hall', 'a 3D hall'],
  ])('English: %s', (text, words) => {
    expect(spellNumbersEn(text)).toBe(words);
  });

  it('English helpers', () => {
    expect(integerToWordsEn(0)).toBe('zero');
    expect(integerToWordsEn(1_000_001)).toBe('one million one');
    expect(decimalToWordsEn('0.05')).toBe('zero point zero five');
    expect(yearToWordsEn(2005)).toBe('two thousand five');
    expect(yearToWordsEn(1905)).toBe('nineteen oh five');
    expect(yearToWordsEn(1900)).toBe('nineteen hundred');
  });

  it.each([
    ['132万人', '一百三十二万人'],
    ['24.13万', '二十四点一三万'],
    ['增长25.8%', '增长百分之二十五点八'],
    ['241,300', '二十四万一千三百'],
    ['89,600', '八万九千六百'],
    ['887', '八百八十七'],
    ['~2,000名', '约两千名'],
    ['15,130', '一万五千一百三十'],
    ['787,600', '七十八万七千六百'],
    ['>98%', '超过百分之九十八'],
    ['37％', '百分之三十七'],
    ['2021–2024年', '二零二一至二零二四年'],
    ['2022年和2023年', '二零二二年和二零二三年'],
    ['2024年5月12日', '二零二四年五月十二日'],
  ])('Chinese: %s', (text, words) => {
    expect(spellNumbersZh(text)).toBe(words);
  });

  it('Chinese integers: zeros, 两 and a leading 十', () => {
    const cases: Array<[number, string]> = [
      [0, '零'], [10, '十'], [15, '十五'], [110, '一百一十'], [1005, '一千零五'], [10_005, '一万零五'],
      [100_500, '十万零五百'], [2200, '两千二百'], [20_000, '两万'], [200_000, '二十万'], [100_030_000, '一亿零三万'], [1_320_000, '一百三十二万'],
    ];
    for (const [n, words] of cases) expect(integerToChinese(n), String(n)).toBe(words);
  });
});

describe('text to speech input', () => {
  it('reads Chinese as tone-numbered pinyin, polyphones and 一 in context', () => {
    expect(toEspeakPinyin('银行行长说：一天。')).toBe('yin2 hang2 hang2 zhang3 shuo1, yi4 tian1.');
  });

  it('gives English names in Chinese text to the English voice, and Chinese names in English text to the Mandarin one', () => {
    expect(spokenSegments('欢迎来到 Sunrise Hall 展厅！', 'zh-CN')).toEqual([
      { voice: 'zh', text: 'huan1 ying2 lai2 dao4' },
      { voice: 'en', text: 'Sunrise Hall' },
      { voice: 'zh', text: 'zhan3 ting1.' },
    ]);
    expect(spokenSegments('Meet 朝阳 in 2024.', 'en')).toEqual([
      { voice: 'en', text: 'Meet' },
      { voice: 'zh', text: 'chao2 yang2' },
      { voice: 'en', text: 'in twenty twenty-four.' },
    ]);
  });

  it('splits sentences at end marks but not inside numbers', () => {
    expect(splitSentences('欢迎！2024年共24.13万人。你知道吗？“是的。”')).toEqual(['欢迎！', '2024年共24.13万人。', '你知道吗？', '“是的。”']);
    expect(splitSentences('Up 3.5% in 2024. Really? Yes!')).toEqual(['Up 3.5% in 2024.', 'Really?', 'Yes!']);
  });

  it('splits long sentences into short, even caption lines, at a comma where it can', () => {
    const zh = '2024年，我们共接待了24.13万名观众，其中超过98%的观众表示满意。';
    expect(splitCaption(zh, 'zh-CN')).toEqual(['2024年，我们共接待了24.13万名观众，', '其中超过98%的观众表示满意。']);
    const en = 'In 2024 the Strivers Alliance welcomed 241,300 visitors from all over the country, and more than 98% of them said they would come back again.';
    const lines = splitCaption(en, 'en');
    expect(lines.join(' ')).toBe(en);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(CUE_MAX_CHARS.en);
    expect(lines[0]?.endsWith(',') || lines.length > 2).toBe(true);
  });

  it('says what to install when espeak-ng is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(speak('hello', 'en')).rejects.toThrow(/espeak-ng.*not installed.*apt-get install -y espeak-ng/);
    } finally {
      process.env.PATH = saved;
    }
  });
});

function espeakVersion(): string | null {
  try {
    return execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
const espeak = espeakVersion();
const NOT_RUN = 'NOT RUN: speech synthesis tests need espeak-ng, which is not installed here (apt-get install espeak-ng)';
// The reporter only counts skipped tests; this names the one that did not run, and why, in one line.
if (espeak === null) process.stderr.write(`${NOT_RUN}\n`);

describe('speech synthesis', () => {
  const items: SpeechItem[] = [
    { id: 'hello', locale: 'zh-CN', text: '欢迎来到朝阳奋斗者联盟！2024年，我们共接待了24.13万名观众，其中超过98%的观众表示满意。' },
    { id: 'hello', locale: 'en', text: 'Welcome to Sunrise Hall! In 2024 we welcomed 241,300 visitors, and more than 98% of them enjoyed it.' },
  ];

  it.skipIf(espeak === null)(
    espeak === null
      ? NOT_RUN
      : 'speaks both languages to MP3 with captions in the original script, timed to the audio, the same bytes every run',
    async () => {
      const [first, second] = [await tempDir(), await tempDir()];
      const results = await synthesizeSpeech(items, first);
      await synthesizeSpeech(items, second);
      expect(await digests(second)).toEqual(await digests(first));

      expect(results.map((r) => [r.audio, r.captions])).toEqual([
        ['audio/hello.zh-CN.mp3', 'captions/hello.zh-CN.vtt'],
        ['audio/hello.en.mp3', 'captions/hello.en.vtt'],
      ]);
      for (const [i, result] of results.entries()) {
        const item = items[i];
        expect(result.engine).toMatch(/^espeak-ng \d/);
        const mp3 = new Uint8Array(await readFile(path.join(first, result.audio)));
        const { samples, sampleRate } = mp3Samples(mp3);
        expect(sampleRate).toBe(22_050);
        expect(Math.abs(samples / sampleRate - result.seconds)).toBeLessThan(0.002);
        // A few sentences at about 150 words a minute; 40 kbps keeps it near 5 KB a second.
        expect(result.seconds).toBeGreaterThan(5);
        expect(result.seconds).toBeLessThan(25);
        expect(mp3.length / result.seconds).toBeLessThan(5_600);

        const vtt = await readFile(path.join(first, result.captions), 'utf8');
        const cues = parseVtt(vtt);
        // The kiosk's own caption parser reads the same cues.
        expect(kioskParseVtt(vtt).map((cue) => cue.text)).toEqual(cues.map((cue) => cue.text));
        expect(cues[0]?.start).toBeGreaterThan(0);
        expect(cues[0]?.start).toBeLessThan(0.5);
        expect(cues.at(-1)?.end).toBeCloseTo(result.seconds, 2);
        cues.forEach((cue, k) => {
          expect(cue.end).toBeGreaterThan(cue.start);
          if (k > 0) expect(cue.start).toBeCloseTo(cues[k - 1]?.end ?? NaN, 3);
          expect([...cue.text].length).toBeLessThanOrEqual(CUE_MAX_CHARS[result.locale]);
        });
        const shown = cues.map((cue) => cue.text).join(item?.locale === 'en' ? ' ' : '');
        expect(shown.replace(/\s+/g, ' ')).toBe(item?.text.replace(/\s+/g, ' '));
        if (result.locale === 'zh-CN') expect(shown).not.toMatch(/[a-z]+[0-5]/);
      }
    },
  );
});

describe('ambient music', () => {
  it('is a 60–90 s loop whose end flows into its start, peaking at or below −12 dBFS', () => {
    const pcm = renderAmbient();
    const seconds = pcm.length / AMBIENT_SAMPLE_RATE;
    expect(seconds).toBeGreaterThanOrEqual(60);
    expect(seconds).toBeLessThanOrEqual(90);
    let peak = 0;
    let step = 0;
    for (let i = 0; i < pcm.length; i++) {
      peak = Math.max(peak, Math.abs(pcm[i] ?? 0));
      if (i > 0) step = Math.max(step, Math.abs((pcm[i] ?? 0) - (pcm[i - 1] ?? 0)));
    }
    expect(20 * Math.log10(peak)).toBeLessThanOrEqual(-12);
    expect(20 * Math.log10(peak)).toBeGreaterThan(-20);
    // Across the seam, one sample to the next moves no more than anywhere inside the piece, and the slope carries on.
    const last = pcm.at(-1) ?? NaN;
    const seam = Math.abs((pcm[0] ?? NaN) - last);
    expect(seam).toBeLessThanOrEqual(step);
    const slopeBefore = last - (pcm.at(-2) ?? NaN);
    const slopeAfter = (pcm[1] ?? NaN) - (pcm[0] ?? NaN);
    expect(Math.abs(slopeAfter - slopeBefore)).toBeLessThan(step / 4);
  });

  it('writes the same MP3 every run, gapless to the sample, with its CC0 licence', async () => {
    const [first, second] = [await tempDir(), await tempDir()];
    const [result] = await Promise.all([makeAmbientMusic(first), makeAmbientMusic(second)]);
    expect(await digests(second)).toEqual(await digests(first));
    expect(result.path).toBe('audio/ambient.mp3');
    expect(result.licence).toMatch(/CC0 1\.0/);
    expect(await readFile(path.join(first, 'LICENSES', 'ambient-music.txt'), 'utf8')).toMatch(/CC0 1\.0/);
    const mp3 = new Uint8Array(await readFile(path.join(first, result.path)));
    expect(mp3Samples(mp3).samples).toBe(Math.round(result.seconds * AMBIENT_SAMPLE_RATE));
    expect(mp3.length).toBeLessThan(500_000);
  });
});
