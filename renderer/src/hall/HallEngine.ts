// The hall's three.js engine: scene, camera rig, input, tours and adaptive quality, drawing only while something moves.
import { Color, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import type { Manifest } from '../../../electron/shared/manifest';
import { attractWaypoints, zoneTourWaypoints } from './attract-path';
import { EventRegistry } from './engine-events';
import type { EngineStats, HallEngineEvents } from './engine-events';
import { HallSlot } from './hall-slot';
import { FrameScheduler } from './frame-scheduler';
import { FrameStats } from './frame-stats';
import { CameraRig } from './navigation/camera-rig';
import { GestureInput } from './navigation/gestures';
import type { TourWaypoint } from './navigation/tour';
import { pick } from './picking';
import { pixelRatioFor, QualityController, qualityProfile } from './quality';
import type { QualitySetting } from './quality';
import { createBrowserHallScene } from './scene/browser-hall-scene';
import { createHallLights } from './scene/lighting';
import type { HallScene } from './scene/hall-scene';
import { poseKey } from './scene/layout';
import { ResourceCache } from './scene/resource-cache';
import { TourDriver } from './tour-driver';
import type { HallTarget, ResolveUrl, Unlisten, ViewInset } from './types';
import { Viewport } from './viewport';

const BACKGROUND = new Color('#1B1F3B');

/**
 * Renders one pack's hall into one canvas, on demand: a frame is drawn when something asked for it
 * (input, a camera flight, a tour leg, a mascot in view, a texture that arrived), and nothing at all
 * while the view is still, so an idle kiosk costs no GPU time. Plain TypeScript: no Svelte, no reactive state.
 */
export class HallEngine {
  readonly #scene = new Scene();
  readonly #camera = new PerspectiveCamera(50, 16 / 9, 0.1, 600);
  readonly #cache = new ResourceCache();
  readonly #quality = new QualityController();
  readonly #frameStats = new FrameStats();
  readonly #events = new EventRegistry<HallEngineEvents>();
  readonly #scheduler = new FrameScheduler(
    (now) => this.#draw(now),
    () => this.#renderer !== null && !this.#disposed && !this.#covered && !this.#contextLost && !document.hidden,
    { request: (callback) => requestAnimationFrame(callback), cancel: (handle) => cancelAnimationFrame(handle) },
  );
  readonly #tours = new TourDriver(
    (target) => {
      this.#halls.current?.present(target);
      this.#events.emit('spotlight', target);
    },
    (spec, how) => this.#events.emit('tour', { state: how === 'finished' ? 'finish' : 'stop', attract: spec.attract }),
    (moving) => this.#events.emit('flying', moving),
  );
  #renderer: WebGLRenderer | null = null;
  #canvas: HTMLCanvasElement | null = null;
  #viewport: Viewport | null = null;
  #gestures: GestureInput | null = null;
  readonly #halls = new HallSlot(this.#scene, (hall) => this.#installed(hall));
  #rig: CameraRig | null = null;
  #pack: { manifest: Manifest; resolveUrl: ResolveUrl } | null = null;
  #locale = 'zh-CN';
  /** Pledge walls' messages, kept for halls built later (pack switch, context restore). */
  #pledges: Readonly<Record<string, readonly string[]>> = {};
  #reducedMotion = false;
  #covered = false;
  #contextLost = false;
  #lastMascotAt = 0;
  #frames = 0;
  #ready = false;
  #disposed = false;

  constructor() {
    this.#scene.background = BACKGROUND;
    this.#scene.add(...createHallLights());
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
    this.#viewport = new Viewport(canvas, this.#renderer, this.#camera, (fov) => {
      this.#rig?.setBaseFov(fov);
      this.invalidate();
    });
    this.#applyQuality();
    this.#viewport.resize();
    this.#gestures = new GestureInput(canvas, {
      look: (dx, dy) => this.#rig?.look(dx, dy),
      zoom: (scale) => this.#rig?.zoom(scale),
      pan: (dx, dy) => this.#rig?.pan(dx, dy),
      tap: (x, y) => this.#tap(x, y),
      home: () => this.home(),
      anyInput: () => {
        // A touch hands control to the visitor exactly where the tour had the camera.
        this.#tours.end();
        this.#events.emit('input');
        this.invalidate();
      },
    });
    canvas.addEventListener('webglcontextlost', this.#onContextLost);
    canvas.addEventListener('webglcontextrestored', this.#onContextRestored);
    // A hidden or minimised kiosk window draws nothing and its mascots rest.
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.invalidate();
  }

  /** Shows a pack's hall; visitors keep seeing the old one until the new one has loaded (see HallSlot). */
  setPack(manifest: Manifest, resolveUrl: ResolveUrl, locale: string = this.#locale): void {
    if (this.#disposed) return;
    this.#pack = { manifest, resolveUrl };
    this.#locale = locale;
    this.#halls.offer(this.#createHall(manifest, resolveUrl));
  }

  #createHall(manifest: Manifest, resolveUrl: ResolveUrl): HallScene {
    return createBrowserHallScene(manifest, { locale: this.#locale, resolveUrl, onChange: () => this.invalidate(), cache: this.#cache, renderer: this.#renderer });
  }

  /** A hall went on show: fit the camera rig to it and restart the attract loop if one ran. */
  #installed(hall: HallScene): void {
    const { walkable, obstacles, home } = hall.layout;
    if (this.#rig) {
      this.#rig.setBounds(walkable, obstacles);
      this.#rig.setHome(home);
      this.#rig.cut(home);
    } else {
      this.#rig = new CameraRig({ walkable, obstacles, home, baseFovDeg: this.#camera.fov, reducedMotion: this.#reducedMotion });
    }
    hall.setEffects(qualityProfile(this.#quality.level).effects);
    hall.setPledges(this.#pledges);
    // The attract fly-through follows the pack it is flying through; any other tour ends.
    const attract = this.#tours.spec?.attract === true;
    this.#tours.end();
    if (attract) this.tour(undefined, { loop: true });
    this.invalidate();
  }

  setLocale(locale: string): void {
    this.#locale = locale;
    this.#halls.current?.setLocale(locale);
  }

  /** The messages on the pledge walls (exhibit id → texts, newest first). */
  setPledges(walls: Readonly<Record<string, readonly string[]>>): void {
    this.#pledges = walls;
    this.#halls.current?.setPledges(walls);
  }

  /** `render.quality`: `auto` adapts to the frame rate, anything else pins a level. */
  setQuality(setting: QualitySetting): void {
    this.#quality.set(setting);
    this.#applyQuality();
  }

  setReducedMotion(on: boolean): void {
    this.#reducedMotion = on;
    this.#rig?.setReducedMotion(on);
  }

  /** A full-screen panel covers the hall: draw nothing, pause mascots, until uncovered. */
  setCovered(covered: boolean): void {
    this.#covered = covered;
    if (covered) this.#scheduler.cancel();
    else this.invalidate();
  }

  /**
   * A panel covers part of the canvas (right in landscape, bottom in portrait): the view slides so what
   * the camera frames stays in the middle of the part still visible. Zero insets when it closes.
   */
  setViewInset(inset: ViewInset): void {
    this.#viewport?.setInset(inset, this.#reducedMotion);
    this.invalidate();
  }

  /** Flies to the framing view of a target (`id`, or `kind:id` when ids repeat across kinds). */
  focus(id: string): HallTarget | null {
    const target = this.targets().find((t) => t.id === id || `${t.kind}:${t.id}` === id) ?? null;
    const pose = target ? this.#halls.current?.layout.poses.get(poseKey(target.kind, target.id)) : undefined;
    if (!target || !pose || !this.#rig) return null;
    this.#tours.end();
    this.#rig.flyTo(pose);
    this.invalidate();
    return target;
  }

  /** Plays a camera path; the pack's attract playlist when no waypoints are given. */
  tour(waypoints?: readonly TourWaypoint[], options: { loop?: boolean } = {}): void {
    const hall = this.#halls.current;
    const points = waypoints ?? (this.#pack && hall ? attractWaypoints(this.#pack.manifest, hall.layout) : []);
    if (points.length === 0 || !this.#rig) return;
    this.#tours.start({ waypoints: points, loop: options.loop ?? true, attract: waypoints === undefined }, this.#rig.pose(), this.#reducedMotion);
    this.#events.emit('tour', { state: 'start', attract: waypoints === undefined });
    this.invalidate();
  }

  /** A guided tour of one zone: its mascot first, then each exhibit, once. False if the zone has nothing to show. */
  tourZone(zoneId: string): boolean {
    const hall = this.#halls.current;
    if (!hall || !this.#pack) return false;
    const waypoints = zoneTourWaypoints(this.#pack.manifest, hall.layout, zoneId);
    if (waypoints.length === 0) return false;
    this.tour(waypoints, { loop: false });
    return true;
  }

  stop(): void {
    this.#tours.end();
    this.#rig?.stop();
  }

  home(): void {
    this.#tours.end();
    this.#rig?.home();
    this.invalidate();
  }

  targets(): HallTarget[] {
    return [...(this.#halls.current?.layout.targets ?? [])];
  }

  /** Where a target appears on the canvas, in CSS pixels, and whether it is in front of the camera and on screen. */
  project(id: string): { x: number; y: number; visible: boolean } | null {
    const target = this.targets().find((t) => t.id === id || `${t.kind}:${t.id}` === id);
    const pose = target ? this.#halls.current?.layout.poses.get(poseKey(target.kind, target.id)) : undefined;
    if (!pose || !this.#viewport) return null;
    const point = new Vector3(pose.target.x, pose.target.y, pose.target.z).project(this.#camera);
    const { x, y } = this.#viewport.toCanvas(point.x, point.y);
    return { x, y, visible: point.z < 1 && Math.abs(point.x) <= 1 && Math.abs(point.y) <= 1 };
  }

  /** Asks for one frame; several calls before the next animation frame still draw once. */
  invalidate(): void {
    this.#scheduler.request();
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
    this.#scheduler.cancel();
    this.#disposed = true;
    this.#gestures?.dispose();
    this.#viewport?.dispose();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#canvas?.removeEventListener('webglcontextlost', this.#onContextLost);
    this.#canvas?.removeEventListener('webglcontextrestored', this.#onContextRestored);
    this.#halls.dispose();
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

  #draw(now: number): void {
    const renderer = this.#renderer;
    const rig = this.#rig;
    if (!renderer) return;
    const tour = rig ? this.#tours.step(now, rig) : null;
    const viewSliding = this.#viewport?.stepInset(now) ?? false;
    const cameraMoved = (rig ? rig.update(now) : false) || viewSliding;
    rig?.applyTo(this.#camera);
    let mascotsMoving = false;
    if (this.#halls.current?.mascotsInView(this.#camera)) {
      const dt = this.#lastMascotAt > 0 ? Math.min(0.1, (now - this.#lastMascotAt) / 1000) : 0;
      this.#lastMascotAt = now;
      mascotsMoving = this.#halls.current.update(dt, this.#camera.position);
    } else {
      this.#lastMascotAt = 0;
    }
    this.#halls.current?.fitDetail(this.#camera);
    renderer.render(this.#scene, this.#camera);
    this.#frames += 1;
    const interval = this.#frameStats.record(now);
    if (interval !== null && (cameraMoved || tour?.moving) && this.#quality.sample(interval)) this.#applyQuality();
    const stats = this.stats();
    this.#events.emit('frame', stats);
    if (!this.#ready && this.#halls.current) {
      this.#ready = true;
      this.#events.emit('ready', stats);
    }
    // Keep drawing only while something moves: the camera every frame, mascots at a capped rate, a
    // dwelling tour only when its next leg starts.
    if (cameraMoved || tour?.moving) this.invalidate();
    else if (mascotsMoving) this.#scheduler.wakeForFrameAt(now + qualityProfile(this.#quality.level).mascotFrameMs);
    else if (tour?.wakeAt != null) this.#scheduler.wakeAfter(tour.wakeAt - now);
  }

  #tap(x: number, y: number): void {
    const hall = this.#halls.current;
    if (!hall || !this.#rig || !this.#canvas) return;
    const hit = pick(hall.root, this.#camera, x, y, this.#canvas.clientWidth, this.#canvas.clientHeight);
    if (hit === null) return;
    if (hit.kind === 'floor') this.#rig.walkTo({ x: hit.x, z: hit.z });
    else {
      const pose = hall.layout.poses.get(poseKey(hit.target.kind, hit.target.id));
      if (pose) this.#rig.flyTo(pose);
      if (hit.target.kind === 'mascot') hall.greet(hit.target.id);
      this.#events.emit('picked', hit.target);
    }
    this.invalidate();
  }

  /** Applies the current quality level: resolution, effects, and (via #draw) the mascot frame rate. */
  #applyQuality(): void {
    const level = this.#quality.level;
    this.#viewport?.setPixelRatio(pixelRatioFor(level, window.devicePixelRatio));
    this.#halls.current?.setEffects(qualityProfile(level).effects);
    this.invalidate();
  }

  readonly #onContextLost = (event: Event): void => {
    // Without preventDefault the browser never offers to restore the context.
    event.preventDefault();
    this.#contextLost = true;
    this.#scheduler.cancel();
    // Nothing flies while the 2D fallback shows; the tour resumes (and says so) on restore.
    this.#tours.pause();
    this.#events.emit('fallback', true);
  };

  readonly #onContextRestored = (): void => {
    this.#contextLost = false;
    // Rebuild every GPU resource from the manifest rather than trusting what survived the loss, at
    // once (nothing else is on screen) and from where the camera was.
    const tour = this.#tours.spec;
    const pose = this.#rig?.pose();
    if (this.#pack) {
      const { manifest, resolveUrl } = this.#pack;
      this.#halls.replace(this.#createHall(manifest, resolveUrl));
      if (pose) this.#rig?.cut(pose);
    }
    // The attract loop must come back with the hall.
    if (tour) this.tour(tour.attract ? undefined : tour.waypoints, { loop: tour.loop });
    this.#events.emit('fallback', false);
    this.invalidate();
  };

  readonly #onVisibility = (): void => {
    if (document.hidden) this.#scheduler.cancel();
    else this.invalidate();
  };
}
