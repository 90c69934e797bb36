// A renderer that keeps crashing is reloaded with growing pauses, and a calm spell resets the streak.
import { describe, expect, it } from 'vitest';
import { createCrashBackoff } from '../../../electron/core/health/crash-backoff';

describe('crash backoff', () => {
  it('reloads at once, then waits longer for each crash in a streak, up to a minute', () => {
    const backoff = createCrashBackoff();
    const delays = Array.from({ length: 9 }, (_, i) => backoff.nextDelayMs(i * 1000));
    expect(delays).toEqual([0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('starts over after ten quiet minutes', () => {
    const backoff = createCrashBackoff();
    backoff.nextDelayMs(0);
    backoff.nextDelayMs(1000);
    expect(backoff.nextDelayMs(1000 + 11 * 60_000)).toBe(0);
  });
});
