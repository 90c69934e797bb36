// Mascots: GLB models at their homes, idling, waving when presented or tapped, turning to a nearby visitor, with large tap targets.
import {
  AnimationMixer,
  Box3,
  CapsuleGeometry,
  CylinderGeometry,
  Frustum,
  Group,
  LoopOnce,
  Matrix4,
  Mesh,
  SkinnedMesh,
  Sphere,
  Texture,
  Vector3,
} from 'three';
import type { AnimationAction, Camera, Material, Object3D, PerspectiveCamera } from 'three';
import type { Mascot } from '../../../../electron/shared/manifest';
import type { PickableUserData, Point3, ResolveUrl } from '../types';
import type { ResourceScope } from './resource-cache';
import { looksLarge, ownedDetailLevels } from './mascot-detail';
import type { DetailLevels } from './mascot-detail';
import { hitMaterial } from './structure';
import { createVertexLitMaterial } from './vertex-lit-material';
import { cheaperMaterial } from './model-materials';

import type { LoadedModel, ModelLoader } from './model-loader';

/** A visitor closer than this (metres, on the floor) makes a mascot turn towards them. */
export const NOTICE_DISTANCE = 4;
/**
 * Beyond this distance (metres) a mascot is a few pixels tall: it holds its pose, so a wide view of
 * the hall does not redraw the whole scene 30 times a second for movements nobody can see.
 */
export const ANIMATE_DISTANCE = 14;
/** Fastest a mascot turns, radians per second. */
const MAX_TURN_RATE = Math.PI * 0.75;
/** The tap target is this much larger than the model's bounds. */
const HIT_SCALE = 1.5;
const DEFAULT_SIZE = { radius: 0.35, height: 1.2 } as const;
/** Models without a wave clip hop instead: this long, this high (seconds, metres). */
const HOP = { seconds: 0.6, height: 0.25 } as const;
/** Blend between idle and wave, seconds. */
const CROSSFADE_SECONDS = 0.25;

export interface Mascots {
  readonly group: Group;
  /** Settles when every model has loaded (with its reduced copy) or fallen back to a placeholder. */
  readonly ready: Promise<void>;
  /** Advances idle animations and turns; true if anything moved. */
  update(deltaSeconds: number, cameraPosition: Point3): boolean;
  /** True if any mascot's bounds intersect the camera's view. */
  inView(camera: Camera): boolean;
  /** Picks full or reduced meshes for each mascot by how tall it appears from `camera`; call before each frame. */
  fitDetail(camera: PerspectiveCamera): void;
  /** The mascot waves (its wave clip, or a hop when it has none): when a tour presents it or a visitor taps it. */
  wave(id: string): void;
  dispose(): void;
}

interface MascotState {
  readonly mascot: Mascot;
  readonly turn: Group;
  readonly body: Group;
  readonly proxy: Mesh;
  readonly homeYaw: number;
  readonly bounds: Sphere;
  mixer: AnimationMixer | null;
  idle: AnimationAction | null;
  waving: AnimationAction | null;
  /** Removes the listener adopt() put on the mixer. */
  unlisten: (() => void) | null;
  /** `time` when the current hop started, or null. */
  hopStart: number | null;
  /** The model's reduced copy (see mascot-detail.ts), once built. */
  detail: DetailLevels | null;
  /** No clips: bob and sway in code. */
  procedural: boolean;
  /** Something to animate exists (a model or the placeholder). */
  shown: boolean;
  time: number;
}

const shortestAngle = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

