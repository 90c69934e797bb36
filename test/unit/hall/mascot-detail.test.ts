// Mascot level of detail: reduced copies made by three's meshoptimizer simplifier (real WebAssembly), swapped in by on-screen size.
import { BufferAttribute, BufferGeometry, Group, InterleavedBuffer, InterleavedBufferAttribute, Mesh, MeshBasicMaterial, PerspectiveCamera, SphereGeometry } from 'three';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MeshoptSimplifier } from 'three/addons/libs/meshopt_simplifier.module.js';
import type { Mascot } from '../../../electron/shared/manifest';
import { buildDetailLevels, DETAIL, ownedDetailLevels, reduceGeometry } from '../../../renderer/src/hall/scene/mascot-detail';
import { buildMascots } from '../../../renderer/src/hall/scene/mascots';
import { ResourceCache, ResourceScope } from '../../../renderer/src/hall/scene/resource-cache';
import { makeGlb } from '../../fixtures/packs/make-glb';
import { parseGlb } from '../../fixtures/packs/parse-glb';
import { fixtureHallManifest } from './hall-scene-helpers';

/** A dense sphere, its top half one colour and its bottom half another (like a face painted on a head). */
function paintedSphere(radius = 0.5): BufferGeometry {
  const geometry = new SphereGeometry(radius, 48, 32);
  const position = geometry.getAttribute('position');
  const colours = new Float32Array(position.count * 3);
  for (let v = 0; v < position.count; v += 1) colours.set(position.getY(v) >= 0 ? [1, 0.5, 0] : [0.1, 0.1, 0.4], v * 3);
  geometry.setAttribute('color', new BufferAttribute(colours, 3));
  return geometry;
}

const triangles = (geometry: BufferGeometry) => (geometry.index?.count ?? 0) / 3;

beforeAll(async () => {
  await MeshoptSimplifier.ready;
});

describe('reduceGeometry', () => {
  it('keeps roughly a third of a dense mesh, only the vertices it uses, its attributes and its size', () => {
    const full = paintedSphere();
    const reduced = reduceGeometry(full);
    if (!reduced) throw new Error('not reduced');
    expect(triangles(reduced)).toBeLessThan(triangles(full) * 0.5);
    expect(triangles(reduced)).toBeGreaterThan(triangles(full) * 0.1);
    expect(reduced.getAttribute('position').count).toBeLessThan(full.getAttribute('position').count);
    expect(Object.keys(reduced.attributes).sort()).toEqual(Object.keys(full.attributes).sort());
    const vertexCount = reduced.getAttribute('position').count;
    expect(Math.max(...Array.from(reduced.index?.array ?? []))).toBe(vertexCount - 1);
    expect(reduced.boundingSphere?.radius).toBeCloseTo(0.5, 1);
    // Both painted colours survive the reduction.
    const colour = reduced.getAttribute('color');
    const reds = new Set(Array.from({ length: colour.count }, (_, v) => colour.getX(v)));
    expect(reds).toEqual(new Set([1, Math.fround(0.1)]));
  });

  it('copies interleaved and normalized attributes as raw values', () => {
    const full = paintedSphere();
    const position = full.getAttribute('position');
    const interleaved = new InterleavedBuffer(new Float32Array(position.count * 4), 4);
    for (let v = 0; v < position.count; v += 1) interleaved.array.set([position.getX(v), position.getY(v), position.getZ(v), 7], v * 4);
    full.setAttribute('position', new InterleavedBufferAttribute(interleaved, 3, 0));
    const bytes = new Uint8Array(position.count * 2).fill(255);
    full.setAttribute('uv', new BufferAttribute(bytes, 2, true));
    const reduced = reduceGeometry(full);
    if (!reduced) throw new Error('not reduced');
    const uv = reduced.getAttribute('uv') as BufferAttribute;
    expect(uv.array).toBeInstanceOf(Uint8Array);
    expect(uv.normalized).toBe(true);
    expect(uv.getX(0)).toBe(1);
    expect(reduced.boundingSphere?.radius).toBeCloseTo(0.5, 1);
  });

  it('leaves small, unindexed, partly drawn and multi-material meshes alone', () => {
    expect(reduceGeometry(new SphereGeometry(1, 8, 6))).toBeNull();
    expect(reduceGeometry(paintedSphere().toNonIndexed())).toBeNull();
    const partial = paintedSphere();
    partial.setDrawRange(0, 600);
    expect(reduceGeometry(partial)).toBeNull();
    const grouped = paintedSphere();
    grouped.addGroup(0, 300, 0);
    grouped.addGroup(300, Infinity, 1);
    expect(reduceGeometry(grouped)).toBeNull();
  });
});

