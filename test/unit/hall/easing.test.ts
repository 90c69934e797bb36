// Easing curves and pose interpolation: endpoints, monotonicity, shortest-arc turns.
import { describe, expect, it } from 'vitest';
import {
  anglesOf,
  clamp01,
  easeInOutCubic,
  easeInOutSine,
  easeOutCubic,
  interpolatePose,
  linear,
  poseFrom,
  wrapAngle,
} from '../../../renderer/src/hall/navigation/easing';
import type { CameraPose } from '../../../renderer/src/hall/types';

const curves = { linear, easeInOutCubic, easeOutCubic, easeInOutSine };

describe('easing curves', () => {
  for (const [name, ease] of Object.entries(curves)) {
    it(`${name} runs from 0 to 1 and never goes back`, () => {
      expect(ease(0)).toBe(0);
      expect(ease(1)).toBeCloseTo(1, 12);
      let previous = -Infinity;
      for (let i = 0; i <= 1000; i += 1) {
        const v = ease(i / 1000);
        expect(v).toBeGreaterThanOrEqual(previous - 1e-12);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + 1e-12);
        previous = v;
      }
    });

    it(`${name} clamps out-of-range input`, () => {
      expect(ease(-5)).toBe(0);
      expect(ease(7)).toBeCloseTo(1, 12);
    });
  }

  it('the in-out curves are symmetric about the midpoint', () => {
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5, 12);
    expect(easeInOutCubic(0.2) + easeInOutCubic(0.8)).toBeCloseTo(1, 12);
    expect(easeInOutSine(0.3) + easeInOutSine(0.7)).toBeCloseTo(1, 12);
  });

  it('treats NaN progress as arrived, never as stuck', () => {
    expect(clamp01(Number.NaN)).toBe(1);
  });
});

describe('angles', () => {
  it('wraps into (-π, π]', () => {
    expect(wrapAngle(3 * Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapAngle(-Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapAngle(0.5 + 4 * Math.PI)).toBeCloseTo(0.5, 12);
  });

  it('matches three.js YXZ: yaw 0 looks along -z, positive yaw looks towards -x, positive pitch up', () => {
    const at = (x: number, y: number, z: number) => anglesOf({ position: { x: 0, y: 0, z: 0 }, target: { x, y, z } });
    expect(at(0, 0, -1).yaw).toBeCloseTo(0, 12);
    expect(at(-1, 0, 0).yaw).toBeCloseTo(Math.PI / 2, 12);
    expect(at(0, 1, -1).pitch).toBeCloseTo(Math.PI / 4, 12);
  });

  it('round-trips a pose through its angles', () => {
    const pose: CameraPose = { position: { x: 1, y: 2, z: 3 }, target: { x: -2, y: 0.5, z: 7 } };
    const back = poseFrom(pose.position, anglesOf(pose));
    expect(back.target.x).toBeCloseTo(-2, 9);
    expect(back.target.y).toBeCloseTo(0.5, 9);
    expect(back.target.z).toBeCloseTo(7, 9);
  });
});

describe('interpolatePose', () => {
  const a: CameraPose = { position: { x: 0, y: 1.6, z: 0 }, target: { x: 0, y: 1.6, z: -5 } };
  const b: CameraPose = { position: { x: 10, y: 3, z: 4 }, target: { x: 10, y: 3, z: 9 } };

  it('returns the endpoints exactly', () => {
    expect(interpolatePose(a, b, 0)).toEqual(a);
    expect(interpolatePose(a, b, 1)).toEqual(b);
  });

  it('moves the eye in a straight line', () => {
    const mid = interpolatePose(a, b, 0.25);
    expect(mid.position.x).toBeCloseTo(2.5, 12);
    expect(mid.position.y).toBeCloseTo(1.6 + 0.35, 12);
    expect(mid.position.z).toBeCloseTo(1, 12);
  });

  it('turns along the shorter yaw arc', () => {
    const left: CameraPose = { position: { x: 0, y: 0, z: 0 }, target: { x: -1, y: 0, z: -0.05 } };
    const right: CameraPose = { position: { x: 0, y: 0, z: 0 }, target: { x: -1, y: 0, z: 0.05 } };
    // Both look roughly along -x; the short way stays near -x instead of sweeping through +x.
    for (const t of [0.25, 0.5, 0.75]) expect(interpolatePose(left, right, t).target.x).toBeLessThan(-0.99);
  });

  it('keeps the look target away from the eye mid-flight (no spin through the camera)', () => {
    const mid = interpolatePose(a, b, 0.5);
    const d = Math.hypot(mid.target.x - mid.position.x, mid.target.y - mid.position.y, mid.target.z - mid.position.z);
    expect(d).toBeCloseTo(5, 9);
  });
});
