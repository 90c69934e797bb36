// createHallScene wired for the browser: canvas-drawn textures, GLTFLoader with its decoders, a redraw once fonts load.
import type { WebGLRenderer } from 'three';
import type { ResolveUrl } from '../types';
import { createHallScene } from './hall-scene';
import type { HallManifest, HallScene } from './hall-scene';
import { gltfModelLoader } from './model-loader';
import { ResourceCache } from './resource-cache';
import { createCanvasPainter } from './text-texture';

/** Quiet time after the last font piece loaded before the hall's textures are redrawn with it. */
const FONT_REDRAW_DELAY_MS = 400;

/** The cache key of the model loader: one per cache, and an engine keeps one cache for its lifetime. */
const MODEL_LOADER_KEY = 'model-loader:gltf';

export interface BrowserHallSceneOptions {
  readonly locale: string;
  readonly resolveUrl: ResolveUrl;
  readonly onChange: () => void;
  readonly cache?: ResourceCache;
  /** For KTX2 textures (see gltfModelLoader); null before the engine has mounted. */
  readonly renderer: WebGLRenderer | null;
}

/**
 * The hall for a pack. Text drawn before the CJK web font has loaded would use a fallback face, so signs
 * and panels are drawn again, in the then-current locale, once `document.fonts.ready` settles.
 *
 * The model loader, with its decoder workers, is shared through the cache: a pack switch builds the
 * new hall before it disposes the old one, so the loader lives from an engine's first hall until its
 * last hall is disposed or the engine clears its cache, and is disposed exactly once, by the cache.
 */
export function createBrowserHallScene(manifest: HallManifest, options: BrowserHallSceneOptions): HallScene {
  let locale = options.locale;
  const cache = options.cache ?? new ResourceCache();
  const models = cache.acquire(MODEL_LOADER_KEY, () => gltfModelLoader(options.renderer, document.baseURI));
  const scene = createHallScene(manifest, { ...options, cache, painter: createCanvasPainter(), loadModel: models.load });
  let disposed = false;
  const setLocale = (next: string) => {
    locale = next;
    scene.setLocale(next);
  };
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    scene.dispose();
    cache.release(MODEL_LOADER_KEY);
    if (!options.cache) cache.disposeAll();
  };
  // Canvas text starts fetching the shipped font's pieces only as it draws, so the first textures may
  // use a fallback face (or empty boxes on a PC without CJK fonts): draw again whenever fonts finish
  // loading. setLocale after dispose is a no-op, so a late load cannot touch a disposed hall.
  // Font pieces arrive in bursts (one event each): redraw once a burst is over, not per piece, since
  // every redraw repaints and re-uploads every panel texture.
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  const redraw = () => {
    clearTimeout(redrawTimer);
    redrawTimer = setTimeout(() => scene.setLocale(locale), FONT_REDRAW_DELAY_MS);
  };
  document.fonts.addEventListener('loadingdone', redraw);
  if (document.fonts.status !== 'loaded') void document.fonts.ready.then(redraw);
  return {
    ...scene,
    setLocale,
    dispose: () => {
      clearTimeout(redrawTimer);
      document.fonts.removeEventListener('loadingdone', redraw);
      dispose();
    },
  };
}
