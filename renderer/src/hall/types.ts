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

/** A point in hall space, metres (y up; the floor is y = 0). */
export interface Point3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Where the camera stands and what it looks at. */
export interface CameraPose {
  readonly position: Point3;
  readonly target: Point3;
}

/** An axis-aligned rectangle on the floor (x, z), used for walls, booths and walkable space. */
export interface FloorRect {
  readonly minX: number;
  readonly maxX: number;
  readonly minZ: number;
  readonly maxZ: number;
}

export type TargetKind = 'exhibit' | 'mascot' | 'zone';

/** Something a visitor can tap or a tour can visit, with ids as in the manifest. */
export interface HallTarget {
  readonly id: string;
  readonly kind: TargetKind;
}

/** Stored on `object.userData.target` of every pickable mesh (including enlarged hit proxies). */
export type PickableUserData = { readonly target: HallTarget };

/** Resolves a pack-relative file path to the URL the host serves it at. */
export type ResolveUrl = (packPath: string) => string;

/** How much of the canvas a panel covers on its right and at its bottom, CSS px. */
export interface ViewInset {
  readonly right: number;
  readonly bottom: number;
}
