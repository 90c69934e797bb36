// Hall layout as plain numbers: walkable floor, booth obstacles, the home view and a framing pose per target.
import type { Hall } from '../../../../electron/shared/manifest';
import type { CameraPose, FloorRect, HallTarget, Point3, TargetKind } from '../types';

/** Outer wall size in metres; walls are centred on the hall's outline. */
export const WALL = { height: 4, thickness: 0.3 } as const;
/** Booth parts in metres. A booth's front faces its local +z; the panel stands at the back of the base. */
export const BOOTH = { width: 2, baseHeight: 0.9, depth: 1, panelHeight: 1.4, panelDepth: 0.08 } as const;
/** Eye height of a standing visitor. */
export const EYE_HEIGHT = 1.6;
/** Mascot size assumed for framing before the model is loaded. */
export const MASCOT_FRAME_HEIGHT = 1.5;
/** The landscape camera the framing poses are computed for. */
export const FRAMING_FOV_DEG = 50;
export const FRAMING_ASPECT = 16 / 9;
/** Empty space around a framed object, as a factor of its size. */
const FRAME_MARGIN = 1.35;
/** How far walking poses keep from walls. */
const WALL_CLEARANCE = 0.4;

export interface HallLayout {
  /** Floor inside the walls. */
  readonly walkable: FloorRect;
  /** One rect per booth (the bounding rect of a rotated booth), in manifest order. */
  readonly obstacles: readonly FloorRect[];
  /** The entrance view: eye height, just inside the entrance wall (+z), looking into the hall. */
  readonly home: CameraPose;
  /** Framing pose per target, keyed by `poseKey(kind, id)`. */
  readonly poses: ReadonlyMap<string, CameraPose>;
  /** Zones, then exhibits, then mascots, in manifest order. */
  readonly targets: readonly HallTarget[];
}

export function poseKey(kind: TargetKind, id: string): string {
  return `${kind}:${id}`;
}

/** Unit vector on the floor that `facing` degrees points to: 0 → +z, 90 → +x (three.js yaw). */
export function facingVector(facingDeg: number): { x: number; z: number } {
  const radians = (facingDeg * Math.PI) / 180;
  return { x: Math.sin(radians), z: Math.cos(radians) };
}

/** Camera distance at which an object of `height` × `width` fills the view with a margin. */
export function framingDistance(height: number, width: number, fovDeg = FRAMING_FOV_DEG, aspect = FRAMING_ASPECT): number {
  const halfV = Math.tan((fovDeg * Math.PI) / 360);
  const halfH = halfV * aspect;
  return Math.max((height * FRAME_MARGIN) / 2 / halfV, (width * FRAME_MARGIN) / 2 / halfH);
}

/** The axis-aligned rect enclosing a w × d rectangle centred at (x, z), turned by `facingDeg`. */
export function rotatedRect(x: number, z: number, width: number, depth: number, facingDeg: number): FloorRect {
  const { x: s, z: c } = facingVector(facingDeg);
  const hx = (Math.abs(c) * width + Math.abs(s) * depth) / 2;
  const hz = (Math.abs(s) * width + Math.abs(c) * depth) / 2;
  return { minX: x - hx, maxX: x + hx, minZ: z - hz, maxZ: z + hz };
}

export function insideRect(rect: FloorRect, x: number, z: number, pad = 0): boolean {
  return x >= rect.minX - pad && x <= rect.maxX + pad && z >= rect.minZ - pad && z <= rect.maxZ + pad;
}

function clampTo(rect: FloorRect, x: number, z: number, clearance: number): { x: number; z: number } {
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  return { x: clamp(x, rect.minX + clearance, rect.maxX - clearance), z: clamp(z, rect.minZ + clearance, rect.maxZ - clearance) };
}

const point = (x: number, y: number, z: number): Point3 => ({ x, y, z });

