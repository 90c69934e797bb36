// Camera rig: clamps, flights, walks with collision, input cancelling flights without a jump, home.
import { PerspectiveCamera } from 'three';
import { describe, expect, it } from 'vitest';
import { CameraRig } from '../../../renderer/src/hall/navigation/camera-rig';
import { isFree } from '../../../renderer/src/hall/navigation/collision';
import { anglesOf } from '../../../renderer/src/hall/navigation/easing';
import type { CameraPose, FloorRect } from '../../../renderer/src/hall/types';

const walkable: FloorRect = { minX: -10, maxX: 10, minZ: -10, maxZ: 10 };
const booth: FloorRect = { minX: -1, maxX: 1, minZ: -1, maxZ: 1 };
const obstacles = [booth];
const home: CameraPose = { position: { x: 0, y: 6, z: 9 }, target: { x: 0, y: 0, z: 0 } };
const closeUp: CameraPose = { position: { x: 0, y: 1.5, z: 3 }, target: { x: 0, y: 1.5, z: 1 } };

function rig(reducedMotion = false): CameraRig {
  return new CameraRig({ walkable, obstacles, home, radius: 0.35, reducedMotion });
}

function expectPose(actual: CameraPose, expected: CameraPose, digits = 6): void {
  for (const key of ['position', 'target'] as const) {
    expect(actual[key].x).toBeCloseTo(expected[key].x, digits);
    expect(actual[key].y).toBeCloseTo(expected[key].y, digits);
    expect(actual[key].z).toBeCloseTo(expected[key].z, digits);
  }
}

/** Runs update() at 60 fps from `start` for `ms`; returns the last time used. */
function run(r: CameraRig, start: number, ms: number): number {
  let t = start;
  for (; t <= start + ms; t += 16) r.update(t);
  return t;
}

