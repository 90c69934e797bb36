// createHallScene wired for the browser: canvas-drawn textures, GLTFLoader with meshopt, a redraw once fonts load.
import type { ResolveUrl } from '../types';
import { createHallScene } from './hall-scene';
import type { HallManifest, HallScene } from './hall-scene';
import { gltfModelLoader } from './model-loader';
import type { ResourceCache } from './resource-cache';
import { createCanvasPainter } from './text-texture';

export interface BrowserHallSceneOptions {
  readonly locale: string;
  readonly resolveUrl: ResolveUrl;
  readonly onChange: () => void;
  readonly cache?: ResourceCache;
}

/**
 * The hall for a pack. Text drawn before the CJK web font has loaded would use a fallback face, so signs
 * and panels are drawn again, in the then-current locale, once `document.fonts.ready` settles.
 */
export function createBrowserHallScene(manifest: HallManifest, options: BrowserHallSceneOptions): HallScene {
  let locale = options.locale;
  const scene = createHallScene(manifest, { ...options, painter: createCanvasPainter(), loadModel: gltfModelLoader() });
  const setLocale = (next: string) => {
    locale = next;
    scene.setLocale(next);
  };
  if (document.fonts.status !== 'loaded') {
    // setLocale after dispose is a no-op, so a late font load cannot touch a disposed hall.
    void document.fonts.ready.then(() => scene.setLocale(locale));
  }
  return { ...scene, setLocale };
}
