// Holds the hall on show and the one loading to replace it, so a pack switch never shows a half-loaded hall.
import type { Scene } from 'three';
import type { HallScene } from './scene/hall-scene';

/** Longest a pack switch waits for the new hall's models and images before showing it anyway. */
export const PACK_SWAP_TIMEOUT_MS = 4000;

export class HallSlot {
  readonly #scene: Scene;
  readonly #onInstalled: (hall: HallScene) => void;
  #current: HallScene | null = null;
  #pending: HallScene | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** `onInstalled` runs after a hall went on show and the one before it was disposed. */
  constructor(scene: Scene, onInstalled: (hall: HallScene) => void) {
    this.#scene = scene;
    this.#onInstalled = onInstalled;
  }

  get current(): HallScene | null {
    return this.#current;
  }

  /**
   * Shows `hall`: at once if nothing is on show, else once it is ready (or after PACK_SWAP_TIMEOUT_MS,
   * so a broken model can never hold a switch up). Visitors keep seeing the old hall meanwhile. A newer
   * offer supersedes one still loading.
   */
  offer(hall: HallScene): void {
    this.#dropPending();
    if (this.#current === null) {
      this.replace(hall);
      return;
    }
    hall.root.visible = false;
    this.#scene.add(hall.root);
    this.#pending = hall;
    const swap = (): void => {
      if (this.#pending !== hall) return;
      this.#pending = null;
      this.replace(hall);
    };
    void hall.ready.then(swap, swap);
    this.#timer = setTimeout(swap, PACK_SWAP_TIMEOUT_MS);
  }

  /** Shows `hall` now, disposing whatever was on show or loading (context restore, first hall). */
  replace(hall: HallScene): void {
    this.#dropPending();
    const previous = this.#current;
    hall.root.visible = true;
    if (!hall.root.parent) this.#scene.add(hall.root);
    this.#current = hall;
    previous?.dispose();
    this.#onInstalled(hall);
  }

  dispose(): void {
    this.#dropPending();
    this.#current?.dispose();
    this.#current = null;
  }

  #dropPending(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending?.dispose();
    this.#pending = null;
  }
}
