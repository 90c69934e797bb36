// Pinch-zoom inside an image: two fingers scale about their midpoint, one finger pans only when zoomed, edges clamp.
import { describe, expect, it } from 'vitest';
import { PinchZoom } from '../../../renderer/src/media/pinch-zoom';

function zoomer() {
  const zoom = new PinchZoom();
  zoom.setFrame(800, 600);
  return zoom;
}

describe('PinchZoom', () => {
  it('spreading two fingers about the centre doubles the scale and keeps the centre still', () => {
    const zoom = zoomer();
    zoom.down(1, 300, 300);
    zoom.down(2, 500, 300);
    expect(zoom.pinching).toBe(true);
    const state = zoom.move(2, 700, 300);
    // Span 200 → 400 about the midpoint, which itself moved 100 px right.
    expect(state.scale).toBeCloseTo(2);
    expect(state.x).toBeCloseTo(100, 5);
    expect(state.y).toBeCloseTo(0, 5);
  });

  it('one finger pans only when zoomed, and never past the image edge', () => {
    const zoom = zoomer();
    zoom.down(1, 100, 100);
    expect(zoom.move(1, 300, 100)).toEqual({ scale: 1, x: 0, y: 0 });
    zoom.up(1);
    zoom.down(1, 400, 300);
    zoom.down(2, 500, 300);
    zoom.move(2, 600, 300);
    zoom.up(2);
    expect(zoom.zoomed).toBe(true);
    const panned = zoom.move(1, 5000, 5000);
    expect(panned.x).toBe((800 * (panned.scale - 1)) / 2);
    expect(panned.y).toBe((600 * (panned.scale - 1)) / 2);
  });

  it('never zooms out below 1 or in beyond 4; reset returns to the whole image', () => {
    const zoom = zoomer();
    zoom.down(1, 300, 300);
    zoom.down(2, 500, 300);
    expect(zoom.move(2, 310, 300).scale).toBe(1);
    expect(zoom.move(2, 8000, 300).scale).toBe(4);
    zoom.reset();
    expect(zoom.state).toEqual({ scale: 1, x: 0, y: 0 });
    expect(zoom.pinching).toBe(false);
  });
});
