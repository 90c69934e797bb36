// A timed camera path through waypoints: eased flights, dwells that let the engine sleep, spotlights, cuts.
import type { CameraPose, HallTarget } from '../types';
import { easeInOutCubic, interpolatePose, copyPose } from './easing';

export interface TourWaypoint {
  readonly pose: CameraPose;
  /** How long the camera holds this pose before flying on, ms. */
  readonly dwellMs: number;
  /** The mascot or exhibit to light up while flying to and dwelling at this waypoint. */
  readonly spotlight?: HallTarget;
}

export interface TourOptions {
  /** Each flight between waypoints, ms (design: 1.2–2 s). */
  readonly flightMs: number;
  /** Flights become cuts: the pose jumps to each waypoint, nothing is interpolated. */
  readonly reducedMotion: boolean;
  /** After the last dwell, fly back to the first waypoint and go round again, for ever. */
  readonly loop: boolean;
  /** Where the camera is when the tour starts: the first leg flies from here instead of jumping. */
  readonly from?: CameraPose;
}

export interface TourFrame {
  readonly pose: CameraPose;
  readonly spotlight: HallTarget | null;
  /** True during flights: draw every frame. False while dwelling (draw once, then sleep). */
  readonly moving: boolean;
  /** A non-looping tour has finished its last dwell; the pose stays on the last waypoint. */
  readonly done: boolean;
  /** The waypoint being flown to or dwelt at. */
  readonly index: number;
  /**
   * When the pose next changes (end of this dwell or flight), in the caller's clock; null when done.
   * The engine can set a timer for it instead of drawing frames through a dwell.
   */
  readonly nextChangeAtMs: number | null;
}

interface Segment {
  readonly index: number;
  /** A flight from this pose, or a dwell when null. */
  readonly from: CameraPose | null;
  readonly durationMs: number;
}

function samePose(a: CameraPose, b: CameraPose): boolean {
  const p = (u: CameraPose['position'], v: CameraPose['position']): boolean => u.x === v.x && u.y === v.y && u.z === v.z;
  return p(a.position, b.position) && p(a.target, b.target);
}

/**
 * The timeline is fixed at construction: the first pass (optional flight from `from`, then dwell, flight,
 * dwell …) and, for loops, the repeating cycle that starts with the flight from the last waypoint back to
 * the first. The clock starts at the first update(), so a tour can be built ahead of time.
 */
export class Tour {
  readonly #waypoints: readonly TourWaypoint[];
  readonly #firstPass: readonly Segment[];
  readonly #cycle: readonly Segment[];
  readonly #firstPassMs: number;
  readonly #cycleMs: number;
  readonly #loop: boolean;
  #startMs: number | null = null;

  constructor(waypoints: readonly TourWaypoint[], options: TourOptions) {
    const first = waypoints[0];
    const last = waypoints[waypoints.length - 1];
    if (!first || !last) throw new RangeError('Tour: at least one waypoint is needed');
    this.#waypoints = waypoints;
    this.#loop = options.loop;
    const flightMs = options.reducedMotion ? 0 : Math.max(0, options.flightMs);
    // A flight between identical poses would only burn frames; it becomes part of the dwell.
    const flight = (index: number, from: CameraPose | undefined): Segment[] => {
      const to = waypoints[index];
      if (!from || !to || flightMs === 0 || samePose(from, to.pose)) return [];
      return [{ index, from, durationMs: flightMs }];
    };
    const dwell = (index: number): Segment => ({ index, from: null, durationMs: Math.max(0, waypoints[index]?.dwellMs ?? 0) });
    const pass: Segment[] = [...flight(0, options.from), dwell(0)];
    const cycle: Segment[] = [...flight(0, last.pose), dwell(0)];
    for (let i = 1; i < waypoints.length; i += 1) {
      const legs = [...flight(i, waypoints[i - 1]?.pose), dwell(i)];
      pass.push(...legs);
      cycle.push(...legs);
    }
    this.#firstPass = pass;
    this.#cycle = cycle;
    this.#firstPassMs = pass.reduce((sum, s) => sum + s.durationMs, 0);
    this.#cycleMs = cycle.reduce((sum, s) => sum + s.durationMs, 0);
  }

  /** Where the camera should be at `nowMs`; the first call starts the clock. */
  update(nowMs: number): TourFrame {
    this.#startMs ??= nowMs;
    const elapsed = Math.max(0, nowMs - this.#startMs);
    if (elapsed < this.#firstPassMs) return this.#frameIn(this.#firstPass, elapsed, this.#startMs);
    // A cycle of zero length (all cuts, no dwell) would spin; treat it as finished instead.
    if (!this.#loop || this.#cycleMs <= 0) return this.#doneFrame();
    const sinceCycles = elapsed - this.#firstPassMs;
    const cycleStart = this.#startMs + this.#firstPassMs + Math.floor(sinceCycles / this.#cycleMs) * this.#cycleMs;
    return this.#frameIn(this.#cycle, sinceCycles % this.#cycleMs, cycleStart);
  }

  #frameIn(segments: readonly Segment[], offset: number, segmentsStartMs: number): TourFrame {
    let begin = 0;
    for (const segment of segments) {
      const end = begin + segment.durationMs;
      if (offset < end) return this.#frameOf(segment, offset - begin, segmentsStartMs + end);
      begin = end;
    }
    // Unreachable while offset < the segments' total; kept so the types need no assertion.
    return this.#doneFrame();
  }

  #frameOf(segment: Segment, intoMs: number, endsAtMs: number): TourFrame {
    const waypoint = this.#waypoints[segment.index];
    const pose = waypoint?.pose ?? this.#last().pose;
    const spotlight = waypoint?.spotlight ?? null;
    if (segment.from === null) {
      return { pose: copyPose(pose), spotlight, moving: false, done: false, index: segment.index, nextChangeAtMs: endsAtMs };
    }
    const t = easeInOutCubic(intoMs / segment.durationMs);
    return { pose: interpolatePose(segment.from, pose, t), spotlight, moving: true, done: false, index: segment.index, nextChangeAtMs: endsAtMs };
  }

  #last(): TourWaypoint {
    const last = this.#waypoints[this.#waypoints.length - 1];
    if (!last) throw new RangeError('Tour: no waypoints');
    return last;
  }

  #doneFrame(): TourFrame {
    const last = this.#last();
    return {
      pose: copyPose(last.pose),
      spotlight: last.spotlight ?? null,
      moving: false,
      done: true,
      index: this.#waypoints.length - 1,
      nextChangeAtMs: null,
    };
  }
}
