// Builds the placeholder hall from manifest.hall: floor, outer walls, a rug per zone, a booth per exhibit.
import {
  BoxGeometry,
  Color,
  Euler,
  Group,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshLambertMaterial,
  PlaneGeometry,
  Quaternion,
  Vector3,
} from 'three';
import type { Exhibit, Hall, Zone } from '../../../electron/shared/manifest';

/** Where the visitor stands when the hall opens, and where they look. */
export interface Viewpoint {
  readonly position: Vector3;
  readonly target: Vector3;
}

export interface BuiltHall {
  /** Everything the hall owns; disposeObject(root) frees it all. */
  readonly root: Group;
  readonly entrance: Viewpoint;
}

const WALL_HEIGHT = 4;
const WALL_THICKNESS = 0.3;
const FLOOR_COLOR = new Color('#E6DDD0');
const WALL_COLOR = new Color('#F4EADF');
const CREAM = new Color('#FFF6EC');
const UNKNOWN_ZONE_COLOR = new Color('#5C6270');
// Booth parts in metres; the booth's front faces its local +z.
const BASE = { width: 2, height: 0.9, depth: 1 } as const;
const PANEL = { width: 2, height: 1.4, depth: 0.08 } as const;

export function buildHall(hall: Hall): BuiltHall {
  const root = new Group();
  root.name = 'hall';
  root.add(buildFloor(hall), buildWalls(hall), buildRugs(hall.zones));
  if (hall.exhibits.length > 0) root.add(...buildBooths(hall.exhibits, hall.zones));
  return { root, entrance: entranceViewpoint(hall) };
}

function buildFloor(hall: Hall): Mesh {
  const geometry = new PlaneGeometry(hall.size.width, hall.size.depth);
  geometry.rotateX(-Math.PI / 2);
  const floor = new Mesh(geometry, new MeshLambertMaterial({ color: FLOOR_COLOR }));
  floor.name = 'floor';
  return floor;
}

/** Four boxes sharing one unit geometry and one material, scaled to the hall's outline. */
function buildWalls(hall: Hall): Group {
  const { width, depth } = hall.size;
  const geometry = new BoxGeometry(1, 1, 1);
  geometry.translate(0, 0.5, 0);
  const material = new MeshLambertMaterial({ color: WALL_COLOR });
  const walls = new Group();
  walls.name = 'walls';
  const spans: ReadonlyArray<readonly [x: number, z: number, sx: number, sz: number]> = [
    [0, -depth / 2, width + WALL_THICKNESS, WALL_THICKNESS],
    [0, depth / 2, width + WALL_THICKNESS, WALL_THICKNESS],
    [-width / 2, 0, WALL_THICKNESS, depth],
    [width / 2, 0, WALL_THICKNESS, depth],
  ];
  for (const [x, z, sx, sz] of spans) {
    const wall = new Mesh(geometry, material);
    wall.position.set(x, 0, z);
    wall.scale.set(sx, WALL_HEIGHT, sz);
    walls.add(wall);
  }
  return walls;
}

/** One instanced unit plane per zone, tinted towards the floor so the booths carry the strong colour. */
function buildRugs(zones: readonly Zone[]): InstancedMesh {
  const geometry = new PlaneGeometry(1, 1);
  geometry.rotateX(-Math.PI / 2);
  const rugs = new InstancedMesh(geometry, new MeshLambertMaterial(), zones.length);
  rugs.name = 'zone-rugs';
  const matrix = new Matrix4();
  const color = new Color();
  zones.forEach((zone, index) => {
    // Raised a little above the floor so the two never z-fight.
    matrix.compose(
      new Vector3(zone.position.x, 0.02, zone.position.z),
      new Quaternion(),
      new Vector3(zone.size.width, 1, zone.size.depth),
    );
    rugs.setMatrixAt(index, matrix);
    rugs.setColorAt(index, color.set(zone.color).lerp(FLOOR_COLOR, 0.45));
  });
  return rugs;
}

/** Two instanced meshes (bases and panels) for all booths: two draw calls however many exhibits. */
function buildBooths(exhibits: readonly Exhibit[], zones: readonly Zone[]): InstancedMesh[] {
  const zoneColors = new Map(zones.map((zone) => [zone.id, new Color(zone.color)]));
  const baseGeometry = new BoxGeometry(BASE.width, BASE.height, BASE.depth);
  baseGeometry.translate(0, BASE.height / 2, 0);
  const panelGeometry = new BoxGeometry(PANEL.width, PANEL.height, PANEL.depth);
  panelGeometry.translate(0, BASE.height + PANEL.height / 2, -(BASE.depth - PANEL.depth) / 2);
  const material = new MeshLambertMaterial();
  const bases = new InstancedMesh(baseGeometry, material, exhibits.length);
  const panels = new InstancedMesh(panelGeometry, material, exhibits.length);
  bases.name = 'booth-bases';
  panels.name = 'booth-panels';
  const matrix = new Matrix4();
  const rotation = new Quaternion();
  const unit = new Vector3(1, 1, 1);
  const tint = new Color();
  exhibits.forEach((exhibit, index) => {
    // `facing` 0 looks along +z (towards the entrance) and 90 along +x, which is three.js's own yaw:
    // the built-in manifest pairs booths at facing 90 / -90 so that they face each other.
    rotation.setFromEuler(new Euler(0, (exhibit.facing * Math.PI) / 180, 0));
    matrix.compose(new Vector3(exhibit.position.x, 0, exhibit.position.z), rotation, unit);
    bases.setMatrixAt(index, matrix);
    panels.setMatrixAt(index, matrix);
    const zoneColor = zoneColors.get(exhibit.zone) ?? UNKNOWN_ZONE_COLOR;
    bases.setColorAt(index, tint.copy(zoneColor).lerp(CREAM, 0.55));
    panels.setColorAt(index, zoneColor);
  });
  return [bases, panels];
}

/**
 * Just inside the entrance wall (+z), raised and tilted down so the first view reads like a floor plan
 * in perspective: every zone visible, little empty sky above the walls.
 */
function entranceViewpoint(hall: Hall): Viewpoint {
  const { depth } = hall.size;
  const height = Math.min(Math.max(depth * 0.3, 4), 14);
  return {
    position: new Vector3(0, height, depth / 2 - 0.5),
    target: new Vector3(0, 0, -depth * 0.12),
  };
}
