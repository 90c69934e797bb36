// Language-specific charts: each visitor sees their language's, pictures without a language are for everyone.
import { describe, expect, it } from 'vitest';
import type { Exhibit } from '../../../electron/shared/manifest';
import { visibleMedia } from '../../../renderer/src/media/visible-media';

const alt = { en: 'a chart', 'zh-CN': '图表' };
const media: Exhibit['media'] = [
  { type: 'image', file: 'images/chart.zh-CN.png', alt, locale: 'zh-CN' },
  { type: 'image', file: 'images/chart.en.png', alt, locale: 'en' },
  { type: 'image', file: 'images/photo.png', alt },
];

describe('visibleMedia', () => {
  it("shows the visitor's language's chart and every picture without a language", () => {
    expect(visibleMedia(media, 'en', 'zh-CN').map((m) => m.file)).toEqual(['images/chart.en.png', 'images/photo.png']);
    expect(visibleMedia(media, 'zh-CN', 'zh-CN').map((m) => m.file)).toEqual(['images/chart.zh-CN.png', 'images/photo.png']);
  });

  it("falls back to the default language's chart when the visitor's language has none", () => {
    expect(visibleMedia(media.slice(0, 1), 'en', 'zh-CN').map((m) => m.file)).toEqual(['images/chart.zh-CN.png']);
    expect(visibleMedia(media.slice(2), 'en', 'zh-CN').map((m) => m.file)).toEqual(['images/photo.png']);
  });
});
