// The visit's idle clock: a warning after the idle timeout, the end of the visit after its countdown, held while media plays or a visitor types.

export interface IdleTimerOptions {
  /** Without input this long, the warning appears. */
  readonly timeoutMs: number;
  /** The warning counts down this long, then the visit ends. */
  readonly warningMs: number;
}

export interface IdleTimerEvents {
  /** The warning appears; it counts down `remainingMs`. */
  onWarning(remainingMs: number): void;
  /** A touch during the warning kept the visit going. */
  onKept(): void;
  /** The countdown reached zero: the visit is over. */
  onExpire(): void;
}

/** setTimeout/clearTimeout and a clock, injected so tests run on a fake clock. */
export interface IdleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: IdleClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type Phase = 'stopped' | 'active' | 'warning' | 'held';

/**
 * One timer at a time, never a ticking interval: the UI asks `remainingMs()` when it draws a countdown.
 * Holds are named (`narration`, `video`, `typing`) so two sources cannot release each other's hold; while
 * any hold exists nothing counts, and the last release starts a full timeout again (a visitor who just
 * listened to a narration has not been idle).
 */
export class IdleTimer {
  readonly #events: IdleTimerEvents;
  readonly #clock: IdleClock;
  #options: IdleTimerOptions;
  #phase: Phase = 'stopped';
  #deadline = 0;
  #timer: unknown = null;
  readonly #holds = new Set<string>();

  constructor(options: IdleTimerOptions, events: IdleTimerEvents, clock: IdleClock = realClock) {
    this.#options = options;
    this.#events = events;
    this.#clock = clock;
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** New settings apply from the next input on. */
  configure(options: IdleTimerOptions): void {
    this.#options = options;
  }

  /** A visit began. */
  start(): void {
    this.#holds.clear();
    this.#arm();
  }

  /** Any visitor input: the idle clock starts over, and a showing warning goes away. */
  poke(): void {
    if (this.#phase === 'stopped' || this.#phase === 'held') return;
    const wasWarning = this.#phase === 'warning';
    this.#arm();
    if (wasWarning) this.#events.onKept();
  }

  hold(reason: string): void {
    if (this.#phase === 'stopped') return;
    const wasWarning = this.#phase === 'warning';
    this.#holds.add(reason);
    this.#cancel();
    this.#phase = 'held';
    if (wasWarning) this.#events.onKept();
  }

  release(reason: string): void {
    if (!this.#holds.delete(reason) || this.#holds.size > 0 || this.#phase !== 'held') return;
    this.#arm();
  }

  /** The visit ended (expired, Start over): nothing counts until the next start(). */
  stop(): void {
    this.#cancel();
    this.#holds.clear();
    this.#phase = 'stopped';
  }

  /** Time until the visit ends (warning included); null when stopped or held. */
  remainingMs(): number | null {
    if (this.#phase === 'stopped' || this.#phase === 'held') return null;
    return Math.max(0, this.#deadline - this.#clock.now());
  }

  #arm(): void {
    this.#cancel();
    this.#phase = 'active';
    this.#deadline = this.#clock.now() + this.#options.timeoutMs + this.#options.warningMs;
    this.#timer = this.#clock.setTimeout(() => this.#warn(), this.#options.timeoutMs);
  }

  #warn(): void {
    this.#phase = 'warning';
    this.#timer = this.#clock.setTimeout(() => this.#expire(), Math.max(0, this.#deadline - this.#clock.now()));
    this.#events.onWarning(this.remainingMs() ?? 0);
  }

  #expire(): void {
    this.#timer = null;
    this.#phase = 'stopped';
    this.#holds.clear();
    this.#events.onExpire();
  }

  #cancel(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
