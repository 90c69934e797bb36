// One pack's hall as a scene graph: structure, panels, signs and mascots, all resources held through one cache scope.
import { Group } from 'three';
import type { Camera, PerspectiveCamera } from 'three';
import type { Manifest } from '../../../../electron/shared/manifest';
import type { HallTarget, Point3, ResolveUrl } from '../types';
import { buildLabels } from './labels';
import { hallLayout, poseKey } from './layout';
import type { HallLayout } from './layout';
import { buildMascots } from './mascots';
import type { ModelLoader } from './model-loader';
import type { ScenePainter } from './painter';
import { ResourceCache, ResourceScope } from './resource-cache';
import { buildSpotlight } from './spotlight';
import { buildStructure } from './structure';

export interface HallSceneOptions<I> {
  /** Locale of signs and panel titles; missing texts fall back to the pack's defaultLocale. */
  readonly locale: string;
  readonly resolveUrl: ResolveUrl;
  /** Something changed without the camera moving (an image or model arrived, a relabel): draw a frame. */
  readonly onChange: () => void;
  /** Draws textures: `createCanvasPainter()` in the browser, a fake in Node tests. */
  readonly painter: ScenePainter<I>;
  /** Loads mascot models: `gltfModelLoader(…).load` in the browser. */
  readonly loadModel: ModelLoader;
  /** Shared across pack switches so common geometry is reused; a private cache when omitted. */
  readonly cache?: ResourceCache;
}

export interface HallScene {
  /** Add to the engine's scene; contains no lights (the engine owns lighting). */
  readonly root: Group;
  readonly layout: HallLayout;
  /** Settles once every mascot model has loaded or been replaced by a placeholder. */
  readonly ready: Promise<void>;
  setLocale(locale: string): void;
  /** Advances mascots; true if anything moved (the engine then draws a frame). */
  update(deltaSeconds: number, cameraPosition: Point3): boolean;
  /** True if any mascot is inside the camera's view: only then is `update` worth calling each frame. */
  mascotsInView(camera: Camera): boolean;
  /** Mascots far from `camera` draw their reduced meshes; call before drawing each frame. */
  fitDetail(camera: PerspectiveCamera): void;
  /** Spotlights a tour's current mascot or exhibit (a presented mascot also waves); null turns it off. */
  present(target: HallTarget | null): void;
  /** A visitor tapped this mascot: it waves back. */
  greet(mascotId: string): void;
  /** Quality: blended effects on or off. */
  setEffects(on: boolean): void;
  /** Pledge walls' messages by exhibit id, newest first. */
  setPledges(walls: Readonly<Record<string, readonly string[]>>): void;
  /** Releases every resource this hall acquired and detaches `root`; idempotent. */
  dispose(): void;
}

/** The parts of a manifest a hall is built from. */
export type HallManifest = Pick<Manifest, 'id' | 'version' | 'defaultLocale' | 'hall'>;

let serial = 0;

export function createHallScene<I>(manifest: HallManifest, options: HallSceneOptions<I>): HallScene {
  const cache = options.cache ?? new ResourceCache();
  serial += 1;
  const res = new ResourceScope(cache, `hall${serial}:${manifest.id}@${manifest.version}`);
  const root = new Group();
  root.name = `hall:${manifest.id}`;
  let disposed = false;
  const onChange = () => {
    if (!disposed) options.onChange();
  };

  const layout = hallLayout(manifest.hall);
  const labels = buildLabels(manifest, options.locale, options.painter, res, options.resolveUrl, onChange);
  const mascots = buildMascots(manifest.hall.mascots, res, options.resolveUrl, options.loadModel, onChange);
  const spotlight = buildSpotlight(res);
  root.add(buildStructure(manifest.hall, res), labels.group, mascots.group, spotlight.group);

  return {
    root,
    layout,
    ready: mascots.ready,
    setLocale(locale) {
      if (!disposed) labels.setLocale(locale);
    },
    update(dt, cameraPosition) {
      return disposed ? false : mascots.update(dt, cameraPosition);
    },
    mascotsInView(camera) {
      return !disposed && mascots.inView(camera);
    },
    fitDetail(camera) {
      if (!disposed) mascots.fitDetail(camera);
    },
    present(target) {
      if (disposed) return;
      const pose = target && target.kind !== 'zone' ? layout.poses.get(poseKey(target.kind, target.id)) : undefined;
      spotlight.showAt(pose ? { x: pose.target.x, z: pose.target.z } : null);
      if (target?.kind === 'mascot') mascots.wave(target.id);
    },
    greet(mascotId) {
      if (!disposed) mascots.wave(mascotId);
    },
    setEffects(on) {
      spotlight.setBeam(on);
    },
    setPledges(walls) {
      for (const [exhibitId, notes] of Object.entries(walls)) labels.setNotes(exhibitId, notes);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      labels.dispose();
      mascots.dispose();
      root.removeFromParent();
      res.releaseAll();
      if (!options.cache) cache.disposeAll();
    },
  };
}
