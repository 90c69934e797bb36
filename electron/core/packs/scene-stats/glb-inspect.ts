// Inspects a GLB or .gltf model as its bytes stream past: container checks, the JSON chunk, and embedded images' sizes.
import { analyzeGltf, NOT_IN_PACK } from './gltf-json';
import type { GltfContext, GltfImage } from './gltf-json';
import { ImageSizeSniffer, imageSize } from './image-size';
import type { ImageSize } from './image-size';

/** The most JSON one model may carry; GLTFLoader parses it on the kiosk's main thread. */
export const MAX_GLTF_JSON_BYTES = 8 * 1024 * 1024;
/** Embedded images whose sizes are read; more than this in one model are counted but not sized. */
const MAX_SNIFFED_IMAGES = 1024;

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'

export interface ModelImage {
  /** Index in the glTF's `images`. */
  readonly index: number;
  /** Pack path of an image file the model refers to; null for an embedded image. */
  readonly file: string | null;
  /** Pixel size of an embedded image, or null when unknown (or when `file` is set). */
  readonly size: ImageSize | null;
}

export type ModelInspection =
  | { readonly ok: true; readonly triangles: number; readonly materials: number; readonly images: readonly ModelImage[] }
  | { readonly ok: false; readonly problems: readonly string[]; readonly code: 'PACK_E_TYPE' | 'PACK_E_LIMIT' | 'PACK_E_MISSING' };

export interface ModelTap {
  write(chunk: Uint8Array): void;
  /** Called once the whole file has streamed past. */
  finish(): ModelInspection;
}

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

