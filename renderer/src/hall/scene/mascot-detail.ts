// Level of detail for mascots: a reduced copy of each mesh, drawn while the mascot is small on screen.
import { BufferAttribute, BufferGeometry, Mesh, SkinnedMesh } from 'three';
import type { InterleavedBufferAttribute, Object3D, PerspectiveCamera, Sphere } from 'three';
import { MeshoptSimplifier } from 'three/addons/libs/meshopt_simplifier.module.js';
import type { ResourceScope } from './resource-cache';

/**
 * Why: under SwiftShader every triangle costs vertex work and setup whether it covers one pixel or a
 * thousand. Six mascots of ~4,000 triangles each cost more than the whole rest of the hall on a
 * fly-through, while most of the time they stand across the room, a hundred pixels tall.
 */
export const DETAIL = {
  /** Share of a mesh's triangles its reduced copy aims for. */
  keep: 0.3,
  /** Largest deviation the simplifier may introduce, relative to the mesh's size. */
  maxError: 0.05,
  /** A mascot taller than this share of the view's height draws its full meshes. */
  fullAboveViewShare: 0.25,
  /** Meshes with fewer triangles are drawn as they are. */
  minTriangles: 200,
  /** A reduction that keeps more than this share of the triangles is not worth a second geometry. */
  worthBelow: 0.8,
} as const;

type Attribute = BufferAttribute | InterleavedBufferAttribute;

export interface DetailLevels {
  /** The reduced geometries: the caller owns (and disposes) them. */
  readonly geometries: readonly BufferGeometry[];
  /** Full meshes (true) or their reduced copies (false); cheap when nothing changes. */
  show(full: boolean): void;
}

/** Reduced copies of the meshes under `root` that are worth reducing. */
export async function buildDetailLevels(root: Object3D): Promise<DetailLevels> {
  await MeshoptSimplifier.ready;
  const swaps: { mesh: Mesh; full: BufferGeometry; reduced: BufferGeometry }[] = [];
  // Meshes that share a geometry share its reduced copy.
  const copies = new Map<BufferGeometry, BufferGeometry | null>();
  root.traverse((object) => {
    // A material array draws by geometry groups, which a reduced copy does not have.
    if (!(object instanceof Mesh) || Array.isArray(object.material)) return;
    const full = object.geometry as BufferGeometry;
    if (!copies.has(full)) copies.set(full, reduceGeometry(full));
    const reduced = copies.get(full);
    if (!reduced) return;
    // A skinned mesh culls by a sphere it computes once, from whatever geometry it has then: the full one.
    if (object instanceof SkinnedMesh && object.boundingSphere === null) object.computeBoundingSphere();
    swaps.push({ mesh: object, full, reduced });
  });
  let showing = true;
  return {
    geometries: [...new Set(swaps.map((swap) => swap.reduced))],
    show(full) {
      if (full === showing) return;
      showing = full;
      for (const swap of swaps) swap.mesh.geometry = full ? swap.full : swap.reduced;
    },
  };
}

/**
 * The detail levels of a model on show, their geometries owned by `res` under `key`; null if the model
 * was freed meanwhile or the simplifier failed (it then simply stays at full detail).
 */
export async function ownedDetailLevels(root: Object3D, res: ResourceScope, key: string, isDisposed: () => boolean): Promise<DetailLevels | null> {
  try {
    const levels = await buildDetailLevels(root);
    if (isDisposed()) {
      for (const geometry of levels.geometries) geometry.dispose();
      return null;
    }
    for (const geometry of levels.geometries) res.own(`${key}:reduced:${geometry.uuid}`, () => geometry);
    return levels;
  } catch (error) {
    console.warn(`[hall] ${key}: no reduced copy, drawing full detail`, error);
    return null;
  }
}

/** True if something within `bounds` appears taller than DETAIL.fullAboveViewShare of the view from `camera`. */
export function looksLarge(bounds: Sphere, camera: PerspectiveCamera): boolean {
  const viewHeightAtOneMetre = (2 * Math.tan((camera.fov * Math.PI) / 360)) / camera.zoom;
  const distance = Math.max(0.01, bounds.center.distanceTo(camera.position));
  return (2 * bounds.radius) / distance / viewHeightAtOneMetre > DETAIL.fullAboveViewShare;
}