export function buildMascots(mascots: readonly Mascot[], res: ResourceScope, resolveUrl: ResolveUrl, loadModel: ModelLoader, onChange: () => void): Mascots {
  const group = new Group();
  group.name = 'mascots';
  let disposed = false;
  const proxyGeometry = res.shared('geometry:unit-cylinder', () => new CylinderGeometry(0.5, 0.5, 1, 16).translate(0, 0.5, 0));

  const states = mascots.map((mascot, index): MascotState => {
    const homeYaw = (mascot.facing * Math.PI) / 180;
    const turn = new Group();
    turn.name = `mascot:${mascot.id}`;
    turn.position.set(mascot.home.x, 0, mascot.home.z);
    turn.rotation.y = homeYaw;
    const body = new Group();
    const proxy = new Mesh(proxyGeometry, hitMaterial(res));
    proxy.name = `mascot-hit:${mascot.id}`;
    proxy.userData = { target: { id: mascot.id, kind: 'mascot' } } satisfies PickableUserData;
    turn.add(body, proxy);
    group.add(turn);
    const state: MascotState = { mascot, turn, body, proxy, homeYaw, bounds: new Sphere(), mixer: null, idle: null, waving: null, unlisten: null, hopStart: null, detail: null, procedural: false, shown: false, time: index * 0.7 };
    fitProxy(state, DEFAULT_SIZE.radius * 2, DEFAULT_SIZE.height);
    return state;
  });

  const loads = states.map(async (state) => {
    const { mascot } = state;
    try {
      const model = await loadModel(resolveUrl(mascot.model));
      if (disposed) {
        disposeLoaded(model.scene);
        return;
      }
      adopt(state, model, res);
    } catch (error) {
      if (disposed) return;
      console.error(`[hall] mascot "${mascot.id}": model ${mascot.model} did not load; showing a placeholder`, error);
      placeholder(state, res);
      onChange();
      return;
    }
    onChange();
    state.detail = await ownedDetailLevels(state.body, res, `mascot:${mascot.id}`, () => disposed);
  });

  return {
    group,
    ready: Promise.all(loads).then(() => undefined),
    update(dt, camera) {
      let moved = false;
      for (const state of states) {
        if (!state.shown) continue;
        state.time += dt;
        if (state.mixer) {
          state.mixer.update(dt);
          moved = true;
        }
        const bob = state.procedural ? 0.04 * (1 + Math.sin((state.time * 2 * Math.PI) / 2.2)) : 0;
        if (state.procedural) {
          state.body.rotation.z = 0.05 * Math.sin((state.time * 2 * Math.PI) / 3.3);
          moved = true;
        }
        state.body.position.y = bob + hopHeight(state);
        if (state.hopStart !== null) moved = true;
        const dx = camera.x - state.mascot.home.x;
        const dz = camera.z - state.mascot.home.z;
        const wanted = Math.hypot(dx, dz) < NOTICE_DISTANCE ? Math.atan2(dx, dz) : state.homeYaw;
        const delta = shortestAngle(wanted - state.turn.rotation.y);
        if (Math.abs(delta) > 0.002) {
          // Eases out near the goal, never faster than MAX_TURN_RATE.
          const eased = Math.max(Math.abs(delta) * Math.min(1, 4 * dt), 0.002);
          const step = Math.min(MAX_TURN_RATE * dt, eased, Math.abs(delta));
          state.turn.rotation.y = shortestAngle(state.turn.rotation.y + Math.sign(delta) * step);
          moved = true;
        }
      }
      return moved;
    },
    inView(camera) {
      camera.updateMatrixWorld();
      const frustum = new Frustum().setFromProjectionMatrix(new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
      return states.some(
        (state) => state.shown && state.bounds.center.distanceTo(camera.position) < ANIMATE_DISTANCE && frustum.intersectsSphere(state.bounds),
      );
    },
    fitDetail(camera) {
      for (const state of states) state.detail?.show(looksLarge(state.bounds, camera));
    },
    wave(id) {
      const state = states.find((s) => s.mascot.id === id);
      if (state?.shown) startWave(state);
    },
    dispose() {
      disposed = true;
      for (const state of states) {
        state.unlisten?.();
        state.mixer?.stopAllAction();
        state.mixer?.uncacheRoot(state.mixer.getRoot());
        state.mixer = null;
      }
    },
  };
}

/** Sizes the invisible tap cylinder and the view-test sphere to a model of `width` × `height`. */
function fitProxy(state: MascotState, width: number, height: number): void {
  const radius = Math.max(0.4, (width / 2) * HIT_SCALE);
  const tall = Math.max(1, height * HIT_SCALE);
  state.proxy.scale.set(radius * 2, tall, radius * 2);
  state.proxy.position.y = -(tall - height) / 4;
  const { x, z } = state.mascot.home;
  state.bounds.set(new Vector3(x, height / 2, z), Math.hypot(width / 2, height / 2) + 0.2);
}

function adopt(state: MascotState, model: LoadedModel, res: ResourceScope): void {
  const root = model.scene;
  // One replacement per source material, so meshes that shared a material still share one.
  const converted = new Map<Material, Material>();
  const convert = (material: Material): Material => {
    const found = converted.get(material) ?? cheaperMaterial(material);
    converted.set(material, found);
    return found;
  };
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    object.material = Array.isArray(object.material) ? object.material.map(convert) : convert(object.material);
  });
  track(root, res, `mascot:${state.mascot.id}`);
  // Feet on the floor, whatever the model's origin.
  const box = new Box3().setFromObject(root);
  root.position.y -= box.min.y;
  const size = box.getSize(new Vector3());
  state.body.add(root);
  fitProxy(state, Math.max(size.x, size.z), size.y);
  state.shown = true;
  const idleClip = model.animations.find((c) => /idle/i.test(c.name)) ?? model.animations.find((c) => !/wave/i.test(c.name));
  const waveClip = model.animations.find((c) => /wave/i.test(c.name));
  if (idleClip || waveClip) {
    const mixer = new AnimationMixer(root);
    state.mixer = mixer;
    state.idle = idleClip ? mixer.clipAction(idleClip).play() : null;
    state.waving = waveClip ? mixer.clipAction(waveClip).setLoop(LoopOnce, 1) : null;
    // After a wave, blend back into the idle loop.
    const onFinished = (event: { action: AnimationAction }): void => {
      if (event.action === state.waving && state.idle) state.idle.reset().fadeIn(CROSSFADE_SECONDS).play();
    };
    mixer.addEventListener('finished', onFinished);
    state.unlisten = () => mixer.removeEventListener('finished', onFinished);
  }
  state.procedural = !idleClip;
}

