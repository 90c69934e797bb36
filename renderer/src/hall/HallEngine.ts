// The hall's three.js engine: owns renderer, scene and camera, draws only when invalidated, frees all it made.
import { Color, DirectionalLight, HemisphereLight, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { Manifest } from '../../../electron/shared/manifest';
import type { UiLocale } from '../../../electron/shared/locale';
import { buildHall } from './buildHall';
import type { BuiltHall } from './buildHall';
import { disposeObject } from './disposeObject';
import { LookDrag } from './lookDrag';
import type { FrameListener, HallStats, Unlisten } from './types';

/** Software WebGL (SwiftShader) pays for every pixel; 1.5 keeps 4K kiosks sharp enough and affordable. */
const MAX_PIXEL_RATIO = 1.5;
const BACKGROUND = new Color('#1B1F3B');
/** Vertical field of view in landscape, degrees. */
const LANDSCAPE_FOV = 50;
/** Portrait kiosks would otherwise see a keyhole; widen until this much is visible sideways. */
const MIN_HORIZONTAL_FOV = 60;
const MAX_FOV = 90;

/** The vertical FOV that keeps at least MIN_HORIZONTAL_FOV across, within sane distortion. */
function verticalFov(aspect: number): number {
  const halfHorizontal = (MIN_HORIZONTAL_FOV * Math.PI) / 360;
  const needed = (2 * Math.atan(Math.tan(halfHorizontal) / aspect) * 180) / Math.PI;
  return Math.min(MAX_FOV, Math.max(LANDSCAPE_FOV, needed));
}

/**
 * Renders one pack's hall into one canvas, on demand: nothing is drawn unless `invalidate()` asked for a
 * frame, so an idle kiosk costs no GPU time. Plain TypeScript on purpose: no Svelte, no reactive state.
 */
export class HallEngine {
  readonly #scene = new Scene();
  readonly #camera = new PerspectiveCamera(LANDSCAPE_FOV, 16 / 9, 0.1, 600);
  readonly #frameListeners = new Set<FrameListener>();
  readonly #readyListeners = new Set<FrameListener>();
  #renderer: WebGLRenderer | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #look: LookDrag | null = null;
  #hall: BuiltHall | null = null;
  #locale: UiLocale = 'zh-CN';
  #raf: number | null = null;
  #frames = 0;
  #width = 0;
  #height = 0;
  #ready = false;
  #disposed = false;

  constructor() {
    this.#scene.background = BACKGROUND;
    // Lambert + hemisphere + one directional light: about 3x cheaper than Standard + point lights on SwiftShader.
    const sky = new HemisphereLight('#FFF6EC', '#6B6F80', 2.2);
    const sun = new DirectionalLight('#FFE0BD', 1.6);
    sun.position.set(-0.5, 1, 0.7);
    this.#scene.add(sky, sun);
  }

  /** Attaches to a canvas already in the document; throws if WebGL 2 is unavailable. */
  mount(canvas: HTMLCanvasElement): void {
    if (this.#disposed) throw new Error('HallEngine: mount after dispose');
    if (this.#renderer) throw new Error('HallEngine: already mounted');
    const renderer = new WebGLRenderer({ canvas, antialias: false, powerPreference: 'high-performance' });
    renderer.setPixelRatio(Math.min(window.devicePixelRatio, MAX_PIXEL_RATIO));
    this.#renderer = renderer;
    this.#canvas = canvas;
    // Size now, so the first frame is not drawn at the canvas's default 300×150.
    this.#resize();
    // The observer also reports the initial size; only a real change is worth a frame.
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#resize()) this.invalidate();
    });
    this.#resizeObserver.observe(canvas);
    this.#look = new LookDrag(canvas, this.#camera, () => this.invalidate());
    if (this.#hall) this.#look.syncFromCamera();
    canvas.addEventListener('webglcontextlost', this.#contextLost);
    canvas.addEventListener('webglcontextrestored', this.#contextRestored);
    this.invalidate();
  }

  /** Shows a pack's hall, freeing the previous hall's GPU resources first. */
  setPack(manifest: Manifest, locale: UiLocale): void {
    if (this.#disposed) return;
    this.#locale = locale;
    // Build the new hall before letting go of the old one: visitors keep seeing a hall throughout a
    // pack switch, and the old GPU resources are freed only once the new ones exist.
    const previous = this.#hall;
    this.#hall = buildHall(manifest.hall);
    this.#scene.add(this.#hall.root);
    if (previous) disposeObject(previous.root);
    const { position, target } = this.#hall.entrance;
    this.#camera.position.copy(position);
    this.#camera.lookAt(target);
    this.#look?.syncFromCamera();
    this.invalidate();
  }

  /**
   * The visitor's language. The placeholder hall has no text yet, so nothing is redrawn; later signage
   * will relabel here and invalidate.
   */
  setLocale(locale: UiLocale): void {
    this.#locale = locale;
  }

  /** The language the hall's signage is shown in. */
  get locale(): UiLocale {
    return this.#locale;
  }

  /** Asks for one frame; several calls before the next animation frame still draw once. */
  invalidate(): void {
    if (this.#disposed || !this.#renderer || this.#raf !== null) return;
    this.#raf = requestAnimationFrame(this.#draw);
  }

  stats(): HallStats {
    const info = this.#renderer?.info;
    return {
      frames: this.#frames,
      drawCalls: info?.render.calls ?? 0,
      triangles: info?.render.triangles ?? 0,
      geometries: info?.memory.geometries ?? 0,
      textures: info?.memory.textures ?? 0,
      programs: info?.programs?.length ?? 0,
    };
  }

  /** Called after every drawn frame with its statistics. */
  onFrame(listener: FrameListener): Unlisten {
    this.#frameListeners.add(listener);
    return () => this.#frameListeners.delete(listener);
  }

  /** Called once, after the first frame that shows a hall. */
  onReady(listener: FrameListener): Unlisten {
    this.#readyListeners.add(listener);
    return () => this.#readyListeners.delete(listener);
  }

  /** Frees everything, in order: pending frame, observers, input, scene resources, renderer, context. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#raf !== null) cancelAnimationFrame(this.#raf);
    this.#raf = null;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#look?.dispose();
    this.#look = null;
    this.#canvas?.removeEventListener('webglcontextlost', this.#contextLost);
    this.#canvas?.removeEventListener('webglcontextrestored', this.#contextRestored);
    if (this.#hall) disposeObject(this.#hall.root);
    this.#hall = null;
    this.#frameListeners.clear();
    this.#readyListeners.clear();
    if (this.#renderer) {
      this.#renderer.dispose();
      // A kiosk re-enters the hall all day; browsers cap live WebGL contexts, so release ours now
      // rather than whenever the canvas is garbage-collected.
      this.#renderer.forceContextLoss();
    }
    this.#renderer = null;
    this.#canvas = null;
  }

  readonly #draw = (): void => {
    this.#raf = null;
    const renderer = this.#renderer;
    if (!renderer || this.#disposed) return;
    renderer.render(this.#scene, this.#camera);
    this.#frames += 1;
    const stats = this.stats();
    for (const listener of [...this.#frameListeners]) listener(stats);
    if (!this.#ready && this.#hall) {
      this.#ready = true;
      for (const listener of [...this.#readyListeners]) listener(stats);
      this.#readyListeners.clear();
    }
  };

  /** Matches the drawing buffer to the canvas's CSS size; true if the size changed. */
  #resize(): boolean {
    const canvas = this.#canvas;
    const renderer = this.#renderer;
    if (!canvas || !renderer) return false;
    const width = Math.max(1, canvas.clientWidth);
    const height = Math.max(1, canvas.clientHeight);
    if (width === this.#width && height === this.#height) return false;
    this.#width = width;
    this.#height = height;
    // false: CSS owns the canvas's displayed size; three.js only sets the drawing buffer.
    renderer.setSize(width, height, false);
    this.#camera.aspect = width / height;
    this.#camera.fov = verticalFov(this.#camera.aspect);
    this.#camera.updateProjectionMatrix();
    return true;
  }

  readonly #contextLost = (event: Event): void => {
    // Without preventDefault the browser never offers to restore the context.
    event.preventDefault();
    if (this.#raf !== null) cancelAnimationFrame(this.#raf);
    this.#raf = null;
  };

  readonly #contextRestored = (): void => {
    this.invalidate();
  };
}
