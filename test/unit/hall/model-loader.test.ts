// The model loader's decoders: nothing fetched or started when made, the transcoder found beside the page, each decoder disposed once.
import type { WebGLRenderer } from 'three';
import { DRACOLoader } from 'three/addons/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { KTX2Loader } from 'three/addons/loaders/KTX2Loader.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gltfModelLoader } from '../../../renderer/src/hall/scene/model-loader';

/** What KTX2Loader.detectSupport reads of a WebGLRenderer (a real one needs a GPU context Node does not have): no compressed formats. */
const renderer = { extensions: { has: () => false, get: () => null } } as unknown as WebGLRenderer;
const PAGE = 'app://ui/';

/** Every URL fetched; all fail as they would offline, so no test depends on the network. */
let fetched: string[] = [];
beforeEach(() => {
  fetched = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    fetched.push(input instanceof Request ? input.url : String(input));
    return Promise.reject(new TypeError('offline'));
  });
});

describe('gltfModelLoader', () => {
  it('fetches no decoder and starts no transcoder when made (loading models is what starts them; see decoders.spec.ts)', () => {
    const init = vi.spyOn(KTX2Loader.prototype, 'init');
    gltfModelLoader(renderer, PAGE);
    expect(fetched).toEqual([]);
    expect(init).not.toHaveBeenCalled();
  });

  it('looks for the Basis transcoder beside the page, wherever the page is served from', async () => {
    const path = vi.spyOn(KTX2Loader.prototype, 'setTranscoderPath');
    gltfModelLoader(renderer, 'app://ui/');
    const models = gltfModelLoader(renderer, 'http://127.0.0.1:4317/index.html');
    expect(path.mock.calls).toEqual([['app://ui/decoders/basis/'], ['http://127.0.0.1:4317/decoders/basis/']]);
    // Started, the transcoder asks for exactly its two files there.
    await (path.mock.contexts[1] as KTX2Loader).init().catch(() => undefined);
    expect(fetched.sort()).toEqual(['http://127.0.0.1:4317/decoders/basis/basis_transcoder.js', 'http://127.0.0.1:4317/decoders/basis/basis_transcoder.wasm']);
    models.dispose();
  });

  it('disposes each decoder once, the transcoder only if it was started, and refuses loads afterwards', async () => {
    const draco = vi.spyOn(DRACOLoader.prototype, 'dispose');
    const ktx2 = vi.spyOn(KTX2Loader.prototype, 'dispose');
    const path = vi.spyOn(KTX2Loader.prototype, 'setTranscoderPath');
    const unused = gltfModelLoader(renderer, PAGE);
    unused.dispose();
    unused.dispose();
    expect(draco).toHaveBeenCalledTimes(1);
    // KTX2Loader.dispose() decrements three's count of live transcoders, which only a started one incremented.
    expect(ktx2).not.toHaveBeenCalled();

    const used = gltfModelLoader(renderer, PAGE);
    await (path.mock.contexts[1] as KTX2Loader).init().catch(() => undefined);
    used.dispose();
    used.dispose();
    expect(draco).toHaveBeenCalledTimes(2);
    expect(ktx2).toHaveBeenCalledTimes(1);
    await expect(used.load('app://pack/models/a.glb')).rejects.toThrow('the model loader was disposed');
  });

  it('without a renderer, gives GLTFLoader no KTX2 loader to guess formats with (a KTX2 model then shows its placeholder)', () => {
    const ktx2 = vi.spyOn(GLTFLoader.prototype, 'setKTX2Loader');
    const draco = vi.spyOn(GLTFLoader.prototype, 'setDRACOLoader');
    gltfModelLoader(null, PAGE).dispose();
    expect(ktx2).not.toHaveBeenCalled();
    expect(draco).toHaveBeenCalledTimes(1);
  });
});
