// The hall scene graph, built in Node with fake textures: pickable targets, relabelling, and a complete dispose.
import { Mesh, PerspectiveCamera, Raycaster, Vector3 } from 'three';
import type { Texture } from 'three';
import { describe, expect, it, vi } from 'vitest';
import { pick } from '../../../renderer/src/hall/picking';
import { createHallScene } from '../../../renderer/src/hall/scene/hall-scene';
import { poseKey } from '../../../renderer/src/hall/scene/layout';
import { ResourceCache } from '../../../renderer/src/hall/scene/resource-cache';
import type { HallTarget, PickableUserData } from '../../../renderer/src/hall/types';
import { fakePainter, fixtureHallManifest, fixtureModels, resourcesUnder, settle } from './hall-scene-helpers';

const resolveUrl = (path: string) => `/pack/${path}`;

function build(options: { cache?: ResourceCache; locale?: string } = {}) {
  const fake = fakePainter();
  const onChange = vi.fn();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const scene = createHallScene(fixtureHallManifest(), { locale: options.locale ?? 'zh-CN', resolveUrl, onChange, painter: fake.painter, loadModel: fixtureModels, ...(options.cache ? { cache: options.cache } : {}) });
  return { scene, onChange, ...fake };
}

function targetsIn(scene: ReturnType<typeof build>['scene']): HallTarget[] {
  const targets: HallTarget[] = [];
  scene.root.traverse((object) => {
    const target = (object.userData as Partial<PickableUserData>).target;
    if (target) targets.push(target);
  });
  return targets;
}

/** Meshes the renderer would draw: one draw call each (instanced meshes included). */
function drawables(scene: ReturnType<typeof build>['scene']): Mesh[] {
  const meshes: Mesh[] = [];
  scene.root.traverseVisible((object) => {
    if (object instanceof Mesh && !Array.isArray(object.material) && object.material.visible) meshes.push(object);
  });
  return meshes;
}

