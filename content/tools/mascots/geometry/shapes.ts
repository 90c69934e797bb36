// Low-poly shape factories (spheres, capsules, rounded boxes, prisms…) placed in a part's frame, with positions and normals only.
import {
  BufferAttribute,
  BufferGeometry,
  CapsuleGeometry,
  CylinderGeometry,
  Euler,
  LatheGeometry,
  Matrix4,
  Quaternion,
  SphereGeometry,
  TorusGeometry,
  Vector2,
  Vector3,
} from 'three';
import type { Quat, Vec3 } from '../spec';

export interface Place {
  readonly at?: Vec3;
  /** Euler XYZ, radians; ignored when `quat` is given. */
  readonly rot?: Vec3;
  readonly quat?: Quat;
  readonly scale?: Vec3;
}

/** Keeps only positions and normals (the writer adds each piece's colour per vertex), always indexed, so any two pieces merge. */
function clean(geometry: BufferGeometry): BufferGeometry {
  for (const name of Object.keys(geometry.attributes)) if (name !== 'position' && name !== 'normal') geometry.deleteAttribute(name);
  if (!geometry.getAttribute('normal')) geometry.computeVertexNormals();
  if (!geometry.index) {
    const count = geometry.getAttribute('position').count;
    geometry.setIndex(Array.from({ length: count }, (_, i) => i));
  }
  geometry.clearGroups();
  return geometry;
}

export function placed(geometry: BufferGeometry, place: Place = {}): BufferGeometry {
  const quaternion = place.quat ? new Quaternion(...place.quat) : new Quaternion().setFromEuler(new Euler(...(place.rot ?? [0, 0, 0])));
  const matrix = new Matrix4().compose(new Vector3(...(place.at ?? [0, 0, 0])), quaternion, new Vector3(...(place.scale ?? [1, 1, 1])));
  // applyMatrix4 also transforms normals with the normal matrix, so squashed spheres stay smooth-shaded correctly.
  return clean(geometry).applyMatrix4(matrix);
}

/** A quaternion turning +z onto `normal` (for features stuck onto a surface, like eyes on a head). */
export function facing(normal: Vec3, roll = 0): Quat {
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, 1), new Vector3(...normal).normalize());
  if (roll !== 0) q.multiply(new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), roll));
  return [q.x, q.y, q.z, q.w];
}

export const sphere = (radius: number, segments: readonly [number, number], place?: Place): BufferGeometry =>
  placed(new SphereGeometry(radius, segments[0], segments[1]), place);

/** An ellipsoid with these radii (in its own frame, before `place` turns and moves it). */
export const ellipsoidOn = (radii: Vec3, place: Omit<Place, 'scale'> = {}, segments: readonly [number, number] = [8, 5]): BufferGeometry =>
  placed(new SphereGeometry(1, segments[0], segments[1]), { ...place, scale: radii });

/** A band of a sphere: `phi` around y from -x (0) through +z (π/2), `theta` down from the top. */
export const sphereBand = (radius: number, segments: readonly [number, number], phi: readonly [number, number], theta: readonly [number, number], place?: Place): BufferGeometry =>
  placed(new SphereGeometry(radius, segments[0], segments[1], phi[0], phi[1], theta[0], theta[1]), place);

/** A capsule along y, `length` between the centres of its caps. */
export const capsule = (radius: number, length: number, place?: Place, radial = 10, caps = 3): BufferGeometry =>
  placed(new CapsuleGeometry(radius, length, caps, radial, 1), place);

/** A cylinder along y; `arc` < 2π makes a wedge starting at +z. */
export const cylinder = (top: number, bottom: number, height: number, radial: number, place?: Place, arc = Math.PI * 2, start = 0): BufferGeometry =>
  placed(new CylinderGeometry(top, bottom, height, radial, 1, false, start, arc), place);

/** A coin facing +z (a cylinder turned onto the z axis), `depth` thick. */
export const disc = (radius: number, depth: number, radial: number, place?: Place): BufferGeometry =>
  placed(new CylinderGeometry(radius, radius, depth, radial, 1, false).rotateX(Math.PI / 2), place);

