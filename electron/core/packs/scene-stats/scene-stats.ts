// Collects a pack's scene stats (triangles, materials, textures) from its models and images as the importer streams them.
import { posix } from 'node:path';
import { PANEL_TEXTURE, SIGN_TEXTURE } from '../../../shared/hall-textures';
import type { PackMediaType } from '../../../shared/pack-paths';
import type { PackProblem, PackWarning, SceneStats } from '../../../shared/pack-types';
import type { FileInspector, FileTap } from '../copy-verified-files';
import { problem } from '../problems';
import { budgetWarnings, textureMemoryBytes } from './budgets';
import type { ImageBudgetInput, ModelBudgetInput } from './budgets';
import { glbTap, gltfTap } from './glb-inspect';
import type { ModelInspection, ModelTap } from './glb-inspect';
import { NOT_IN_PACK } from './gltf-json';
import { ImageSizeSniffer } from './image-size';
import type { ImageSize } from './image-size';

export interface SceneStatsResult {
  readonly stats: SceneStats;
  /** Budget warnings, per file first, then a summary. */
  readonly warnings: readonly PackWarning[];
  /** Malformed models (bad container, JSON, or accessor and buffer-view bounds): the pack is refused. */
  readonly problems: readonly PackProblem[];
}

export interface PackFileInfo {
  readonly path: string;
  readonly type: PackMediaType | string;
  readonly size: number;
}

const IMAGE_TYPES = new Set<string>(['image/png', 'image/jpeg', 'image/webp', 'image/ktx2']);

interface InspectedModel {
  readonly path: string;
  readonly size: number;
  readonly inspection: ModelInspection;
}

/**
 * A FileInspector for copyVerifiedFiles: taps GLB, glTF and image files, keeps only what each one
 * adds up to (a few numbers per file), and reports once every file has passed. Files that fail their
 * hash or type check are left out; they are refused on their own.
 */
export class SceneStatsCollector implements FileInspector {
  private readonly sizes = new Map<string, number>();
  private readonly models: InspectedModel[] = [];
  private readonly images = new Map<string, { size: number; pixels: ImageSize | null }>();

  /**
   * `hall` counts the exhibit panels and zone signs the hall draws (one texture each). Exhibit images
   * are drawn into their panel's texture (and shown as pictures in the page), so they add no texture of
   * their own; only images a model uses do.
   */
  constructor(
    files: readonly PackFileInfo[],
    private readonly hall: { readonly panels: number; readonly signs: number } = { panels: 0, signs: 0 },
  ) {
    for (const file of files) this.sizes.set(file.path, file.size);
  }

  open(file: { readonly path: string; readonly type: PackMediaType | string; readonly size: number }): FileTap | null {
    if (IMAGE_TYPES.has(file.type)) {
      const sniffer = new ImageSizeSniffer();
      return {
        write: (chunk) => sniffer.push(chunk),
        end: (verified) => void (verified && this.images.set(file.path, { size: file.size, pixels: sniffer.result() })),
      };
    }
    const context = { resolveUri: (uri: string) => this.resolve(file.path, uri) };
    let tap: ModelTap;
    if (file.type === 'model/gltf-binary') tap = glbTap(file.size, context);
    else if (file.type === 'model/gltf+json') tap = gltfTap(file.size, context);
    else return null;
    let broken: string | null = null;
    return {
      write: (chunk) => {
        if (broken !== null) return;
        try {
          tap.write(chunk);
        } catch (error) {
          broken = error instanceof Error ? error.message : String(error);
        }
      },
      end: (verified) => {
        if (!verified) return;
        const inspection: ModelInspection = broken === null ? tap.finish() : { ok: false, code: 'PACK_E_TYPE', problems: [`could not be inspected (${broken})`] };
        this.models.push({ path: file.path, size: file.size, inspection });
      },
    };
  }