describe('createHallScene', () => {
  it('makes every zone, exhibit and mascot pickable, including through invisible hit proxies', async () => {
    const { scene } = build();
    await scene.ready;
    const ids = targetsIn(scene).map((t) => `${t.kind}:${t.id}`).sort();
    expect(ids).toEqual(['exhibit:south-board', 'exhibit:welcome', 'mascot:bolt', 'mascot:sunny', 'zone:north', 'zone:south']);
    expect(scene.layout.targets).toHaveLength(6);
    // A ray straight down onto sunny's home hits its (invisible) proxy.
    scene.root.updateMatrixWorld(true);
    const ray = new Raycaster(new Vector3(-1.5, 10, -3.5), new Vector3(0, -1, 0));
    const hit = ray.intersectObject(scene.root, true).find((i) => (i.object.userData as Partial<PickableUserData>).target);
    expect((hit?.object.userData as PickableUserData | undefined)?.target).toEqual({ id: 'sunny', kind: 'mascot' });
    expect(hit?.object.visible).toBe(true);
    expect(((hit?.object as Mesh).material as { visible: boolean }).visible).toBe(false);
  });

  it('draws panels with titles in the locale, adds the image when it arrives, and tells the engine', async () => {
    const { scene, panels, signs, onChange } = build();
    expect(panels.map((p) => p.title)).toEqual(['欢迎', '南区展板']);
    expect(signs.map((s) => s.title)).toEqual(['北区', '南区']);
    await scene.ready;
    await settle();
    const welcome = scene.root.getObjectByName('panel:welcome') as Mesh;
    expect(((welcome.material as unknown as { map: Texture | null }).map)?.name).toBe('panel:欢迎+image');
    expect(onChange).toHaveBeenCalled();
  });

  it('relabels in another locale and disposes the textures it replaced', async () => {
    const { scene, textures, disposed, signs } = build();
    await scene.ready;
    await settle();
    const live = textures.filter((t) => !disposed.has(t));
    expect(live).toHaveLength(4);
    scene.setLocale('en');
    expect(signs.slice(-2).map((s) => s.title)).toEqual(['North', 'South']);
    expect(live.every((t) => disposed.has(t))).toBe(true);
    expect(textures.filter((t) => !disposed.has(t))).toHaveLength(4);
    const sign = scene.root.getObjectByName('sign:north') as Mesh;
    expect(((sign.material as unknown as { map: Texture | null }).map)?.name).toBe('sign:North');
  });

  it('keeps draw calls low: one per panel and sign plus a handful', async () => {
    const { scene } = build();
    await scene.ready;
    const meshes = drawables(scene);
    const sunnyParts = scene.root.getObjectByName('mascot:sunny')?.children.length ?? 0;
    expect(sunnyParts).toBeGreaterThan(0);
    // 2 instanced (boxes, floor planes) + 2 panels + 2 signs + sunny's meshes + bolt's placeholder.
    expect(meshes.length).toBeLessThanOrEqual(2 + 2 + 2 + 9 + 1);
  });

  it('shows a placeholder for a model that fails to load, and the hall still builds', async () => {
    const { scene } = build();
    await scene.ready;
    expect(scene.root.getObjectByName('mascot-placeholder:bolt')).toBeDefined();
    expect(scene.root.getObjectByName('mascot-placeholder:sunny')).toBeUndefined();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('"bolt"'), expect.any(Error));
  });

  it('reports mascots in view only when the camera looks at them', async () => {
    const { scene } = build();
    await scene.ready;
    const camera = new PerspectiveCamera(50, 16 / 9, 0.1, 100);
    camera.position.set(-1.5, 1.6, 1);
    camera.lookAt(-1.5, 1, -3.5);
    expect(scene.mascotsInView(camera)).toBe(true);
    camera.lookAt(-1.5, 1, 10);
    expect(scene.mascotsInView(camera)).toBe(false);
  });

  it('dispose fires dispose on every geometry, material and texture and leaves the cache empty', async () => {
    const cache = new ResourceCache();
    const { scene, textures, disposed, releaseImage } = build({ cache });
    await scene.ready;
    await settle();
    scene.setLocale('en');
    const resources = resourcesUnder(scene.root);
    const fired = new Set<unknown>();
    for (const resource of resources) resource.addEventListener('dispose', () => fired.add(resource));
    scene.dispose();
    expect([...resources].filter((r) => !fired.has(r))).toEqual([]);
    expect(textures.filter((t) => !disposed.has(t))).toEqual([]);
    expect(cache.stats().entries).toBe(0);
    expect(releaseImage).toHaveBeenCalledTimes(1);
    expect(scene.root.parent).toBeNull();
    scene.dispose();
  });

  it('shares common geometry across a pack switch and frees it with the last hall', async () => {
    const cache = new ResourceCache();
    const first = build({ cache });
    const second = build({ cache });
    await Promise.all([first.scene.ready, second.scene.ready]);
    const box = cache.peek('geometry:unit-box');
    expect(box).toBeDefined();
    const boxDisposed = vi.fn();
    (box as Mesh['geometry']).addEventListener('dispose', boxDisposed);
    first.scene.dispose();
    expect(boxDisposed).not.toHaveBeenCalled();
    expect(cache.stats().entries).toBeGreaterThan(0);
    second.scene.dispose();
    expect(boxDisposed).toHaveBeenCalledTimes(1);
    expect(cache.stats().entries).toBe(0);
  });

  it('frees an image that arrives after the hall was disposed, without telling the engine', async () => {
    const { scene, releaseImage, onChange } = build();
    scene.dispose();
    await settle();
    await scene.ready;
    expect(releaseImage).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('spotlights a presented mascot or exhibit where it stands, and drops the beam at low quality', async () => {
    const { scene } = build();
    await scene.ready;
    const spotlight = scene.root.getObjectByName('spotlight');
    const beam = scene.root.getObjectByName('spotlight-beam');
    if (!spotlight || !beam) throw new Error('no spotlight');
    expect(spotlight.visible).toBe(false);
    const sunny = fixtureHallManifest().hall.mascots[0];
    scene.present({ id: 'sunny', kind: 'mascot' });
    expect(spotlight.visible).toBe(true);
    expect([spotlight.position.x, spotlight.position.z]).toEqual([sunny?.home.x, sunny?.home.z]);
    scene.present({ id: 'welcome', kind: 'exhibit' });
    expect(spotlight.position.x).not.toBe(sunny?.home.x);
    scene.setEffects(false);
    expect(beam.visible).toBe(false);
    expect(spotlight.visible).toBe(true);
    scene.present({ id: 'north', kind: 'zone' });
    expect(spotlight.visible).toBe(false);
    scene.present(null);
    expect(spotlight.visible).toBe(false);
  });

  it('never lets the spotlight catch a tap meant for what it lights', async () => {
    const { scene } = build();
    await scene.ready;
    scene.present({ id: 'sunny', kind: 'mascot' });
    const sunny = fixtureHallManifest().hall.mascots[0];
    if (!sunny) throw new Error('no mascot');
    // Look at the mascot from its framing pose, and tap the middle of the screen.
    const pose = scene.layout.poses.get(poseKey('mascot', 'sunny'));
    if (!pose) throw new Error('no pose');
    const camera = new PerspectiveCamera(50, 16 / 9, 0.1, 100);
    camera.position.set(pose.position.x, pose.position.y, pose.position.z);
    camera.lookAt(pose.target.x, pose.target.y, pose.target.z);
    camera.updateMatrixWorld();
    scene.root.updateMatrixWorld(true);
    expect(pick(scene.root, camera, 640, 360, 1280, 720)).toEqual({ kind: 'target', target: { id: 'sunny', kind: 'mascot' } });
  });

  it("draws a pledge wall's messages on its panel, redrawing only when they change, and ignores other exhibits", async () => {
    // The fixture has no pledge wall: the welcome exhibit becomes one.
    const base = fixtureHallManifest();
    const manifest = { ...base, hall: { ...base.hall, exhibits: base.hall.exhibits.map((e) => (e.id === 'welcome' ? { ...e, kind: 'pledge-wall' as const } : e)) } };
    const fake = fakePainter();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const scene = createHallScene(manifest, { locale: 'en', resolveUrl, onChange: vi.fn(), painter: fake.painter, loadModel: fixtureModels });
    await scene.ready;
    await settle();
    const drawn = fake.panels.length;
    scene.setPledges({ welcome: ['加油！', 'hi 👍'], 'south-board': ['not a wall'] });
    expect(fake.panels.length).toBe(drawn + 1);
    expect(fake.panels.at(-1)?.notes).toEqual(['加油！', 'hi 👍']);
    scene.setPledges({ welcome: ['加油！', 'hi 👍'] });
    expect(fake.panels.length).toBe(drawn + 1);
    scene.dispose();
  });
});
