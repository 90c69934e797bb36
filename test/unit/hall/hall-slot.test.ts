// Pack switches: the old hall stays on show until the new one is ready (or a timeout), then is disposed; nothing leaks.
import { Scene } from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HallSlot, PACK_SWAP_TIMEOUT_MS } from '../../../renderer/src/hall/hall-slot';
import { createHallScene } from '../../../renderer/src/hall/scene/hall-scene';
import type { HallScene } from '../../../renderer/src/hall/scene/hall-scene';
import type { ModelLoader } from '../../../renderer/src/hall/scene/model-loader';
import { fakePainter, fixtureHallManifest, fixtureModels } from './hall-scene-helpers';

afterEach(() => {
  vi.useRealTimers();
});

function hall(loadModel: ModelLoader = fixtureModels): HallScene {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  return createHallScene(fixtureHallManifest(), { locale: 'en', resolveUrl: (p) => p, onChange: () => {}, painter: fakePainter().painter, loadModel });
}

describe('HallSlot', () => {
  it('shows the first hall at once and swaps in the next one only when it is ready', async () => {
    const scene = new Scene();
    const installed: HallScene[] = [];
    const slot = new HallSlot(scene, (h) => installed.push(h));
    const first = hall();
    slot.offer(first);
    expect(slot.current).toBe(first);
    let arrive: (value: Awaited<ReturnType<ModelLoader>>) => void = () => {};
    const gate = new Promise<Awaited<ReturnType<ModelLoader>>>((resolve) => (arrive = resolve));
    const second = hall(async (url) => {
      const model = await fixtureModels(url);
      await gate;
      return model;
    });
    slot.offer(second);
    // Loading out of sight: the visitor still sees the first hall.
    expect(slot.current).toBe(first);
    expect(second.root.visible).toBe(false);
    expect(second.root.parent).toBe(scene);
    arrive(await fixtureModels('sunny.glb'));
    await second.ready.catch(() => undefined);
    await Promise.resolve();
    expect(slot.current).toBe(second);
    expect(second.root.visible).toBe(true);
    expect(first.root.parent).toBeNull();
    expect(installed).toEqual([first, second]);
    slot.dispose();
    expect(second.root.parent).toBeNull();
  });

  it('shows a hall whose models never arrive after the timeout, and a newer offer supersedes a loading one', () => {
    vi.useFakeTimers();
    const scene = new Scene();
    const slot = new HallSlot(scene, () => {});
    const never: ModelLoader = () => new Promise(() => {});
    slot.offer(hall());
    const stuck = hall(never);
    slot.offer(stuck);
    const newer = hall(never);
    slot.offer(newer);
    // The superseded hall is gone at once, timer and all.
    expect(stuck.root.parent).toBeNull();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(PACK_SWAP_TIMEOUT_MS);
    expect(slot.current).toBe(newer);
    slot.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(scene.children).toEqual([]);
  });
});
