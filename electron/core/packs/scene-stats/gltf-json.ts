// Reads what a glTF 2.0 document costs to draw (triangles, materials, images) and checks its buffer, view and accessor bounds.

/** Where a glTF buffer's bytes are, as far as the checker can tell. */
export type BufferBytes =
  | { readonly kind: 'bin' } // the GLB's BIN chunk
  | { readonly kind: 'data'; readonly bytes: Uint8Array } // a data: URI
  | { readonly kind: 'file' } // a file in the pack
  | { readonly kind: 'virtual' }; // an EXT_meshopt_compression fallback buffer (no bytes at all)

/** Where one glTF image's bytes are. */
export type GltfImage =
  | { readonly kind: 'bin'; readonly index: number; readonly offset: number; readonly length: number }
  | { readonly kind: 'bytes'; readonly index: number; readonly bytes: Uint8Array }
  | { readonly kind: 'file'; readonly index: number; readonly path: string }
  | { readonly kind: 'unknown'; readonly index: number };

export interface GltfSummary {
  readonly triangles: number;
  readonly materials: number;
  readonly images: readonly GltfImage[];
}

export interface GltfContext {
  /** Length of the GLB's BIN chunk, or null (a .gltf file, or a GLB without one). */
  readonly binLength: number | null;
  /** The size of the pack file a relative URI names, or an error message (outside the pack, missing). */
  readonly resolveUri: (uri: string) => { readonly path: string; readonly size: number } | string;
}

export type GltfResult = { readonly ok: true; readonly summary: GltfSummary } | { readonly ok: false; readonly problems: readonly string[] };

type Json = Record<string, unknown>;

/** How GltfContext.resolveUri ends its message for a file that is not in the pack (reported as PACK_E_MISSING). */
export const NOT_IN_PACK = 'which is not in the pack';

const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const UNSIGNED_TYPES = new Set([5121, 5123, 5125]);
const TYPE_COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
/** More problems than this from one model are noise; the first ones say what is wrong. */
const MAX_PROBLEMS = 20;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/** Bytes one accessor element takes, with matrix columns padded to 4 bytes as the spec requires. */
function elementBytes(type: string, componentBytes: number): number {
  const side = type === 'MAT2' ? 2 : type === 'MAT3' ? 3 : type === 'MAT4' ? 4 : 0;
  if (side === 0) return (TYPE_COMPONENTS[type] ?? 0) * componentBytes;
  return side * (Math.ceil((side * componentBytes) / 4) * 4);
}

/** Triangles one primitive draws from `vertices` indices or vertices. */
export function primitiveTriangles(mode: number, vertices: number): number {
  if (mode === 4) return Math.floor(vertices / 3);
  if (mode === 5 || mode === 6) return Math.max(0, vertices - 2);
  return 0; // points and lines
}

