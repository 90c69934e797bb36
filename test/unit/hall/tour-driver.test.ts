// The engine's tour driver: hands changed poses to the camera rig, sleeps through dwells, announces each spotlight once.
import { describe, expect, it, vi } from 'vitest';
import { CameraRig } from '../../../renderer/src/hall/navigation/camera-rig';
import type { TourWaypoint } from '../../../renderer/src/hall/navigation/tour';
import { TourDriver } from '../../../renderer/src/hall/tour-driver';
import type { CameraPose, HallTarget } from '../../../renderer/src/hall/types';

const at = (x: number): CameraPose => ({ position: { x, y: 1.6, z: 5 }, target: { x, y: 1.6, z: 0 } });
const sunny: HallTarget = { id: 'sunny', kind: 'mascot' };
const waypoints: TourWaypoint[] = [
  { pose: at(0), dwellMs: 1000, spotlight: sunny },
  { pose: at(4), dwellMs: 1000 },
];

function rig(): CameraRig {
  const walkable = { minX: -20, maxX: 20, minZ: -20, maxZ: 20 };
  return new CameraRig({ walkable, obstacles: [], home: at(0), baseFovDeg: 50, reducedMotion: false });
}

describe('TourDriver', () => {
  it('sleeps through a dwell, flies, and announces the spotlight only when it changes', () => {
    const announced: (HallTarget | null)[] = [];
    const driver = new TourDriver((target) => announced.push(target));
    const camera = rig();
    const cut = vi.spyOn(camera, 'cut');
    driver.start({ waypoints, loop: false, attract: false }, at(0), false);
    expect(driver.step(1000, camera)).toEqual({ moving: false, wakeAt: 2000 });
    expect(driver.step(1500, camera)).toEqual({ moving: false, wakeAt: 2000 });
    // The same pose twice is handed to the rig once: a dwelling tour is not a moving camera.
    expect(cut).toHaveBeenCalledTimes(1);
    expect(driver.step(2500, camera)).toMatchObject({ moving: true, wakeAt: null });
    expect(cut).toHaveBeenCalledTimes(2);
    expect(announced).toEqual([sunny, null]);
  });

  it('reports when the camera starts and stops flying, once per change, and not flying when the tour ends', () => {
    const flying: boolean[] = [];
    const driver = new TourDriver(() => {}, () => {}, (moving) => flying.push(moving));
    const camera = rig();
    driver.start({ waypoints, loop: true, attract: true }, at(0), false);
    driver.step(1000, camera);
    driver.step(1500, camera);
    expect(flying).toEqual([]);
    driver.step(2100, camera);
    driver.step(2200, camera);
    expect(flying).toEqual([true]);
    // The flight takes 1.6 s; then the second waypoint's dwell.
    driver.step(4000, camera);
    expect(flying).toEqual([true, false]);
    driver.step(5000, camera);
    expect(flying).toEqual([true, false, true]);
    // A lost GPU context stops the camera mid-flight without ending the tour.
    driver.pause();
    expect(flying).toEqual([true, false, true, false]);
    expect(driver.active).toBe(true);
    driver.step(5100, camera);
    expect(flying).toEqual([true, false, true, false, true]);
    driver.end();
    expect(flying).toEqual([true, false, true, false, true, false]);
  });

  it('ends after the last dwell of a one-way tour, and end() clears the spotlight', () => {
    const announced: (HallTarget | null)[] = [];
    const driver = new TourDriver((target) => announced.push(target));
    const camera = rig();
    driver.start({ waypoints, loop: false, attract: true }, at(0), true);
    expect(driver.spec?.attract).toBe(true);
    driver.step(0, camera);
    expect(driver.step(60_000, camera)).toEqual({ moving: false, wakeAt: null });
    expect(driver.active).toBe(false);
    expect(driver.spec).toBeNull();
    expect(driver.step(60_001, camera)).toBeNull();

    driver.start({ waypoints, loop: true, attract: false }, at(0), false);
    driver.step(0, camera);
    expect(announced.at(-1)).toEqual(sunny);
    driver.end();
    expect(announced.at(-1)).toBeNull();
  });

  it('reports how each tour ended: played to its end, or stopped by a touch or a new tour', () => {
    const ends: string[] = [];
    const driver = new TourDriver(() => {}, (spec, how) => ends.push(`${spec.attract ? 'attract' : 'zone'}:${how}`));
    const camera = rig();
    driver.start({ waypoints, loop: false, attract: false }, at(0), false);
    driver.step(0, camera);
    driver.step(60_000, camera);
    driver.start({ waypoints, loop: true, attract: true }, at(0), false);
    driver.start({ waypoints, loop: false, attract: false }, at(0), false);
    driver.end();
    driver.end();
    expect(ends).toEqual(['zone:finished', 'attract:stopped', 'zone:stopped']);
  });
});