function startWave(state: MascotState): void {
  const { waving, idle } = state;
  if (!waving) {
    state.hopStart = state.time;
    return;
  }
  waving.reset().play();
  if (idle) waving.crossFadeFrom(idle, CROSSFADE_SECONDS, false);
}

/** Height of the current hop above the idle pose; ends the hop when it is over. */
function hopHeight(state: MascotState): number {
  if (state.hopStart === null) return 0;
  const t = (state.time - state.hopStart) / HOP.seconds;
  if (t >= 1) {
    state.hopStart = null;
    return 0;
  }
  return HOP.height * Math.sin(Math.PI * t);
}

function placeholder(state: MascotState, res: ResourceScope): void {
  const geometry = res.shared('geometry:mascot-placeholder', () => new CapsuleGeometry(0.3, 0.6, 4, 12).translate(0, 0.6, 0));
  const color = state.mascot.color.toUpperCase();
  const material = res.shared(`material:vertex-lit:${color}`, () => createVertexLitMaterial({ color }));
  const capsule = new Mesh(geometry, material);
  capsule.name = `mascot-placeholder:${state.mascot.id}`;
  state.body.add(capsule);
  fitProxy(state, 0.6, 1.2);
  state.shown = true;
  state.procedural = true;
}

/** Hands every geometry, material, texture and skeleton under `root` to the scope, once each. */
function track(root: Object3D, res: ResourceScope, prefix: string): void {
  const seen = new Set<string>();
  const own = (kind: string, value: { uuid: string; dispose(): void }) => {
    if (seen.has(value.uuid)) return;
    seen.add(value.uuid);
    res.own(`${prefix}:${kind}:${value.uuid}`, () => value);
  };
  root.traverse((object) => {
    if (object instanceof SkinnedMesh) own('skeleton', object.skeleton);
    if (!(object instanceof Mesh)) return;
    own('geometry', object.geometry);
    for (const material of Array.isArray(object.material) ? object.material : [object.material]) {
      own('material', material);
      for (const value of Object.values(material)) if (value instanceof Texture) own('texture', value);
    }
  });
}

/** A model that arrived after its hall was gone: free it directly. */
function disposeLoaded(root: Object3D): void {
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    object.geometry.dispose();
    for (const material of Array.isArray(object.material) ? object.material : [object.material]) {
      for (const value of Object.values(material)) if (value instanceof Texture) value.dispose();
      material.dispose();
    }
  });
}