describe('CameraRig', () => {
  it('starts at home, reports one frame, then nothing while idle', () => {
    const r = rig();
    expectPose(r.pose(), home);
    expect(r.update(0)).toBe(true);
    expect(r.update(16)).toBe(false);
    expect(r.update(1000)).toBe(false);
  });

  it('look turns the view and clamps pitch', () => {
    const r = rig();
    r.cut(closeUp);
    r.look(100, 0);
    expect(anglesOf(r.pose()).yaw).toBeCloseTo(0.15, 9);
    r.look(0, 100_000);
    expect(anglesOf(r.pose()).pitch).toBeCloseTo((70 * Math.PI) / 180, 9);
    r.look(0, -200_000);
    expect(anglesOf(r.pose()).pitch).toBeCloseTo((-70 * Math.PI) / 180, 9);
    expect(r.update(0)).toBe(true);
  });

  it('a pose steeper than the drag limit can be dragged back towards level without a jump', () => {
    const r = rig();
    r.cut({ position: { x: 0, y: 8, z: 5 }, target: { x: 0, y: 0, z: 4.9 } });
    const before = anglesOf(r.pose()).pitch;
    expect(before).toBeLessThan((-80 * Math.PI) / 180);
    r.look(0, 10);
    expect(anglesOf(r.pose()).pitch).toBeCloseTo(before + 0.015, 9);
  });

  it('zoom magnifies within its limits and never moves the eye', () => {
    const r = rig();
    r.cut(closeUp);
    const eye = r.pose().position;
    r.zoom(0.1);
    expect(r.zoomLevel).toBe(1);
    r.zoom(1000);
    expect(r.zoomLevel).toBe(3);
    r.zoom(Number.NaN);
    r.zoom(0);
    r.zoom(-2);
    expect(r.zoomLevel).toBe(3);
    expect(r.pose().position).toEqual(eye);
    expect(r.fovDeg).toBeGreaterThan(5);
    expect(r.fovDeg).toBeLessThan(50);
  });

  it('pan moves on the floor plane with collision', () => {
    const r = rig();
    r.cut(closeUp); // at z = 3 looking along -z towards the booth
    r.pan(0, 10_000); // drag down = forward, far into the booth
    const p = r.pose().position;
    expect(p.z).toBeCloseTo(1 + 0.35, 9);
    expect(p.y).toBe(1.5);
    r.pan(-100, 0); // drag left = step right (+x)
    expect(r.pose().position.x).toBeCloseTo(1, 9);
  });

  it('flyTo reaches the pose at its duration and reports no movement after', () => {
    const r = rig();
    r.update(0);
    r.flyTo(closeUp, { durationMs: 1500 });
    expect(r.moving).toBe(true);
    expect(r.update(1000)).toBe(true); // first update starts the clock
    expect(r.update(1750)).toBe(true);
    const mid = r.pose().position;
    expect(mid.z).toBeLessThan(9);
    expect(mid.z).toBeGreaterThan(3);
    expect(r.update(2500)).toBe(true); // the landing frame
    expectPose(r.pose(), closeUp);
    expect(r.moving).toBe(false);
    expect(r.update(2516)).toBe(false);
  });

  it('a default flight lasts 1.2–2 s', () => {
    const r = rig();
    r.flyTo(closeUp);
    r.update(0);
    r.update(1100);
    expect(r.moving).toBe(true);
    r.update(2001);
    expect(r.moving).toBe(false);
  });

  it('flyTo unzooms, and moves a destination inside a booth out of it', () => {
    const r = rig();
    r.zoom(2);
    r.flyTo({ position: { x: 0, y: 1.5, z: 0.5 }, target: { x: 0, y: 1, z: -3 } }, { durationMs: 100 });
    run(r, 0, 200);
    expect(r.zoomLevel).toBe(1);
    const p = r.pose().position;
    expect(isFree(p, walkable, obstacles, 0.35)).toBe(true);
  });

  for (const input of ['look', 'zoom', 'pan'] as const) {
    it(`${input} during a flight cancels it and continues from the current position`, () => {
      const r = rig();
      r.flyTo(closeUp, { durationMs: 2000 });
      r.update(0);
      r.update(700);
      const during = r.pose();
      if (input === 'look') r.look(0, 0);
      else if (input === 'zoom') r.zoom(1);
      else r.pan(0, 0);
      expect(r.moving).toBe(false);
      expectPose(r.pose(), during, 9);
      r.update(716);
      r.update(3000);
      expectPose(r.pose(), during, 9);
    });
  }

  it('walkTo walks at eye height, around a booth, keeping the view direction', () => {
    const r = rig();
    r.cut({ position: { x: 0, y: 1.6, z: 5 }, target: { x: 0, y: 1.6, z: 0 } });
    const yaw = anglesOf(r.pose()).yaw;
    r.walkTo({ x: 0.3, y: 0, z: -5 });
    let t = 0;
    for (; r.moving; t += 16) {
      r.update(t);
      expect(isFree(r.pose().position, walkable, obstacles, 0.35)).toBe(true);
    }
    expect(t).toBeLessThanOrEqual(2100);
    const end = r.pose().position;
    expect(end.y).toBeCloseTo(1.6, 9);
    expect(anglesOf(r.pose()).yaw).toBeCloseTo(yaw, 9);
    // The straight line ran through the booth; the walk slid along it and stopped at its face.
    expect(end.z).toBeGreaterThanOrEqual(1 + 0.35 - 1e-9);
  });

  it('walking off the steep overview levels the view out to at most 20° down', () => {
    const r = rig();
    expect(anglesOf(r.pose()).pitch).toBeLessThan((-30 * Math.PI) / 180);
    r.walkTo({ x: 0, y: 0, z: 4 });
    run(r, 0, 2100);
    expect(anglesOf(r.pose()).pitch).toBeCloseTo((-20 * Math.PI) / 180, 9);
  });

  it('walkTo a point on a booth ends beside the booth', () => {
    const r = rig();
    r.cut({ position: { x: 5, y: 1.6, z: 5 }, target: { x: 0, y: 1.6, z: 0 } });
    r.walkTo({ x: 0.9, y: 0, z: 0 });
    run(r, 0, 2500);
    expect(r.pose().position.x).toBeCloseTo(1.35, 6);
    expect(r.pose().position.z).toBeCloseTo(0, 6);
  });

  it('flying to where the camera already is draws nothing (Home tapped at home)', () => {
    const r = rig();
    r.update(0);
    r.home();
    expect(r.update(16)).toBe(false);
    expect(r.update(500)).toBe(false);
    r.flyTo(closeUp);
    expect(r.update(600)).toBe(true);
  });

  it('home is reachable in one call from any state', () => {
    const states: Array<(r: CameraRig) => void> = [
      (r) => r.flyTo(closeUp, { durationMs: 5000 }),
      (r) => r.walkTo({ x: 8, y: 0, z: -8 }),
      (r) => {
        r.zoom(3);
        r.look(5000, -5000);
        r.pan(300, 900);
      },
      (r) => r.cut({ position: { x: 99, y: -5, z: Number.NaN }, target: { x: 0, y: 0, z: 0 } }),
    ];
    for (const reduce of [false, true]) {
      for (const enter of states) {
        const r = rig(reduce);
        enter(r);
        r.update(0);
        r.update(300);
        r.home();
        run(r, 400, 2100);
        expectPose(r.pose(), home);
        expect(r.zoomLevel).toBe(1);
        expect(r.moving).toBe(false);
      }
    }
  });

  it('reduced motion turns flights and walks into cuts', () => {
    const r = rig(true);
    r.flyTo(closeUp);
    expect(r.moving).toBe(false);
    expectPose(r.pose(), closeUp);
    r.walkTo({ x: 5, y: 0, z: 5 });
    expect(r.pose().position).toEqual({ x: 5, y: 1.6, z: 5 });
    expect(r.update(0)).toBe(true);
    expect(r.update(16)).toBe(false);
  });

  it('switching reduced motion on mid-flight lands at once', () => {
    const r = rig();
    r.flyTo(closeUp);
    r.update(0);
    r.setReducedMotion(true);
    expectPose(r.pose(), closeUp);
    expect(r.moving).toBe(false);
  });

  it('stop() freezes the camera where it is', () => {
    const r = rig();
    r.flyTo(closeUp, { durationMs: 1000 });
    r.update(0);
    r.update(500);
    const at = r.pose();
    r.stop();
    expect(r.update(600)).toBe(false);
    expectPose(r.pose(), at, 12);
  });

  it('setBounds moves the eye out of a booth that appeared under it', () => {
    const r = rig();
    r.cut({ position: { x: 5, y: 1.6, z: 5 }, target: { x: 0, y: 1.6, z: 0 } });
    r.setBounds(walkable, [...obstacles, { minX: 4, maxX: 6, minZ: 4, maxZ: 6 }]);
    expect(isFree(r.pose().position, walkable, [{ minX: 4, maxX: 6, minZ: 4, maxZ: 6 }], 0.35)).toBe(true);
  });

  it('applyTo copies position, orientation and field of view onto a three camera', () => {
    const r = rig();
    r.cut(closeUp);
    r.setBaseFov(60);
    r.zoom(2);
    const camera = new PerspectiveCamera(50, 16 / 9, 0.1, 100);
    r.applyTo(camera);
    camera.updateMatrixWorld();
    expect(camera.position.toArray()).toEqual([0, 1.5, 3]);
    expect(camera.fov).toBeCloseTo(r.fovDeg, 12);
    expect(camera.fov).toBeLessThan(60);
    const forward = camera.getWorldDirection(camera.position.clone());
    expect(forward.x).toBeCloseTo(0, 9);
    expect(forward.y).toBeCloseTo(0, 9);
    expect(forward.z).toBeCloseTo(-1, 9);
  });

  it('the camera direction matches pose() for arbitrary yaw and pitch', () => {
    const r = rig();
    r.cut({ position: { x: 2, y: 2, z: 2 }, target: { x: -3, y: 0.5, z: 7 } });
    const camera = new PerspectiveCamera();
    r.applyTo(camera);
    camera.updateMatrixWorld();
    const d = camera.getWorldDirection(camera.position.clone());
    const { position: p, target: q } = r.pose();
    const len = Math.hypot(q.x - p.x, q.y - p.y, q.z - p.z);
    expect(d.x).toBeCloseTo((q.x - p.x) / len, 9);
    expect(d.y).toBeCloseTo((q.y - p.y) / len, 9);
    expect(d.z).toBeCloseTo((q.z - p.z) / len, 9);
  });
});
