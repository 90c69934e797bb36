// The hall's lights: a hemisphere sky and one warm directional sun, shared by the engine and the material tests.
import { DirectionalLight, HemisphereLight } from 'three';
import type { Light } from 'three';

/**
 * No point lights and no shadows: Lambert under a hemisphere and one directional light costs about a
 * third of Standard under point lights on SwiftShader, and gives the flat faces of walls, floor and
 * booths distinct, steady shades (see vertex-lit-material.ts).
 */
export function createHallLights(): Light[] {
  const sky = new HemisphereLight('#FFF6EC', '#6B6F80', 2.2);
  const sun = new DirectionalLight('#FFE0BD', 1.6);
  sun.position.set(-0.5, 1, 0.7);
  return [sky, sun];
}
