// Frees every GPU resource under an object: three.js never does this on its own when objects are removed.
import { InstancedMesh, Mesh, Texture } from 'three';
import type { Material, Object3D } from 'three';

/**
 * Disposes each geometry, material and texture reachable from `root` exactly once (shared resources
 * appear under many meshes) and detaches `root` from its parent.
 */
export function disposeObject(root: Object3D): void {
  const geometries = new Set<{ dispose(): void }>();
  const materials = new Set<Material>();
  const instanced: InstancedMesh[] = [];
  root.traverse((object) => {
    if (object instanceof InstancedMesh) instanced.push(object);
    if (object instanceof Mesh) {
      geometries.add(object.geometry);
      const list: Material[] = Array.isArray(object.material) ? object.material : [object.material];
      for (const material of list) materials.add(material);
    }
  });
  for (const material of materials) {
    // Any texture slot (map, emissiveMap, …) is a property holding a Texture.
    for (const value of Object.values(material)) {
      if (value instanceof Texture) value.dispose();
    }
    material.dispose();
  }
  for (const geometry of geometries) geometry.dispose();
  // Frees the per-instance matrix and colour buffers.
  for (const mesh of instanced) mesh.dispose();
  root.removeFromParent();
}
