// Loads mascot models (GLB/glTF) for the hall, with the compression decoders the app ships.
import type { AnimationClip, Object3D, WebGLRenderer } from 'three';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';
import { DRACO_GLTF_CONFIG, DRACOLoader } from 'three/addons/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { KTX2Loader } from 'three/addons/loaders/KTX2Loader.js';
import { BASIS_TRANSCODER_DIR } from './decoder-files';

export interface LoadedModel {
  readonly scene: Object3D;
  readonly animations: readonly AnimationClip[];
}
export type ModelLoader = (url: string) => Promise<LoadedModel>;

/** A model loader that owns decoder workers: whoever creates it disposes it. */
export interface GltfModelLoader {
  readonly load: ModelLoader;
  /** Ends the decoder workers and frees their blob: URLs; loads after this are refused. Idempotent. */
  dispose(): void;
}

/**
 * GLB/glTF with meshopt, Draco (KHR_draco_mesh_compression) and Basis Universal KTX2
 * (KHR_texture_basisu). `renderer` tells KTX2Loader which compressed GPU formats exist; without one
 * (nothing mounted yet) KTX2-textured models fail to load, and show a placeholder, rather than guess.
 * `pageUrl` is the page's base URL (`document.baseURI`), which the Basis transcoder's folder is resolved against.
 *
 * Decoders come from the app's own origin (app://ui or the web host), never a CDN. Draco's are three's
 * own (examples/jsm/libs/draco/gltf), which DRACOLoader names with `new URL(…, import.meta.url)` and
 * Vite copies beside the bundle. Basis's is three's transcoder patched at build time to compile no
 * code from strings (the CSP has no 'unsafe-eval'), at BASIS_TRANSCODER_DIR beside the page. Each
 * loader fetches its files and starts its worker (code from a blob: URL, wasm compiled inside: CSP
 * `worker-src blob:` and `'wasm-unsafe-eval'`) only when a model first uses its extension. Meshopt's
 * decoder is embedded in its module.
 */
export function gltfModelLoader(renderer: WebGLRenderer | null, pageUrl: string): GltfModelLoader {
  // The glTF-only Draco decoder: a third smaller than the general one, and all KHR_draco_mesh_compression needs.
  // Mascots are few and decoded once per pack; one worker each keeps the kiosk's memory (a wasm heap per worker) small.
  const draco = new DRACOLoader().setDecoderPath(DRACO_GLTF_CONFIG).setWorkerLimit(1);
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).setDRACOLoader(draco);
  // The page's folder, not the script's: the transcoder is a file of the build, not a bundled asset.
  const transcoder = new URL(BASIS_TRANSCODER_DIR, pageUrl).href;
  const ktx2 = renderer ? new KTX2Loader().setTranscoderPath(transcoder).setWorkerLimit(1).detectSupport(renderer) : null;
  if (ktx2) loader.setKTX2Loader(ktx2);
  let disposed = false;
  return {
    load: (url) => (disposed ? Promise.reject(new Error('the model loader was disposed')) : loader.loadAsync(url)),
    dispose() {
      if (disposed) return;
      disposed = true;
      draco.dispose();
      // KTX2Loader.dispose() decrements a module-wide count of live transcoders that only its first use
      // increments; disposing an unused one would skew three's "multiple KTX2 loaders" warning.
      if (ktx2?.transcoderPending) ktx2.dispose();
    },
  };
}
