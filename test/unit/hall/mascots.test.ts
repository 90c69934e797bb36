// Mascots: clip or procedural idle, turning towards a nearby visitor at a capped rate, and back home.
import { Group } from 'three';
import { describe, expect, it, vi } from 'vitest';
import type { Mascot } from '../../../electron/shared/manifest';
import { buildMascots, NOTICE_DISTANCE } from '../../../renderer/src/hall/scene/mascots';
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

  it('converts PBR materials to Lambert and hands every resource to the cache', async () => {
    const { mascots, turn, cache } = await one(() => parseGlb(makeGlb()));
    const types = new Set<string>();
    turn.traverse((o) => {
      const material = (o as { material?: { type: string; visible: boolean } }).material;
      if (material?.visible) types.add(material.type);
    });
    expect([...types]).toEqual(['MeshLambertMaterial']);
    expect(cache.keys().filter((k) => k.startsWith('t/mascot:sunny:geometry:'))).toHaveLength(1);
    expect(cache.keys().filter((k) => k.startsWith('t/mascot:sunny:material:'))).toHaveLength(3);
    mascots.dispose();
  });
});