describe('buildDetailLevels', () => {
  it('swaps reduced copies in and the originals back', async () => {
    const root = new Group();
    const dense = new Mesh(paintedSphere(), new MeshBasicMaterial());
    const small = new Mesh(new SphereGeometry(0.1, 8, 6), new MeshBasicMaterial());
    root.add(dense, small);
    const full = dense.geometry;
    const smallGeometry = small.geometry;
    const levels = await buildDetailLevels(root);
    expect(levels.geometries).toHaveLength(1);
    levels.show(false);
    expect(dense.geometry).toBe(levels.geometries[0]);
    expect(small.geometry).toBe(smallGeometry);
    levels.show(true);
    expect(dense.geometry).toBe(full);
  });

  it('makes one copy for meshes that share a geometry, and none for meshes drawn with a material array', async () => {
    const root = new Group();
    const shared = paintedSphere();
    const twins = [new Mesh(shared, new MeshBasicMaterial()), new Mesh(shared, new MeshBasicMaterial())];
    const grouped = new Mesh(paintedSphere(), [new MeshBasicMaterial(), new MeshBasicMaterial()]);
    root.add(...twins, grouped);
    const levels = await buildDetailLevels(root);
    expect(levels.geometries).toHaveLength(1);
    levels.show(false);
    expect(twins[0]?.geometry).toBe(levels.geometries[0]);
    expect(twins[1]?.geometry).toBe(levels.geometries[0]);
    expect(grouped.geometry).not.toBe(levels.geometries[0]);
  });

  it('frees its copies instead of handing them over when the hall went away meanwhile', async () => {
    const root = new Group();
    root.add(new Mesh(paintedSphere(), new MeshBasicMaterial()));
    const cache = new ResourceCache();
    const scope = new ResourceScope(cache, 't');
    const disposed = vi.fn();
    const original = BufferGeometry.prototype.dispose;
    const spy = vi.spyOn(BufferGeometry.prototype, 'dispose').mockImplementation(function (this: BufferGeometry) {
      disposed(this.name);
      original.call(this);
    });
    expect(await ownedDetailLevels(root, scope, 'mascot:gone', () => true)).toBeNull();
    spy.mockRestore();
    expect(disposed).toHaveBeenCalledWith(expect.stringMatching(/:reduced$/));
    expect(cache.keys()).toEqual([]);
    const kept = await ownedDetailLevels(root, scope, 'mascot:here', () => false);
    expect(kept?.geometries).toHaveLength(1);
    expect(cache.keys().filter((key) => key.startsWith('t/mascot:here:reduced:'))).toHaveLength(1);
  });
});

describe('mascots at a distance', () => {
  it('a fixture mascot with a round head gets a reduced head and keeps its boxes', async () => {
    const model = await parseGlb(makeGlb({ roundHead: true }));
    const head = model.scene.getObjectByName('head');
    if (!(head instanceof Mesh)) throw new Error('no head mesh');
    const full = head.geometry as BufferGeometry;
    const levels = await buildDetailLevels(model.scene);
    expect(levels.geometries).toHaveLength(1);
    levels.show(false);
    expect(triangles(head.geometry as BufferGeometry)).toBeLessThan(triangles(full) * DETAIL.worthBelow);
    expect(triangles(full)).toBeGreaterThan(900);
  });

  it('draw their reduced meshes when small on screen and full ones up close; the hall owns the copies', async () => {
    const [mascot] = fixtureHallManifest().hall.mascots as [Mascot];
    const model = new Group();
    const head = new Mesh(paintedSphere(0.6), new MeshBasicMaterial());
    model.add(head);
    const cache = new ResourceCache();
    const scope = new ResourceScope(cache, 't');
    const mascots = buildMascots([mascot], scope, (p) => p, () => Promise.resolve({ scene: model, animations: [] }), vi.fn());
    await mascots.ready;
    const full = head.geometry;
    const camera = new PerspectiveCamera(50, 16 / 9, 0.1, 100);
    const lookFrom = (distance: number) => {
      camera.position.set(mascot.home.x, 1.2, mascot.home.z + distance);
      mascots.fitDetail(camera);
    };
    lookFrom(2);
    expect(head.geometry).toBe(full);
    lookFrom(25);
    expect(head.geometry).not.toBe(full);
    expect(triangles(head.geometry)).toBeLessThan(triangles(full) * DETAIL.worthBelow);
    const reduced = head.geometry;
    lookFrom(3);
    expect(head.geometry).toBe(full);
    // A narrower view (zoomed in) makes the same distance look bigger: full detail further away.
    camera.fov = 10;
    camera.updateProjectionMatrix();
    lookFrom(25);
    expect(head.geometry).toBe(full);

    const disposed = vi.fn();
    reduced.addEventListener('dispose', disposed);
    expect(cache.keys().some((key) => key.includes(':reduced:'))).toBe(true);
    mascots.dispose();
    scope.releaseAll();
    expect(disposed).toHaveBeenCalled();
  });
});
