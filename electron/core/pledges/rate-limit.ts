// A sliding one-minute window counting accepted pledges, on a monotonic clock so a clock change cannot lock the wall.

export interface RateLimiter {
  /** Null when one more is allowed now; else the whole seconds until one is. */
  waitSeconds(): number | null;
  /** Counts one accepted action now. */
  note(): void;
}

const WINDOW_MS = 60_000;

/** @param monotonicMs a clock that never goes back (performance.now), not the wall clock. */
export function createRateLimiter(perMinute: number, monotonicMs: () => number): RateLimiter {
  let times: number[] = [];
  const prune = (): number => {
    const now = monotonicMs();
    times = times.filter((t) => now - t < WINDOW_MS);
    return now;
  };
  return {
    waitSeconds() {
      const now = prune();
      if (times.length < perMinute) return null;
      return Math.max(1, Math.ceil(((times[0] ?? now) + WINDOW_MS - now) / 1000));
    },
    note() {
      prune();
      times.push(monotonicMs());
    },
  };
}
