// Runs one tour at a time for the engine: hands poses to the camera rig and announces what the tour presents.
import type { CameraRig } from './navigation/camera-rig';
import { Tour } from './navigation/tour';
import type { TourWaypoint } from './navigation/tour';
import type { CameraPose, HallTarget } from './types';

export interface TourSpec {
  readonly waypoints: readonly TourWaypoint[];
  readonly loop: boolean;
  /** The pack's attract fly-through (rebuilt from the manifest after a pack switch or context restore). */
  readonly attract: boolean;
}

export interface TourStep {
  /** The camera is flying: draw the next frame. */
  readonly moving: boolean;
  /** While dwelling: when the next leg starts (the engine sleeps until then); null otherwise. */
  readonly wakeAt: number | null;
}

/** How a tour ended: it played to its last dwell, or something (a touch, a new tour, Home) stopped it. */
export type TourEnd = 'finished' | 'stopped';

export class TourDriver {
  readonly #onSpotlight: (target: HallTarget | null) => void;
  readonly #onEnd: (spec: TourSpec, how: TourEnd) => void;
  readonly #onFlying: (moving: boolean) => void;
  #tour: Tour | null = null;
  #spec: TourSpec | null = null;
  /** The pose last handed to the rig: a dwelling tour must not count as a moving camera. */
  #pose = '';
  /** The current spotlight as `kind:id`, to announce changes only. */
  #spotlight = '';
  /** Whether the camera was flying at the last step, to announce changes only. */
  #flying = false;

  constructor(
    onSpotlight: (target: HallTarget | null) => void,
    onEnd: (spec: TourSpec, how: TourEnd) => void = () => {},
    onFlying: (moving: boolean) => void = () => {},
  ) {
    this.#onSpotlight = onSpotlight;
    this.#onEnd = onEnd;
    this.#onFlying = onFlying;
  }

  /** What the running tour was started with, or null; lets a context restore start it again. */
  get spec(): TourSpec | null {
    return this.#spec;
  }

  get active(): boolean {
    return this.#tour !== null;
  }

  start(spec: TourSpec, from: CameraPose, reducedMotion: boolean): void {
    this.end();
    this.#spec = spec;
    this.#pose = '';
    this.#tour = new Tour([...spec.waypoints], { flightMs: 1600, reducedMotion, loop: spec.loop, from });
  }

  /** The camera stopped where it was without the tour ending (the GPU context was lost): say so once. */
  pause(): void {
    this.#setFlying(false);
  }

  /** Stops the running tour, if any (reported as `stopped`). */
  end(how: TourEnd = 'stopped'): void {
    const spec = this.#spec;
    this.#tour = null;
    this.#spec = null;
    this.#announce(null);
    this.#setFlying(false);
    if (spec) this.#onEnd(spec, how);
  }

  /** Advances the tour to `now`; null when no tour runs. */
  step(now: number, rig: CameraRig): TourStep | null {
    if (!this.#tour) return null;
    const step = this.#tour.update(now);
    // Hand the rig a pose only when it changed: re-cutting the same pose while the tour dwells would
    // report a moving camera and keep drawing a still picture (render on demand).
    const pose = JSON.stringify(step.pose);
    if (pose !== this.#pose) {
      rig.cut(step.pose);
      this.#pose = pose;
    }
    this.#announce(step.spotlight);
    this.#setFlying(step.moving && !step.done);
    if (step.done) {
      this.end('finished');
      return { moving: false, wakeAt: null };
    }
    return { moving: step.moving, wakeAt: step.moving ? null : step.nextChangeAtMs };
  }

  #setFlying(moving: boolean): void {
    if (moving === this.#flying) return;
    this.#flying = moving;
    this.#onFlying(moving);
  }

  #announce(target: HallTarget | null): void {
    const key = target ? `${target.kind}:${target.id}` : '';
    if (key === this.#spotlight) return;
    this.#spotlight = key;
    this.#onSpotlight(target);
  }
}
