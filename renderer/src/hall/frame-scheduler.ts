// Draws on demand: at most one animation frame pending, or one timed wake-up, and nothing while drawing is paused.

/** Half a 60 Hz display frame, ms. */
const HALF_DISPLAY_FRAME_MS = 8;

/** The browser's animation-frame pair (injected, so the scheduler also runs under Node's fake clock in tests). */
export interface AnimationFrames {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
}

/**
 * Several requests before the next animation frame still draw once; a wake-up timer is replaced by
 * any earlier request. `canDraw` is asked at request time so a paused engine (covered, hidden, context
 * lost, disposed) schedules nothing at all.
 */
export class FrameScheduler {
  readonly #draw: (now: number) => void;
  readonly #canDraw: () => boolean;
  readonly #frames: AnimationFrames;
  #raf: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(draw: (now: number) => void, canDraw: () => boolean, frames: AnimationFrames) {
    this.#draw = draw;
    this.#canDraw = canDraw;
    this.#frames = frames;
  }

  /** Asks for one frame. */
  request(): void {
    if (this.#raf !== null || !this.#canDraw()) return;
    this.#clearTimer();
    this.#raf = this.#frames.request((now) => {
      this.#raf = null;
      if (this.#canDraw()) this.#draw(now);
    });
  }

  /** Asks for one frame after `ms`: capped-rate animation, or the end of a tour's dwell. */
  wakeAfter(ms: number): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.request();
    }, Math.max(0, ms));
  }

  /**
   * Asks for the frame due at `frameTime` (animation-frame clock): capped-rate animation, timed from
   * when the last frame began. The request goes out half a display frame early so it catches that
   * display frame; waiting the whole interval after a draw added the draw time and then a display frame
   * (a 30 fps cap drew at 20).
   */
  wakeForFrameAt(frameTime: number): void {
    this.wakeAfter(frameTime - HALF_DISPLAY_FRAME_MS - performance.now());
  }

  cancel(): void {
    if (this.#raf !== null) this.#frames.cancel(this.#raf);
    this.#raf = null;
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