/** A ring in the xy plane; `arc` < 2π draws part of it, starting at +x and turning towards +y. */
export const torus = (radius: number, tube: number, segments: readonly [number, number], place?: Place, arc = Math.PI * 2): BufferGeometry =>
  placed(new TorusGeometry(radius, tube, segments[0], segments[1], arc), place);

/** A surface of revolution around y from (radius, y) points; `arc` < 2π keeps the part centred on +z. */
export function lathe(profile: readonly (readonly [number, number])[], segments: number, place?: Place, arc = Math.PI * 2): BufferGeometry {
  const points = profile.map(([r, y]) => new Vector2(r, y));
  // Three's lathe normals are analytic and equal on both sides of the seam, so the seam (at +z, the
  // front, for a full turn) does not show; recomputed normals would crease it.
  return placed(new LatheGeometry(points, segments, arc < Math.PI * 2 ? -arc / 2 : 0, arc), place);
}

/**
 * A rounded box: a sphere split at its equators and pulled apart to `size`, so the corners are round
 * and the faces flat, in few triangles. Normals stay the sphere's, which is right on the corners and
 * close enough on the faces. Segments must be multiples of 4 and 2, so that vertices sit on the split planes.
 */
export function roundedBox(size: Vec3, radius: number, place?: Place, segments: readonly [number, number] = [8, 4]): BufferGeometry {
  const geometry = new SphereGeometry(radius, segments[0], segments[1]);
  const position = geometry.getAttribute('position');
  const half = size.map((s) => Math.max(0, s / 2 - radius));
  for (let i = 0; i < position.count; i += 1) {
    const v = [position.getX(i), position.getY(i), position.getZ(i)];
    // Vertices exactly on a split plane stay there; they become the middle of a flat face.
    const pushed = v.map((c, axis) => c + (Math.abs(c) < 1e-9 ? 0 : Math.sign(c) * (half[axis] ?? 0)));
    position.setXYZ(i, pushed[0] ?? 0, pushed[1] ?? 0, pushed[2] ?? 0);
  }
  return placed(geometry, place);
}

/** A convex polygon in the xy plane (counter-clockwise) extruded `depth` along z, centred on z = 0, with flat normals. */
export function prism(polygon: readonly (readonly [number, number])[], depth: number, place?: Place): BufferGeometry {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const n = polygon.length;
  const z = depth / 2;
  const add = (x: number, y: number, zz: number, normal: Vec3): number => {
    positions.push(x, y, zz);
    normals.push(...normal);
    return positions.length / 3 - 1;
  };
  for (const [side, sign] of [['front', 1], ['back', -1]] as const) {
    const base = positions.length / 3;
    for (const [x, y] of polygon) add(x, y, sign * z, [0, 0, sign]);
    for (let i = 1; i < n - 1; i += 1) {
      if (side === 'front') indices.push(base, base + i, base + i + 1);
      else indices.push(base, base + i + 1, base + i);
    }
  }
  for (let i = 0; i < n; i += 1) {
    const [x0, y0] = polygon[i] ?? [0, 0];
    const [x1, y1] = polygon[(i + 1) % n] ?? [0, 0];
    const length = Math.hypot(x1 - x0, y1 - y0) || 1;
    const normal: Vec3 = [(y1 - y0) / length, -(x1 - x0) / length, 0];
    const a = add(x0, y0, z, normal);
    const b = add(x1, y1, z, normal);
    const c = add(x1, y1, -z, normal);
    const d = add(x0, y0, -z, normal);
    indices.push(a, d, c, a, c, b);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array(normals), 3));
  geometry.setIndex(indices);
  return placed(geometry, place);
}

/** Points of a regular polygon or arc, counter-clockwise, for prism(). */
export function arcPoints(radius: number, from: number, to: number, steps: number): [number, number][] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = from + ((to - from) * i) / steps;
    return [radius * Math.cos(a), radius * Math.sin(a)];
  });
}
