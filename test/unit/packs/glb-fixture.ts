// Builds GLB files and image headers by hand for the scene-stats tests: a JSON chunk, a BIN chunk of typed arrays.
import { crc32 } from 'node:zlib';

type Json = Record<string, unknown>;

/** Wraps glTF JSON (and optional BIN bytes) in a GLB container, padded to 4 bytes as the spec asks. */
export function glb(json: unknown, bin?: Uint8Array): Buffer {
  const text = Buffer.from(JSON.stringify(json), 'utf8');
  const jsonChunk = Buffer.concat([text, Buffer.alloc((4 - (text.length % 4)) % 4, 0x20)]);
  const chunks: Buffer[] = [chunkHeader(jsonChunk.length, 'JSON'), jsonChunk];
  if (bin) {
    const binChunk = Buffer.concat([bin, Buffer.alloc((4 - (bin.length % 4)) % 4)]);
    chunks.push(chunkHeader(binChunk.length, 'BIN\0'), binChunk);
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('glTF', 0, 'latin1');
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + body.length, 8);
  return Buffer.concat([header, body]);
}

function chunkHeader(length: number, type: string): Buffer {
  const out = Buffer.alloc(8);
  out.writeUInt32LE(length, 0);
  out.write(type, 4, 'latin1');
  return out;
}

const bytesOf = (array: ArrayBufferView): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** Accumulates buffer views, accessors, meshes, materials and images, then writes one GLB. */
export class GlbBuilder {
  readonly json: Json & { bufferViews: Json[]; accessors: Json[]; meshes: Json[]; materials: Json[]; images: Json[]; nodes: Json[] } = {
    asset: { version: '2.0', generator: 'sunrise-hall tests' },
    bufferViews: [],
    accessors: [],
    meshes: [],
    materials: [],
    images: [],
    nodes: [],
  };
  private readonly parts: Buffer[] = [];
  private length = 0;

  /** Appends bytes (4-byte aligned) as a buffer view; returns its index. */
  view(data: ArrayBufferView, extra: Json = {}): number {
    const bytes = bytesOf(data);
    const pad = (4 - (this.length % 4)) % 4;
    if (pad) this.parts.push(Buffer.alloc(pad));
    this.length += pad;
    this.json.bufferViews.push({ buffer: 0, byteOffset: this.length, byteLength: bytes.length, ...extra });
    this.parts.push(bytes);
    this.length += bytes.length;
    return this.json.bufferViews.length - 1;
  }

  accessor(view: number, componentType: number, type: string, count: number, extra: Json = {}): number {
    this.json.accessors.push({ bufferView: view, componentType, type, count, ...extra });
    return this.json.accessors.length - 1;
  }

  /** A mesh of one primitive drawn by one node: `vertices` VEC3 floats, optional indices, a mode. */
  mesh(vertices: number, options: { indices?: number; mode?: number; nodes?: number } = {}): number {
    const position = this.accessor(this.view(new Float32Array(vertices * 3)), 5126, 'VEC3', vertices);
    const primitive: Json = { attributes: { POSITION: position } };
    if (options.indices !== undefined) primitive.indices = this.accessor(this.view(new Uint16Array(options.indices)), 5123, 'SCALAR', options.indices);
    if (options.mode !== undefined) primitive.mode = options.mode;
    this.json.meshes.push({ primitives: [primitive] });
    const mesh = this.json.meshes.length - 1;
    for (let i = 0; i < (options.nodes ?? 1); i++) this.json.nodes.push({ mesh });
    return mesh;
  }

  materials(count: number): this {
    for (let i = 0; i < count; i++) this.json.materials.push({ name: `m${i}` });
    return this;
  }

  /** An image stored in the BIN chunk. */
  image(bytes: Uint8Array, mimeType = 'image/png'): number {
    this.json.images.push({ bufferView: this.view(bytes), mimeType });
    return this.json.images.length - 1;
  }

  bin(): Buffer {
    return Buffer.concat(this.parts);
  }

  build(): Buffer {
    const bin = this.bin();
    const scenes = [{ nodes: this.json.nodes.map((_, i) => i) }];
    return glb({ ...this.json, scene: 0, scenes, buffers: [{ byteLength: Math.max(1, bin.length) }] }, bin);
  }
}

/** A PNG header claiming `width`×`height`, followed by a tiny IDAT and IEND (enough for every check but decoding). */
export function pngOfSize(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG's start: SOI, an APP1 segment of `exifBytes` (split into ≤ 65,533-byte segments), DQT, then SOF0. */
export function jpegOfSize(width: number, height: number, exifBytes = 16): Buffer {
  const segment = (marker: number, data: Buffer): Buffer => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([head, data]);
  };
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  for (let left = exifBytes; left > 0; left -= 65_533) parts.push(segment(0xe1, Buffer.alloc(Math.min(left, 65_533), 0xff)));
  parts.push(segment(0xdb, Buffer.alloc(65, 1)));
  const sof = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  parts.push(Buffer.from([0xff, 0xff]), segment(0xc0, sof), segment(0xda, Buffer.alloc(10)), Buffer.from([0x12, 0x34, 0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** A WebP file header of the given kind (lossy VP8, lossless VP8L, extended VP8X) claiming `width`×`height`. */
export function webpOfSize(kind: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): Buffer {
  const body = Buffer.alloc(22);
  if (kind === 'VP8 ') {
    body.set([0x9d, 0x01, 0x2a], 3);
    body.writeUInt16LE(width, 6);
    body.writeUInt16LE(height, 8);
  } else if (kind === 'VP8L') {
    body[0] = 0x2f;
    body.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1);
  } else {
    body.writeUIntLE(width - 1, 4, 3);
    body.writeUIntLE(height - 1, 7, 3);
  }
  const chunkHead = Buffer.alloc(8);
  chunkHead.write(kind, 0, 'ascii');
  chunkHead.writeUInt32LE(body.length, 4);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(4 + 8 + body.length, 4);
  riff.write('WEBP', 8, 'ascii');
  return Buffer.concat([riff, chunkHead, body]);
}

/** A KTX2 header (identifier, vkFormat, typeSize, width, height) and some padding. */
export function ktx2OfSize(width: number, height: number, vkFormat = 0): Buffer {
  const out = Buffer.alloc(80);
  out.set([0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  out.writeUInt32LE(vkFormat, 12);
  out.writeUInt32LE(1, 16);
  out.writeUInt32LE(width, 20);
  out.writeUInt32LE(height, 24);
  return out;
}
