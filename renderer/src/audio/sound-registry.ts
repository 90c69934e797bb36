// The director's table of live Howls: creates each through the backend with its listeners, finds them, unloads them.
import type { AudioBackend, HowlLike } from './backend';
import type { BusName } from './levels';

/** One Howl and what the director knows about it. */
export interface Sound {
  readonly howl: HowlLike;
  readonly bus: BusName;
  readonly scope: string;
  /** All candidate URLs joined: effects of one scope share a Howl per sound. */
  readonly key: string;
  /** First candidate URL: what reports call the sound. */
  readonly src: string;
  readonly loop: boolean;
  /** The sound's own level, 0–1 (before bus, ducking and master). */
  readonly volume: number;
  /** Sound ids audible now (added on `play`, removed on `end`/`pause`/`stop`). */
  readonly active: Set<number>;
  /** A play was refused (autoplay policy) and waits for howler's `unlock`. */
  blocked: boolean;
  dead: boolean;
}

export interface SoundRequest {
  readonly bus: BusName;
  readonly src: readonly string[];
  readonly scope: string;
  readonly loop: boolean;
  readonly volume: number;
  /** Initial group volume (bus level, ducking). */
  readonly gain: number;
  readonly html5: boolean;
  readonly format?: readonly string[];
}

/** What a live Howl reports; never called for an unloaded one. */
export interface SoundEvents {
  play(sound: Sound, id: number): void;
  /** `pause` or `stop` of one instance. */
  halt(sound: Sound, id: number): void;
  /** A non-looping instance played to its end. */
  end(sound: Sound, id: number): void;
  loadError(sound: Sound, detail: unknown): void;
  /** The browser refused to play (autoplay); `sound.blocked` is set until the next `unlock`. */
  blocked(sound: Sound, id: number): void;
  unlocked(sound: Sound, id: number): void;
}

export class SoundRegistry {
  readonly #sounds = new Set<Sound>();
  readonly #backend: AudioBackend;
  readonly #events: SoundEvents;

  constructor(backend: AudioBackend, events: SoundEvents) {
    this.#backend = backend;
    this.#events = events;
  }

  /** A new Howl for `request`; throws what the backend throws (the director reports it). */
  create(request: SoundRequest): Sound {
    const howl = this.#backend.createHowl({
      src: request.src,
      loop: request.loop,
      volume: request.gain,
      html5: request.html5,
      ...(request.format ? { format: request.format } : {}),
    });
    const sound: Sound = {
      howl,
      bus: request.bus,
      scope: request.scope,
      key: request.src.join('|'),
      src: request.src[0] ?? '',
      loop: request.loop,
      volume: request.volume,
      active: new Set(),
      blocked: false,
      dead: false,
    };
    this.#sounds.add(sound);
    this.#listen(sound);
    return sound;
  }

  find(bus: BusName, scope: string, key: string): Sound | undefined {
    for (const sound of this.#sounds) if (sound.bus === bus && sound.scope === scope && sound.key === key) return sound;
    return undefined;
  }

  /** A snapshot, so callers may unload while iterating. */
  all(): Sound[] {
    return [...this.#sounds];
  }

  /** Stops and unloads the Howl (dropping its listeners); returns howler's error, if it threw. */
  unload(sound: Sound): string | null {
    if (sound.dead) return null;
    sound.dead = true;
    sound.active.clear();
    sound.blocked = false;
    this.#sounds.delete(sound);
    try {
      sound.howl.unload();
      return null;
    } catch (error) {
      return `${sound.src}: ${String(error)}`;
    }
  }

  #listen(sound: Sound): void {
    const { howl } = sound;
    const live = (handler: (id: number, detail?: unknown) => void) => (id: number, detail?: unknown) => {
      if (!sound.dead) handler(id, detail);
    };
    howl.on('play', live((id) => {
      sound.active.add(id);
      this.#events.play(sound, id);
    }));
    const halt = live((id) => {
      sound.active.delete(id);
      this.#events.halt(sound, id);
    });
    howl.on('pause', halt);
    howl.on('stop', halt);
    howl.on('end', live((id) => {
      if (sound.loop) return; // howler fires `end` at every loop; a looping sound goes on
      sound.active.delete(id);
      this.#events.end(sound, id);
    }));
    howl.on('loaderror', live((_id, detail) => this.#events.loadError(sound, detail)));
    howl.on('playerror', live((id) => {
      sound.blocked = true;
      // howler fires `unlock` on every Howl after the next touch, click or key resumes audio.
      howl.once('unlock', live(() => {
        sound.blocked = false;
        this.#events.unlocked(sound, id);
      }));
      this.#events.blocked(sound, id);
    }));
  }
}
