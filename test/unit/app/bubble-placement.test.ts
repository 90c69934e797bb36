// The mascot's speech bubble: beside the mascot, flipped to its left when the right is taken by a panel, never off screen.
import { describe, expect, it } from 'vitest';
import { placeBubble } from '../../../renderer/src/app/bubble-placement';

const screen = { width: 1920, height: 1080 };
const bubble = { width: 560, height: 140 };

describe('placeBubble', () => {
  it('sits right of and above the mascot when there is room', () => {
    expect(placeBubble({ x: 400, y: 600 }, bubble, screen, { right: 0, bottom: 0 })).toEqual({ left: 490, top: 340, flipped: false });
  });

  it('moves left of the mascot rather than under a side panel', () => {
    // The mascot card covers the right 860 px: 490 + 560 would reach 1050 > 1920 - 860 - 24.
    const placed = placeBubble({ x: 560, y: 600 }, bubble, screen, { right: 860, bottom: 0 });
    expect(placed.flipped).toBe(true);
    expect(placed.left + bubble.width).toBeLessThanOrEqual(1920 - 860 - 24);
    expect(placed.left).toBeGreaterThanOrEqual(24);
  });

  it('stays on screen and above a bottom panel', () => {
    const placed = placeBubble({ x: 1900, y: 1000 }, bubble, screen, { right: 0, bottom: 500 });
    expect(placed.left + bubble.width).toBeLessThanOrEqual(1920 - 24);
    expect(placed.top + bubble.height).toBeLessThanOrEqual(1080 - 500 - 24);
    expect(placeBubble({ x: 10, y: 20 }, bubble, screen, { right: 0, bottom: 0 }).top).toBe(24);
  });
});
