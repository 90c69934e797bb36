// Floor collision: the visitor's circle slides along walls and booths and always ends somewhere free.
import { describe, expect, it } from 'vitest';
import { isFree, moveWithCollision, nearestFreePoint } from '../../../renderer/src/hall/navigation/collision';
import type { FloorRect } from '../../../renderer/src/hall/types';

const hall: FloorRect = { minX: -10, maxX: 10, minZ: -10, maxZ: 10 };
const booth: FloorRect = { minX: -1, maxX: 1, minZ: -1, maxZ: 1 };
/** A thin partition wall: thinner than one substep would be without swept tests. */
const partition: FloorRect = { minX: 4, maxX: 4.05, minZ: -10, maxZ: 6 };
const obstacles = [booth, partition];
const r = 0.35;

/** Small deterministic PRNG so the fuzz is reproducible. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('moveWithCollision', () => {
  it('moves freely through open floor', () => {
    const p = moveWithCollision({ x: -5, z: 5 }, { x: -3, z: 3 }, hall, obstacles, r);
    expect(p.x).toBeCloseTo(-3, 9);
    expect(p.z).toBeCloseTo(3, 9);
  });

  it('cannot cross a booth head-on and stops at its grown face', () => {
    const p = moveWithCollision({ x: -5, z: 0 }, { x: 5, z: 0 }, hall, obstacles, r);
    expect(p.x).toBeCloseTo(-1 - r, 12);
    expect(p.z).toBe(0);
  });

  it('cannot tunnel through a thin wall, even in one long step', () => {
    const p = moveWithCollision({ x: 2, z: 0 }, { x: 9, z: 0 }, hall, obstacles, r);
    expect(p.x).toBeLessThanOrEqual(4 - r);
  });

  it('slides along a wall when pushed into it at an angle', () => {
    const p = moveWithCollision({ x: 2, z: 0 }, { x: 7, z: -3 }, hall, obstacles, r);
    expect(p.x).toBeCloseTo(4 - r, 9);
    expect(p.z).toBeCloseTo(-3, 9);
  });

  it('slides along the hall walls and never leaves the hall shrunk by the radius', () => {
    const p = moveWithCollision({ x: -8, z: 8 }, { x: -20, z: 5 }, hall, obstacles, r);
    expect(p.x).toBeCloseTo(-10 + r, 12);
    expect(p.z).toBeCloseTo(5, 9);
  });

  it('goes round the end of a wall once past it', () => {
    const p = moveWithCollision({ x: 2, z: 8 }, { x: 8, z: 8 }, hall, obstacles, r);
    expect(p.x).toBeCloseTo(8, 9);
  });

  it('pushes a start point that is inside a booth out first', () => {
    const p = moveWithCollision({ x: 0.2, z: 0.9 }, { x: 0.2, z: 0.9 }, hall, obstacles, r);
    expect(isFree(p, hall, obstacles, r)).toBe(true);
    expect(p.z).toBeCloseTo(1 + r, 12);
  });

  it('ignores a NaN goal instead of poisoning the position', () => {
    const p = moveWithCollision({ x: -5, z: 5 }, { x: Number.NaN, z: 1 }, hall, obstacles, r);
    expect(p).toEqual({ x: -5, z: 5 });
  });

  it('fuzz: 1000 random moves from free points always end free', () => {
    const next = random(42);
    const many: FloorRect[] = [...obstacles];
    for (let i = 0; i < 12; i += 1) {
      const x = -9 + next() * 17;
      const z = -9 + next() * 17;
      many.push({ minX: x, maxX: x + 0.2 + next() * 2, minZ: z, maxZ: z + 0.2 + next() * 2 });
    }
    let p = nearestFreePoint({ x: -9, z: 9 }, hall, many, r);
    for (let i = 0; i < 1000; i += 1) {
      // Mix short steps and wild jumps well outside the hall.
      const scale = i % 10 === 0 ? 40 : 2;
      const to = { x: p.x + (next() - 0.5) * scale, z: p.z + (next() - 0.5) * scale };
      p = moveWithCollision(p, to, hall, many, r);
      expect(isFree(p, hall, many, r)).toBe(true);
    }
  });
});

describe('nearestFreePoint', () => {
  it('keeps a point that is already free', () => {
    expect(nearestFreePoint({ x: 5.5, z: -2 }, hall, obstacles, r)).toEqual({ x: 5.5, z: -2 });
  });

  it('moves a tap on a booth to the nearest side of it', () => {
    const p = nearestFreePoint({ x: 0.8, z: 0.1 }, hall, obstacles, r);
    expect(p).toEqual({ x: 1 + r, z: 0.1 });
  });

  it('clamps a point outside the hall inside it', () => {
    const p = nearestFreePoint({ x: 50, z: -50 }, hall, obstacles, r);
    expect(p).toEqual({ x: 10 - r, z: -10 + r });
  });

  it('finds a free corner between overlapping booths', () => {
    const cluster: FloorRect[] = [booth, { minX: 0.5, maxX: 3, minZ: -0.5, maxZ: 0.5 }];
    const p = nearestFreePoint({ x: 0.9, z: 0 }, hall, cluster, r);
    expect(isFree(p, hall, cluster, r)).toBe(true);
    expect(Math.hypot(p.x - 0.9, p.z)).toBeLessThanOrEqual(1 + r + 1e-9);
  });

  it('always returns a free point for random taps', () => {
    const next = random(7);
    for (let i = 0; i < 500; i += 1) {
      const p = nearestFreePoint({ x: -12 + next() * 24, z: -12 + next() * 24 }, hall, obstacles, r);
      expect(isFree(p, hall, obstacles, r)).toBe(true);
    }
  });
});