/** Decodes a data: URI (base64 or percent-encoded); null when it is not a well-formed one. */
export function decodeDataUri(uri: string): Uint8Array | null {
  const comma = uri.indexOf(',');
  if (!uri.startsWith('data:') || comma < 0) return null;
  const payload = uri.slice(comma + 1);
  if (uri.slice(0, comma).endsWith(';base64')) return Buffer.from(payload, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const hex = payload[i] === '%' ? payload.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(payload.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(bytes);
}

function list(doc: Json, key: string, problems: string[]): Json[] {
  const value = doc[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isObject)) {
    problems.push(`"${key}" is not a list of objects`);
    return [];
  }
  return value as Json[];
}

/**
 * Checks `doc` (parsed glTF JSON) and sums what it draws. Each problem is a phrase to prefix with the
 * file's path. Meshes drawn by several nodes count once per node (EXT_mesh_gpu_instancing included);
 * meshes no node draws count once. Draco-compressed primitives count like any other (their accessors
 * keep their counts); KTX2 images (KHR_texture_basisu) are listed with the rest and sized from their header.
 */
export function analyzeGltf(doc: unknown, context: GltfContext): GltfResult {
  const problems: string[] = [];
  const fail = (message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  /** Records a problem and answers `value` (null, false, 0…), to keep the checks below one line each. */
  const failWith = <T>(value: T, message: string): T => {
    fail(message);
    return value;
  };
  if (!isObject(doc)) return { ok: false, problems: ['is not a glTF document (its JSON is not an object)'] };
  const version = isObject(doc.asset) ? doc.asset.version : undefined;
  if (typeof version !== 'string' || !version.startsWith('2.')) return { ok: false, problems: ['is not glTF 2.0 (asset.version is missing or not "2.x")'] };

  const buffers = list(doc, 'buffers', problems);
  const views = list(doc, 'bufferViews', problems);
  const accessors = list(doc, 'accessors', problems);
  const meshes = list(doc, 'meshes', problems);
  const materials = list(doc, 'materials', problems);
  const images = list(doc, 'images', problems);
  const nodes = list(doc, 'nodes', problems);

  const bufferBytes: (BufferBytes | null)[] = buffers.map((buffer, i) => {
    if (!isCount(buffer.byteLength, 1)) return failWith(null, `buffer ${i} has no valid byteLength`);
    const declared = buffer.byteLength;
    const meshopt = isObject(buffer.extensions) ? buffer.extensions.EXT_meshopt_compression : undefined;
    if (buffer.uri === undefined) {
      if (isObject(meshopt) && meshopt.fallback === true) return { kind: 'virtual' };
      if (i !== 0 || context.binLength === null) return failWith(null, `buffer ${i} has no uri and no BIN chunk holds it`);
      if (context.binLength < declared) return failWith(null, `buffer ${i} is ${declared} bytes but the BIN chunk holds only ${context.binLength}`);
      return { kind: 'bin' };
    }
    if (typeof buffer.uri !== 'string') return failWith(null, `buffer ${i} has a uri that is not a string`);
    if (buffer.uri.startsWith('data:')) {
      const bytes = decodeDataUri(buffer.uri);
      if (!bytes) return failWith(null, `buffer ${i} has a malformed data: URI`);
      if (bytes.length < declared) return failWith(null, `buffer ${i} is ${declared} bytes but its data: URI holds only ${bytes.length}`);
      return { kind: 'data', bytes };
    }
    const file = context.resolveUri(buffer.uri);
    if (typeof file === 'string') return failWith(null, `buffer ${i} ${file}`);
    if (file.size < declared) return failWith(null, `buffer ${i} is ${declared} bytes but ${file.path} holds only ${file.size}`);
    return { kind: 'file' };
  });

  /** Checks a byte range inside a buffer; returns false (with a problem) when it is not. */
  const inBuffer = (what: string, buffer: unknown, offset: unknown, length: unknown): boolean => {
    if (!isCount(buffer) || buffer >= buffers.length) return failWith(false, `${what} uses buffer ${String(buffer)}, which does not exist`);
    if (!isCount(offset) || !isCount(length, 1)) return failWith(false, `${what} has an invalid byteOffset or byteLength`);
    const size = buffers[buffer]?.byteLength;
    if (isCount(size) && offset + length > size) return failWith(false, `${what} reads past its buffer`);
    return true;
  };
  const viewOk = views.map((view, i) => {
    if (view.byteStride !== undefined && (!isCount(view.byteStride, 4) || view.byteStride > 252 || view.byteStride % 4 !== 0)) return failWith(false, `buffer view ${i} has an invalid byteStride`);
    const meshopt = isObject(view.extensions) ? view.extensions.EXT_meshopt_compression : undefined;
    if (isObject(meshopt) && !inBuffer(`buffer view ${i} (meshopt)`, meshopt.buffer, meshopt.byteOffset ?? 0, meshopt.byteLength)) return false;
    return inBuffer(`buffer view ${i}`, view.buffer, view.byteOffset ?? 0, view.byteLength);
  });

  /** Checks that `count` elements of `size` bytes, `stride` apart, fit in view `index` from `offset`. */
  const inView = (what: string, index: unknown, offset: unknown, count: number, size: number, strided: boolean): void => {
    if (!isCount(index) || index >= views.length) return fail(`${what} uses buffer view ${String(index)}, which does not exist`);
    if (!isCount(offset)) return fail(`${what} has an invalid byteOffset`);
    const view = views[index];
    if (!view || !viewOk[index] || !isCount(view.byteLength)) return;
    const stride = strided && isCount(view.byteStride, 1) ? view.byteStride : size;
    if (offset + stride * (count - 1) + size > view.byteLength) fail(`${what} reads past its buffer view`);
  };
  const accessorOk = accessors.map((accessor, i) => {
    const componentBytes = COMPONENT_BYTES[accessor.componentType as number];
    const type = typeof accessor.type === 'string' && TYPE_COMPONENTS[accessor.type] !== undefined ? accessor.type : null;
    if (componentBytes === undefined || type === null || !isCount(accessor.count, 1)) return failWith(false, `accessor ${i} has an invalid componentType, type or count`);
    const before = problems.length;
    const size = elementBytes(type, componentBytes);
    if (accessor.bufferView !== undefined) inView(`accessor ${i}`, accessor.bufferView, accessor.byteOffset ?? 0, accessor.count, size, true);
    const sparse = accessor.sparse;
    if (isObject(sparse)) {
      const indices = isObject(sparse.indices) ? sparse.indices : {};
      const values = isObject(sparse.values) ? sparse.values : {};
      const indexBytes = COMPONENT_BYTES[indices.componentType as number];
      if (!isCount(sparse.count, 1) || indexBytes === undefined || !UNSIGNED_TYPES.has(indices.componentType as number)) fail(`accessor ${i} has an invalid sparse block`);
      else {
        inView(`accessor ${i}'s sparse indices`, indices.bufferView, indices.byteOffset ?? 0, sparse.count, indexBytes, false);
        inView(`accessor ${i}'s sparse values`, values.bufferView, values.byteOffset ?? 0, sparse.count, size, false);
      }
    }
    return problems.length === before;
  });

  const accessorCount = (what: string, index: unknown): number => {
    if (!isCount(index) || index >= accessors.length) return failWith(0, `${what} uses accessor ${String(index)}, which does not exist`);
    return accessorOk[index] ? (accessors[index]?.count as number) : 0;
  };
  const meshTriangles = meshes.map((mesh, m) => {
    const primitives = Array.isArray(mesh.primitives) ? mesh.primitives : [];
    let triangles = 0;
    primitives.forEach((primitive: unknown, p) => {
      const where = `mesh ${m} primitive ${p}`;
      if (!isObject(primitive) || !isObject(primitive.attributes)) return fail(`${where} has no attributes`);
      for (const [name, index] of Object.entries(primitive.attributes)) accessorCount(`${where} (${name})`, index);
      // Draco keeps each accessor's count (with no bufferView), so the counts below stand; its own data must exist.
      const draco = isObject(primitive.extensions) ? primitive.extensions.KHR_draco_mesh_compression : undefined;
      if (draco !== undefined && (!isObject(draco) || !isCount(draco.bufferView) || draco.bufferView >= views.length || !viewOk[draco.bufferView])) {
        fail(`${where} has KHR_draco_mesh_compression data in a buffer view that does not exist or is invalid`);
      }
      const mode = primitive.mode ?? 4;
      if (!isCount(mode) || mode > 6) return fail(`${where} has an invalid mode`);
      const vertices = primitive.indices !== undefined ? accessorCount(`${where} (indices)`, primitive.indices) : primitive.attributes.POSITION !== undefined ? accessorCount(`${where} (POSITION)`, primitive.attributes.POSITION) : 0;
      triangles += primitiveTriangles(mode, vertices);
    });
    return triangles;
  });

  const drawn = new Set<number>();
  let triangles = 0;
  nodes.forEach((node, n) => {
    if (node.mesh === undefined) return;
    if (!isCount(node.mesh) || node.mesh >= meshes.length) return fail(`node ${n} uses mesh ${String(node.mesh)}, which does not exist`);
    const instancing = isObject(node.extensions) ? node.extensions.EXT_mesh_gpu_instancing : undefined;
    const attributes = isObject(instancing) && isObject(instancing.attributes) ? Object.values(instancing.attributes) : [];
    const instances = attributes.length > 0 ? accessorCount(`node ${n} (instancing)`, attributes[0]) : 1;
    drawn.add(node.mesh);
    triangles += (meshTriangles[node.mesh] ?? 0) * instances;
  });
  meshTriangles.forEach((count, m) => {
    if (!drawn.has(m)) triangles += count;
  });

  const imageList: GltfImage[] = images.map((image, index): GltfImage => {
    if (typeof image.uri === 'string') {
      if (image.uri.startsWith('data:')) {
        const bytes = decodeDataUri(image.uri);
        return bytes ? { kind: 'bytes', index, bytes } : failWith({ kind: 'unknown', index }, `image ${index} has a malformed data: URI`);
      }
      const file = context.resolveUri(image.uri);
      return typeof file === 'string' ? failWith({ kind: 'unknown', index }, `image ${index} ${file}`) : { kind: 'file', index, path: file.path };
    }
    if (image.bufferView === undefined) return { kind: 'unknown', index };
    if (!isCount(image.bufferView) || image.bufferView >= views.length) return failWith({ kind: 'unknown', index }, `image ${index} uses buffer view ${String(image.bufferView)}, which does not exist`);
    const view = views[image.bufferView];
    const buffer = view && viewOk[image.bufferView] ? bufferBytes[view.buffer as number] : null;
    const offset = (view?.byteOffset as number | undefined) ?? 0;
    const length = view?.byteLength as number;
    if (buffer?.kind === 'bin') return { kind: 'bin', index, offset, length };
    if (buffer?.kind === 'data') return { kind: 'bytes', index, bytes: buffer.bytes.subarray(offset, offset + length) };
    return { kind: 'unknown', index };
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, summary: { triangles, materials: materials.length, images: imageList } };
}
