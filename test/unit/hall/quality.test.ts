// The quality controller steps down under slow frames, back up with room to spare, and obeys a pinned setting.
import { describe, expect, it } from 'vitest';
import { medianOf, pixelRatioFor, QualityController, qualityProfile } from '../../../renderer/src/hall/quality';

const feed = (controller: QualityController, ms: number, frames: number) => {
  const changes: string[] = [];
  for (let i = 0; i < frames; i += 1) {
    const change = controller.sample(ms);
    if (change) changes.push(change);
  }
  return changes;
};

describe('QualityController', () => {
  it('steps down one level per full window of slow frames, never below low', () => {
    const controller = new QualityController({ start: 'high', window: 10 });
    expect(feed(controller, 60, 35)).toEqual(['medium', 'low']);
    expect(controller.level).toBe('low');
  });

  it('steps back up when frames are well under the target', () => {
    const controller = new QualityController({ start: 'low', window: 10 });
    expect(feed(controller, 12, 25)).toEqual(['medium', 'high']);
  });

  it('holds its level inside the dead band, so it does not oscillate', () => {
    const controller = new QualityController({ start: 'medium', window: 10 });
    expect(feed(controller, 30, 100)).toEqual([]);
  });

  it('judges the median, so one long frame (a texture upload) changes nothing', () => {
    const controller = new QualityController({ start: 'medium', window: 10 });
    controller.sample(500);
    expect(feed(controller, 25, 9)).toEqual([]);
  });

  it('follows a pinned setting and ignores frame times until auto again', () => {
    const controller = new QualityController({ window: 5 });
    controller.set('high');
    expect(feed(controller, 100, 20)).toEqual([]);
    expect(controller.level).toBe('high');
    controller.set('auto');
    expect(feed(controller, 100, 5)).toEqual(['medium']);
  });
});

describe('pixelRatioFor', () => {
  it('never exceeds the display’s ratio and shrinks with the level', () => {
    expect(pixelRatioFor('high', 2)).toBe(1.5);
    expect(pixelRatioFor('high', 1)).toBe(1);
    expect(pixelRatioFor('medium', 2)).toBe(1);
    expect(pixelRatioFor('low', 1)).toBe(0.75);
  });
});

describe('medianOf', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([])).toBe(0);
  });
});

describe('qualityProfile', () => {
  it('pays less at each lower level: resolution, animation rate, effects', () => {
    const [low, medium, high] = (['low', 'medium', 'high'] as const).map(qualityProfile);
    expect(low?.maxPixelRatio).toBeLessThan(medium?.maxPixelRatio ?? 0);
    expect(medium?.maxPixelRatio).toBeLessThan(high?.maxPixelRatio ?? 0);
    expect(low?.mascotFrameMs).toBeGreaterThan(medium?.mascotFrameMs ?? Infinity);
    expect([low?.effects, medium?.effects, high?.effects]).toEqual([false, true, true]);
  });
});
