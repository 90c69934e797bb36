// Writes a mascot's node tree and clips as a GLB with glTF-Transform: one material, one primitive per node with its colours in COLOR_0, TRS clips.
import { Document, NodeIO } from '@gltf-transform/core';
import type { Accessor, Buffer as GltfBuffer, Material, Node as GltfNode } from '@gltf-transform/core';
import { Euler, Quaternion } from 'three';
import type { BufferAttribute, BufferGeometry } from 'three';
import { linearColour } from './colour';
import type { ClipSpec, Palette, PartNode, Piece, Role } from './spec';
import { ROLES } from './spec';

/**
 * Roles whose pieces include open shells seen from inside (hair bands). With one single-sided material
 * for the whole model, open pieces in these roles' colours get their back faces as extra triangles.
 */
const DOUBLE_SIDED: ReadonlySet<Role> = new Set<Role>(['hair']);

export interface WrittenGlb {
  readonly bytes: Uint8Array;
  readonly triangles: number;
  readonly materials: number;
  readonly primitives: number;
}

function walk(node: PartNode, visit: (node: PartNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/** How each colour in use is drawn: its rank (the order its pieces go in a primitive), linear RGB, and whether it draws both faces. */
interface Colour {
  readonly rank: number;
  readonly linear: readonly [number, number, number];
  readonly doubleSided: boolean;
}

/**
 * The distinct colours in use, in ROLES order (the order the old one-material-per-colour models drew
 * them in). A colour shared with a double-sided role draws both faces, as its shared material did.
 */
function colours(tree: PartNode, palette: Palette): Map<string, Colour> {
  const used = new Set<Role>();
  walk(tree, (node) => node.pieces.forEach((piece) => used.add(piece.role)));
  const byHex = new Map<string, Colour>();
  for (const role of ROLES) {
    const hex = palette[role].toUpperCase();
    if (!used.has(role) || byHex.has(hex)) continue;
    const doubleSided = ROLES.some((r) => used.has(r) && palette[r].toUpperCase() === hex && DOUBLE_SIDED.has(r));
    byHex.set(hex, { rank: byHex.size, linear: linearColour(hex), doubleSided });
  }
  return byHex;
}

/** The model's one material: white, so the vertex colours show as they are; plain PBR the hall turns into Lambert. */
function createMaterial(doc: Document): Material {
  return doc.createMaterial('body').setBaseColorFactor([1, 1, 1, 1]).setMetallicFactor(0).setRoughnessFactor(0.8);
}

function accessor(doc: Document, buffer: GltfBuffer, type: 'SCALAR' | 'VEC3' | 'VEC4', array: Float32Array | Uint16Array): Accessor {
  return doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
}

/** Whether a piece has a border (an edge only one triangle uses, after welding vertices at the same place): a shell, not a closed solid. */
function isOpen(geometry: BufferGeometry, index: BufferAttribute): boolean {
  const position = geometry.getAttribute('position');
  const weld = new Map<string, number>();
  const ids = Array.from({ length: position.count }, (_, i) => {
    const key = [position.getX(i), position.getY(i), position.getZ(i)].map((v) => Math.round(v * 1e5)).join(',');
    const id = weld.get(key) ?? weld.size;
    weld.set(key, id);
    return id;
  });
  const edges = new Map<string, number>();
  for (let t = 0; t + 2 < index.count; t += 3) {
    const corners = [index.getX(t), index.getX(t + 1), index.getX(t + 2)].map((i) => ids[i] ?? -1);
    if (new Set(corners).size < 3) continue; // degenerate (a pole): no edge of its own
    for (let k = 0; k < 3; k += 1) {
      const a = corners[k] ?? 0;
      const b = corners[(k + 1) % 3] ?? 0;
      const key = a < b ? `${a}-${b}` : `${b}-${a}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  for (const count of edges.values()) if (count === 1) return true;
  return false;
}

/** A node's pieces as one primitive's arrays: positions, normals, linear colours per vertex, 16-bit indices. */
interface Merged {
  readonly positions: number[];
  readonly normals: number[];
  readonly colours: number[];
  readonly indices: number[];
}

function appendPiece(into: Merged, piece: Piece, colour: Colour, where: string): void {
  const { geometry } = piece;
  const index = geometry.index;
  if (!index) throw new Error(`${where}: a ${piece.role} piece has no index`);
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  // Open shells in a double-sided colour get a mirrored copy facing the other way (normals flipped,
  // winding reversed): what a double-sided material draws, without a second material or culling off.
  const sides = colour.doubleSided && isOpen(geometry, index) ? [1, -1] : [1];
  for (const side of sides) {
    const base = into.positions.length / 3;
    for (let i = 0; i < position.count; i += 1) {
      into.positions.push(position.getX(i), position.getY(i), position.getZ(i));
      into.normals.push(side * normal.getX(i), side * normal.getY(i), side * normal.getZ(i));
      into.colours.push(...colour.linear);
    }
    for (let t = 0; t + 2 < index.count; t += 3) {
      const [a, b, c] = [index.getX(t), index.getX(t + 1), index.getX(t + 2)];
      if (side === 1) into.indices.push(base + a, base + b, base + c);
      else into.indices.push(base + a, base + c, base + b);
    }
  }
}

interface Built {
  readonly nodes: Map<string, { gltf: GltfNode; part: PartNode }>;
  triangles: number;
  primitives: number;
}

function buildNode(doc: Document, buffer: GltfBuffer, material: Material, byHex: Map<string, Colour>, palette: Palette, part: PartNode, built: Built): GltfNode {
  const node = doc.createNode(part.name).setTranslation([...part.translation]).setRotation([...part.rotation]);
  if (built.nodes.has(part.name)) throw new Error(`two nodes are named ${part.name}; clips target nodes by name`);
  built.nodes.set(part.name, { gltf: node, part });
  if (part.pieces.length > 0) {
    // All of a node's pieces merge into one primitive (one draw call per node), grouped by colour in
    // ROLES order as the per-colour primitives were; the node stays separate because clips move it.
    const colourOf = (piece: Piece): Colour => {
      const colour = byHex.get(palette[piece.role].toUpperCase());
      if (!colour) throw new Error(`${part.name}: no colour for role ${piece.role}`);
      return colour;
    };
    const pieces = part.pieces.map((piece, order) => ({ piece, order, colour: colourOf(piece) }));
    pieces.sort((a, b) => a.colour.rank - b.colour.rank || a.order - b.order);
    const merged: Merged = { positions: [], normals: [], colours: [], indices: [] };
    for (const { piece, colour } of pieces) appendPiece(merged, piece, colour, part.name);
    if (merged.positions.length / 3 > 65535) throw new Error(`${part.name}: too many vertices for 16-bit indices`);
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', new Float32Array(merged.positions)))
      .setAttribute('NORMAL', accessor(doc, buffer, 'VEC3', new Float32Array(merged.normals)))
      .setAttribute('COLOR_0', accessor(doc, buffer, 'VEC3', new Float32Array(merged.colours)))
      .setIndices(accessor(doc, buffer, 'SCALAR', new Uint16Array(merged.indices)))
      .setMaterial(material);
    built.triangles += merged.indices.length / 3;
    built.primitives += 1;
    node.setMesh(doc.createMesh(part.name).addPrimitive(primitive));
  }
  for (const child of part.children) node.addChild(buildNode(doc, buffer, material, byHex, palette, child, built));
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
  const material = createMaterial(doc);
  const built: Built = { nodes: new Map(), triangles: 0, primitives: 0 };
  const scene = doc.createScene(tree.name).addChild(buildNode(doc, buffer, material, colours(tree, palette), palette, tree, built));
  doc.getRoot().setDefaultScene(scene);
  for (const clip of clips) addClip(doc, buffer, clip, built);
  const bytes = await new NodeIO().writeBinary(doc);
  return { bytes, triangles: built.triangles, materials: doc.getRoot().listMaterials().length, primitives: built.primitives };
}
