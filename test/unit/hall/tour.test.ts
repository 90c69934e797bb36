// Tours: flight and dwell timing, spotlights, reduced-motion cuts, loops and wake-up times.
import { describe, expect, it } from 'vitest';
import { Tour } from '../../../renderer/src/hall/navigation/tour';
import type { TourWaypoint } from '../../../renderer/src/hall/navigation/tour';
import type { CameraPose } from '../../../renderer/src/hall/types';

function at(x: number): CameraPose {
  return { position: { x, y: 1.6, z: 5 }, target: { x, y: 1.6, z: 0 } };
}

const a = at(0);
const b = at(10);
const c = at(20);
const waypoints: TourWaypoint[] = [
  { pose: a, dwellMs: 1000, spotlight: { id: 'panda', kind: 'mascot' } },
  { pose: b, dwellMs: 2000 },
  { pose: c, dwellMs: 500, spotlight: { id: 'ex-3', kind: 'exhibit' } },
];

describe('Tour', () => {
  it('dwells, flies (eased), dwells, and finishes on the last waypoint', () => {
    const tour = new Tour(waypoints, { flightMs: 1500, reducedMotion: false, loop: false });
    const t0 = 10_000;
    let f = tour.update(t0);
    expect(f).toMatchObject({ moving: false, done: false, index: 0, nextChangeAtMs: t0 + 1000 });
    expect(f.pose).toEqual(a);
    expect(f.spotlight).toEqual({ id: 'panda', kind: 'mascot' });
    f = tour.update(t0 + 999);
    expect(f.moving).toBe(false);
    f = tour.update(t0 + 1000 + 375);
    expect(f).toMatchObject({ moving: true, index: 1, nextChangeAtMs: t0 + 2500 });
    // A quarter of the way in time is well under a quarter of the way in space (ease-in).
    expect(f.pose.position.x).toBeGreaterThan(0);
    expect(f.pose.position.x).toBeLessThan(2.5);
    expect(tour.update(t0 + 1750).pose.position.x).toBeCloseTo(5, 9);
    f = tour.update(t0 + 2500);
    expect(f).toMatchObject({ moving: false, index: 1, nextChangeAtMs: t0 + 4500, spotlight: null });
    expect(f.pose).toEqual(b);
    f = tour.update(t0 + 4500 + 1500);
    expect(f).toMatchObject({ moving: false, index: 2, nextChangeAtMs: t0 + 6500 });
    expect(f.spotlight).toEqual({ id: 'ex-3', kind: 'exhibit' });
    f = tour.update(t0 + 6500);
    expect(f).toMatchObject({ moving: false, done: true, index: 2, nextChangeAtMs: null });
    expect(f.pose).toEqual(c);
  });

  it('lights the destination spotlight during the flight to it', () => {
    const tour = new Tour(waypoints, { flightMs: 1000, reducedMotion: false, loop: false });
    tour.update(0);
    const f = tour.update(1000 + 2000 + 1000 + 500);
    expect(f.moving).toBe(true);
    expect(f.index).toBe(2);
    expect(f.spotlight?.id).toBe('ex-3');
  });

  it('starts with a flight from the current camera pose when given one', () => {
    const from = at(-10);
    const tour = new Tour(waypoints, { flightMs: 1000, reducedMotion: false, loop: false, from });
    expect(tour.update(0)).toMatchObject({ moving: true, index: 0, pose: from, nextChangeAtMs: 1000 });
    expect(tour.update(1000)).toMatchObject({ moving: false, index: 0, pose: a, nextChangeAtMs: 2000 });
  });

  it('reduced motion cuts: the pose jumps at each waypoint and never interpolates', () => {
    const tour = new Tour(waypoints, { flightMs: 1500, reducedMotion: true, loop: false, from: at(-10) });
    const seen = new Set<number>();
    for (let t = 0; t <= 4000; t += 10) {
      const f = tour.update(t);
      expect(f.moving).toBe(false);
      seen.add(f.pose.position.x);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([0, 10, 20]);
    expect(tour.update(1000).index).toBe(1);
    expect(tour.update(3000)).toMatchObject({ index: 2, nextChangeAtMs: 3500 });
    expect(tour.update(3500).done).toBe(true);
  });

  it('loops: after the last dwell it flies back to the first waypoint, for ever', () => {
    const tour = new Tour(waypoints, { flightMs: 1000, reducedMotion: false, loop: true });
    tour.update(0);
    // first pass: 1000 + (1000 + 2000) + (1000 + 500) = 5500; cycle adds the flight back: 6500
    const back = tour.update(5500 + 500);
    expect(back).toMatchObject({ moving: true, index: 0, done: false, nextChangeAtMs: 6500 });
    expect(back.pose.position.x).toBeCloseTo(10, 9);
    expect(tour.update(6500)).toMatchObject({ moving: false, index: 0, nextChangeAtMs: 7500 });
    const cycle100 = 5500 + 6500 * 100;
    expect(tour.update(cycle100 + 1200)).toMatchObject({ moving: false, index: 0, done: false, nextChangeAtMs: cycle100 + 2000 });
    expect(tour.update(cycle100 + 2500)).toMatchObject({ moving: true, index: 1, done: false, nextChangeAtMs: cycle100 + 3000 });
  });

  it('a single looping waypoint holds still without ever reporting movement', () => {
    const tour = new Tour([{ pose: a, dwellMs: 3000 }], { flightMs: 1500, reducedMotion: false, loop: true });
    for (let t = 0; t < 20_000; t += 250) {
      const f = tour.update(t);
      expect(f.moving).toBe(false);
      expect(f.done).toBe(false);
      expect(f.pose).toEqual(a);
    }
  });

  it('a loop with no duration at all ends instead of spinning', () => {
    const tour = new Tour([{ pose: a, dwellMs: 0 }, { pose: b, dwellMs: 0 }], { flightMs: 0, reducedMotion: false, loop: true });
    expect(tour.update(0).done).toBe(true);
  });

  it('rejects an empty tour', () => {
    expect(() => new Tour([], { flightMs: 1000, reducedMotion: false, loop: false })).toThrow(RangeError);
  });

  it('the clock starts at the first update', () => {
    const tour = new Tour(waypoints, { flightMs: 1000, reducedMotion: false, loop: false });
    expect(tour.update(50_000).nextChangeAtMs).toBe(51_000);
  });
});
