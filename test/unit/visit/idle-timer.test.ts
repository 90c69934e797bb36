// Idle clock: warning after the timeout, end of visit after the countdown, a touch keeps the visit, holds pause it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../../renderer/src/visit/idle-timer';
import type { IdleClock } from '../../../renderer/src/visit/idle-timer';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const clock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function timer() {
  const events = { onWarning: vi.fn<(ms: number) => void>(), onKept: vi.fn(), onExpire: vi.fn() };
  const idle = new IdleTimer({ timeoutMs: 90_000, warningMs: 15_000 }, events, clock);
  return { idle, events };
}

describe('IdleTimer', () => {
  it('warns after the timeout with the countdown left, and ends the visit when it runs out', () => {
    const { idle, events } = timer();
    idle.start();
    vi.advanceTimersByTime(89_999);
    expect(events.onWarning).not.toHaveBeenCalled();
    expect(idle.remainingMs()).toBe(15_001);
    vi.advanceTimersByTime(1);
    expect(events.onWarning).toHaveBeenCalledWith(15_000);
    expect(idle.phase).toBe('warning');
    vi.advanceTimersByTime(14_999);
    expect(events.onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(events.onExpire).toHaveBeenCalledTimes(1);
    expect(idle.phase).toBe('stopped');
    expect(idle.remainingMs()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a touch during the warning keeps the visit and restarts the full timeout', () => {
    const { idle, events } = timer();
    idle.start();
    vi.advanceTimersByTime(95_000);
    idle.poke();
    expect(events.onKept).toHaveBeenCalledTimes(1);
    expect(idle.remainingMs()).toBe(105_000);
    vi.advanceTimersByTime(100_000);
    expect(events.onExpire).not.toHaveBeenCalled();
    expect(events.onWarning).toHaveBeenCalledTimes(2);
  });

  it('holds pause the clock until the last one is released, then a full timeout starts', () => {
    const { idle, events } = timer();
    idle.start();
    vi.advanceTimersByTime(80_000);
    idle.hold('narration');
    idle.hold('typing');
    vi.advanceTimersByTime(600_000);
    expect(events.onWarning).not.toHaveBeenCalled();
    idle.poke();
    idle.release('narration');
    expect(idle.remainingMs()).toBeNull();
    idle.release('typing');
    expect(idle.remainingMs()).toBe(105_000);
    vi.advanceTimersByTime(90_000);
    expect(events.onWarning).toHaveBeenCalledTimes(1);
  });

  it('media starting during the warning takes the warning away', () => {
    const { idle, events } = timer();
    idle.start();
    vi.advanceTimersByTime(91_000);
    idle.hold('video');
    expect(events.onKept).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(events.onExpire).not.toHaveBeenCalled();
  });

  it('does nothing before a visit starts or after it stopped; releasing an unknown hold is harmless', () => {
    const { idle, events } = timer();
    idle.poke();
    idle.hold('video');
    idle.release('nothing');
    vi.advanceTimersByTime(1_000_000);
    expect(events.onWarning).not.toHaveBeenCalled();
    idle.start();
    idle.stop();
    vi.advanceTimersByTime(1_000_000);
    expect(events.onWarning).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('new settings apply from the next input', () => {
    const { idle, events } = timer();
    idle.start();
    idle.configure({ timeoutMs: 30_000, warningMs: 5_000 });
    idle.poke();
    vi.advanceTimersByTime(30_000);
    expect(events.onWarning).toHaveBeenCalledWith(5_000);
  });
});
