// Loads mascot models (GLB/glTF) for the hall, with the compression decoders the app ships.
import type { AnimationClip, Object3D } from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';

export interface LoadedModel {
  readonly scene: Object3D;
  readonly animations: readonly AnimationClip[];
}
export type ModelLoader = (url: string) => Promise<LoadedModel>;

/** Loads GLB/glTF with meshopt compression support; the decoder's wasm is embedded, so no file or network. */
export function gltfModelLoader(): ModelLoader {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  return (url) => loader.loadAsync(url);
}
