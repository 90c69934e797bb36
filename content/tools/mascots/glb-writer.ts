// Writes a mascot's node tree and clips as a GLB with glTF-Transform: one primitive per node and colour, plain PBR colours, TRS clips.
import { Document, NodeIO } from '@gltf-transform/core';
import type { Accessor, Buffer as GltfBuffer, Material, Node as GltfNode } from '@gltf-transform/core';
import { Euler, Quaternion } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { linearColour } from './colour';
import type { ClipSpec, Palette, PartNode, Role } from './spec';
import { ROLES } from './spec';

/** Materials whose pieces are open shells seen from inside (hair bands), so they draw both faces. */
const DOUBLE_SIDED: ReadonlySet<Role> = new Set<Role>(['hair']);

export interface WrittenGlb {
  readonly bytes: Uint8Array;
  readonly triangles: number;
  readonly materials: number;
}

function walk(node: PartNode, visit: (node: PartNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/** One material per distinct colour in use, in ROLES order, named after its first role (so `body` is first and named `body`). */
function createMaterials(doc: Document, tree: PartNode, palette: Palette): Map<string, Material> {
  const used = new Set<Role>();
  walk(tree, (node) => node.pieces.forEach((piece) => used.add(piece.role)));
  const byColour = new Map<string, Material>();
  for (const role of ROLES) {
    const hex = palette[role].toUpperCase();
    if (!used.has(role) || byColour.has(hex)) continue;
    const doubleSided = ROLES.some((r) => used.has(r) && palette[r].toUpperCase() === hex && DOUBLE_SIDED.has(r));
    const [r, g, b] = linearColour(hex);
    byColour.set(hex, doc.createMaterial(role).setBaseColorFactor([r, g, b, 1]).setMetallicFactor(0).setRoughnessFactor(0.8).setDoubleSided(doubleSided));
  }
  return byColour;
}

function accessor(doc: Document, buffer: GltfBuffer, type: 'SCALAR' | 'VEC3' | 'VEC4', array: Float32Array | Uint16Array): Accessor {
  return doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
}

interface Built {
  readonly nodes: Map<string, { gltf: GltfNode; part: PartNode }>;
  triangles: number;
}

function buildNode(doc: Document, buffer: GltfBuffer, materials: Map<string, Material>, palette: Palette, part: PartNode, built: Built): GltfNode {
  const node = doc.createNode(part.name).setTranslation([...part.translation]).setRotation([...part.rotation]);
  if (built.nodes.has(part.name)) throw new Error(`two nodes are named ${part.name}; clips target nodes by name`);
  built.nodes.set(part.name, { gltf: node, part });
  if (part.pieces.length > 0) {
    const mesh = doc.createMesh(part.name);
    // Pieces of one colour merge into one primitive: one draw call per node and colour.
    for (const [hex, material] of materials) {
      const geometries = part.pieces.filter((piece) => palette[piece.role].toUpperCase() === hex).map((piece) => piece.geometry);
      if (geometries.length === 0) continue;
      const merged = mergeGeometries(geometries, false);
      const index = merged.index;
      if (!index) throw new Error(`${part.name}: merged geometry has no index`);
      if (merged.getAttribute('position').count > 65535) throw new Error(`${part.name}: too many vertices for 16-bit indices`);
      const primitive = doc
        .createPrimitive()
        .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', new Float32Array(merged.getAttribute('position').array)))
        .setAttribute('NORMAL', accessor(doc, buffer, 'VEC3', new Float32Array(merged.getAttribute('normal').array)))
        .setIndices(accessor(doc, buffer, 'SCALAR', new Uint16Array(index.array)))
        .setMaterial(material);
      built.triangles += index.count / 3;
      mesh.addPrimitive(primitive);
    }
    node.setMesh(mesh);
  }
  for (const child of part.children) node.addChild(buildNode(doc, buffer, materials, palette, child, built));
  return node;
}

/** Samples each motion at `rate` per second; rotations are the rest rotation then the offset, kept in one hemisphere for interpolation. */
function addClip(doc: Document, buffer: GltfBuffer, clip: ClipSpec, built: Built): void {
  const animation = doc.createAnimation(clip.name);
  const steps = Math.round(clip.duration * clip.rate);
  const times = Array.from({ length: steps + 1 }, (_, k) => (k === steps ? clip.duration : k / clip.rate));
  const input = accessor(doc, buffer, 'SCALAR', new Float32Array(times));
  for (const [name, motion] of Object.entries(clip.motions)) {
    const target = built.nodes.get(name);
    if (!target) throw new Error(`clip ${clip.name} moves ${name}, which this mascot does not have`);
    const rest = new Quaternion(...target.part.rotation);
    const poses = times.map(motion);
    const channel = (path: 'translation' | 'rotation', type: 'VEC3' | 'VEC4', values: number[]): void => {
      const sampler = doc.createAnimationSampler().setInput(input).setOutput(accessor(doc, buffer, type, new Float32Array(values))).setInterpolation('LINEAR');
      animation.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(target.gltf).setTargetPath(path).setSampler(sampler));
    };
    if (poses.some((pose) => pose.translate)) {
      channel('translation', 'VEC3', poses.flatMap((pose) => target.part.translation.map((v, axis) => v + (pose.translate?.[axis] ?? 0))));
    }
    if (poses.some((pose) => pose.rotate)) {
      let previous = rest.clone();
      const values = poses.flatMap((pose) => {
        const q = rest.clone().multiply(new Quaternion().setFromEuler(new Euler(...(pose.rotate ?? [0, 0, 0]))));
        if (q.dot(previous) < 0) q.set(-q.x, -q.y, -q.z, -q.w);
        previous = q;
        return [q.x, q.y, q.z, q.w];
      });
      channel('rotation', 'VEC4', values);
    }
  }
}

export async function writeGlb(tree: PartNode, palette: Palette, clips: readonly ClipSpec[]): Promise<WrittenGlb> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const materials = createMaterials(doc, tree, palette);
  const built: Built = { nodes: new Map(), triangles: 0 };
  const scene = doc.createScene(tree.name).addChild(buildNode(doc, buffer, materials, palette, tree, built));
  doc.getRoot().setDefaultScene(scene);
  for (const clip of clips) addClip(doc, buffer, clip, built);
  const bytes = await new NodeIO().writeBinary(doc);
  return { bytes, triangles: built.triangles, materials: materials.size };
}
