// The generated fixture GLB is a valid glTF 2.0 binary: three's GLTFLoader parses it in Node, with its clips.
import { Mesh } from 'three';
import type { Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { makeGlb } from '../../fixtures/packs/make-glb';
import { parseGlb } from '../../fixtures/packs/parse-glb';

function triangles(root: Object3D): number {
  let count = 0;
  root.traverse((object) => {
    if (object instanceof Mesh) count += (object.geometry.index?.count ?? object.geometry.attributes.position?.count ?? 0) / 3;
  });
  return count;
}

describe('makeGlb', () => {
  it('starts with a GLB header whose length is the file length', () => {
    const bytes = makeGlb();
    expect(bytes.toString('ascii', 0, 4)).toBe('glTF');
    expect(bytes.readUInt32LE(4)).toBe(2);
    expect(bytes.readUInt32LE(8)).toBe(bytes.length);
    expect(bytes.length % 4).toBe(0);
  });

  it('parses with GLTFLoader into a small figure with "idle" and "wave" clips', async () => {
    const gltf = await parseGlb(makeGlb({ color: '#2E86DE' }));
    expect(gltf.animations.map((clip) => clip.name)).toEqual(['idle', 'wave']);
    expect(gltf.animations.every((clip) => clip.duration > 0 && clip.tracks.length > 0)).toBe(true);
    const count = triangles(gltf.scene);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(5000);
    expect(gltf.scene.getObjectByName('arm-right-pivot')).toBeDefined();
  });

  it('can leave the clips out', async () => {
    const gltf = await parseGlb(makeGlb({ animations: false }));
    expect(gltf.animations).toHaveLength(0);
  });
});
