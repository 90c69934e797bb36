// Plain-data types the hall engine shares with the app: frame statistics and listener shapes.

/** What the renderer drew and holds; numbers only, safe to copy into reactive state or diagnostics. */
export interface HallStats {
  /** Frames this engine has drawn since it was created. */
  readonly frames: number;
  /** Draw calls of the last frame. */
  readonly drawCalls: number;
  /** Triangles of the last frame. */
  readonly triangles: number;
  /** Geometries currently uploaded to the GPU. */
  readonly geometries: number;
  /** Textures currently uploaded to the GPU. */
  readonly textures: number;
  /** Shader programs currently compiled. */
  readonly programs: number;
}

export type FrameListener = (stats: HallStats) => void;
export type Unlisten = () => void;
