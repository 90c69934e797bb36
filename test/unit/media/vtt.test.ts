// WebVTT captions for narration: timings, tags stripped, bad blocks skipped, the cue at a time.
import { describe, expect, it } from 'vitest';
import { cueAt, parseVtt } from '../../../renderer/src/media/vtt';

const file = `\uFEFFWEBVTT

NOTE written by the content build

1
00:00:00.000 --> 00:00:02.500
<v Sunny>你好！</v>

00:02.500 --> 00:00:05,000 align:start
Welcome to the <b>hall</b>.
Second line.

nonsense --> here
ignored

01:00:00.000 --> 01:00:01.000
An hour in
`;

describe('parseVtt', () => {
  it('reads cues with and without hours, ids and settings, dropping tags and bad blocks', () => {
    expect(parseVtt(file)).toEqual([
      { start: 0, end: 2.5, text: '你好！' },
      { start: 2.5, end: 5, text: 'Welcome to the hall.\nSecond line.' },
      { start: 3600, end: 3601, text: 'An hour in' },
    ]);
  });

  it('finds the cue showing at a time, none between cues', () => {
    const cues = parseVtt(file);
    expect(cueAt(cues, 1)?.text).toBe('你好！');
    expect(cueAt(cues, 2.5)?.text).toContain('Welcome');
    expect(cueAt(cues, 10)).toBeNull();
  });

  it('decodes the character references captions must use for &, < and >', () => {
    expect(parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\nQ&amp;A: 3 &lt; 4 &#x4E2D;&#25991;\n')).toEqual([{ start: 0, end: 1, text: 'Q&A: 3 < 4 中文' }]);
  });
});
