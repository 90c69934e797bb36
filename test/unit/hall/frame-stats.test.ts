// Frame statistics count the last second of drawing and treat a rest as a rest, not a slow frame.
import { describe, expect, it } from 'vitest';
import { FrameStats } from '../../../renderer/src/hall/frame-stats';

describe('FrameStats', () => {
  it('reports fps and the median frame time of a continuous run', () => {
    const stats = new FrameStats();
    for (let i = 0; i <= 30; i += 1) stats.record(1000 + i * 33);
    expect(stats.fps(1990)).toBe(31);
    expect(stats.frameTimeMs()).toBe(33);
  });

  it('does not count a rest between on-demand frames as a frame interval', () => {
    const stats = new FrameStats();
    expect(stats.record(0)).toBeNull();
    expect(stats.record(16)).toBe(16);
    expect(stats.record(5000)).toBeNull();
    expect(stats.fps(7000)).toBe(0);
  });
});
