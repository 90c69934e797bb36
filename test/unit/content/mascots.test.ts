// Mascot GLBs: six models with idle and wave clips, under budget (one material, colours per vertex, one primitive per node), 1.1–1.5 m tall on y = 0, facing +z, in their signature colours, the same bytes every build.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Box3, Mesh, MeshStandardMaterial, PropertyBinding, Vector3 } from 'three';
import type { AnimationClip, KeyframeTrack, Object3D } from 'three';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSceneStats } from '../../../electron/core/packs/scene-stats/scene-stats';
import { buildMascots, MASCOT_COLOURS, MASCOT_IDS } from '../../../content/tools/mascots';
import type { MascotModelInfo } from '../../../content/tools/mascots';
import { linearColour } from '../../../content/tools/mascots/colour';
import { MASCOT_SPECS } from '../../../content/tools/mascots/roster';
import { parseGlb } from '../../fixtures/packs/parse-glb';

interface Built {
  readonly info: MascotModelInfo;
  readonly bytes: Buffer;
  readonly scene: Object3D;
  readonly clips: readonly AnimationClip[];
}

let first = '';
let second = '';
let infos: MascotModelInfo[] = [];
const built = new Map<string, Built>();
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  first = await mkdtemp(path.join(os.tmpdir(), 'mascots-a-'));
  second = await mkdtemp(path.join(os.tmpdir(), 'mascots-b-'));
  infos = await buildMascots(first);
  await buildMascots(second);
  for (const info of infos) {
    const bytes = await readFile(path.join(first, info.path));
    const gltf = await parseGlb(bytes);
    built.set(info.id, { info, bytes, scene: gltf.scene, clips: gltf.animations });
  }
});

afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

function model(id: string): Built {
  const found = built.get(id);
  if (!found) throw new Error(`mascot ${id} was not built`);
  return found;
}

function meshes(root: Object3D): Mesh[] {
  const found: Mesh[] = [];
  root.traverse((object) => {
    if (object instanceof Mesh) found.push(object);
  });
  return found;
}

function materials(root: Object3D): MeshStandardMaterial[] {
  const found = new Set<MeshStandardMaterial>();
  for (const mesh of meshes(root)) if (mesh.material instanceof MeshStandardMaterial) found.add(mesh.material);
  return [...found];
}

/** The mesh a node draws: GLTFLoader turns a node with one primitive into the Mesh itself. */
function nodeMesh(root: Object3D, name: string): Mesh {
  const found = root.getObjectByName(name);
  if (!(found instanceof Mesh)) throw new Error(`node ${name} is not one mesh (one primitive)`);
  return found;
}

interface ColourUse {
  /** Linear RGB, rounded to 1e-6. */
  readonly rgb: number[];
  /** Surface area of the triangles in this colour (m², in the mesh's own frame). */
  area: number;
  readonly vertices: Set<number>;
}

/** The vertex colours a mesh wears, by the surface they cover, most first (pieces are one colour, so a triangle's first vertex names its colour). */
function vertexColours(mesh: Mesh): ColourUse[] {
  const { geometry } = mesh;
  const colour = geometry.getAttribute('color');
  const position = geometry.getAttribute('position');
  const index = geometry.index;
  if (!colour || !index) throw new Error(`${mesh.name} has no vertex colours or no index`);
  const byKey = new Map<string, ColourUse>();
  const [a, b, c] = [new Vector3(), new Vector3(), new Vector3()];
  for (let t = 0; t < index.count; t += 3) {
    const corners = [index.getX(t), index.getX(t + 1), index.getX(t + 2)] as const;
    const rgb = [colour.getX(corners[0]), colour.getY(corners[0]), colour.getZ(corners[0])].map((v) => Math.round(v * 1e6) / 1e6);
    const key = rgb.join(',');
    const use = byKey.get(key) ?? { rgb, area: 0, vertices: new Set<number>() };
    a.fromBufferAttribute(position, corners[0]);
    b.fromBufferAttribute(position, corners[1]);
    c.fromBufferAttribute(position, corners[2]);
    use.area += b.sub(a).cross(c.sub(a)).length() / 2;
    corners.forEach((corner) => use.vertices.add(corner));
    byKey.set(key, use);
  }
  return [...byKey.values()].sort((x, y) => y.area - x.area);
}

const sameColour = (rgb: readonly number[], hex: string): boolean => linearColour(hex).every((v, i) => Math.abs(v - (rgb[i] ?? NaN)) < 1e-6);

const animatedNodes = (clip: AnimationClip): Set<string> => new Set(clip.tracks.map((track) => PropertyBinding.parseTrackName(track.name).nodeName));
const valuesAt = (track: KeyframeTrack, index: number): number[] => Array.from(track.values.slice(index * track.getValueSize(), (index + 1) * track.getValueSize()));

describe('buildMascots', () => {
  it('writes models/<id>.glb for the six ids, in roster order, and reports their sizes', async () => {
    expect(MASCOT_IDS).toEqual(['dash', 'beibei', 'gauge', 'spark', 'jin', 'navi']);
    expect(infos.map((info) => info.id)).toEqual([...MASCOT_IDS]);
    for (const info of infos) {
      expect(info.path).toBe(`models/${info.id}.glb`);
      expect(info.bytes).toBe(model(info.id).bytes.length);
    }
  });

  it('keeps the six together inside the scene budget: one material each, no warning', () => {
    const stats = collectSceneStats(infos.map((info) => ({ path: info.path, type: 'model/gltf-binary', bytes: model(info.id).bytes })));
    expect(stats.problems).toEqual([]);
    expect(stats.warnings).toEqual([]);
    expect(stats.stats.models).toBe(6);
    expect(stats.stats.materials).toBe(6);
    expect(stats.stats.materials).toBeLessThanOrEqual(25);
  });

  it('builds the same bytes every time', async () => {
    for (const info of infos) {
      const again = await readFile(path.join(second, info.path));
      expect(sha256(again), info.id).toBe(sha256(model(info.id).bytes));
    }
  });
});

