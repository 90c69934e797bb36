// How long to wait before reloading a crashed renderer: immediately at first, longer when crashes repeat.

/** Crashes closer together than this count as one streak. */
const STREAK_WINDOW_MS = 10 * 60_000;
const MAX_DELAY_MS = 60_000;

export interface CrashBackoff {
  /** Records a crash at `now` and returns the delay before the next reload. */
  nextDelayMs(now: number): number;
}

/**
 * A renderer that crashes on start-up would otherwise reload in a tight loop, burning CPU and filling
 * the log; doubling the wait (0, 1 s, 2 s, … up to a minute) keeps the kiosk trying without thrashing.
 */
export function createCrashBackoff(): CrashBackoff {
  const recent: number[] = [];
  return {
    nextDelayMs(now) {
      while (recent.length > 0 && now - (recent[0] ?? now) > STREAK_WINDOW_MS) recent.shift();
      recent.push(now);
      const streak = recent.length - 1;
      return streak === 0 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (streak - 1));
    },
  };
}
