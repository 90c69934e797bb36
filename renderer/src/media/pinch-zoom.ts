// Pinch-zoom and pan of one image with two (or one, once zoomed) pointers; pure state, no DOM.

export interface ZoomState {
  readonly scale: number;
  /** Translation in CSS px of the image's centre from the frame's centre, after scaling. */
  readonly x: number;
  readonly y: number;
}

export const UNZOOMED: ZoomState = { scale: 1, x: 0, y: 0 };
const MAX_SCALE = 4;

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Tracks the pointers on one frame. Two pointers pinch (scale about their midpoint) and pan; one pointer
 * pans only while zoomed in (at scale 1 a one-finger drag is the gallery's swipe, not a pan).
 */
export class PinchZoom {
  readonly #pointers = new Map<number, Point>();
  #state: ZoomState = UNZOOMED;
  #frame = { width: 1, height: 1 };

  get state(): ZoomState {
    return this.#state;
  }

  get zoomed(): boolean {
    return this.#state.scale > 1.01;
  }

  /** True while two fingers are down: the gallery must not treat the gesture as a swipe. */
  get pinching(): boolean {
    return this.#pointers.size >= 2;
  }

  setFrame(width: number, height: number): void {
    this.#frame = { width: Math.max(1, width), height: Math.max(1, height) };
    this.#state = this.#clamp(this.#state);
  }

  reset(): void {
    this.#pointers.clear();
    this.#state = UNZOOMED;
  }

  down(id: number, x: number, y: number): void {
    this.#pointers.set(id, { x, y });
  }

  up(id: number): void {
    this.#pointers.delete(id);
    if (this.#pointers.size === 0 && this.#state.scale < 1.05) this.#state = UNZOOMED;
  }

  /** A pointer moved (frame coordinates, CSS px from the frame's top-left); returns the new state. */
  move(id: number, x: number, y: number): ZoomState {
    const before = this.#pointers.get(id);
    if (!before) return this.#state;
    const others = [...this.#pointers.entries()].filter(([other]) => other !== id).map(([, point]) => point);
    this.#pointers.set(id, { x, y });
    const other = others[0];
    if (other) {
      const oldSpan = Math.hypot(before.x - other.x, before.y - other.y);
      const newSpan = Math.hypot(x - other.x, y - other.y);
      const factor = oldSpan > 0 ? newSpan / oldSpan : 1;
      const oldMid = { x: (before.x + other.x) / 2, y: (before.y + other.y) / 2 };
      const newMid = { x: (x + other.x) / 2, y: (y + other.y) / 2 };
      this.#state = this.#clamp(this.#zoomAbout(oldMid, factor, { x: newMid.x - oldMid.x, y: newMid.y - oldMid.y }));
    } else if (this.zoomed) {
      this.#state = this.#clamp({ ...this.#state, x: this.#state.x + x - before.x, y: this.#state.y + y - before.y });
    }
    return this.#state;
  }

  /** Scale by `factor` keeping the frame point `about` still, then move by `shift`. */
  #zoomAbout(about: Point, factor: number, shift: Point): ZoomState {
    const scale = Math.min(MAX_SCALE, Math.max(1, this.#state.scale * factor));
    const applied = scale / this.#state.scale;
    const cx = about.x - this.#frame.width / 2;
    const cy = about.y - this.#frame.height / 2;
    return { scale, x: cx - (cx - this.#state.x) * applied + shift.x, y: cy - (cy - this.#state.y) * applied + shift.y };
  }

  /** Never pan the image's edge past the frame's edge. */
  #clamp(state: ZoomState): ZoomState {
    const maxX = (this.#frame.width * (state.scale - 1)) / 2;
    const maxY = (this.#frame.height * (state.scale - 1)) / 2;
    return { scale: state.scale, x: Math.min(maxX, Math.max(-maxX, state.x)), y: Math.min(maxY, Math.max(-maxY, state.y)) };
  }
}
