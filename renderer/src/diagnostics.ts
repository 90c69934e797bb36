// window.sunriseDiagnostics: a read-only view of renderer health for tests and staff tools.
import type { EngineStats } from './hall/engine-events';
import type { HallTarget } from './hall/types';

/** What the visitor sees: issue 5's list (`admin` and `closed` belong to the staff console and opening hours). */
export type DiagnosticsScreen = 'attract' | 'hall' | 'exhibit' | 'mascot' | 'index' | 'admin' | 'closed';

/**
 * The shape tests read. Every member is a getter; writing to it fails (throws in strict mode).
 * The frame numbers are the hall engine's own statistics of its last frame, except `frames`, which
 * counts hall frames since the page loaded, across every hall visit (still while nothing moves).
 */
export interface SunriseDiagnostics extends EngineStats {
  /** True once the first hall frame has been drawn; stays true for the rest of the run. */
  readonly ready: boolean;
  readonly screen: DiagnosticsScreen;
  /** Id of the exhibit whose panel is open, or null. */
  readonly openExhibit: string | null;
  /** The visitor's language. */
  readonly locale: string;
  /** Sounds playing now, and the one most recently started (its file). */
  readonly audio: { readonly playing: number; readonly last: string | null };
  /** Until the visit ends for lack of input (warning included); null on attract or while held by media or typing. */
  readonly idleMsRemaining: number | null;
  /** True while the hall shows its 2D fallback (WebGL context lost or unavailable). */
  readonly fallback: boolean;
  /** True while a tour's camera flies between waypoints (false while it dwells, and with no tour). */
  readonly tourFlying: boolean;
  /** Every exhibit, mascot and zone of the hall on screen, ids as in the manifest. */
  targets(): HallTarget[];
  /** Screen position (CSS px, relative to the hall canvas) of a target, so tests and staff tools can tap it. */
  project(id: string): { x: number; y: number; visible: boolean } | null;
}

/** What the diagnostics ask of the hall on screen; registered by the hall canvas while it lives. */
export interface DiagnosticsHall {
  targets(): HallTarget[];
  project(id: string): { x: number; y: number; visible: boolean } | null;
}

let hall: DiagnosticsHall | null = null;
let idleClock: (() => number | null) | null = null;

/** The idle timer registers how to read its time left (asked on every read, so it is always current). */
export function reportIdleClock(read: (() => number | null) | null): void {
  idleClock = read;
}

export function reportLocale(locale: string): void {
  state.locale = locale;
}

export function reportAudio(audio: { playing: number; last: string | null }): void {
  state.audio = Object.freeze({ playing: audio.playing, last: audio.last });
}

export function reportHall(current: DiagnosticsHall | null): void {
  hall = current;
}

export function reportFallback(active: boolean): void {
  state.fallback = active;
}

export function reportTourFlying(moving: boolean): void {
  state.tourFlying = moving;
}

type DiagnosticsValues = Omit<SunriseDiagnostics, 'targets' | 'project' | 'idleMsRemaining'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// The only writable copy lives here, unexported: the page sees getters, the app calls the reporters below.
const state: Mutable<DiagnosticsValues> = {
  ready: false,
  screen: 'attract',
  openExhibit: null,
  locale: 'zh-CN',
  audio: { playing: 0, last: null },
  frames: 0,
  drawCalls: 0,
  triangles: 0,
  geometries: 0,
  textures: 0,
  programs: 0,
  fps: 0,
  frameTimeMs: 0,
  quality: 'medium',
  fallback: false,
  tourFlying: false,
};

/** Defines window.sunriseDiagnostics once: non-writable, non-configurable, its object frozen. */
export function installDiagnostics(target: Window = window): void {
  if (Object.hasOwn(target, 'sunriseDiagnostics')) return;
  const view = {
    targets: () => hall?.targets() ?? [],
    project: (id: string) => hall?.project(String(id)) ?? null,
  } as SunriseDiagnostics;
  Object.defineProperty(view, 'idleMsRemaining', { get: () => idleClock?.() ?? null, enumerable: true, configurable: false });
  for (const key of Object.keys(state) as (keyof DiagnosticsValues)[]) {
    Object.defineProperty(view, key, { get: () => state[key], enumerable: true, configurable: false });
  }
  Object.freeze(view);
  Object.defineProperty(target, 'sunriseDiagnostics', { value: view, writable: false, configurable: false, enumerable: false });
}

export function reportScreen(screen: DiagnosticsScreen, openExhibit: string | null = null): void {
  state.screen = screen;
  state.openExhibit = openExhibit;
}

/** Called by the hall canvas once its engine has drawn a frame that shows a hall. */
export function reportHallReady(): void {
  state.ready = true;
}

/** Called by the hall canvas after each drawn frame. */
export function reportHallFrame(stats: EngineStats): void {
  state.frames += 1;
  state.drawCalls = stats.drawCalls;
  state.triangles = stats.triangles;
  state.geometries = stats.geometries;
  state.textures = stats.textures;
  state.programs = stats.programs;
  state.fps = stats.fps;
  state.frameTimeMs = stats.frameTimeMs;
  state.quality = stats.quality;
}
