// Public types of the audio director: play options, the reported state and narration end events.
import type { AudioBackend, AudioTimers } from './backend';
import type { BusName } from './levels';

/** One sound as files: a URL, or candidates best first (`['x.opus', 'x.mp3']`). */
export type SoundSource = string | readonly string[];

export interface PlayOptions {
  /**
   * Owner token: the screen or component that starts the sound. `releaseScope(scope)` unloads every Howl
   * started with it; use `director.scope(name)` to get a unique one.
   */
  readonly scope: string;
  /** This sound's own level, 0–1, multiplied by its bus level and the master volume. @default 1 */
  readonly volume?: number;
  /** Formats, for URLs without a file extension (e.g. `['opus']`). */
  readonly format?: readonly string[];
  /**
   * Stream through an <audio> element instead of decoding into Web Audio: less memory for long
   * tracks, but fades step on a timer. @default the director's `html5` option (false)
   */
  readonly html5?: boolean;
}

export interface MusicOptions extends PlayOptions {
  /** @default true */
  readonly loop?: boolean;
}

/** The narration a player control shows; `null` in AudioState when there is none. */
export interface NarrationState {
  readonly src: string;
  readonly scope: string;
  /** Seconds from the start. */
  readonly position: number;
  /** Seconds; 0 until the file has loaded. */
  readonly duration: number;
  /** Audible right now (false while loading, paused, blocked by autoplay or ended). */
  readonly playing: boolean;
  readonly paused: boolean;
  /** Played to its end; `resumeNarration()` plays it again from the start (or from a seek). */
  readonly ended: boolean;
}

export interface AudioState {
  /** Sound instances audible right now, across all buses. */
  readonly playing: number;
  /** The sound most recently started (its first src), for diagnostics. */
  readonly last: string | null;
  readonly narration: NarrationState | null;
  /**
   * True while something the visitor is listening to plays: a narration, or any sound that does not
   * loop. Looping background music never counts, or the attract loop would never go idle.
   */
  readonly busy: boolean;
  /** A play was refused by the browser's autoplay policy and waits for the next touch, click or key. */
  readonly blocked: boolean;
  /** The last load or play failure, `src: reason`; sounds that fail are dropped, never thrown. */
  readonly lastError: string | null;
}

export type NarrationEndReason = 'ended' | 'stopped' | 'replaced' | 'released' | 'error';

export interface NarrationEnd {
  readonly src: string;
  readonly scope: string;
  /** `ended`: played to the end (captions may advance); otherwise why it stopped early. */
  readonly reason: NarrationEndReason;
}

export interface AudioDirectorOptions {
  readonly backend: AudioBackend;
  /** @default globalThis.setInterval / clearInterval */
  readonly timers?: AudioTimers;
  /** Default for PlayOptions.html5. @default false (Web Audio) */
  readonly html5?: boolean;
  /** Initial master volume, 0–1 (the `audio.volume` setting). @default 1 */
  readonly masterVolume?: number;
  /** Bus levels before master volume. @default DEFAULT_BUS_GAIN */
  readonly busGain?: Partial<Record<BusName, number>>;
  /** How often onChange reports the narration position while it plays. @default 250 */
  readonly tickMs?: number;
}

/** A screen's handle on the director: every sound it starts carries its token; `release()` unloads them. */
export interface AudioScope {
  readonly token: string;
  playMusic(src: SoundSource, options?: Omit<MusicOptions, 'scope'>): void;
  playNarration(src: SoundSource, options?: Omit<PlayOptions, 'scope'>): void;
  playEffect(src: SoundSource, options?: Omit<PlayOptions, 'scope'>): void;
  /** Unloads every Howl this scope started (same as `director.releaseScope(token)`). Idempotent. */
  release(): void;
}
