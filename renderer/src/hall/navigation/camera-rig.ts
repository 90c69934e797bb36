// The visitor's camera as plain numbers (eye, yaw, pitch, zoom): look, zoom, pan, walk, fly, home, collision.
import type { PerspectiveCamera } from 'three';
import type { CameraPose, FloorRect, Point3 } from '../types';
import { moveWithCollision, nearestFreePoint } from './collision';
import type { Easing, ViewAngles } from './easing';
import { anglesOf, clamp01, easeInOutCubic, easeInOutSine, interpolateAngles, lerp, poseFrom, wrapAngle } from './easing';

export interface CameraRigOptions {
  /** Floor area the eye may stand over (the hall's inside); metres. */
  readonly walkable: FloorRect;
  /** Booths and other footprints the eye may not enter. */
  readonly obstacles?: readonly FloorRect[];
  /** Where home() goes; also the first pose. */
  readonly home: CameraPose;
  /** The visitor's "body" radius on the floor, metres; keeps the near plane out of walls and booths. */
  readonly radius?: number;
  /** Eye height after walking, metres. */
  readonly eyeHeight?: number;
  /** Largest pinch magnification (1 = the engine's natural field of view). */
  readonly maxZoom?: number;
  /** The unzoomed vertical field of view, degrees (the engine derives it from the aspect ratio). */
  readonly baseFovDeg?: number;
  /** Flights and walks become instant cuts. */
  readonly reducedMotion?: boolean;
}

export interface FlightOptions {
  /** Flight length; defaults to 1.2–2 s by distance and turn (design: camera flights 1.2–2 s). */
  readonly durationMs?: number;
}

/** About twice "the world sticks to the finger" at 1080p, so looking around needs no long swipes. */
const TURN_PER_PIXEL = 0.0015;
/** Dragging cannot tip the view past this; straight up or down is disorienting. */
const LOOK_PITCH_LIMIT = (70 * Math.PI) / 180;
/** Authored poses (overview, close-ups) may look steeper, but never vertical, where yaw is undefined. */
const POSE_PITCH_LIMIT = (85 * Math.PI) / 180;
const WALK_PITCH_LIMIT = (20 * Math.PI) / 180;
/** Two-finger drag: a 500 px swipe moves 5 m, crossing a booth aisle without a second swipe. */
const PAN_METRES_PER_PIXEL = 0.01;
const [MIN_FLIGHT_MS, MAX_FLIGHT_MS] = [1200, 2000];
/** Walks are short trips across visible floor: quicker than flights, still eased. */
const [MIN_WALK_MS, MAX_WALK_MS, WALK_MS_PER_METRE] = [700, 2000, 120];
/** Keeps the eye above the floor and below any sane ceiling whatever a pose asks for. */
const [MIN_EYE_Y, MAX_EYE_Y] = [0.3, 40];
const MIN_TARGET_DISTANCE = 0.1;

/**
 * The whole camera state as plain numbers, so it can be lerped, copied and tested without three. `distance`
 * is how far ahead pose().target lies (so cut(p) then pose() gives p back); `zoom` is the magnification.
 */
interface RigState { x: number; y: number; z: number; yaw: number; pitch: number; distance: number; zoom: number }

interface Motion {
  readonly from: RigState;
  readonly to: RigState;
  readonly durationMs: number;
  readonly ease: Easing;
  /** Walks collide with booths every frame; flights go straight to a free destination. */
  readonly walk: boolean;
  /** Set by the first update() after the motion began, so callers need not pass a clock to flyTo. */
  startMs: number | null;
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

/**
 * Zoom is a field-of-view magnification, not a dolly: the eye never moves when pinching, so a pinch can
 * never push the camera through a wall, and the FOV is clamped between the natural view and `maxZoom`.
 */
export class CameraRig {
  #walkable: FloorRect;
  #obstacles: readonly FloorRect[];
  #home: CameraPose;
  readonly #radius: number;
  readonly #eyeHeight: number;
  readonly #maxZoom: number;
  #baseFovDeg: number;
  #reducedMotion: boolean;
  #state: RigState;
  #motion: Motion | null = null;
  /** Something changed since the last update(); that update reports a move so one frame gets drawn. */
  #dirty = true;

  constructor(options: CameraRigOptions) {
    this.#walkable = options.walkable;
    this.#obstacles = options.obstacles ?? [];
    this.#home = options.home;
    this.#radius = options.radius ?? 0.35;
    this.#eyeHeight = options.eyeHeight ?? 1.6;
    this.#maxZoom = Math.max(1, options.maxZoom ?? 3);
    this.#baseFovDeg = options.baseFovDeg ?? 50;
    this.#reducedMotion = options.reducedMotion ?? false;
    this.#state = this.#sanitize(options.home, { yaw: 0, pitch: 0, distance: 1 });
  }

  get moving(): boolean {
    return this.#motion !== null;
  }

  get zoomLevel(): number {
    return this.#state.zoom;
  }

