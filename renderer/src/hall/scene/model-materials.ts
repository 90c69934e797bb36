// Materials for loaded models: glTF's PBR materials swapped for ones a software renderer draws cheaply.
import { MeshLambertMaterial, MeshStandardMaterial } from 'three';
import type { Material } from 'three';
import { createVertexLitMaterial } from './vertex-lit-material';

/**
 * PBR materials from glTF become cheaper ones (see toolchain.md: Standard costs ≈3× Lambert under
 * SwiftShader). Plain opaque colours, what cartoon mascots are made of, become the vertex-lit material
 * (lighting and colour conversion per vertex, not per pixel); anything with a texture, transparency or a
 * cut-out becomes Lambert, which keeps colour, maps, emissive, alpha and vertex colours.
 */
export function cheaperMaterial(material: Material): Material {
  if (!(material instanceof MeshStandardMaterial)) return material;
  const textured = [material.map, material.emissiveMap, material.alphaMap, material.aoMap].some((map) => map !== null);
  const converted = !textured && !material.transparent && material.alphaTest === 0
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
      });
  material.dispose();
  return converted;
}
