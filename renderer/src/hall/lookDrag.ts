// One-finger drag to look around from where the camera stands; full navigation comes in a later issue.
import type { PerspectiveCamera } from 'three';

/**
 * Radians of turn per CSS pixel dragged: about twice "the world sticks to the finger" at 1080p,
 * so looking around needs no long swipes.
 */
const TURN_PER_PIXEL = 0.0015;
/** Keeps the visitor from looking straight up or down, where the view gets disorienting. */
const PITCH_LIMIT = (70 * Math.PI) / 180;

export class LookDrag {
  #yaw = 0;
  #pitch = 0;
  #pointerId: number | null = null;
  #lastX = 0;
  #lastY = 0;
  readonly #element: HTMLElement;
  readonly #camera: PerspectiveCamera;
  readonly #changed: () => void;

  constructor(element: HTMLElement, camera: PerspectiveCamera, changed: () => void) {
    this.#element = element;
    this.#camera = camera;
    this.#changed = changed;
    // Yaw-then-pitch, so dragging sideways turns about the vertical and never rolls the horizon.
    camera.rotation.order = 'YXZ';
    element.addEventListener('pointerdown', this.#down);
    element.addEventListener('pointermove', this.#move);
    element.addEventListener('pointerup', this.#up);
    element.addEventListener('pointercancel', this.#up);
  }

  /** Takes the camera's current orientation as the starting point (after a lookAt). */
  syncFromCamera(): void {
    this.#yaw = this.#camera.rotation.y;
    this.#pitch = this.#camera.rotation.x;
  }

  dispose(): void {
    this.#element.removeEventListener('pointerdown', this.#down);
    this.#element.removeEventListener('pointermove', this.#move);
    this.#element.removeEventListener('pointerup', this.#up);
    this.#element.removeEventListener('pointercancel', this.#up);
    this.#pointerId = null;
  }

  readonly #down = (event: PointerEvent): void => {
    // Only the first finger steers; a second one must not make the view jump.
    if (this.#pointerId !== null || !event.isPrimary) return;
    this.#pointerId = event.pointerId;
    this.#lastX = event.clientX;
    this.#lastY = event.clientY;
    try {
      // Keeps the drag alive when the finger slides over the bottom bar.
      this.#element.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events (tests, assistive tools) have no active pointer to capture; the drag still works.
    }
  };

  readonly #move = (event: PointerEvent): void => {
    if (event.pointerId !== this.#pointerId) return;
    const dx = event.clientX - this.#lastX;
    const dy = event.clientY - this.#lastY;
    this.#lastX = event.clientX;
    this.#lastY = event.clientY;
    // Drag the scene: moving the finger right turns the view left, like grabbing the world.
    this.#yaw += dx * TURN_PER_PIXEL;
    this.#pitch = Math.min(PITCH_LIMIT, Math.max(-PITCH_LIMIT, this.#pitch + dy * TURN_PER_PIXEL));
    this.#camera.rotation.set(this.#pitch, this.#yaw, 0, 'YXZ');
    this.#changed();
  };

  readonly #up = (event: PointerEvent): void => {
    if (event.pointerId !== this.#pointerId) return;
    this.#pointerId = null;
    if (this.#element.hasPointerCapture(event.pointerId)) this.#element.releasePointerCapture(event.pointerId);
  };
}
