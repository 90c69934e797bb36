// The production AudioBackend: real howler Howls behind the director's narrow HowlLike interface.
import { Howl, Howler } from 'howler';
import type { AudioBackend, HowlEventName, HowlLike, HowlListener, HowlSpec } from './backend';

/** howler returns the Howl itself instead of a number while a sound is still loading or play-locked. */
function asSeconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function wrap(howl: Howl): HowlLike {
  return {
    play: (id) => howl.play(id),
    pause: (id) => void howl.pause(id),
    stop: (id) => void howl.stop(id),
    position: (id) => asSeconds(howl.seek(id)),
    seek: (seconds, id) => void howl.seek(seconds, id),
    duration: () => asSeconds(howl.duration()),
    volume: () => asSeconds(howl.volume()),
    setVolume: (volume) => void howl.volume(volume),
    fade: (from, to, ms) => void howl.fade(from, to, ms),
    // howler's overloads split events by callback shape; ours all take (id, detail?), which fits every one.
    on: (event: HowlEventName, listener: HowlListener) => void howl.on(event, listener),
    once: (event: HowlEventName, listener: HowlListener) => void howl.once(event, listener),
    unload: () => void howl.unload(),
  };
}

/**
 * Howler as the director's backend. The only place in the app that constructs a Howl: everything else
 * goes through the AudioDirector, so every Howl has an owner that unloads it.
 */
export function howlerBackend(): AudioBackend {
  return {
    createHowl(spec: HowlSpec): HowlLike {
      return wrap(
        new Howl({
          src: [...spec.src],
          loop: spec.loop,
          volume: spec.volume,
          html5: spec.html5,
          ...(spec.format ? { format: [...spec.format] } : {}),
          // Howler's own unlock: on the first touch/click/key it resumes a suspended AudioContext, and
          // Web Audio plays queued behind that lock start then (see audio-director.ts on autoplay).
          preload: true,
        }),
      );
    },
    setMasterVolume(volume: number): void {
      Howler.volume(volume);
    },
  };
}
