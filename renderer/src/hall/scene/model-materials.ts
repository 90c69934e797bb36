// Materials for loaded models: glTF's PBR materials swapped for ones a software renderer draws cheaply.
import { MeshLambertMaterial, MeshStandardMaterial } from 'three';
import type { Material } from 'three';
import { createVertexLitMaterial } from './vertex-lit-material';

/**
 * PBR materials from glTF become cheaper ones (see toolchain.md: Standard costs ≈3× Lambert under
 * SwiftShader). Plain opaque colours, what cartoon mascots are made of, become the vertex-lit material
 * (lighting and colour conversion per vertex, not per pixel); anything with a texture, transparency, a
 * cut-out or flat shading becomes Lambert, which keeps colour, the colour/emissive/alpha/AO maps,
 * alpha, vertex colours and flat shading (normal, bump and roughness maps are dropped: Lambert has no
 * use for the last, and the others are not worth their cost on a software renderer).
 */
export function cheaperMaterial(material: Material): Material {
  if (!(material instanceof MeshStandardMaterial)) return material;
  const textured = [material.map, material.emissiveMap, material.alphaMap, material.aoMap].some((map) => map !== null);
  // Flat shading (GLTFLoader's choice for meshes without normals) needs per-pixel normals.
  const converted = !textured && !material.transparent && material.alphaTest === 0 && !material.flatShading
    ? createVertexLitMaterial({
        name: material.name,
        color: material.color,
        emissive: material.emissive.clone().multiplyScalar(material.emissiveIntensity),
        vertexColors: material.vertexColors,
        side: material.side,
      })
    : new MeshLambertMaterial({
        name: material.name,
        color: material.color,
        map: material.map,
        emissive: material.emissive,
        emissiveMap: material.emissiveMap,
        emissiveIntensity: material.emissiveIntensity,
        alphaMap: material.alphaMap,
        aoMap: material.aoMap,
        transparent: material.transparent,
        opacity: material.opacity,
        alphaTest: material.alphaTest,
        side: material.side,
        vertexColors: material.vertexColors,
        flatShading: material.flatShading,
      });
  material.dispose();
  return converted;
}