/**
 * A copy of `geometry` with about DETAIL.keep of its triangles and only the vertices they use, or null
 * when it is not worth it (small, unindexed, split into material groups, drawn in part, or barely reducible). Normals
 * and vertex colours steer the simplifier, so painted features (eyes, badges) keep their edges; open
 * borders stay where they are. Needs `MeshoptSimplifier.ready`.
 */
export function reduceGeometry(geometry: BufferGeometry): BufferGeometry | null {
  const index = geometry.index;
  const position = geometry.getAttribute('position') as Attribute | undefined;
  const wholeRange = geometry.drawRange.start === 0 && geometry.drawRange.count === Infinity;
  if (!index || !position || geometry.groups.length > 1 || !wholeRange || index.count / 3 < DETAIL.minTriangles) return null;
  const indices = Uint32Array.from({ length: index.count }, (_, i) => index.getX(i));
  const vertexCount = position.count;
  const positions = new Float32Array(vertexCount * 3);
  for (let v = 0; v < vertexCount; v += 1) positions.set([position.getX(v), position.getY(v), position.getZ(v)], v * 3);
  const steering = ([['normal', 0.5], ['color', 1]] as const)
    .map(([name, weight]) => ({ attribute: geometry.getAttribute(name) as Attribute | undefined, weight }))
    .filter((s): s is { attribute: Attribute; weight: 0.5 | 1 } => s.attribute !== undefined);
  const stride = steering.length * 3;
  const attributes = new Float32Array(vertexCount * stride);
  for (let v = 0; v < vertexCount; v += 1) {
    steering.forEach(({ attribute }, k) => attributes.set([attribute.getX(v), attribute.getY(v), attribute.getZ(v)], v * stride + k * 3));
  }
  const weights = steering.flatMap(({ weight }) => [weight, weight, weight]);
  const target = Math.floor((indices.length * DETAIL.keep) / 3) * 3;
  const [reduced] = MeshoptSimplifier.simplifyWithAttributes(indices, positions, 3, attributes, stride, weights, null, target, DETAIL.maxError, ['LockBorder']);
  if (reduced.length === 0 || reduced.length > indices.length * DETAIL.worthBelow) return null;
  return compact(geometry, reduced);
}

/** A geometry holding only the vertices `indices` use, renumbered, with every attribute and morph target. */
function compact(source: BufferGeometry, indices: Uint32Array): BufferGeometry {
  const newIndexOf = new Map<number, number>();
  const used: number[] = [];
  const renumbered = indices.map((old) => {
    let next = newIndexOf.get(old);
    if (next === undefined) {
      next = used.length;
      newIndexOf.set(old, next);
      used.push(old);
    }
    return next;
  });
  const out = new BufferGeometry();
  out.name = `${source.name}:reduced`;
  for (const [name, attribute] of Object.entries(source.attributes)) out.setAttribute(name, pickVertices(attribute, used));
  for (const name of ['position', 'normal', 'color'] as const) {
    const targets = source.morphAttributes[name];
    if (targets) out.morphAttributes[name] = targets.map((t) => pickVertices(t, used));
  }
  out.morphTargetsRelative = source.morphTargetsRelative;
  out.setIndex(new BufferAttribute(used.length <= 0xffff ? Uint16Array.from(renumbered) : renumbered, 1));
  out.computeBoundingSphere();
  return out;
}

/** The raw values of `vertices` (normalized integers stay integers), whether the source is interleaved or not. */
function pickVertices(attribute: Attribute, vertices: readonly number[]): BufferAttribute {
  const { itemSize } = attribute;
  const [source, stride, offset] = 'isInterleavedBufferAttribute' in attribute && attribute.isInterleavedBufferAttribute
    ? [attribute.data.array, attribute.data.stride, attribute.offset]
    : [(attribute as BufferAttribute).array, itemSize, 0];
  const ArrayType = source.constructor as new (length: number) => typeof source;
  const values = new ArrayType(vertices.length * itemSize);
  vertices.forEach((vertex, i) => {
    for (let c = 0; c < itemSize; c += 1) values[i * itemSize + c] = source[vertex * stride + offset + c] ?? 0;
  });
  return new BufferAttribute(values, itemSize, attribute.normalized);
}
