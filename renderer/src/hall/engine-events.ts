// The hall engine's events and a small typed listener registry (`on` returns its own unsubscribe).
import type { QualityLevel } from './quality';
import type { HallStats, HallTarget } from './types';

export interface EngineStats extends HallStats {
  readonly fps: number;
  readonly frameTimeMs: number;
  readonly quality: QualityLevel;
}

export interface HallEngineEvents {
  picked: (target: HallTarget) => void;
  ready: (stats: EngineStats) => void;
  frame: (stats: EngineStats) => void;
  /** True while the 3D view cannot be shown (context lost, no WebGL); the app shows the 2D index. */
  fallback: (active: boolean) => void;
  /** Any visitor input on the hall (stop idle timers, close hints). */
  input: () => void;
  /** The mascot or exhibit a tour is presenting now, or null between presentations. */
  spotlight: (target: HallTarget | null) => void;
  /** A tour's camera started (true) or stopped (false) flying between waypoints; false when a tour ends. */
  flying: (moving: boolean) => void;
  /** A tour started, played to its end, or was stopped (by a touch, Home, another tour). */
  tour: (change: { readonly state: 'start' | 'finish' | 'stop'; readonly attract: boolean }) => void;
}


type Listener = (...args: never[]) => void;

export class EventRegistry<Events extends { [K in keyof Events]: Listener }> {
  readonly #listeners = new Map<keyof Events, Set<Listener>>();

  on<K extends keyof Events>(event: K, listener: Events[K]): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    // Copy first: a listener may unsubscribe while we iterate.
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (...a: Parameters<Events[K]>) => void)(...args);
  }

  clear(): void {
    this.#listeners.clear();
  }
}