  /** A URI inside a model, resolved against the model's folder; only files of this pack are allowed. */
  private resolve(modelPath: string, uri: string): { path: string; size: number } | string {
    let decoded: string;
    try {
      decoded = decodeURIComponent(uri);
    } catch {
      return `refers to ${JSON.stringify(uri)}, which is not a valid URI`;
    }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(decoded) || decoded.startsWith('/') || decoded.includes('\\')) return `refers to ${JSON.stringify(uri)}, outside the pack`;
    const path = posix.normalize(posix.join(posix.dirname(modelPath), decoded));
    if (path.startsWith('../') || path === '..') return `refers to ${JSON.stringify(uri)}, outside the pack`;
    const size = this.sizes.get(path);
    return size === undefined ? `refers to ${path}, ${NOT_IN_PACK}` : { path, size };
  }

  finish(): SceneStatsResult {
    const problems: PackProblem[] = [];
    const modelInputs: ModelBudgetInput[] = [];
    const imageInputs: ImageBudgetInput[] = [...this.images].map(([path, image]) => ({ path, fileBytes: image.size, size: image.pixels }));
    let triangles = 0;
    let materials = 0;
    for (const model of this.models) {
      const { inspection } = model;
      if (!inspection.ok) {
        for (const message of inspection.problems) problems.push(problem(inspection.code, model.path, `${model.path}: ${message}.`));
        continue;
      }
      triangles += inspection.triangles;
      materials += inspection.materials;
      let memory = 0;
      let unsized = 0;
      const seen = new Set<string>();
      for (const image of inspection.images) {
        if (image.file !== null && seen.has(image.file)) continue;
        if (image.file !== null) seen.add(image.file);
        const pixels = image.file !== null ? (this.images.get(image.file)?.pixels ?? null) : image.size;
        if (pixels) memory += textureMemoryBytes(pixels);
        else if (image.file === null) unsized += 1; // an unsized image file has a warning of its own
        if (image.file === null) imageInputs.push({ path: `${model.path}#image${image.index}`, fileBytes: null, size: image.size });
      }
      modelInputs.push({ path: model.path, fileBytes: model.size, triangles: inspection.triangles, materials: inspection.materials, textureMemoryBytes: memory, unsizedImages: unsized });
    }

    let largest: SceneStats['largestTexture'] = null;
    const memory =
      modelInputs.reduce((sum, model) => sum + model.textureMemoryBytes, 0) +
      this.hall.panels * textureMemoryBytes({ format: 'png', ...PANEL_TEXTURE }) +
      this.hall.signs * textureMemoryBytes({ format: 'png', ...SIGN_TEXTURE });
    for (const image of imageInputs) {
      if (!image.size) continue;
      if (largest === null || image.size.width * image.size.height > largest.width * largest.height) largest = { path: image.path, width: image.size.width, height: image.size.height };
    }
    const stats: SceneStats = { triangles, materials, textures: imageInputs.length, textureMemoryBytes: memory, largestTexture: largest, models: this.models.length };
    return { stats, warnings: budgetWarnings(stats, modelInputs, imageInputs), problems };
  }
}

/** In-memory files, as `collectSceneStats` takes them. */
export interface SceneFile {
  readonly path: string;
  readonly type: PackMediaType | string;
  readonly bytes: Uint8Array;
}

/**
 * Scene stats of files already in memory, fed through the same taps the importer uses, in chunks of
 * `chunkBytes` (small chunks exercise the streaming parsers). Every file counts as verified.
 */
export function collectSceneStats(files: readonly SceneFile[], chunkBytes = 64 * 1024): SceneStatsResult {
  const collector = new SceneStatsCollector(files.map((f) => ({ path: f.path, type: f.type, size: f.bytes.length })));
  for (const file of files) {
    const tap = collector.open({ path: file.path, type: file.type, size: file.bytes.length });
    if (!tap) continue;
    for (let at = 0; at < file.bytes.length; at += chunkBytes) tap.write(file.bytes.subarray(at, at + chunkBytes));
    tap.end(true);
  }
  return collector.finish();
}
