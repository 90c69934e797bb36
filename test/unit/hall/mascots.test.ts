// Mascots: clip or procedural idle, waving (clip or hop), turning towards a nearby visitor at a capped rate, and back home.
import { Group, PerspectiveCamera } from 'three';
import { describe, expect, it, vi } from 'vitest';
import type { Mascot } from '../../../electron/shared/manifest';
import { ANIMATE_DISTANCE, buildMascots, NOTICE_DISTANCE } from '../../../renderer/src/hall/scene/mascots';
import type { ModelLoader } from '../../../renderer/src/hall/scene/model-loader';
import { ResourceCache, ResourceScope } from '../../../renderer/src/hall/scene/resource-cache';
import { makeGlb } from '../../fixtures/packs/make-glb';
import { parseGlb } from '../../fixtures/packs/parse-glb';
import { fixtureHallManifest } from './hall-scene-helpers';

const [sunny] = fixtureHallManifest().hall.mascots as [Mascot, Mascot];
const far = { x: 0, y: 1.6, z: 50 };

async function one(loadModel: ModelLoader) {
  const cache = new ResourceCache();
  const mascots = buildMascots([sunny], new ResourceScope(cache, 't'), (p) => p, loadModel, vi.fn());
  await mascots.ready;
  const turn = mascots.group.getObjectByName('mascot:sunny');
  if (!turn) throw new Error('no mascot group');
  return { mascots, turn, cache };
}

describe('buildMascots', () => {
  it('plays the idle clip of a model that has one', async () => {
    const { mascots, turn } = await one(() => parseGlb(makeGlb()));
    const figure = turn.getObjectByName('figure');
    expect(mascots.update(0.5, far)).toBe(true);
    // "idle" bobs the figure up by 5 cm at t = 1 s.
    mascots.update(0.5, far);
    expect(figure?.position.y).toBeCloseTo(0.05, 2);
  });

  it('bobs procedurally when the model has no clips', async () => {
    const { mascots, turn } = await one(() => parseGlb(makeGlb({ animations: false })));
    const body = turn.children.find((c) => c instanceof Group);
    const before = body?.position.y;
    expect(mascots.update(0.4, far)).toBe(true);
    expect(body?.position.y).not.toBe(before);
  });

  it('turns towards a visitor within reach at a capped rate, and back home when they leave', async () => {
    const { mascots, turn } = await one(() => parseGlb(makeGlb()));
    const home = turn.rotation.y;
    // Stand due west of sunny, inside the notice distance: the wanted yaw is -90°.
    const near = { x: sunny.home.x - NOTICE_DISTANCE / 2, y: 1.6, z: sunny.home.z };
    mascots.update(0.1, near);
    const firstStep = Math.abs(turn.rotation.y - home);
    expect(firstStep).toBeGreaterThan(0);
    expect(firstStep).toBeLessThanOrEqual(Math.PI * 0.75 * 0.1 + 1e-9);
    for (let i = 0; i < 200; i += 1) mascots.update(0.05, near);
    expect(turn.rotation.y).toBeCloseTo(-Math.PI / 2, 2);
    for (let i = 0; i < 200; i += 1) mascots.update(0.05, far);
    expect(turn.rotation.y).toBeCloseTo(home, 2);
  });

  it('converts PBR materials to the vertex-lit material and hands every resource to the cache', async () => {
    const { mascots, turn, cache } = await one(() => parseGlb(makeGlb()));
    const types = new Set<string>();
    turn.traverse((o) => {
      const material = (o as { material?: { type: string; visible: boolean } }).material;
      if (material?.visible) types.add(material.type);
    });
    expect([...types]).toEqual(['ShaderMaterial']);
    expect(cache.keys().filter((k) => k.startsWith('t/mascot:sunny:geometry:'))).toHaveLength(1);
    expect(cache.keys().filter((k) => k.startsWith('t/mascot:sunny:material:'))).toHaveLength(3);
    mascots.dispose();
  });

  it('waves with its wave clip when presented, then blends back into its idle loop', async () => {
    const { mascots, turn } = await one(() => parseGlb(makeGlb()));
    const arm = turn.getObjectByName('arm-right-pivot');
    if (!arm) throw new Error('no arm');
    mascots.update(0.1, far);
    const resting = arm.rotation.z;
    mascots.wave('sunny');
    for (let i = 0; i < 8; i += 1) mascots.update(0.1, far);
    // 0.8 s into the 1.6 s clip the arm is raised (about 2.1 rad, blended in over 0.25 s).
    expect(arm.rotation.z - resting).toBeGreaterThan(1.5);
    for (let i = 0; i < 30; i += 1) mascots.update(0.1, far);
    // The clip played once; the idle loop (which never moves the arm) is back in charge.
    expect(arm.rotation.z).toBeCloseTo(resting, 2);
    const figure = turn.getObjectByName('figure');
    const before = figure?.position.y;
    mascots.update(0.25, far);
    expect(figure?.position.y).not.toBe(before);
  });

  it('hops when it has no wave clip, and lands again', async () => {
    const { mascots, turn } = await one(() => parseGlb(makeGlb({ animations: false })));
    const body = turn.children.find((c) => c instanceof Group);
    if (!body) throw new Error('no body');
    mascots.update(0.1, far);
    mascots.wave('sunny');
    mascots.update(0.3, far);
    // Mid-hop: 25 cm above the idle bob, which is at most 8 cm.
    expect(body.position.y).toBeGreaterThan(0.2);
    for (let i = 0; i < 10; i += 1) mascots.update(0.1, far);
    expect(body.position.y).toBeLessThan(0.09);
  });

  it('ignores a wave for a mascot it does not have', async () => {
    const { mascots } = await one(() => parseGlb(makeGlb()));
    expect(() => mascots.wave('nobody')).not.toThrow();
  });
});

describe('mascots far away', () => {
  it('count as not in view beyond the animation distance, so a wide view of the hall can rest', async () => {
    const { mascots } = await one(() => parseGlb(makeGlb()));
    const camera = new PerspectiveCamera(50, 16 / 9, 0.1, 200);
    const look = (distance: number) => {
      camera.position.set(sunny.home.x, 1.6, sunny.home.z + distance);
      camera.lookAt(sunny.home.x, 0.6, sunny.home.z);
      camera.updateMatrixWorld();
      return mascots.inView(camera);
    };
    expect(look(4)).toBe(true);
    expect(look(ANIMATE_DISTANCE + 2)).toBe(false);
  });
});