/** Centre of an exhibit's panel front face, in hall space. */
export function panelCentre(position: { x: number; z: number }, facingDeg: number): Point3 {
  const front = facingVector(facingDeg);
  const back = -(BOOTH.depth / 2) + BOOTH.panelDepth; // local z of the panel's front face
  return point(position.x + front.x * back, BOOTH.baseHeight + BOOTH.panelHeight / 2, position.z + front.z * back);
}

export function hallLayout(hall: Hall): HallLayout {
  const halfW = hall.size.width / 2 - WALL.thickness / 2;
  const halfD = hall.size.depth / 2 - WALL.thickness / 2;
  const walkable: FloorRect = { minX: -halfW, maxX: halfW, minZ: -halfD, maxZ: halfD };
  const obstacles = hall.exhibits.map((e) => rotatedRect(e.position.x, e.position.z, BOOTH.width, BOOTH.depth, e.facing));
  const poses = new Map<string, CameraPose>();
  const targets: HallTarget[] = [];
  const standAt = (x: number, z: number) => clampTo(walkable, x, z, WALL_CLEARANCE);

  for (const zone of hall.zones) {
    // Behind the zone's front edge (the side towards the entrance), far enough back for its width where
    // the hall allows, a little above eye height, looking at the back half where booths and sign stand.
    const back = Math.max(1.5, framingDistance(0, zone.size.width) * 0.6);
    const at = standAt(zone.position.x, zone.position.z + zone.size.depth / 2 + back);
    const height = Math.min(5, Math.max(2.2, EYE_HEIGHT + zone.size.depth * 0.25));
    const target = point(zone.position.x, 1.4, zone.position.z - zone.size.depth * 0.25);
    poses.set(poseKey('zone', zone.id), { position: point(at.x, height, at.z), target });
    targets.push({ id: zone.id, kind: 'zone' });
  }
  for (const exhibit of hall.exhibits) {
    const centre = panelCentre(exhibit.position, exhibit.facing);
    const front = facingVector(exhibit.facing);
    const distance = framingDistance(BOOTH.panelHeight, BOOTH.width);
    const at = standAt(centre.x + front.x * distance, centre.z + front.z * distance);
    poses.set(poseKey('exhibit', exhibit.id), { position: point(at.x, centre.y, at.z), target: centre });
    targets.push({ id: exhibit.id, kind: 'exhibit' });
  }
  for (const mascot of hall.mascots) {
    const front = facingVector(mascot.facing);
    const distance = framingDistance(MASCOT_FRAME_HEIGHT, MASCOT_FRAME_HEIGHT * 0.8);
    const at = standAt(mascot.home.x + front.x * distance, mascot.home.z + front.z * distance);
    const target = point(mascot.home.x, MASCOT_FRAME_HEIGHT * 0.55, mascot.home.z);
    poses.set(poseKey('mascot', mascot.id), { position: point(at.x, MASCOT_FRAME_HEIGHT + 0.2, at.z), target });
    targets.push({ id: mascot.id, kind: 'mascot' });
  }
  return { walkable, obstacles, home: homePose(hall, walkable, obstacles), poses, targets };
}

/** Just inside the entrance wall, at eye height, looking towards the far wall; sidesteps booths in the way. */
function homePose(hall: Hall, walkable: FloorRect, obstacles: readonly FloorRect[]): CameraPose {
  const z = walkable.maxZ - Math.min(0.8, hall.size.depth / 4);
  const free = (x: number) => insideRect(walkable, x, z, -WALL_CLEARANCE) && !obstacles.some((o) => insideRect(o, x, z, 0.5));
  let x = 0;
  for (let step = 1; !free(x) && step <= 40; step += 1) {
    const offset = Math.ceil(step / 2) * 0.5 * (step % 2 === 1 ? 1 : -1);
    x = offset;
  }
  if (!free(x)) x = 0;
  // Looking slightly down, so the floor plan of the hall reads at a glance.
  return { position: point(x, EYE_HEIGHT, z), target: point(0, 1.1, Math.min(z - 4, walkable.minZ / 3)) };
}