function describeError(error: unknown): string {
  return error instanceof TypeError ? 'is not valid UTF-8' : `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
}

/** Turns the analysis into an inspection, sizing images whose bytes are already at hand. */
function summarise(json: unknown, context: GltfContext, binImage: (image: GltfImage & { kind: 'bin' }) => ImageSize | null): ModelInspection {
  const analysis = analyzeGltf(json, context);
  if (!analysis.ok) return { ok: false, code: analysis.problems.some((p) => p.endsWith(NOT_IN_PACK)) ? 'PACK_E_MISSING' : 'PACK_E_TYPE', problems: analysis.problems };
  const images = analysis.summary.images.map((image): ModelImage => {
    if (image.kind === 'file') return { index: image.index, file: image.path, size: null };
    if (image.kind === 'bytes') return { index: image.index, file: null, size: imageSize(image.bytes) };
    if (image.kind === 'bin') return { index: image.index, file: null, size: binImage(image) };
    return { index: image.index, file: null, size: null };
  });
  return { ok: true, triangles: analysis.summary.triangles, materials: analysis.summary.materials, images };
}

/** A .gltf file: JSON text, collected whole (up to the cap) and analysed at the end. */
export function gltfTap(fileSize: number, context: Omit<GltfContext, 'binLength'>): ModelTap {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => {
      if (fileSize <= MAX_GLTF_JSON_BYTES) chunks.push(new Uint8Array(chunk)); // a copy: the caller may reuse its buffers
    },
    finish: () => {
      if (fileSize > MAX_GLTF_JSON_BYTES) return { ok: false, code: 'PACK_E_LIMIT', problems: [`is ${fileSize} bytes of glTF JSON; the limit is ${MAX_GLTF_JSON_BYTES} (convert it to .glb, which keeps buffers and images binary)`] };
      let json: unknown;
      try {
        json = parseJson(Buffer.concat(chunks));
      } catch (error) {
        return { ok: false, code: 'PACK_E_TYPE', problems: [describeError(error)] };
      }
      return summarise(json, { ...context, binLength: null }, () => null);
    },
  };
}

interface SniffRange {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly sniffer: ImageSizeSniffer;
}

type GlbPhase = 'header' | 'chunk-header' | 'json' | 'chunk-data' | 'end';

/**
 * A binary glTF: a 12-byte header (magic, version 2, total length), then chunks of 8-byte header
 * (length, type) and data. The first chunk must be JSON; a BIN chunk, if any, comes second; other
 * chunk types are skipped. Holds the JSON chunk (capped) and a few bytes per embedded image only.
 */
export function glbTap(fileSize: number, context: Omit<GltfContext, 'binLength'>): ModelTap {
  let phase: GlbPhase = 'header';
  let offset = 0; // bytes seen so far
  let pending: Uint8Array[] = [];
  let need = 12; // bytes to collect (header phases) or pass over (chunk data)
  let chunks = 0;
  let json: unknown = undefined;
  let result: ModelInspection | null = null;
  const ranges: SniffRange[] = [];
  const failed = (problem: string, code: 'PACK_E_TYPE' | 'PACK_E_LIMIT' = 'PACK_E_TYPE'): void => {
    result ??= { ok: false, code, problems: [problem] };
  };
  const nextChunk = (): void => {
    phase = offset < fileSize ? 'chunk-header' : 'end';
    need = phase === 'end' ? 0 : 8;
  };

  /** Runs the JSON analysis once the BIN chunk's place is known, and sets up sniffing of its images. */
  const analyse = (binStart: number, binLength: number | null): void => {
    result ??= summarise(json, { ...context, binLength }, (image) => {
      if (ranges.length < MAX_SNIFFED_IMAGES) ranges.push({ index: image.index, start: binStart + image.offset, end: binStart + image.offset + image.length, sniffer: new ImageSizeSniffer() });
      return null;
    });
  };

  const collected = (bytes: Uint8Array): void => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (phase === 'header') {
      if (view.getUint32(0, true) !== GLB_MAGIC) return failed('is not a binary glTF (no "glTF" magic)');
      if (view.getUint32(4, true) !== 2) return failed(`is binary glTF version ${view.getUint32(4, true)}; only version 2 is supported`);
      if (view.getUint32(8, true) !== fileSize) return failed(`says it is ${view.getUint32(8, true)} bytes long but the file is ${fileSize}`);
      return nextChunk();
    }
    if (phase === 'json') {
      try {
        json = parseJson(bytes);
      } catch (error) {
        return failed(`has a JSON chunk that ${describeError(error)}`);
      }
      return nextChunk();
    }
    const length = view.getUint32(0, true);
    const type = view.getUint32(4, true);
    if (offset + length > fileSize) return failed(`has a chunk (number ${chunks + 1}) that runs past the end of the file`);
    chunks += 1;
    if (chunks === 1) {
      if (type !== CHUNK_JSON) return failed('does not start with a JSON chunk');
      if (length === 0) return failed('has an empty JSON chunk');
      if (length > MAX_GLTF_JSON_BYTES) return failed(`has a ${length}-byte JSON chunk; the limit is ${MAX_GLTF_JSON_BYTES}`, 'PACK_E_LIMIT');
      phase = 'json';
      need = length;
      return;
    }
    if (chunks === 2) analyse(offset, type === CHUNK_BIN ? length : null);
    phase = 'chunk-data';
    need = length;
    if (need === 0) nextChunk();
  };

  const feedRanges = (start: number, bytes: Uint8Array): void => {
    for (const range of ranges) {
      if (range.sniffer.done || range.end <= start || range.start >= start + bytes.length) continue;
      range.sniffer.push(bytes.subarray(Math.max(0, range.start - start), Math.min(bytes.length, range.end - start)));
    }
  };

  return {
    write(chunk) {
      let i = 0;
      while (i < chunk.length && !(result && !result.ok)) {
        if (phase === 'end') return failed(`has ${fileSize - offset} bytes after its last chunk`);
        const n = Math.min(need, chunk.length - i);
        const part = chunk.subarray(i, i + n);
        i += n;
        offset += n;
        need -= n;
        if (phase === 'chunk-data') {
          if (ranges.length > 0) feedRanges(offset - n, part);
          if (need === 0) nextChunk();
          continue;
        }
        pending.push(new Uint8Array(part)); // a copy: the caller may reuse its buffers
        if (need === 0) {
          const bytes = pending.length === 1 && pending[0] ? pending[0] : Buffer.concat(pending);
          pending = [];
          collected(bytes);
        }
      }
    },
    finish() {
      if (result && !result.ok) return result;
      if (phase !== 'end') return { ok: false, code: 'PACK_E_TYPE', problems: ['is cut short (its last chunk runs past the end of the file)'] };
      if (json === undefined) return { ok: false, code: 'PACK_E_TYPE', problems: ['has no JSON chunk'] };
      analyse(0, null);
      const inspection: ModelInspection = result ?? { ok: false, code: 'PACK_E_TYPE', problems: ['could not be inspected'] };
      if (!inspection.ok) return inspection;
      const sizes = new Map(ranges.map((range) => [range.index, range.sniffer.result()]));
      return { ...inspection, images: inspection.images.map((image) => (sizes.has(image.index) ? { ...image, size: sizes.get(image.index) ?? null } : image)) };
    },
  };
}
