// Derived body measurements every part builder shares: where the hips, shoulders, neck, head and hand are.
import type { Figure, Vec3 } from '../spec';

/** Torso depth as a fraction of its width: chibi bodies are rounder side to side than front to back. */
export const TORSO_DEPTH = 0.8;
/** Sides of the torso's lathe; bands around it use the same. */
export const TORSO_SEGMENTS = 16;
export const LEG_RADIUS = 0.064;
export const ARM_RADIUS = 0.054;
export const HAND_RADIUS = 0.062;
/** Shoulder pivot to hand centre. */
export const ARM_LENGTH = 0.24;

export interface Frame {
  readonly figure: Figure;
  /** Height of the body node (the hip line) above the floor. */
  readonly hipY: number;
  /** Torso profile, (radius, y) pairs from the hips up, in the body node's frame. */
  readonly torsoProfile: readonly (readonly [number, number])[];
  /** Shoulder pivots in the body node's frame (left is +x: the mascot faces +z). */
  readonly shoulder: Vec3;
  /** The neck: the head node's origin in the body node's frame. */
  readonly neckY: number;
  /** The head sphere's centre in the head node's frame. */
  readonly headCentre: Vec3;
}

export function makeFrame(figure: Figure): Frame {
  const { hips, shoulders, torsoHeight: h } = figure;
  // A soft bean: round seat, widest low, tapering to round shoulders.
  const torsoProfile: [number, number][] = [
    [0, -0.05],
    [hips * 0.55, -0.045],
    [hips * 0.88, -0.02],
    [hips, 0.05],
    [hips * 0.98, 0.14],
    [(hips + shoulders) / 2, h * 0.55],
    [shoulders, h * 0.76],
    [shoulders * 0.84, h * 0.9],
    [shoulders * 0.5, h * 0.98],
    [0, h],
  ];
  const headCentreY = figure.headRadius * figure.headShape[1] * 0.86;
  return {
    figure,
    hipY: figure.legLength,
    torsoProfile,
    shoulder: [shoulders * 0.9, h * 0.78, 0],
    neckY: h * 0.97,
    headCentre: [0, headCentreY, 0],
  };
}

/** Torso radius (before the depth squash) at height y of the body node, interpolated along the profile. */
export function torsoRadius(frame: Frame, y: number): number {
  const profile = frame.torsoProfile;
  for (let i = 1; i < profile.length; i += 1) {
    const [r0, y0] = profile[i - 1] ?? [0, 0];
    const [r1, y1] = profile[i] ?? [0, 0];
    if (y <= y1) return y1 === y0 ? r1 : r0 + ((r1 - r0) * (y - y0)) / (y1 - y0);
  }
  return 0;
}

/** A point on the torso's surface at height y and angle `az` from the front (+z) towards the left (+x), lifted along the normal. */
export function onTorso(frame: Frame, y: number, az: number, lift = 0): { at: Vec3; normal: Vec3 } {
  const r = torsoRadius(frame, y);
  const normal: Vec3 = [Math.sin(az) * TORSO_DEPTH, 0, Math.cos(az)];
  const length = Math.hypot(normal[0], normal[2]);
  const n: Vec3 = [normal[0] / length, 0, normal[2] / length];
  return { at: [Math.sin(az) * r + n[0] * lift, y, Math.cos(az) * r * TORSO_DEPTH + n[2] * lift], normal: n };
}

/** A point on the head's surface (head node frame) at azimuth `az` (0 front, + towards the left) and elevation `el`, lifted along the normal. */
export function onHead(frame: Frame, az: number, el: number, lift = 0, scale = 1): { at: Vec3; normal: Vec3 } {
  const [a, b, c] = frame.figure.headShape;
  const r = frame.figure.headRadius * scale;
  const d: Vec3 = [Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)];
  const raw: Vec3 = [d[0] / a, d[1] / b, d[2] / c];
  const length = Math.hypot(...raw);
  const n: Vec3 = [raw[0] / length, raw[1] / length, raw[2] / length];
  const [cx, cy, cz] = frame.headCentre;
  return { at: [cx + r * a * d[0] + n[0] * lift, cy + r * b * d[1] + n[1] * lift, cz + r * c * d[2] + n[2] * lift], normal: n };
}
