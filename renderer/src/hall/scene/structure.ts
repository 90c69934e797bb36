// The hall's untextured structure: all boxes (walls, booth bases, panel frames, sign frames) in one instanced
// mesh and all floor planes (floor, zone rugs) in another, plus invisible pick proxies for the zones.
import { BoxGeometry, Color, Group, InstancedMesh, Matrix4, Mesh, MeshBasicMaterial, PlaneGeometry, Quaternion, Vector3 } from 'three';
import type { Hall } from '../../../../electron/shared/manifest';
import type { PickableUserData } from '../types';
import { BOOTH, WALL, facingVector } from './layout';
import type { ResourceScope } from './resource-cache';
import { createVertexLitMaterial } from './vertex-lit-material';

const FLOOR_COLOR = '#E6DDD0';
const WALL_COLOR = '#F4EADF';
const CREAM = '#FFF6EC';
const UNKNOWN_ZONE_COLOR = '#5C6270';

/** A hanging zone sign: board size, height of its centre, and how far in from the zone's back edge. */
export const SIGN = { width: 3, height: 0.75, frame: 0.06, centreY: 3.05, inset: 0.35 } as const;
/** The textured face of an exhibit panel, inside its zone-coloured frame (matches the texture's aspect). */
export const PANEL_FACE = { width: BOOTH.width - 0.12, height: (BOOTH.width - 0.12) / (1024 / 716) } as const;

interface Part {
  readonly position: Vector3;
  readonly yaw: number;
  readonly scale: Vector3;
  readonly color: string;
}

/** Where a zone's sign hangs: above the zone's back edge, facing the entrance (+z). */
export function signPosition(zone: Hall['zones'][number]): Vector3 {
  return new Vector3(zone.position.x, SIGN.centreY, zone.position.z - zone.size.depth / 2 + SIGN.inset);
}

/** Shared resources used by every hall: unit shapes and the one white vertex-lit material the instances tint. */
export function unitBox(res: ResourceScope): BoxGeometry {
  return res.shared('geometry:unit-box', () => new BoxGeometry(1, 1, 1));
}

export function hitMaterial(res: ResourceScope): MeshBasicMaterial {
  // material.visible = false: the renderer skips the mesh (no draw call), the Raycaster does not
  // (r187 checks layers, never visibility), and object.visible stays true for pickers that check it.
  return res.shared('material:hit-proxy', () => new MeshBasicMaterial({ visible: false }));
}

export function buildStructure(hall: Hall, res: ResourceScope): Group {
  const group = new Group();
  group.name = 'structure';
  const zoneColor = new Map(hall.zones.map((zone) => [zone.id, zone.color]));
  const boxes: Part[] = [];
  const { width, depth } = hall.size;
  const T = WALL.thickness;
  for (const [x, z, sx, sz] of [
    [0, -depth / 2, width + T, T],
    [0, depth / 2, width + T, T],
    [-width / 2, 0, T, depth],
    [width / 2, 0, T, depth],
  ] as const) {
    boxes.push({ position: new Vector3(x, WALL.height / 2, z), yaw: 0, scale: new Vector3(sx, WALL.height, sz), color: WALL_COLOR });
  }
  for (const exhibit of hall.exhibits) {
    const yaw = (exhibit.facing * Math.PI) / 180;
    const front = facingVector(exhibit.facing);
    const accent = zoneColor.get(exhibit.zone) ?? UNKNOWN_ZONE_COLOR;
    const at = (local: number, y: number) => new Vector3(exhibit.position.x + front.x * local, y, exhibit.position.z + front.z * local);
    boxes.push({ position: at(0, BOOTH.baseHeight / 2), yaw, scale: new Vector3(BOOTH.width, BOOTH.baseHeight, BOOTH.depth), color: tint(accent, 0.55) });
    boxes.push({
      position: at(-(BOOTH.depth - BOOTH.panelDepth) / 2, BOOTH.baseHeight + BOOTH.panelHeight / 2),
      yaw,
      scale: new Vector3(BOOTH.width, BOOTH.panelHeight, BOOTH.panelDepth),
      color: accent,
    });
  }
  for (const zone of hall.zones) {
    const centre = signPosition(zone);
    const f = SIGN.frame;
    boxes.push({ position: centre.clone().setZ(centre.z - 0.03), yaw: 0, scale: new Vector3(SIGN.width + 2 * f, SIGN.height + 2 * f, 0.05), color: zone.color });
    // Two cables up past the top of the walls, so the board reads as hung rather than floating.
    for (const side of [-1, 1]) {
      const top = WALL.height + 1.5;
      const bottom = centre.y + SIGN.height / 2;
      boxes.push({ position: new Vector3(centre.x + side * SIGN.width * 0.4, (top + bottom) / 2, centre.z - 0.03), yaw: 0, scale: new Vector3(0.015, top - bottom, 0.015), color: '#5C6270' });
    }
  }
  group.add(instanced('hall-boxes', unitBox(res), boxes, res));

  // Rugs before the floor, and the floor after everything else opaque (renderOrder): the floor's pixels
  // hidden by rugs, walls and booths then fail the depth test before they are shaded, instead of being
  // shaded and overdrawn. The floor covers most of the screen; on a software renderer that is most of a frame.
  const planes: Part[] = [];
  for (const zone of hall.zones) {
    // Raised a little above the floor so the two never z-fight; tinted so booths carry the strong colour.
    planes.push({ position: new Vector3(zone.position.x, 0.02, zone.position.z), yaw: 0, scale: new Vector3(zone.size.width, 1, zone.size.depth), color: tint(zone.color, 0.45, FLOOR_COLOR) });
  }
  planes.push({ position: new Vector3(0, 0, 0), yaw: 0, scale: new Vector3(width, 1, depth), color: FLOOR_COLOR });
  const plane = res.shared('geometry:unit-floor-plane', () => new PlaneGeometry(1, 1).rotateX(-Math.PI / 2));
  const floor = instanced('hall-planes', plane, planes, res);
  floor.renderOrder = 1;
  group.add(floor);

  for (const zone of hall.zones) {
    const proxy = new Mesh(plane, hitMaterial(res));
    proxy.name = `zone-hit:${zone.id}`;
    proxy.position.set(zone.position.x, 0.03, zone.position.z);
    proxy.scale.set(zone.size.width, 1, zone.size.depth);
    proxy.userData = { target: { id: zone.id, kind: 'zone' } } satisfies PickableUserData;
    group.add(proxy);
  }
  return group;
}

function tint(color: string, amount: number, towards = CREAM): string {
  return `#${new Color(color).lerp(new Color(towards), amount).getHexString()}`;
}

function instanced(name: string, geometry: BoxGeometry | PlaneGeometry, parts: readonly Part[], res: ResourceScope): InstancedMesh {
  const material = res.shared('material:vertex-lit-white', () => createVertexLitMaterial());
  const mesh = res.own(`instanced:${name}`, () => new InstancedMesh(geometry, material, parts.length));
  mesh.name = name;
  const matrix = new Matrix4();
  const rotation = new Quaternion();
  const up = new Vector3(0, 1, 0);
  const color = new Color();
  parts.forEach((part, index) => {
    matrix.compose(part.position, rotation.setFromAxisAngle(up, part.yaw), part.scale);
    mesh.setMatrixAt(index, matrix);
    mesh.setColorAt(index, color.set(part.color));
  });
  mesh.computeBoundingSphere();
  return mesh;
}
