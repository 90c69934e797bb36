// The hall's three.js engine: scene, camera rig, input, tours and adaptive quality, drawing only while something moves.
import { Color, DirectionalLight, HemisphereLight, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import type { Manifest } from '../../../electron/shared/manifest';
import { attractWaypoints } from './attract-path';
import { EventRegistry } from './engine-events';
import { FrameStats } from './frame-stats';
import { CameraRig } from './navigation/camera-rig';
import { GestureInput } from './navigation/gestures';
import { Tour } from './navigation/tour';
import type { TourWaypoint } from './navigation/tour';
import { pick } from './picking';
import { pixelRatioFor, QualityController } from './quality';
import type { QualityLevel, QualitySetting } from './quality';
import { createBrowserHallScene } from './scene/browser-hall-scene';
import type { HallScene } from './scene/hall-scene';
import { poseKey } from './scene/layout';
import { ResourceCache } from './scene/resource-cache';
import type { HallStats, HallTarget, ResolveUrl, Unlisten } from './types';

const BACKGROUND = new Color('#1B1F3B');
const LANDSCAPE_FOV = 50;
/** Portrait kiosks would otherwise see a keyhole; widen until this much is visible sideways. */
const MIN_HORIZONTAL_FOV = 60;
const MAX_FOV = 90;
/** Mascot idle animation rate: smooth enough to read as alive, half the cost of 60 fps. */
const MASCOT_FRAME_MS = 1000 / 30;
/** Longest a pack switch waits for the new hall's models and images before showing it anyway. */
const PACK_SWAP_TIMEOUT_MS = 4000;

export interface EngineStats extends HallStats {
  readonly fps: number;
  readonly frameTimeMs: number;
  readonly quality: QualityLevel;
}

export interface HallEngineEvents {
  picked: (target: HallTarget) => void;
  ready: (stats: EngineStats) => void;
  frame: (stats: EngineStats) => void;
  /** True while the 3D view cannot be shown (context lost, no WebGL); the app shows the 2D index. */
  fallback: (active: boolean) => void;
  /** Any visitor input on the hall (stop idle timers, close hints). */
  input: () => void;
  /** The mascot or exhibit a tour is presenting now, or null between presentations. */
  spotlight: (target: HallTarget | null) => void;
}

function verticalFov(aspect: number): number {
  const halfHorizontal = (MIN_HORIZONTAL_FOV * Math.PI) / 360;
  const needed = (2 * Math.atan(Math.tan(halfHorizontal) / aspect) * 180) / Math.PI;
  return Math.min(MAX_FOV, Math.max(LANDSCAPE_FOV, needed));
}

/**
 * Renders one pack's hall into one canvas, on demand: a frame is drawn when something asked for it
 * (input, a camera flight, a tour leg, a mascot in view, a texture that arrived), and nothing at all
 * while the view is still, so an idle kiosk costs no GPU time. Plain TypeScript: no Svelte, no reactive state.
 */
export class HallEngine {
  readonly #scene = new Scene();
  readonly #camera = new PerspectiveCamera(LANDSCAPE_FOV, 16 / 9, 0.1, 600);
  readonly #cache = new ResourceCache();
  readonly #quality = new QualityController();
  readonly #frameStats = new FrameStats();
  readonly #events = new EventRegistry<HallEngineEvents>();
  #renderer: WebGLRenderer | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #resizeObserver: ResizeObserver | null = null;
  #gestures: GestureInput | null = null;
  #hall: HallScene | null = null;
  #rig: CameraRig | null = null;
  #tour: Tour | null = null;
  /** What the running tour was started with, so a context restore can start it again. */
  #tourSpec: { waypoints: readonly TourWaypoint[]; loop: boolean; attract: boolean } | null = null;
  /** A new pack's hall, loading out of sight until it can replace the current one. */
  #pending: HallScene | null = null;
  /** The tour pose last handed to the rig: a dwelling tour must not count as a moving camera. */
  #tourPose = '';
  /** The tour's current spotlight as `kind:id`, to announce changes only. */
  #spotlight = '';
  #pack: { manifest: Manifest; resolveUrl: ResolveUrl } | null = null;
  #locale = 'zh-CN';
  #reducedMotion = false;
  #covered = false;
  #contextLost = false;
  #raf: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastMascotAt = 0;
  #frames = 0;
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

  on<K extends keyof HallEngineEvents>(event: K, listener: HallEngineEvents[K]): Unlisten {
    return this.#events.on(event, listener);
  }

  /** Attaches to a canvas already in the document; throws if WebGL 2 is unavailable. */
  mount(canvas: HTMLCanvasElement): void {
    if (this.#disposed) throw new Error('HallEngine: mount after dispose');
    if (this.#renderer) throw new Error('HallEngine: already mounted');
    this.#renderer = new WebGLRenderer({ canvas, antialias: false, powerPreference: 'high-performance' });
    this.#canvas = canvas;
    this.#applyPixelRatio();
    this.#resize();
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#resize()) this.invalidate();
    });
    this.#resizeObserver.observe(canvas);
    this.#gestures = new GestureInput(canvas, {
      look: (dx, dy) => this.#rig?.look(dx, dy),
      zoom: (scale) => this.#rig?.zoom(scale),
      pan: (dx, dy) => this.#rig?.pan(dx, dy),
      tap: (x, y) => this.#tap(x, y),
      home: () => this.home(),
      anyInput: () => {
        // A touch hands control to the visitor exactly where the tour had the camera.
        this.#endTour();
        this.#events.emit('input');
        this.invalidate();
      },
    });
    canvas.addEventListener('webglcontextlost', this.#onContextLost);
    canvas.addEventListener('webglcontextrestored', this.#onContextRestored);
    this.invalidate();
  }

  /**
   * Shows a pack's hall. While the new hall loads its images and models, visitors keep seeing the old
   * one; the swap (and the old hall's disposal) happens once the new one is ready, or after a few
   * seconds at most, so a broken model can never hold a switch up.
   */
  setPack(manifest: Manifest, resolveUrl: ResolveUrl, locale: string = this.#locale): void {
    if (this.#disposed) return;
    this.#pack = { manifest, resolveUrl };
    this.#locale = locale;
    const hall = this.#createHall(manifest, resolveUrl);
    // A newer pack supersedes one that is still loading.
    this.#pending?.dispose();
    this.#pending = null;
    if (this.#hall === null) {
      this.#install(hall);
      return;
    }
    hall.root.visible = false;
    this.#scene.add(hall.root);
    this.#pending = hall;
    const swap = (): void => {
      if (this.#pending !== hall || this.#disposed) return;
      this.#pending = null;
      this.#install(hall);
    };
    void hall.ready.then(swap, swap);
    setTimeout(swap, PACK_SWAP_TIMEOUT_MS);
  }

  #createHall(manifest: Manifest, resolveUrl: ResolveUrl): HallScene {
    return createBrowserHallScene(manifest, { locale: this.#locale, resolveUrl, onChange: () => this.invalidate(), cache: this.#cache });
  }

  #install(hall: HallScene): void {
    const previous = this.#hall;
    hall.root.visible = true;
    if (!hall.root.parent) this.#scene.add(hall.root);
    this.#hall = hall;
    previous?.dispose();
    const { walkable, obstacles, home } = hall.layout;
    if (this.#rig) {
      this.#rig.setBounds(walkable, obstacles);
      this.#rig.setHome(home);
      this.#rig.cut(home);
    } else {
      this.#rig = new CameraRig({ walkable, obstacles, home, baseFovDeg: this.#camera.fov, reducedMotion: this.#reducedMotion });
    }
    // The attract fly-through follows the pack it is flying through; any other tour ends.
    const attract = this.#tourSpec?.attract === true;
    this.#endTour();
    if (attract) this.tour(undefined, { loop: true });
    this.invalidate();
  }

  setLocale(locale: string): void {
    this.#locale = locale;
    this.#hall?.setLocale(locale);
  }

  /** `render.quality`: `auto` adapts to the frame rate, anything else pins a level. */
  setQuality(setting: QualitySetting): void {
    this.#quality.set(setting);
    this.#applyPixelRatio();
  }

  setReducedMotion(on: boolean): void {
    this.#reducedMotion = on;
    this.#rig?.setReducedMotion(on);
  }

  /** A full-screen panel covers the hall: draw nothing, pause mascots, until uncovered. */
  setCovered(covered: boolean): void {
    this.#covered = covered;
    if (covered) this.#cancelFrames();
    else this.invalidate();
  }

  /** Flies to the framing view of a target (`id`, or `kind:id` when ids repeat across kinds). */
  focus(id: string): HallTarget | null {
    const target = this.targets().find((t) => t.id === id || `${t.kind}:${t.id}` === id) ?? null;
    const pose = target ? this.#hall?.layout.poses.get(poseKey(target.kind, target.id)) : undefined;
    if (!target || !pose || !this.#rig) return null;
    this.#endTour();
    this.#rig.flyTo(pose);
    this.invalidate();
    return target;
  }

  /** Plays a camera path; the pack's attract playlist when no waypoints are given. */
  tour(waypoints?: readonly TourWaypoint[], options: { loop?: boolean } = {}): void {
    const points = waypoints ?? (this.#pack && this.#hall ? attractWaypoints(this.#pack.manifest, this.#hall.layout) : []);
    if (points.length === 0 || !this.#rig) return;
    const loop = options.loop ?? true;
    this.#tourSpec = { waypoints: points, loop, attract: waypoints === undefined };
    this.#tourPose = '';
    this.#tour = new Tour([...points], { flightMs: 1600, reducedMotion: this.#reducedMotion, loop, from: this.#rig.pose() });
    this.invalidate();
  }

  stop(): void {
    this.#endTour();
    this.#rig?.stop();
  }

  home(): void {
    this.#endTour();
    this.#rig?.home();
    this.invalidate();
  }

  targets(): HallTarget[] {
    return [...(this.#hall?.layout.targets ?? [])];
  }

  /** Where a target appears on the canvas, in CSS pixels, and whether it is in front of the camera and on screen. */
  project(id: string): { x: number; y: number; visible: boolean } | null {
    const target = this.targets().find((t) => t.id === id || `${t.kind}:${t.id}` === id);
    const pose = target ? this.#hall?.layout.poses.get(poseKey(target.kind, target.id)) : undefined;
    if (!pose || !this.#canvas) return null;
    const point = new Vector3(pose.target.x, pose.target.y, pose.target.z).project(this.#camera);
    const x = ((point.x + 1) / 2) * this.#canvas.clientWidth;
    const y = ((1 - point.y) / 2) * this.#canvas.clientHeight;
    return { x, y, visible: point.z < 1 && Math.abs(point.x) <= 1 && Math.abs(point.y) <= 1 };
  }

  /** Asks for one frame; several calls before the next animation frame still draw once. */
  invalidate(): void {
    if (this.#disposed || !this.#renderer || this.#covered || this.#contextLost || this.#raf !== null) return;
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#raf = requestAnimationFrame(this.#draw);
  }

  stats(): EngineStats {
    const info = this.#renderer?.info;
    const now = performance.now();
    return {
      frames: this.#frames,
      drawCalls: info?.render.calls ?? 0,
      triangles: info?.render.triangles ?? 0,
      geometries: info?.memory.geometries ?? 0,
      textures: info?.memory.textures ?? 0,
      programs: info?.programs?.length ?? 0,
      fps: this.#frameStats.fps(now),
      frameTimeMs: this.#frameStats.frameTimeMs(),
      quality: this.#quality.level,
    };
  }

  /** Frees everything, in order: frames, input, observers, scene resources, renderer, context. */
  dispose(): void {
    if (this.#disposed) return;
    this.#cancelFrames();
    this.#disposed = true;
    this.#gestures?.dispose();
    this.#resizeObserver?.disconnect();
    this.#canvas?.removeEventListener('webglcontextlost', this.#onContextLost);
    this.#canvas?.removeEventListener('webglcontextrestored', this.#onContextRestored);
    this.#pending?.dispose();
    this.#pending = null;
    this.#hall?.dispose();
    this.#hall = null;
    this.#cache.disposeAll();
    this.#events.clear();
    if (this.#renderer) {
      this.#renderer.dispose();
      // A kiosk re-enters the hall all day; browsers cap live WebGL contexts, so release ours now.
      this.#renderer.forceContextLoss();
    }
    this.#renderer = null;
    this.#canvas = null;
  }

  readonly #draw = (now: number): void => {
    this.#raf = null;
    const renderer = this.#renderer;
    const rig = this.#rig;
    if (!renderer || this.#disposed || this.#covered || this.#contextLost) return;
    let wakeAt: number | null = null;
    if (this.#tour && rig) {
      const step = this.#tour.update(now);
      // Hand the rig a pose only when it changed: re-cutting the same pose while the tour dwells would
      // report a moving camera and keep drawing a still picture (render on demand).
      const pose = JSON.stringify(step.pose);
      if (pose !== this.#tourPose) {
        rig.cut(step.pose);
        this.#tourPose = pose;
      }
      this.#announceSpotlight(step.spotlight);
      if (step.done) this.#endTour();
      else if (!step.moving) wakeAt = step.nextChangeAtMs;
    }
    const cameraMoved = rig ? rig.update(now) : false;
    rig?.applyTo(this.#camera);
    let mascotsMoving = false;
    if (this.#hall?.mascotsInView(this.#camera)) {
      const dt = this.#lastMascotAt > 0 ? Math.min(0.1, (now - this.#lastMascotAt) / 1000) : 0;
      this.#lastMascotAt = now;
      mascotsMoving = this.#hall.update(dt, this.#camera.position);
    } else {
      this.#lastMascotAt = 0;
    }
    renderer.render(this.#scene, this.#camera);
    this.#frames += 1;
    const interval = this.#frameStats.record(now);
    if (interval !== null && (cameraMoved || this.#tour) && this.#quality.sample(interval)) this.#applyPixelRatio();
    const stats = this.stats();
    this.#events.emit('frame', stats);
    if (!this.#ready && this.#hall) {
      this.#ready = true;
      this.#events.emit('ready', stats);
    }
    // Keep drawing only while something moves: the camera every frame, mascots at a capped rate, a
    // dwelling tour only when its next leg starts.
    if (cameraMoved || (this.#tour !== null && wakeAt === null)) this.invalidate();
    else if (mascotsMoving) this.#wakeAfter(MASCOT_FRAME_MS);
    else if (wakeAt !== null) this.#wakeAfter(Math.max(0, wakeAt - now));
  };

  #endTour(): void {
    this.#tour = null;
    this.#tourSpec = null;
    this.#announceSpotlight(null);
  }

  #announceSpotlight(target: HallTarget | null): void {
    const key = target ? `${target.kind}:${target.id}` : '';
    if (key === this.#spotlight) return;
    this.#spotlight = key;
    this.#events.emit('spotlight', target);
  }

  #wakeAfter(ms: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.invalidate();
    }, ms);
  }

  #cancelFrames(): void {
    if (this.#raf !== null) cancelAnimationFrame(this.#raf);
    this.#raf = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #tap(x: number, y: number): void {
    if (!this.#hall || !this.#rig || !this.#canvas) return;
    const hit = pick(this.#hall.root, this.#camera, x, y, this.#canvas.clientWidth, this.#canvas.clientHeight);
    if (hit === null) return;
    if (hit.kind === 'floor') this.#rig.walkTo({ x: hit.x, z: hit.z });
    else {
      const pose = this.#hall.layout.poses.get(poseKey(hit.target.kind, hit.target.id));
      if (pose) this.#rig.flyTo(pose);
      this.#events.emit('picked', hit.target);
    }
    this.invalidate();
  }

  #applyPixelRatio(): void {
    if (!this.#renderer) return;
    this.#renderer.setPixelRatio(pixelRatioFor(this.#quality.level, window.devicePixelRatio));
    // setPixelRatio resizes the drawing buffer from the last size; force the next resize to re-apply.
    this.#lastSize = '';
    this.#resize();
    this.invalidate();
  }

  #lastSize = '';

  /** Matches the drawing buffer to the canvas's CSS size; true if the size changed. */
  #resize(): boolean {
    const canvas = this.#canvas;
    const renderer = this.#renderer;
    if (!canvas || !renderer) return false;
    const width = Math.max(1, canvas.clientWidth);
    const height = Math.max(1, canvas.clientHeight);
    const size = `${width}x${height}`;
    if (size === this.#lastSize) return false;
    this.#lastSize = size;
    renderer.setSize(width, height, false);
    this.#camera.aspect = width / height;
    this.#camera.fov = verticalFov(this.#camera.aspect);
    this.#rig?.setBaseFov(this.#camera.fov);
    this.#camera.updateProjectionMatrix();
    return true;
  }

  readonly #onContextLost = (event: Event): void => {
    // Without preventDefault the browser never offers to restore the context.
    event.preventDefault();
    this.#contextLost = true;
    this.#cancelFrames();
    this.#events.emit('fallback', true);
  };

  readonly #onContextRestored = (): void => {
    this.#contextLost = false;
    // Rebuild every GPU resource from the manifest rather than trusting what survived the loss, at
    // once (nothing else is on screen) and from where the camera was.
    const tour = this.#tourSpec;
    const pose = this.#rig?.pose();
    if (this.#pack) {
      const { manifest, resolveUrl } = this.#pack;
      this.#pending?.dispose();
      this.#pending = null;
      this.#install(this.#createHall(manifest, resolveUrl));
      if (pose) this.#rig?.cut(pose);
    }
    // The attract loop must come back with the hall.
    if (tour) this.tour(tour.attract ? undefined : tour.waypoints, { loop: tour.loop });
    this.#events.emit('fallback', false);
    this.invalidate();
  };
}
