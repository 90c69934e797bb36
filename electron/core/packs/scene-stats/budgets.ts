// Spoke-style scene budgets (reliability.md E0) and the warnings staff see when a pack exceeds them.
import type { PackWarning, SceneStats } from '../../../shared/pack-types';
import type { ImageSize } from './image-size';

const MIB = 1024 * 1024;

/** Thresholds from Hubs/Spoke's performance.js (Low / Medium, above is High) and getObjectPerfIssues. */
export const SCENE_BUDGETS = {
  triangles: { low: 50_000, medium: 75_000 },
  materials: { low: 25, medium: 50 },
  textureMemoryBytes: { low: 256 * MIB, medium: 512 * MIB },
  /** Any texture wider or taller than this rates the scene's textures High. */
  maxTextureSide: 2048,
  perModel: { triangles: 10_000, materials: 10, textureMemoryBytes: 64 * MIB, fileBytes: 10 * MIB },
  imageFileBytes: 4 * MIB,
} as const;

export type Rating = 'Low' | 'Medium' | 'High';

export function rate(value: number, budget: { readonly low: number; readonly medium: number }): Rating {
  return value <= budget.low ? 'Low' : value <= budget.medium ? 'Medium' : 'High';
}

/**
 * GPU memory a texture is estimated to take: uncompressed RGBA (4 bytes a pixel) plus a third for the
 * mip chain, as Spoke estimates. Basis Universal KTX2 (vkFormat 0) is transcoded to a block format of
 * about 1 byte a pixel; other KTX2 formats are counted as RGBA, which over- rather than under-estimates.
 */
export function textureMemoryBytes(size: ImageSize): number {
  const bytesPerPixel = size.format === 'ktx2' && size.vkFormat === 0 ? 1 : 4;
  return Math.ceil((size.width * size.height * bytesPerPixel * 4) / 3);
}

export interface ModelBudgetInput {
  readonly path: string;
  readonly fileBytes: number;
  readonly triangles: number;
  readonly materials: number;
  readonly textureMemoryBytes: number;
  /** Images whose size could not be read (not counted in texture memory). */
  readonly unsizedImages: number;
}

export interface ImageBudgetInput {
  /** A pack path, or `model.glb#image3` for an image inside a model. */
  readonly path: string;
  /** File size for image files; null for embedded images. */
  readonly fileBytes: number | null;
  readonly size: ImageSize | null;
}

const count = (n: number): string => n.toLocaleString('en-US');
const mib = (bytes: number): string => `${Math.round(bytes / MIB).toLocaleString('en-US')} MiB`;

function modelWarnings(model: ModelBudgetInput): PackWarning[] {
  const budget = SCENE_BUDGETS.perModel;
  const warnings: string[] = [];
  if (model.triangles > budget.triangles) warnings.push(`${count(model.triangles)} triangles; keep each model under ${count(budget.triangles)} for weak kiosk PCs`);
  if (model.materials > budget.materials) warnings.push(`${model.materials} materials; keep each model to ${budget.materials} or fewer (each one costs draw calls)`);
  if (model.textureMemoryBytes > budget.textureMemoryBytes) warnings.push(`its textures need about ${mib(model.textureMemoryBytes)} of GPU memory; keep each model under ${mib(budget.textureMemoryBytes)}`);
  if (model.fileBytes > budget.fileBytes) warnings.push(`the file is ${mib(model.fileBytes)}; keep models under ${mib(budget.fileBytes)} (compress meshes with meshopt or Draco, textures with KTX2)`);
  if (model.unsizedImages > 0) warnings.push(`the size of ${model.unsizedImages} of its images could not be read, so they are not counted in texture memory`);
  return warnings.map((message) => ({ path: model.path, message: `${message}.` }));
}

function imageWarnings(image: ImageBudgetInput): PackWarning[] {
  const side = SCENE_BUDGETS.maxTextureSide;
  const warnings: string[] = [];
  if (image.size === null && image.fileBytes !== null) warnings.push('its pixel size could not be read from its header, so it is not counted in texture memory');
  if (image.size && (image.size.width > side || image.size.height > side)) {
    warnings.push(`${image.size.width}×${image.size.height} pixels is larger than ${side}×${side}; scale it down, weak kiosk GPUs may refuse or crawl on it`);
  }
  if (image.fileBytes !== null && image.fileBytes > SCENE_BUDGETS.imageFileBytes) warnings.push(`the file is ${mib(image.fileBytes)}; keep images under ${mib(SCENE_BUDGETS.imageFileBytes)}`);
  // An embedded image is reported against its model: `models/a.glb#image2` → `models/a.glb`, "image 2: …".
  const [file = image.path, embedded] = image.path.split('#');
  const prefix = embedded === undefined ? '' : `${embedded.replace(/^image/, 'image ')}: `;
  return warnings.map((message) => ({ path: file, message: `${prefix}${message}.` }));
}

/** Ratings of the whole scene on Spoke's three axes; textures are High as soon as one is too large. */
export function rateScene(scene: SceneStats): { triangles: Rating; materials: Rating; textures: Rating } {
  const side = SCENE_BUDGETS.maxTextureSide;
  const tooLarge = scene.largestTexture !== null && (scene.largestTexture.width > side || scene.largestTexture.height > side);
  return {
    triangles: rate(scene.triangles, SCENE_BUDGETS.triangles),
    materials: rate(scene.materials, SCENE_BUDGETS.materials),
    textures: tooLarge ? 'High' : rate(scene.textureMemoryBytes, SCENE_BUDGETS.textureMemoryBytes),
  };
}

/**
 * Per-model and per-image warnings (the file in `path`, as printReport shows them), then one summary line when the scene as a whole is above Spoke's
 * "Low" on any axis. Warnings never block an import; they tell staff what may run slowly.
 */
export function budgetWarnings(scene: SceneStats, models: readonly ModelBudgetInput[], images: readonly ImageBudgetInput[]): PackWarning[] {
  const warnings = [...models.flatMap(modelWarnings), ...images.flatMap(imageWarnings)];
  const rating = rateScene(scene);
  if (rating.triangles !== 'Low' || rating.materials !== 'Low' || rating.textures !== 'Low') {
    const b = SCENE_BUDGETS;
    const parts = [
      `${count(scene.triangles)} triangles (${rating.triangles}; Low is up to ${count(b.triangles.low)}, Medium up to ${count(b.triangles.medium)})`,
      `${scene.materials} materials (${rating.materials}; Low is up to ${b.materials.low}, Medium up to ${b.materials.medium})`,
      `~${mib(scene.textureMemoryBytes)} of textures (${rating.textures}; Low is up to ${mib(b.textureMemoryBytes.low)}, Medium up to ${mib(b.textureMemoryBytes.medium)}, and no texture over ${b.maxTextureSide}×${b.maxTextureSide})`,
    ];
    warnings.push({ path: '', message: `scene budget: ${parts.join(', ')}. The hall may run slowly on weak kiosk PCs; see the warnings above for what to shrink.` });
  }
  return warnings;
}
