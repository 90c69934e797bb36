// The tour's spotlight: a soft beam of light and a glowing floor disc on the mascot or exhibit being presented.
import { BufferAttribute, CircleGeometry, CylinderGeometry, Group, Mesh } from 'three';
import type { BufferGeometry } from 'three';
import { createGlowMaterial } from './display-materials';
import { WALL } from './layout';
import type { ResourceScope } from './resource-cache';

const BEAM_COLOUR = '#FFD27A';
const RADIUS = 1.1;

export interface Spotlight {
  readonly group: Group;
  /** Lights up the floor point (x, z), or hides the spotlight when null. */
  showAt(point: { x: number; z: number } | null): void;
  /** The beam is an effect quality can drop (it is large and blended over the scene); the disc stays. */
  setBeam(on: boolean): void;
}

/**
 * Fake light, no light source: additive, unlit meshes whose vertex alpha fades out, so it costs two
 * draw calls and no extra lighting work on a software renderer (no real spot light, no shadows).
 */
export function buildSpotlight(res: ResourceScope): Spotlight {
  const beamGeometry = res.shared('geometry:spotlight-beam', () => {
    const height = WALL.height;
    const geometry = new CylinderGeometry(0.2, RADIUS, height, 24, 1, true).translate(0, height / 2, 0);
    // Brightest at the source, fading towards the floor.
    return withAlpha(geometry, (y) => 0.06 + 0.22 * (y / height));
  });
  const discGeometry = res.shared('geometry:spotlight-disc', () => {
    // Above the zone rugs (2 cm), which would otherwise hide it inside a zone.
    const geometry = new CircleGeometry(RADIUS, 32).rotateX(-Math.PI / 2).translate(0, 0.035, 0);
    return withAlpha(geometry, (_y, radius) => 0.5 * (1 - radius / RADIUS));
  });
  const material = res.shared('material:spotlight', () => createGlowMaterial(BEAM_COLOUR));
  const beam = new Mesh(beamGeometry, material);
  beam.name = 'spotlight-beam';
  const disc = new Mesh(discGeometry, material);
  disc.name = 'spotlight-disc';
  const group = new Group();
  group.name = 'spotlight';
  group.visible = false;
  // Drawn after the opaque hall, never picked (raycasts go to the hit proxies).
  group.renderOrder = 10;
  beam.raycast = () => undefined;
  disc.raycast = () => undefined;
  group.add(beam, disc);
  return {
    group,
    showAt(point) {
      group.visible = point !== null;
      if (point) group.position.set(point.x, 0, point.z);
    },
    setBeam(on) {
      beam.visible = on;
    },
  };
}

/** Adds a white RGBA colour attribute whose alpha comes from each vertex's height and distance from the axis. */
function withAlpha(geometry: BufferGeometry, alphaAt: (y: number, radius: number) => number): BufferGeometry {
  const position = geometry.getAttribute('position');
  const colours = new Float32Array(position.count * 4);
  for (let i = 0; i < position.count; i += 1) {
    const x = position.getX(i);
    const y = position.getY(i);
    const z = position.getZ(i);
    colours.set([1, 1, 1, Math.max(0, Math.min(1, alphaAt(y, Math.hypot(x, z))))], i * 4);
  }
  geometry.setAttribute('color', new BufferAttribute(colours, 4));
  return geometry;
}