describe.each(MASCOT_IDS)('mascot %s', (id) => {
  it('has an idle loop (2–4 s) and a 1.6 s wave, each moving at least two nodes', () => {
    const { clips } = model(id);
    const idle = clips.find((clip) => clip.name === 'idle');
    const wave = clips.find((clip) => clip.name === 'wave');
    expect(idle, 'idle clip').toBeDefined();
    expect(wave, 'wave clip').toBeDefined();
    if (!idle || !wave) return;
    expect(idle.duration).toBeGreaterThanOrEqual(2);
    expect(idle.duration).toBeLessThanOrEqual(4);
    expect(wave.duration).toBeCloseTo(1.6, 5);
    expect(animatedNodes(idle).size).toBeGreaterThanOrEqual(2);
    expect(animatedNodes(wave).size).toBeGreaterThanOrEqual(2);
    expect(animatedNodes(wave)).toContain('arm-right');
    // Node TRS only: no skins, no morph targets.
    for (const clip of [idle, wave]) for (const track of clip.tracks) expect(PropertyBinding.parseTrackName(track.name).propertyName).toMatch(/^(position|quaternion|scale)$/);
  });

  it('loops idle seamlessly, and starts and ends the wave in idle’s first pose', () => {
    const { clips } = model(id);
    const idle = clips.find((clip) => clip.name === 'idle');
    const wave = clips.find((clip) => clip.name === 'wave');
    if (!idle || !wave) throw new Error('clips missing');
    for (const track of idle.tracks) {
      const last = track.times.length - 1;
      valuesAt(track, 0).forEach((v, i) => expect(valuesAt(track, last)[i], track.name).toBeCloseTo(v, 5));
    }
    for (const track of wave.tracks) {
      const rest = idle.tracks.find((t) => t.name === track.name);
      if (!rest) continue;
      const start = valuesAt(rest, 0);
      for (const index of [0, track.times.length - 1]) valuesAt(track, index).forEach((v, i) => expect(v, track.name).toBeCloseTo(start[i] ?? NaN, 5));
    }
  });

  it('is under 5,000 triangles, one material and at most 10 primitives, within the pack budgets (no scene-stats warning)', () => {
    const { bytes, info, scene } = model(id);
    const triangles = meshes(scene).reduce((sum, mesh) => sum + (mesh.geometry.index?.count ?? 0) / 3, 0);
    expect(triangles).toBeLessThan(5000);
    expect(materials(scene)).toHaveLength(1);
    // One Mesh a primitive; one primitive per node, so each animated node is one draw call.
    expect(meshes(scene).length).toBeLessThanOrEqual(10);
    for (const name of ['legs', 'body', 'head', 'arm-left', 'arm-right', 'prop']) nodeMesh(scene, name);
    expect(info.triangles).toBe(triangles);
    const stats = collectSceneStats([{ path: info.path, type: 'model/gltf-binary', bytes }]);
    expect(stats.problems).toEqual([]);
    expect(stats.warnings).toEqual([]);
    expect(stats.stats.triangles).toBe(triangles);
    expect(stats.stats.materials).toBe(1);
  });

  it('stands 1.1–1.5 m tall with its feet on y = 0, and faces +z', () => {
    const { scene } = model(id);
    scene.updateMatrixWorld(true);
    const box = new Box3().setFromObject(scene);
    expect(box.min.y).toBeCloseTo(0, 3);
    expect(box.max.y - box.min.y).toBeGreaterThan(1.1);
    expect(box.max.y - box.min.y).toBeLessThan(1.5);
    // The cheeks (the only vertices in the cheek colour) are on the face, so the face is on the +z side of the head.
    const head = nodeMesh(scene, 'head');
    const cheek = vertexColours(head).find((entry) => sameColour(entry.rgb, MASCOT_SPECS[id].palette.cheek));
    expect(cheek, 'cheek-coloured vertices on the head').toBeDefined();
    const position = head.geometry.getAttribute('position');
    const centre = new Vector3();
    for (const i of cheek?.vertices ?? []) centre.add(new Vector3().fromBufferAttribute(position, i).applyMatrix4(head.matrixWorld));
    expect(centre.divideScalar(cheek?.vertices.size ?? 1).z).toBeGreaterThan(0.15);
  });

  it('has separate head, body, arm and prop nodes', () => {
    const { scene } = model(id);
    for (const name of ['head', 'body', 'arm-left', 'arm-right', 'prop']) expect(scene.getObjectByName(name), name).toBeDefined();
  });

  it('wears its signature colour on the body, in vertex colours on one plain white PBR material (metallic 0, rough)', () => {
    const { scene } = model(id);
    // The body node's main vertex colour (by area) is the signature colour, linear as glTF vertex colours are.
    const [main] = vertexColours(nodeMesh(scene, 'body'));
    expect(main && sameColour(main.rgb, MASCOT_COLOURS[id]), `body colour ${main?.rgb.join(',')} vs ${MASCOT_COLOURS[id]}`).toBe(true);
    const [material] = materials(scene);
    expect(material?.name).toBe('body');
    expect(material?.vertexColors).toBe(true);
    expect(material?.color.getHex()).toBe(0xffffff);
    expect(material?.metalness).toBe(0);
    expect(material?.roughness).toBeCloseTo(0.8, 5);
    expect(material?.map).toBeNull();
    for (const mesh of meshes(scene)) expect(mesh.geometry.getAttribute('color')?.itemSize, mesh.name).toBe(3);
  });
});
