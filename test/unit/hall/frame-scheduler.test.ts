// On-demand drawing: requests coalesce into one frame, wake-ups are replaced by requests, a paused engine schedules nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameScheduler } from '../../../renderer/src/hall/frame-scheduler';
import type { AnimationFrames } from '../../../renderer/src/hall/frame-scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Animation frames every 16 ms of the fake clock. */
const clock: AnimationFrames = {
  request: (callback) => Number(setTimeout(() => callback(performance.now()), 16)),
  cancel: (handle) => clearTimeout(handle),
};

describe('FrameScheduler', () => {
  it('draws once for several requests before the next frame', () => {
    const draw = vi.fn();
    const frames = new FrameScheduler(draw, () => true, clock);
    frames.request();
    frames.request();
    frames.request();
    vi.advanceTimersByTime(100);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('times a capped-rate frame from when the last one began, not from when its drawing ended', () => {
    const drawnAt: number[] = [];
    const frames = new FrameScheduler((now) => drawnAt.push(now), () => true, clock);
    frames.request();
    vi.advanceTimersByTime(16);
    expect(drawnAt).toEqual([16]);
    // Drawing took 12 ms; the next frame is due 33 ms after the last began (at 49), and its request goes
    // out half a display frame early (at 41), so the frame arrives at 57 instead of 12 + 33 + 16 = 77.
    vi.advanceTimersByTime(12);
    frames.wakeForFrameAt(16 + 33);
    vi.advanceTimersByTime(100);
    expect(drawnAt).toEqual([16, 57]);
  });

  it('wakes after a delay, and an earlier request replaces the wake-up', () => {
    const draw = vi.fn();
    const frames = new FrameScheduler(draw, () => true, clock);
    frames.wakeAfter(500);
    vi.advanceTimersByTime(400);
    expect(draw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(draw).toHaveBeenCalledTimes(1);
    frames.wakeAfter(500);
    frames.request();
    vi.advanceTimersByTime(2000);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('schedules nothing while paused, and drops a frame that was pending when the pause began', () => {
    const draw = vi.fn();
    let paused = true;
    const frames = new FrameScheduler(draw, () => !paused, clock);
    frames.request();
    frames.wakeAfter(10);
    vi.advanceTimersByTime(1000);
    expect(draw).not.toHaveBeenCalled();
    paused = false;
    frames.request();
    paused = true;
    vi.advanceTimersByTime(1000);
    expect(draw).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancel drops the pending frame and the wake-up', () => {
    const draw = vi.fn();
    const frames = new FrameScheduler(draw, () => true, clock);
    frames.request();
    frames.cancel();
    frames.wakeAfter(10);
    frames.cancel();
    vi.advanceTimersByTime(1000);
    expect(draw).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
