// The mascot greeting the visitor now: whose speech bubble shows, and its recorded greeting, kept up while it plays.
import type { AudioDirector } from '../audio/audio-director';
import type { AudioScope } from '../audio/audio-types';

/** The bubble stays at least this long (ms): long enough to read a line. */
const READ_MS = 6000;
/** While the recorded greeting still plays, look again this often (ms). */
const RECHECK_MS = 1000;

export class MascotGreeting {
  /** Id of the mascot whose bubble shows, or null. */
  current = $state<string | null>(null);
  readonly #audio: AudioDirector;
  readonly #scope: AudioScope;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(audio: AudioDirector) {
    this.#audio = audio;
    this.#scope = audio.scope('mascot-greeting');
  }

  /** The mascot says hello: its bubble, and its recorded greeting (a URL) when the pack has one. */
  greet(mascotId: string, recordingUrl: string | null): void {
    this.current = mascotId;
    this.#scope.release();
    if (recordingUrl) this.#scope.playNarration(recordingUrl);
    clearTimeout(this.#timer);
    const hide = () => {
      const narration = this.#audio.state.narration;
      if (narration?.scope === this.#scope.token && narration.playing) this.#timer = setTimeout(hide, RECHECK_MS);
      else this.current = null;
    };
    this.#timer = setTimeout(hide, READ_MS);
  }

  /** The visitor moved on (an exhibit opened, the visit ended): the bubble goes, the recording plays out. */
  clear(): void {
    clearTimeout(this.#timer);
    this.current = null;
  }

  dispose(): void {
    this.clear();
    this.#scope.release();
  }
}
