// Pack results that cross the API: problems, reports, import progress and installed-pack summaries.
import type { ErrorCode } from './errors';
import type { LocalizedText } from './locale';

export type PackErrorCode = Extract<ErrorCode, `PACK_E_${string}`>;

export interface PackProblem {
  readonly code: PackErrorCode;
  /** The entry name (`images/a.png`), the JSON path in the manifest (`$.hall.zones[2].title`), or '' for the whole pack. */
  readonly path: string;
  /** One sentence saying what is wrong and, where useful, what to do. */
  readonly message: string;
}

export interface PackWarning {
  readonly path: string;
  readonly message: string;
}

/**
 * What the hall will have to draw, read from the pack's models and images without decoding them
 * (checked against Spoke-style budgets; see reliability.md E0).
 */
export interface SceneStats {
  /** Triangles of every model file (each counted once, however many mascots use it). */
  readonly triangles: number;
  /** Materials of every model file. */
  readonly materials: number;
  /** Every image: image files in the pack and images embedded in models. */
  readonly textures: number;
  /** Estimated GPU memory of all textures: RGBA plus mip chain (KTX2 Basis at about 1 byte a pixel). */
  readonly textureMemoryBytes: number;
  /** The image with the most pixels; `path` is `model.glb#image2` for one embedded in a model. */
  readonly largestTexture: { readonly path: string; readonly width: number; readonly height: number } | null;
  /** GLB and glTF files. */
  readonly models: number;
}

export interface PackStats {
  readonly files: number;
  readonly bytes: number;
  readonly id?: string;
  readonly version?: string;
  /** Key id that signed the manifest, or null for an unsigned pack. */
  readonly signedBy?: string | null;
  /** Present once every file has been read (validate, and an import that got as far as copying). */
  readonly scene?: SceneStats;
}

/** What validate and import tell staff: every problem, every warning, and what the pack holds. */
export interface PackReport {
  readonly ok: boolean;
  readonly errors: readonly PackProblem[];
  readonly warnings: readonly PackWarning[];
  readonly stats: PackStats;
}

export interface PackRef {
  readonly id: string;
  readonly version: string;
}

export interface ImportResult extends PackReport {
  /** The pack, once its manifest was read. */
  readonly pack?: PackRef;
  readonly activated: boolean;
  /** The same version with the same manifest was already installed; nothing was copied. */
  readonly alreadyInstalled: boolean;
}

export type ImportPhase = 'checking' | 'copying' | 'activating' | 'done';

export interface ImportProgress {
  readonly phase: ImportPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The file being copied, during `copying`. */
  readonly file?: string;
}

export interface InstalledPackInfo extends PackRef {
  readonly title: LocalizedText;
  readonly active: boolean;
}
