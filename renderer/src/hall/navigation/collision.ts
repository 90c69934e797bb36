// Floor-plane collision for the visitor's eye: a circle that slides along walls and booths, never through.
import type { FloorRect } from '../types';

/** A point on the floor plane, metres. */
export interface FloorPoint {
  readonly x: number;
  readonly z: number;
}

/**
 * Obstacles are grown by the radius into square-cornered rects (not the rounded Minkowski sum): slightly
 * conservative at booth corners, but it keeps every test axis-aligned and exact. Touching a grown edge is
 * allowed; only the open interior is forbidden, so a visitor pushed against a booth can still slide along it.
 */
function insideGrown(x: number, z: number, o: FloorRect, r: number): boolean {
  return x > o.minX - r && x < o.maxX + r && z > o.minZ - r && z < o.maxZ + r;
}

/** The walkable rect shrunk by the radius; a rect too narrow for the visitor collapses to its centre line. */
function shrunk(walkable: FloorRect, r: number): FloorRect {
  const cx = (walkable.minX + walkable.maxX) / 2;
  const cz = (walkable.minZ + walkable.maxZ) / 2;
  const minX = walkable.minX + r;
  const maxX = walkable.maxX - r;
  const minZ = walkable.minZ + r;
  const maxZ = walkable.maxZ - r;
  return {
    minX: minX <= maxX ? minX : cx,
    maxX: minX <= maxX ? maxX : cx,
    minZ: minZ <= maxZ ? minZ : cz,
    maxZ: minZ <= maxZ ? maxZ : cz,
  };
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

/** True when a circle of `radius` at `p` is inside `walkable` and overlaps no obstacle. */
export function isFree(p: FloorPoint, walkable: FloorRect, obstacles: readonly FloorRect[], radius: number): boolean {
  const w = shrunk(walkable, radius);
  if (p.x < w.minX || p.x > w.maxX || p.z < w.minZ || p.z > w.maxZ) return false;
  return !obstacles.some((o) => insideGrown(p.x, p.z, o, radius));
}

/**
 * The free point closest to `p` (itself if already free): where a tap that landed on a booth should walk
 * to. Exact: the nearest point of a region bounded by axis-aligned edges is either `p`, the foot of a
 * perpendicular on an edge line (one coordinate shared with `p`) or a corner (both coordinates on edge
 * lines), so every such candidate is tried. If booths wall off the whole hall, returns `p` clamped inside.
 */
export function nearestFreePoint(
  p: FloorPoint,
  walkable: FloorRect,
  obstacles: readonly FloorRect[],
  radius: number,
): FloorPoint {
  const w = shrunk(walkable, radius);
  // A NaN from upstream maths must not poison the camera: treat it as the middle of the hall.
  const px = Number.isFinite(p.x) ? p.x : (w.minX + w.maxX) / 2;
  const pz = Number.isFinite(p.z) ? p.z : (w.minZ + w.maxZ) / 2;
  const start = { x: clamp(px, w.minX, w.maxX), z: clamp(pz, w.minZ, w.maxZ) };
  if (!obstacles.some((o) => insideGrown(start.x, start.z, o, radius))) return start;
  const xs = [start.x, w.minX, w.maxX];
  const zs = [start.z, w.minZ, w.maxZ];
  for (const o of obstacles) {
    xs.push(o.minX - radius, o.maxX + radius);
    zs.push(o.minZ - radius, o.maxZ + radius);
  }
  let best: FloorPoint = start;
  let bestDistance = Infinity;
  for (const x of xs) {
    if (x < w.minX || x > w.maxX) continue;
    for (const z of zs) {
      if (z < w.minZ || z > w.maxZ) continue;
      const d = (x - px) ** 2 + (z - pz) ** 2;
      if (d >= bestDistance) continue;
      if (obstacles.some((o) => insideGrown(x, z, o, radius))) continue;
      best = { x, z };
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Moves along one axis from a free position, stopping at the first grown obstacle face crossed: a swept
 * test, so no step is ever too long to tunnel through a thin wall.
 */
function sweepX(x: number, z: number, toX: number, w: FloorRect, obstacles: readonly FloorRect[], r: number): number {
  let nx = clamp(toX, Math.min(x, w.minX), Math.max(x, w.maxX));
  for (const o of obstacles) {
    if (!(z > o.minZ - r && z < o.maxZ + r)) continue;
    if (nx > x && x <= o.minX - r && nx > o.minX - r) nx = o.minX - r;
    else if (nx < x && x >= o.maxX + r && nx < o.maxX + r) nx = o.maxX + r;
  }
  return nx;
}

function sweepZ(x: number, z: number, toZ: number, w: FloorRect, obstacles: readonly FloorRect[], r: number): number {
  let nz = clamp(toZ, Math.min(z, w.minZ), Math.max(z, w.maxZ));
  for (const o of obstacles) {
    if (!(x > o.minX - r && x < o.maxX + r)) continue;
    if (nz > z && z <= o.minZ - r && nz > o.minZ - r) nz = o.minZ - r;
    else if (nz < z && z >= o.maxZ + r && nz < o.maxZ + r) nz = o.maxZ + r;
  }
  return nz;
}

/** Substep length as a fraction of the radius: short enough that an L-shaped x-then-z step hugs a diagonal. */
const SUBSTEP_OF_RADIUS = 0.5;
/** Caps the work of one absurd move (a bug upstream); the swept axis tests stay correct at any step length. */
const MAX_SUBSTEPS = 512;

/**
 * Moves a circle of `radius` from `from` towards `to`, sliding along walls and booth rects instead of
 * passing through them. The result is always free (see isFree); a `from` that is not free (bounds changed
 * under the visitor) is first moved to its nearest free point.
 */
export function moveWithCollision(
  from: FloorPoint,
  to: FloorPoint,
  walkable: FloorRect,
  obstacles: readonly FloorRect[],
  radius: number,
): FloorPoint {
  const w = shrunk(walkable, radius);
  let { x, z } = isFree(from, walkable, obstacles, radius) ? from : nearestFreePoint(from, walkable, obstacles, radius);
  // Walls are the walkable rect itself: clamp the goal first, so pushing into a wall slides along it.
  const goalX = clamp(to.x, w.minX, w.maxX);
  const goalZ = clamp(to.z, w.minZ, w.maxZ);
  if (!Number.isFinite(goalX) || !Number.isFinite(goalZ)) return { x, z };
  const length = Math.hypot(goalX - x, goalZ - z);
  const step = radius > 0 ? radius * SUBSTEP_OF_RADIUS : length;
  const steps = Math.min(MAX_SUBSTEPS, Math.max(1, Math.ceil(length / Math.max(step, 1e-9))));
  const sx = (goalX - x) / steps;
  const sz = (goalZ - z) / steps;
  for (let i = 0; i < steps; i += 1) {
    // x then z per substep: a blocked axis simply stays put while the other keeps going, which is the slide.
    x = sweepX(x, z, x + sx, w, obstacles, radius);
    z = sweepZ(x, z, z + sz, w, obstacles, radius);
  }
  return { x, z };
}
