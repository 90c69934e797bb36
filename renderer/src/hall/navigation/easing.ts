// Easing curves and camera-pose interpolation shared by the camera rig and tours; pure math, no three.
import type { CameraPose, Point3 } from '../types';

export type Easing = (t: number) => number;

export function clamp01(t: number): number {
  // NaN (a zero-length flight divided by zero) counts as "arrived", never as "stuck at the start".
  if (Number.isNaN(t)) return 1;
  return t <= 0 ? 0 : t >= 1 ? 1 : t;
}

export const linear: Easing = (t) => clamp01(t);

/** Camera flights: a gentle start and a gentle landing, so neither end feels like a jolt. */
export const easeInOutCubic: Easing = (t) => {
  const u = clamp01(t);
  return u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2;
};

/** UI-like motion that answers at once and settles softly (design: 200–400 ms ease-out). */
export const easeOutCubic: Easing = (t) => 1 - (1 - clamp01(t)) ** 3;

/** Walking: softer than cubic at the ends, so short walks do not look like a lunge. */
export const easeInOutSine: Easing = (t) => (1 - Math.cos(Math.PI * clamp01(t))) / 2;

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpPoint(a: Point3, b: Point3, t: number): Point3 {
  return { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t), z: lerp(a.z, b.z, t) };
}

/** Wraps an angle into (-π, π]. */
export function wrapAngle(angle: number): number {
  const turn = 2 * Math.PI;
  const wrapped = angle - turn * Math.floor((angle + Math.PI) / turn);
  return wrapped === -Math.PI ? Math.PI : wrapped;
}

/**
 * A view direction as three.js's YXZ Euler angles (camera.rotation.set(pitch, yaw, 0, 'YXZ')):
 * yaw 0 looks along -z, positive yaw turns left (towards -x), positive pitch looks up. `distance` is how
 * far the pose's target lies along that direction, kept so a pose survives a round trip.
 */
export interface ViewAngles {
  readonly yaw: number;
  readonly pitch: number;
  readonly distance: number;
}

/** Unit view direction for yaw/pitch in the convention above. */
export function directionOf(yaw: number, pitch: number): Point3 {
  const flat = Math.cos(pitch);
  return { x: -Math.sin(yaw) * flat, y: Math.sin(pitch), z: -Math.cos(yaw) * flat };
}

/** Angles of a pose's view; a pose whose target sits on its eye yields `fallback` (nothing to look at). */
export function anglesOf(pose: CameraPose, fallback: ViewAngles = { yaw: 0, pitch: 0, distance: 1 }): ViewAngles {
  const dx = pose.target.x - pose.position.x;
  const dy = pose.target.y - pose.position.y;
  const dz = pose.target.z - pose.position.z;
  const distance = Math.hypot(dx, dy, dz);
  if (!(distance > 1e-9)) return fallback;
  return { yaw: Math.atan2(-dx, -dz), pitch: Math.asin(Math.max(-1, Math.min(1, dy / distance))), distance };
}

export function poseFrom(position: Point3, angles: ViewAngles): CameraPose {
  const d = directionOf(angles.yaw, angles.pitch);
  return {
    position: { x: position.x, y: position.y, z: position.z },
    target: {
      x: position.x + d.x * angles.distance,
      y: position.y + d.y * angles.distance,
      z: position.z + d.z * angles.distance,
    },
  };
}

/** Interpolates view angles: yaw along the shorter arc, pitch and distance linearly. */
export function interpolateAngles(a: ViewAngles, b: ViewAngles, t: number): ViewAngles {
  return {
    yaw: wrapAngle(a.yaw + wrapAngle(b.yaw - a.yaw) * t),
    pitch: lerp(a.pitch, b.pitch, t),
    distance: lerp(a.distance, b.distance, t),
  };
}

/**
 * The pose a fraction `t` (0…1, already eased by the caller) of the way from `a` to `b`.
 * The eye moves in a straight line; the view direction turns by yaw/pitch (shortest yaw arc) rather than
 * by lerping the look target, because a lerped target can swing past the eye and spin the view when the
 * two targets lie on opposite sides. t = 0 and t = 1 return the endpoints' own targets exactly.
 */
export function interpolatePose(a: CameraPose, b: CameraPose, t: number): CameraPose {
  const u = clamp01(t);
  if (u === 0) return copyPose(a);
  if (u === 1) return copyPose(b);
  const angleA = anglesOf(a);
  const angleB = anglesOf(b, angleA);
  return poseFrom(lerpPoint(a.position, b.position, u), interpolateAngles(anglesOf(a, angleB), angleB, u));
}

export function copyPose(pose: CameraPose): CameraPose {
  const { position: p, target: q } = pose;
  return { position: { x: p.x, y: p.y, z: p.z }, target: { x: q.x, y: q.y, z: q.z } };
}
