// Node stand-ins for the browser parts of the hall scene: a texture painter and a model loader over generated GLBs.
import { Mesh, Texture } from 'three';
import type { BufferGeometry, Material, Object3D } from 'three';
import { vi } from 'vitest';
import { hallSchema } from '../../../electron/shared/manifest';
import type { HallManifest } from '../../../renderer/src/hall/scene/hall-scene';
import type { ModelLoader } from '../../../renderer/src/hall/scene/model-loader';
import type { PanelArt, ScenePainter, SignArt } from '../../../renderer/src/hall/scene/painter';
import { makeGlb } from '../../fixtures/packs/make-glb';
import { fixtureManifest } from '../../fixtures/packs/make-fixture-pack';
import { parseGlb } from '../../fixtures/packs/parse-glb';

export interface FakeImage {
  readonly url: string;
}

/** Records every texture it makes, which of them were disposed, and what it drew on them. */
export function fakePainter() {
  const textures: Texture[] = [];
  const panels: PanelArt[] = [];
  const signs: SignArt[] = [];
  const disposed = new Set<Texture>();
  const make = (name: string) => {
    const texture = new Texture();
    texture.name = name;
    texture.addEventListener('dispose', () => disposed.add(texture));
    textures.push(texture);
    return texture;
  };
  const releaseImage = vi.fn<(image: FakeImage) => void>();
  const painter: ScenePainter<FakeImage> = {
    panel(art, image) {
      panels.push(art);
      return make(`panel:${art.title}${image ? '+image' : ''}`);
    },
    sign(art) {
      signs.push(art);
      return make(`sign:${art.title}`);
    },
    loadImage: (url) => Promise.resolve({ url }),
    releaseImage,
  };
  return { painter, releaseImage, textures, disposed, panels, signs };
}

/** sunny.glb loads (with clips); any other model fails like a missing file. */
export const fixtureModels: ModelLoader = (url) => (url.endsWith('sunny.glb') ? parseGlb(makeGlb()) : Promise.reject(new Error(`404 ${url}`)));

export function fixtureHallManifest(options: { mascots?: boolean } = { mascots: true }): HallManifest {
  return { id: 'mini-expo', version: '1.0.0', defaultLocale: 'zh-CN', hall: hallSchema.parse(fixtureManifest(options).hall) };
}

/** Every geometry, material and texture reachable from `root`. */
export function resourcesUnder(root: Object3D): Set<{ addEventListener(type: 'dispose', listener: () => void): void }> {
  const found = new Set<BufferGeometry | Material | Texture>();
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    found.add(object.geometry as BufferGeometry);
    for (const material of Array.isArray(object.material) ? (object.material as Material[]) : [object.material as Material]) {
      found.add(material);
      for (const value of Object.values(material)) if (value instanceof Texture) found.add(value);
    }
  });
  return found;
}

/** Lets pending promise callbacks (image and model loads) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
