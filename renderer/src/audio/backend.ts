// The narrow slice of howler the audio director uses, as interfaces: production wraps a real Howl, tests pass a recording fake.

/** Howl events the director listens to (howler's names). */
export type HowlEventName = 'load' | 'loaderror' | 'play' | 'playerror' | 'end' | 'pause' | 'stop' | 'unlock';

/**
 * Listener of a Howl event: `id` is howler's sound id (0 for events of the whole Howl, such as
 * `load` or `unlock`); `detail` is howler's error code or message for `loaderror`/`playerror`.
 */
export type HowlListener = (id: number, detail?: unknown) => void;

/** What the director asks for when it creates a Howl. */
export interface HowlSpec {
  /** Candidate files of one sound, best first (e.g. `['x.opus', 'x.mp3']`); howler plays the first it can. */
  readonly src: readonly string[];
  readonly loop: boolean;
  /** Initial group volume, 0–1. */
  readonly volume: number;
  /** false = Web Audio (decoded buffers, sample-accurate gain); true = an <audio> element. */
  readonly html5: boolean;
  /** Formats, when the URLs carry no file extension howler could read them from. */
  readonly format?: readonly string[];
}

/**
 * One Howl: a loaded sound that can play several overlapping instances (sound ids). Volume and fade
 * act on the whole group, which is how the director applies bus levels and ducking.
 */
export interface HowlLike {
  /** Starts a new instance (no id) or resumes a paused one; returns the instance's sound id. */
  play(id?: number): number;
  pause(id: number): void;
  /** Stops one instance, or every instance without an id. */
  stop(id?: number): void;
  /** Playback position of an instance, in seconds (0 while it cannot tell, e.g. still loading). */
  position(id: number): number;
  seek(seconds: number, id: number): void;
  /** Length in seconds; 0 until loaded. */
  duration(): number;
  /** Group volume, 0–1. */
  volume(): number;
  setVolume(volume: number): void;
  /** Ramps the group volume linearly over `ms` milliseconds (howler: Web Audio ramp plus a timer). */
  fade(from: number, to: number, ms: number): void;
  on(event: HowlEventName, listener: HowlListener): void;
  once(event: HowlEventName, listener: HowlListener): void;
  /** Stops everything, drops the decoded audio and every listener; the Howl is dead afterwards. */
  unload(): void;
}

/** Creates Howls and owns the global (master) gain. */
export interface AudioBackend {
  createHowl(spec: HowlSpec): HowlLike;
  /** The master gain every Howl passes through (howler: `Howler.volume`), 0–1. */
  setMasterVolume(volume: number): void;
}

/** What the director needs from the clock: the narration position ticker. Injected so tests step it. */
export interface AudioTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
