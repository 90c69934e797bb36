// Turns a tap on the canvas into what the visitor meant: a target (exhibit, mascot, zone) or a spot on the floor.
import { Raycaster, Vector2 } from 'three';
import type { Camera, Object3D } from 'three';
import type { HallTarget, PickableUserData } from './types';

export type Pick = { readonly kind: 'target'; readonly target: HallTarget } | { readonly kind: 'floor'; readonly x: number; readonly z: number } | null;

const raycaster = new Raycaster();
const pointer = new Vector2();

function targetOf(object: Object3D | null): HallTarget | null {
  for (let node = object; node; node = node.parent) {
    const data = node.userData as Partial<PickableUserData>;
    if (data.target) return data.target;
  }
  return null;
}

/**
 * The nearest thing under (x, y) CSS pixels of a `width`×`height` canvas. Exhibits and mascots win
 * over what is behind them; a zone rug or the bare floor means "walk there".
 */
export function pick(root: Object3D, camera: Camera, x: number, y: number, width: number, height: number): Pick {
  pointer.set((x / width) * 2 - 1, -(y / height) * 2 + 1);
  raycaster.setFromCamera(pointer, camera);
  for (const hit of raycaster.intersectObject(root, true)) {
    const target = targetOf(hit.object);
    if (target && target.kind !== 'zone') return { kind: 'target', target };
    // Anything near floor level (a rug, the floor) is a place to walk to.
    if (hit.point.y < 0.05) return { kind: 'floor', x: hit.point.x, z: hit.point.z };
    // A wall or sign that is not a target: nothing to do.
    if (!target) return null;
  }
  return null;
}
