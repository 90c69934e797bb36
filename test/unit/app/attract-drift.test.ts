// Burn-in care: the attract text's offset changes at every rest of the fly-through, stays within a few pixels, and cycles.
import { describe, expect, it } from 'vitest';
import { driftOffset } from '../../../renderer/src/app/attract-drift';

describe('driftOffset', () => {
  it('moves to a different place at every step, within 14 × 10 px, and visits eight places in a cycle', () => {
    const places = Array.from({ length: 16 }, (_, step) => driftOffset(step));
    for (let i = 1; i < places.length; i += 1) expect(places[i]).not.toEqual(places[i - 1]);
    for (const { x, y } of places) {
      expect(Math.abs(x)).toBeLessThanOrEqual(14);
      expect(Math.abs(y)).toBeLessThanOrEqual(10);
    }
    expect(new Set(places.map((p) => `${p.x},${p.y}`)).size).toBe(8);
    expect(places[8]).toEqual(places[0]);
  });
});