  /** The vertical FOV applyTo() sets, degrees. */
  get fovDeg(): number {
    const half = (this.#baseFovDeg * Math.PI) / 360;
    return (Math.atan(Math.tan(half) / this.#state.zoom) * 360) / Math.PI;
  }

  pose(): CameraPose {
    const s = this.#state;
    return poseFrom({ x: s.x, y: s.y, z: s.z }, s);
  }

  /** New walls and booths (pack switch); the eye is moved out of anything it now stands in. */
  setBounds(walkable: FloorRect, obstacles: readonly FloorRect[]): void {
    this.#walkable = walkable;
    this.#obstacles = obstacles;
    this.#motion = null;
    const free = nearestFreePoint(this.#state, walkable, obstacles, this.#radius);
    this.#state = { ...this.#state, x: free.x, z: free.z };
    this.#dirty = true;
  }

  setHome(pose: CameraPose): void {
    this.#home = pose;
  }

  /** Called by the engine when the aspect ratio changes its natural FOV. */
  setBaseFov(deg: number): void {
    if (!(deg > 0 && deg < 180) || deg === this.#baseFovDeg) return;
    this.#baseFovDeg = deg;
    this.#dirty = true;
  }

  /** Turning it on mid-flight lands the flight at once rather than finishing a motion the visitor opted out of. */
  setReducedMotion(on: boolean): void {
    this.#reducedMotion = on;
    if (on && this.#motion) {
      this.#state = { ...this.#motion.to };
      this.#motion = null;
      this.#dirty = true;
    }
  }

  /** One-finger drag, CSS pixels: grabs the world (drag right turns left); finer when zoomed in. */
  look(dxPixels: number, dyPixels: number): void {
    // Visitor input ends any flight where the last frame showed it (the state is that frame), so no jump.
    this.#motion = null;
    const s = this.#state;
    const perPixel = TURN_PER_PIXEL / s.zoom;
    const pitch = s.pitch + dyPixels * perPixel;
    // A pose steeper than the drag limit may be dragged back towards level, never further out.
    const low = Math.min(-LOOK_PITCH_LIMIT, s.pitch);
    const high = Math.max(LOOK_PITCH_LIMIT, s.pitch);
    if (Number.isFinite(pitch)) s.pitch = clamp(pitch, low, high);
    if (Number.isFinite(dxPixels)) s.yaw = wrapAngle(s.yaw + dxPixels * perPixel);
    this.#dirty = true;
  }

  /** Pinch or wheel: `scaleFactor` > 1 magnifies (fingers apart), < 1 widens back, clamped. */
  zoom(scaleFactor: number): void {
    this.#motion = null;
    if (!(scaleFactor > 0) || !Number.isFinite(scaleFactor)) return;
    const zoom = clamp(this.#state.zoom * scaleFactor, 1, this.#maxZoom);
    if (zoom !== this.#state.zoom) this.#dirty = true;
    this.#state.zoom = zoom;
  }

  /**
   * Two-finger drag, CSS pixels, on the floor plane: grabs the world, so dragging down moves the eye
   * forward and dragging right moves it left. Slides along walls and booths.
   */
  pan(dxPixels: number, dyPixels: number): void {
    this.#motion = null;
    const s = this.#state;
    const k = PAN_METRES_PER_PIXEL / s.zoom;
    const forward = dyPixels * k;
    const left = dxPixels * k;
    const to = {
      x: s.x - Math.sin(s.yaw) * forward - Math.cos(s.yaw) * left,
      z: s.z - Math.cos(s.yaw) * forward + Math.sin(s.yaw) * left,
    };
    const next = moveWithCollision(s, to, this.#walkable, this.#obstacles, this.#radius);
    if (next.x !== s.x || next.z !== s.z) this.#dirty = true;
    s.x = next.x;
    s.z = next.z;
  }

  /**
   * Tap on the floor: walks there at eye height, sliding around booths. Keeps the heading; a steep
   * overview pitch levels out to WALK_PITCH_LIMIT, or a visitor walking off the overview would stare at the floor.
   */
  walkTo(point: Point3 | { readonly x: number; readonly z: number }): void {
    const free = nearestFreePoint(point, this.#walkable, this.#obstacles, this.#radius);
    const from = { ...this.#state };
    const pitch = clamp(from.pitch, -WALK_PITCH_LIMIT, WALK_PITCH_LIMIT);
    const to: RigState = { ...from, x: free.x, z: free.z, y: this.#eyeHeight, pitch };
    const metres = Math.hypot(to.x - from.x, to.z - from.z, to.y - from.y);
    const durationMs = clamp(metres * WALK_MS_PER_METRE, MIN_WALK_MS, MAX_WALK_MS);
    this.#start({ from, to, durationMs, ease: easeInOutSine, walk: true, startMs: null });
  }

  /** Tap on an exhibit or mascot: flies to a framed pose (its eye moved out of any booth) and unzooms. */
  flyTo(pose: CameraPose, options: FlightOptions = {}): void {
    const from = { ...this.#state };
    const to = this.#sanitize(pose, from);
    const turn = Math.max(Math.abs(wrapAngle(to.yaw - from.yaw)), Math.abs(to.pitch - from.pitch));
    const metres = Math.hypot(to.x - from.x, to.y - from.y, to.z - from.z);
    const natural = MIN_FLIGHT_MS + (MAX_FLIGHT_MS - MIN_FLIGHT_MS) * Math.min(1, Math.max(metres / 25, turn / Math.PI));
    const durationMs = options.durationMs ?? natural;
    this.#start({ from, to, durationMs, ease: easeInOutCubic, walk: false, startMs: null });
  }

  /** Back to the home pose from any state: cancels whatever runs, one call, always reachable. */
  home(options: FlightOptions = {}): void {
    this.flyTo(this.#home, options);
  }

  /** Instant jump (reduced motion, tours): no interpolation, eye moved out of any booth. */
  cut(pose: CameraPose): void {
    this.#motion = null;
    this.#state = this.#sanitize(pose, this.#state);
    this.#dirty = true;
  }

  /** Ends any flight or walk where it is now. */
  stop(): void {
    this.#motion = null;
  }

  /** Advances flights and walks; true if the camera changed since the last call (so draw a frame). */
  update(nowMs: number): boolean {
    const dirty = this.#dirty;
    this.#dirty = false;
    const motion = this.#motion;
    if (!motion) return dirty;
    motion.startMs ??= nowMs;
    const t = motion.durationMs > 0 ? clamp01((nowMs - motion.startMs) / motion.durationMs) : 1;
    const e = motion.ease(t);
    const { from, to } = motion;
    const aim = { x: lerp(from.x, to.x, e), z: lerp(from.z, to.z, e) };
    const p = motion.walk ? moveWithCollision(this.#state, aim, this.#walkable, this.#obstacles, this.#radius) : aim;
    const next: RigState = { ...interpolateAngles(from, to, e), ...p, y: lerp(from.y, to.y, e), zoom: lerp(from.zoom, to.zoom, e) };
    if (t >= 1) {
      // Land exactly on the destination's angles and zoom (the eased lerp may be off by rounding).
      this.#state = motion.walk ? { ...to, x: p.x, z: p.z } : { ...to };
      this.#motion = null;
    } else {
      this.#state = next;
    }
    return true;
  }

  /** The only place three.js is touched: copies the state onto the camera. */
  applyTo(camera: PerspectiveCamera): void {
    const s = this.#state;
    camera.position.set(s.x, s.y, s.z);
    // Yaw-then-pitch never rolls the horizon.
    camera.rotation.set(s.pitch, s.yaw, 0, 'YXZ');
    const fov = this.fovDeg;
    if (Math.abs(camera.fov - fov) > 1e-9) {
      camera.fov = fov;
      camera.updateProjectionMatrix();
    }
  }

  #start(motion: Motion): void {
    if (sameState(motion.from, motion.to)) {
      // Already there (Home tapped at home): nothing to animate, no frames to draw.
      this.#motion = null;
      return;
    }
    if (this.#reducedMotion || motion.durationMs <= 0) {
      // A walk's destination is already free, so reduced motion steps straight there instead of sliding.
      this.#motion = null;
      this.#state = { ...motion.to };
      this.#dirty = true;
      return;
    }
    this.#motion = motion;
  }

  /** A pose made safe: eye over free floor at a sane height, pitch short of vertical, zoom reset. */
  #sanitize(pose: CameraPose, fallback: ViewAngles): RigState {
    const angles = anglesOf(pose, fallback);
    const free = nearestFreePoint(pose.position, this.#walkable, this.#obstacles, this.#radius);
    const y = Number.isFinite(pose.position.y) ? clamp(pose.position.y, MIN_EYE_Y, MAX_EYE_Y) : this.#eyeHeight;
    return {
      x: free.x,
      y,
      z: free.z,
      yaw: Number.isFinite(angles.yaw) ? angles.yaw : fallback.yaw,
      pitch: clamp(Number.isFinite(angles.pitch) ? angles.pitch : fallback.pitch, -POSE_PITCH_LIMIT, POSE_PITCH_LIMIT),
      distance: Math.max(MIN_TARGET_DISTANCE, angles.distance),
      zoom: 1,
    };
  }
}

/** Within a millimetre and a few thousandths of a degree: drawing the difference would change no pixel. */
function sameState(a: RigState, b: RigState): boolean {
  const close = (u: number, v: number, epsilon: number) => Math.abs(u - v) < epsilon;
  return (
    close(a.x, b.x, 1e-3) &&
    close(a.y, b.y, 1e-3) &&
    close(a.z, b.z, 1e-3) &&
    close(wrapAngle(a.yaw - b.yaw), 0, 1e-4) &&
    close(a.pitch, b.pitch, 1e-4) &&
    close(a.zoom, b.zoom, 1e-4)
  );
}
