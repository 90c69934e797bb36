// Frame timing over the last second of continuous drawing: the fps and median frame time diagnostics report.
import { medianOf } from './quality';

const WINDOW_MS = 1000;
/** A gap longer than this is the hall resting (render on demand), not a slow frame. */
const MAX_INTERVAL_MS = 250;

export class FrameStats {
  readonly #times: number[] = [];

  /**
   * Records a drawn frame at `now` (ms). Returns the interval since the previous frame when the two
   * belong to one continuous run of frames, else null (the first frame after a rest).
   */
  record(now: number): number | null {
    const previous = this.#times.at(-1);
    this.#times.push(now);
    while (this.#times.length > 0 && now - (this.#times[0] ?? now) > WINDOW_MS) this.#times.shift();
    if (previous === undefined) return null;
    const interval = now - previous;
    return interval <= MAX_INTERVAL_MS ? interval : null;
  }

  /** Frames drawn in the last second of drawing (0 at rest). */
  fps(now: number): number {
    return this.#times.filter((t) => now - t <= WINDOW_MS).length;
  }

  /** Median interval between consecutive frames in the window, ignoring rests; 0 with fewer than two frames. */
  frameTimeMs(): number {
    const intervals: number[] = [];
    for (let i = 1; i < this.#times.length; i += 1) {
      const interval = (this.#times[i] ?? 0) - (this.#times[i - 1] ?? 0);
      if (interval <= MAX_INTERVAL_MS) intervals.push(interval);
    }
    return medianOf(intervals);
  }
}
