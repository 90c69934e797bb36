// Keeps the renderer's drawing buffer, pixel ratio and the camera's field of view matched to the canvas.
import type { PerspectiveCamera, WebGLRenderer } from 'three';

const LANDSCAPE_FOV = 50;
/** Portrait kiosks would otherwise see a keyhole; widen until this much is visible sideways. */
const MIN_HORIZONTAL_FOV = 60;
const MAX_FOV = 90;

export function verticalFov(aspect: number): number {
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
    this.#onChange(this.#camera.fov);
    return true;
  }

  /** Canvas coordinates (CSS pixels) of a normalised-device point. */
  toCanvas(ndcX: number, ndcY: number): { x: number; y: number } {
    return { x: ((ndcX + 1) / 2) * this.#canvas.clientWidth, y: ((1 - ndcY) / 2) * this.#canvas.clientHeight };
  }

  dispose(): void {
    this.#observer.disconnect();
  }
}
