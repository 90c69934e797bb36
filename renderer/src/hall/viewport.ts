// Keeps the renderer's drawing buffer, pixel ratio and the camera's field of view matched to the canvas.
import type { PerspectiveCamera, WebGLRenderer } from 'three';
import type { ViewInset } from './types';

const LANDSCAPE_FOV = 50;
/** Portrait kiosks would otherwise see a keyhole; widen until this much is visible sideways. */
const MIN_HORIZONTAL_FOV = 60;
const MAX_FOV = 90;
/** How long the view takes to slide when a side panel opens or closes, ms (UI motion: 200–400 ms). */
const INSET_SLIDE_MS = 300;

const NO_INSET: ViewInset = { right: 0, bottom: 0 };
const sameInset = (a: ViewInset, b: ViewInset) => a.right === b.right && a.bottom === b.bottom;

function verticalFov(aspect: number): number {
  const halfHorizontal = (MIN_HORIZONTAL_FOV * Math.PI) / 360;
  const needed = (2 * Math.atan(Math.tan(halfHorizontal) / aspect) * 180) / Math.PI;
  return Math.min(MAX_FOV, Math.max(LANDSCAPE_FOV, needed));
}

/** Watches the canvas's CSS size; calls `onChange` after it resized the buffer and camera. */
export class Viewport {
  readonly #canvas: HTMLCanvasElement;
  readonly #renderer: WebGLRenderer;
  readonly #camera: PerspectiveCamera;
  readonly #onChange: (fovDeg: number) => void;
  readonly #observer: ResizeObserver;
  #lastSize = '';
  /** Covered edges (CSS px) the view is centred beside: now, at the start and at the end of its slide. */
  #inset = { now: NO_INSET, from: NO_INSET, to: NO_INSET, startMs: 0 };
  #instant = false;

  constructor(canvas: HTMLCanvasElement, renderer: WebGLRenderer, camera: PerspectiveCamera, onChange: (fovDeg: number) => void) {
    this.#canvas = canvas;
    this.#renderer = renderer;
    this.#camera = camera;
    this.#onChange = onChange;
    camera.fov = LANDSCAPE_FOV;
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(canvas);
  }

  setPixelRatio(ratio: number): void {
    if (this.#renderer.getPixelRatio() === ratio) return;
    this.#renderer.setPixelRatio(ratio);
    // setPixelRatio resized the buffer from the last size; re-apply the current one.
    this.#lastSize = '';
    this.resize();
  }

  /** Matches the drawing buffer to the canvas's CSS size; true if the size changed. */
  resize(): boolean {
    const width = Math.max(1, this.#canvas.clientWidth);
    const height = Math.max(1, this.#canvas.clientHeight);
    const size = `${width}x${height}`;
    if (size === this.#lastSize) return false;
    this.#lastSize = size;
    this.#renderer.setSize(width, height, false);
    this.#camera.aspect = width / height;
    this.#camera.fov = verticalFov(this.#camera.aspect);
    this.#camera.updateProjectionMatrix();
    this.#applyInset();
    this.#onChange(this.#camera.fov);
    return true;
  }

  /**
   * Centres the view in the part of the canvas a panel leaves uncovered, sliding there unless
   * `instant` (reduced motion). The engine calls `stepInset` each frame until it returns false.
   */
  setInset(inset: ViewInset, instant: boolean): void {
    const to = { right: Math.max(0, Math.round(inset.right)), bottom: Math.max(0, Math.round(inset.bottom)) };
    if (sameInset(to, this.#inset.to)) return;
    this.#inset = { now: this.#inset.now, from: this.#inset.now, to, startMs: -1 };
    this.#instant = instant;
  }

  /** Advances the slide to `now`; true while it is still moving. */
  stepInset(now: number): boolean {
    const inset = this.#inset;
    if (sameInset(inset.now, inset.to)) return false;
    if (inset.startMs < 0) inset.startMs = now;
    const t = this.#instant ? 1 : Math.min(1, (now - inset.startMs) / INSET_SLIDE_MS);
    const eased = 1 - (1 - t) ** 3;
    const mix = (from: number, to: number) => from + (to - from) * eased;
    inset.now = t >= 1 ? inset.to : { right: mix(inset.from.right, inset.to.right), bottom: mix(inset.from.bottom, inset.to.bottom) };
    this.#applyInset();
    return !sameInset(inset.now, inset.to);
  }

  #applyInset(): void {
    const width = Math.max(1, this.#canvas.clientWidth);
    const height = Math.max(1, this.#canvas.clientHeight);
    const right = Math.min(this.#inset.now.right, width * 0.8);
    const bottom = Math.min(this.#inset.now.bottom, height * 0.8);
    if (right < 0.5 && bottom < 0.5) {
      this.#camera.clearViewOffset();
      return;
    }
    // Fit the whole camera view, scaled by `scale`, into the uncovered part and centre it there: what
    // the camera frames (an exhibit after a fly-in) stays entirely visible beside the panel. The frustum
    // is `full` canvas pixels big; the canvas is a window onto it, shifted so the centres line up.
    const scale = Math.min((width - right) / width, (height - bottom) / height);
    const fullWidth = width * scale;
    const fullHeight = height * scale;
    const offsetX = fullWidth / 2 - (width - right) / 2;
    const offsetY = fullHeight / 2 - (height - bottom) / 2;
    this.#camera.setViewOffset(fullWidth, fullHeight, offsetX, offsetY, width, height);
  }

  /** Canvas coordinates (CSS pixels) of a normalised-device point. */
  toCanvas(ndcX: number, ndcY: number): { x: number; y: number } {
    return { x: ((ndcX + 1) / 2) * this.#canvas.clientWidth, y: ((1 - ndcY) / 2) * this.#canvas.clientHeight };
  }

  dispose(): void {
    this.#observer.disconnect();
  }
}
