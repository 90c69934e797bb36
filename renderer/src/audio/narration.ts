// The one narration the director allows at a time: its sound instance and where the visitor left it (paused, ended, a seek).
import type { NarrationState } from './audio-types';
import type { Sound } from './sound-registry';

export class Narration {
  readonly sound: Sound;
  /** howler's id of the instance; a replay after the end is a new instance. */
  #id: number;
  #paused = false;
  #ended = false;
  /** A seek made after the end, applied when it plays again. */
  #pendingSeek: number | null = null;

  /** Starts playing `sound` (its Howl may still be loading: howler queues the play). */
  constructor(sound: Sound) {
    this.sound = sound;
    this.#id = sound.howl.play();
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Audible now: started by howler, and neither paused nor over. Music ducks exactly while this holds. */
  get speaking(): boolean {
    return !this.#paused && !this.#ended && this.sound.active.has(this.#id);
  }

  /** Whether howler's `id` is this narration's current instance. */
  is(id: number): boolean {
    return id === this.#id;
  }

  /** A blocked play of `id` should be retried on unlock only if the visitor still wants it playing. */
  wantsRetry(id: number): boolean {
    return this.is(id) && !this.#paused && !this.#ended;
  }

  /** Returns false when there was nothing to pause. */
  pause(): boolean {
    if (this.#paused || this.#ended) return false;
    this.#paused = true;
    this.sound.howl.pause(this.#id);
    this.sound.active.delete(this.#id);
    return true;
  }

  /** Resumes a pause, or plays an ended narration again (from the start, or from a seek made since). */
  resume(): void {
    const { howl } = this.sound;
    if (this.#ended) {
      this.#id = howl.play();
      if (this.#pendingSeek !== null) howl.seek(this.#pendingSeek, this.#id);
      this.#ended = false;
      this.#pendingSeek = null;
    } else if (this.#paused) {
      howl.play(this.#id);
    }
    this.#paused = false;
  }

  /** Clamped to the length; keeps it paused or playing as it was. */
  seek(seconds: number): void {
    const duration = this.sound.howl.duration();
    const target = Math.max(0, duration > 0 ? Math.min(seconds, duration) : seconds);
    if (this.#ended) this.#pendingSeek = target;
    else this.sound.howl.seek(target, this.#id);
  }

  /** howler's `end` for `id`; returns true when that finished this narration. */
  markEnded(id: number): boolean {
    if (!this.is(id)) return false;
    this.#ended = true;
    return true;
  }

  state(): NarrationState {
    const { howl, src, scope } = this.sound;
    const duration = howl.duration();
    const position = this.#ended ? (this.#pendingSeek ?? duration) : howl.position(this.#id);
    return { src, scope, position, duration, playing: this.speaking, paused: this.#paused, ended: this.#ended };
  }
}
