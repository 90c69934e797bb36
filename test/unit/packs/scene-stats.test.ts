// Scene stats of packs: triangle counts, GLB bounds checks, image sizes, Spoke-style budget warnings, and the validate report.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatScene, printReport } from '../../../electron/cli/pack-report-output';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { importPack } from '../../../electron/core/packs/import-pack';
import { openPackStore } from '../../../electron/core/packs/pack-store';
import { imageSize, ImageSizeSniffer } from '../../../electron/core/packs/scene-stats/image-size';
import { collectSceneStats, SceneStatsCollector } from '../../../electron/core/packs/scene-stats/scene-stats';
import type { SceneFile } from '../../../electron/core/packs/scene-stats/scene-stats';
import { validatePack } from '../../../electron/core/packs/validate-pack';
import { listFilesInManifest, solidPng, writeFixturePackDir } from '../../fixtures/packs/make-fixture-pack';
import { glb, GlbBuilder, jpegOfSize, ktx2OfSize, pngOfSize, webpOfSize } from './glb-fixture';

const model = (path: string, bytes: Buffer): SceneFile => ({ path, type: 'model/gltf-binary', bytes });
const png = (path: string, bytes: Buffer): SceneFile => ({ path, type: 'image/png', bytes });
/** Stats of one GLB, streamed in 7-byte chunks so every header straddles a chunk boundary. */
const statsOf = (bytes: Buffer, path = 'models/x.glb') => collectSceneStats([model(path, bytes)], 7);

describe('image sizes from headers', () => {
  it('reads PNG, WebP (lossy, lossless, extended) and KTX2', () => {
    expect(imageSize(solidPng(16, 9, [1, 2, 3]))).toMatchObject({ format: 'png', width: 16, height: 9 });
    expect(imageSize(pngOfSize(4096, 4096))).toMatchObject({ width: 4096, height: 4096 });
    expect(imageSize(webpOfSize('VP8 ', 640, 480))).toMatchObject({ format: 'webp', width: 640, height: 480 });
    expect(imageSize(webpOfSize('VP8L', 1000, 3))).toMatchObject({ width: 1000, height: 3 });
    expect(imageSize(webpOfSize('VP8X', 5000, 7000))).toMatchObject({ width: 5000, height: 7000 });
    expect(imageSize(ktx2OfSize(2048, 1024, 0))).toEqual({ format: 'ktx2', width: 2048, height: 1024, vkFormat: 0 });
  });

  it('reads a JPEG size from its frame header, even behind 200 KiB of EXIF, streamed a byte at a time', () => {
    expect(imageSize(jpegOfSize(1920, 1080))).toMatchObject({ format: 'jpeg', width: 1920, height: 1080 });
    const big = jpegOfSize(3000, 2000, 200 * 1024);
    expect(imageSize(big)).toMatchObject({ width: 3000, height: 2000 });
    const sniffer = new ImageSizeSniffer();
    for (let i = 0; i < 300; i++) sniffer.push(big.subarray(i, i + 1));
    sniffer.push(big.subarray(300));
    expect(sniffer.done).toBe(true);
    expect(sniffer.result()).toMatchObject({ width: 3000, height: 2000 });
  });

  it('answers null for a cut-off or unknown header', () => {
    expect(imageSize(jpegOfSize(100, 100, 80_000).subarray(0, 64 * 1024))).toBeNull();
    expect(imageSize(pngOfSize(10, 10).subarray(0, 20))).toBeNull();
    expect(imageSize(Buffer.from('<html>not an image</html>'))).toBeNull();
  });
});

describe('GLB triangle, material and texture counts', () => {
  it('counts indexed, non-indexed, strip, fan, line and point primitives', () => {
    const b = new GlbBuilder();
    b.mesh(24, { indices: 36 }); // 12
    b.mesh(9); // 3
    b.mesh(6, { mode: 5 }); // strip: 4
    b.mesh(5, { mode: 6 }); // fan: 3
    b.mesh(10, { mode: 1 }); // lines: 0
    b.mesh(10, { mode: 0 }); // points: 0
    b.materials(3);
    const result = statsOf(b.build());
    expect(result.problems).toEqual([]);
    expect(result.stats).toEqual({ triangles: 22, materials: 3, textures: 0, textureMemoryBytes: 0, largestTexture: null, models: 1 });
    expect(result.warnings).toEqual([]);
  });

  it('counts a mesh once per node that draws it, and a mesh no node draws once', () => {
    const b = new GlbBuilder();
    b.mesh(3, { nodes: 3 });
    b.mesh(6, { nodes: 0 });
    expect(statsOf(b.build()).stats.triangles).toBe(5);
  });

  it('warns about a model over the per-model budget, naming the file, and rates the scene', () => {
    const heavy = new GlbBuilder();
    heavy.mesh(100, { indices: 37_200 });
    heavy.materials(12);
    const result = collectSceneStats([model('models/mascot-a.glb', heavy.build()), ...Array.from({ length: 5 }, (_, i) => model(`models/m${i}.glb`, heavy.build()))]);
    expect(result.problems).toEqual([]);
    expect(result.stats.triangles).toBe(6 * 12_400);
    const lines = result.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(lines).toContain('models/mascot-a.glb: 12,400 triangles; keep each model under 10,000 for weak kiosk PCs.');
    expect(lines.some((m) => m.startsWith('models/mascot-a.glb: 12 materials'))).toBe(true);
    expect(result.warnings.find((w) => w.path === '')?.message).toMatch(/^scene budget: 74,400 triangles \(Medium; .*72 materials \(High;/);
  });

  it('reads the size of images embedded in the BIN chunk and estimates their GPU memory', () => {
    const b = new GlbBuilder();
    b.mesh(3);
    b.image(solidPng(64, 32, [9, 9, 9]));
    b.image(jpegOfSize(300, 200, 100_000), 'image/jpeg');
    const result = statsOf(b.build(), 'models/tex.glb');
    expect(result.problems).toEqual([]);
    expect(result.stats.textures).toBe(2);
    expect(result.stats.largestTexture).toEqual({ path: 'models/tex.glb#image1', width: 300, height: 200 });
    expect(result.stats.textureMemoryBytes).toBe(Math.ceil((64 * 32 * 16) / 3) + Math.ceil((300 * 200 * 16) / 3));
  });

  it('flags an image file larger than 2048×2048; drawn into its exhibit panel, it adds no texture of its own', () => {
    const result = collectSceneStats([png('images/huge.png', pngOfSize(4096, 4096)), png('images/small.png', solidPng(8, 8, [0, 0, 0]))]);
    expect(result.stats).toMatchObject({ textures: 2, largestTexture: { path: 'images/huge.png', width: 4096, height: 4096 }, models: 0 });
    expect(result.stats.textureMemoryBytes).toBe(0);
    expect(result.warnings[0]).toEqual({ path: 'images/huge.png', message: expect.stringMatching(/^4096×4096 pixels is larger than 2048×2048/) });
    expect(result.warnings.at(-1)?.message).toMatch(/of textures \(High;/);
  });

  it('reports an oversized image inside a model against the model', () => {
    const b = new GlbBuilder();
    b.mesh(3);
    b.image(solidPng(4, 4, [0, 0, 0]));
    b.image(pngOfSize(4096, 2048));
    const result = statsOf(b.build());
    expect(result.stats.largestTexture).toEqual({ path: 'models/x.glb#image1', width: 4096, height: 2048 });
    expect(result.warnings[0]).toEqual({ path: 'models/x.glb', message: expect.stringMatching(/^image 1: 4096×2048 pixels is larger than 2048×2048/) });
  });

  it('sizes a KTX2 image file from its header (for its own warnings)', () => {
    const result = collectSceneStats([{ path: 'images/a.ktx2', type: 'image/ktx2', bytes: ktx2OfSize(1024, 1024) }]);
    expect(result.stats.largestTexture).toEqual({ path: 'images/a.ktx2', width: 1024, height: 1024 });
  });

  it('counts the texture of every exhibit panel and zone sign the hall draws', () => {
    const collector = new SceneStatsCollector([], { panels: 3, signs: 2 });
    expect(collector.finish().stats.textureMemoryBytes).toBe(3 * Math.ceil((1024 * 716 * 16) / 3) + 2 * Math.ceil((1024 * 256 * 16) / 3));
  });
});

describe('malformed GLBs are refused', () => {
  const messages = (bytes: Buffer) => statsOf(bytes).problems.map((p) => `${p.code} ${p.path}: ${p.message}`);

  it('an accessor that reads past its buffer view', () => {
    const b = new GlbBuilder();
    b.mesh(3);
    b.json.accessors.push({ bufferView: 0, componentType: 5126, type: 'VEC3', count: 4 });
    b.json.meshes.push({ primitives: [{ attributes: { POSITION: 1 } }] });
    expect(messages(b.build())).toEqual(['PACK_E_TYPE models/x.glb: models/x.glb: accessor 1 reads past its buffer view.']);
  });

  it('an accessor whose byteStride walks past its buffer view, and a view past its buffer', () => {
    const b = new GlbBuilder();
    const view = b.view(new Float32Array(12), { byteStride: 16 }); // 48 bytes: 3 elements of 12 at stride 16 need 44
    b.accessor(view, 5126, 'VEC3', 3);
    expect(statsOf(b.build()).problems).toEqual([]);
    b.accessor(view, 5126, 'VEC3', 4); // needs 60
    b.json.bufferViews.push({ buffer: 0, byteOffset: 40, byteLength: 16 });
    expect(messages(b.build())).toEqual(['PACK_E_TYPE models/x.glb: models/x.glb: buffer view 1 reads past its buffer.', 'PACK_E_TYPE models/x.glb: models/x.glb: accessor 1 reads past its buffer view.']);
  });

  it('references to accessors or meshes that do not exist', () => {
    const b = new GlbBuilder();
    b.json.meshes.push({ primitives: [{ attributes: { POSITION: 5 }, indices: 6 }] });
    b.json.nodes.push({ mesh: 3 });
    expect(messages(b.build()).join('\n')).toMatch(/mesh 0 primitive 0 \(POSITION\) uses accessor 5, which does not exist[^]*node 0 uses mesh 3, which does not exist/);
  });

  it('container errors: version, stated length, chunk past the end, BIN first, bad JSON', () => {
    const good = glb({ asset: { version: '2.0' } }, new Uint8Array(8));
    const v1 = Buffer.from(good);
    v1.writeUInt32LE(1, 4);
    expect(messages(v1)[0]).toMatch(/version 1; only version 2/);
    expect(messages(Buffer.concat([good, Buffer.alloc(4)]))[0]).toMatch(/says it is \d+ bytes long but the file is/);
    const runaway = Buffer.from(good);
    runaway.writeUInt32LE(1000, 12);
    expect(messages(runaway)[0]).toMatch(/runs past the end of the file/);
    const binFirst = Buffer.from(good);
    binFirst.write('BIN\0', 16, 'latin1');
    expect(messages(binFirst)[0]).toMatch(/does not start with a JSON chunk/);
    expect(messages(glb('not json'.padEnd(12) as unknown)).length).toBe(1);
    expect(messages(glb({ asset: { version: '1.0' } }))[0]).toMatch(/is not glTF 2.0/);
    expect(statsOf(good).problems).toEqual([]);
  });
});

describe('.gltf with external files', () => {
  const gltf = (json: unknown): SceneFile => ({ path: 'models/m.gltf', type: 'model/gltf+json', bytes: Buffer.from(JSON.stringify(json)) });
  const withBuffer = (uri: string, extra: Record<string, unknown> = {}) => ({
    asset: { version: '2.0' },
    buffers: [{ uri, byteLength: 36 }],
    bufferViews: [{ buffer: 0, byteLength: 36 }],
    accessors: [{ bufferView: 0, componentType: 5126, type: 'VEC3', count: 3 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
    ...extra,
  });

  it('resolves buffers and images relative to the model, and data: URIs as embedded', () => {
    const dataPng = `data:image/png;base64,${solidPng(20, 10, [1, 1, 1]).toString('base64')}`;
    const result = collectSceneStats([
      gltf(withBuffer('bin/m%20data.bin', { images: [{ uri: '../images/skin.png' }, { uri: dataPng }] })),
      { path: 'models/bin/m data.bin', type: 'application/octet-stream', bytes: Buffer.alloc(36) },
      png('images/skin.png', solidPng(128, 128, [0, 0, 0])),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.stats).toMatchObject({ triangles: 1, textures: 2, models: 1, largestTexture: { path: 'images/skin.png', width: 128, height: 128 } });
  });

  it('refuses a buffer outside the pack, a missing file, and a file shorter than its buffer', () => {
    expect(collectSceneStats([gltf(withBuffer('../../etc/passwd'))]).problems[0]?.message).toBe('models/m.gltf: buffer 0 refers to "../../etc/passwd", outside the pack.');
    expect(collectSceneStats([gltf(withBuffer('file:///etc/passwd'))]).problems[0]?.message).toMatch(/outside the pack/);
    const missing = collectSceneStats([gltf(withBuffer('gone.bin'))]).problems[0];
    expect(missing).toEqual({ code: 'PACK_E_MISSING', path: 'models/m.gltf', message: 'models/m.gltf: buffer 0 refers to models/gone.bin, which is not in the pack.' });
    const short = collectSceneStats([gltf(withBuffer('m.bin')), { path: 'models/m.bin', type: 'application/octet-stream', bytes: Buffer.alloc(10) }]);
    expect(short.problems[0]?.message).toBe('models/m.gltf: buffer 0 is 36 bytes but models/m.bin holds only 10.');
  });
});

describe('validate reports scene stats', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'sunrise-scene-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('a folder pack with one GLB gets stats.scene and the printed scene line', async () => {
    const b = new GlbBuilder();
    b.mesh(24, { indices: 36 });
    b.materials(2);
    b.image(solidPng(32, 32, [1, 2, 3]));
    const dir = await writeFixturePackDir(join(base, 'pack'), { extraFiles: { 'models/cube.glb': b.build() } });
    await listFilesInManifest(dir);
    const report = await validatePack(dir, { trusted: [], allowUnsigned: true });
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    const scene = report.stats.scene;
    expect(scene).toEqual({
      triangles: 12,
      materials: 2,
      textures: 2, // images/welcome.png and the one in the model
      // The model's image, and the fixture hall's 2 exhibit panels and 2 zone signs.
      textureMemoryBytes: Math.ceil((32 * 32 * 16) / 3) + 2 * Math.ceil((1024 * 716 * 16) / 3) + 2 * Math.ceil((1024 * 256 * 16) / 3),
      largestTexture: { path: 'models/cube.glb#image0', width: 32, height: 32 },
      models: 1,
    });
    if (scene) expect(formatScene(scene)).toBe('scene: 12 triangles in 1 model, 2 materials, 2 textures (~10 MiB), largest 32×32 models/cube.glb#image0');
  });

  it('prints the scene line and budget warnings for staff', async () => {
    const b = new GlbBuilder();
    b.mesh(100, { indices: 37_200 });
    const dir = await writeFixturePackDir(join(base, 'heavy'), { extraFiles: { 'models/mascot-a.glb': b.build(), 'images/huge.png': pngOfSize(4096, 4096) } });
    await listFilesInManifest(dir);
    const out: string[] = [];
    printReport(await validatePack(dir, { trusted: [], allowUnsigned: true }), { stdout: (t) => out.push(t), stderr: (t) => out.push(`stderr ${t}`) }, false);
    expect(out[1]).toBe('scene: 12,400 triangles in 1 model, 0 materials, 2 textures (~10 MiB), largest 4096×4096 images/huge.png');
    expect(out).toContain('warning models/mascot-a.glb: 12,400 triangles; keep each model under 10,000 for weak kiosk PCs.');
    expect(out.some((line) => line.startsWith('warning images/huge.png: 4096×4096 pixels is larger than 2048×2048'))).toBe(true);
    expect(out.some((line) => line.startsWith('warning: scene budget: 12,400 triangles (Low;'))).toBe(true);
  });

  it('import reports scene stats, and refuses a malformed GLB leaving nothing installed', async () => {
    const dataDir = join(base, 'data');
    const store = await openPackStore(dataDir, createMemoryLogger());
    const run = (location: string) => importPack(location, { dataDir, store, trusted: [], allowUnsigned: true, logger: createMemoryLogger() });
    const bad = new GlbBuilder();
    bad.mesh(3);
    bad.json.bufferViews.push({ buffer: 0, byteOffset: 0, byteLength: 4096 });
    const badDir = await writeFixturePackDir(join(base, 'bad'), { extraFiles: { 'models/bad.glb': bad.build() } });
    await listFilesInManifest(badDir);
    const refused = await run(badDir);
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e) => `${e.code} ${e.message}`)).toEqual(['PACK_E_TYPE models/bad.glb: buffer view 1 reads past its buffer.']);
    expect(await store.list()).toEqual([]);
    const good = new GlbBuilder();
    good.mesh(9);
    const goodDir = await writeFixturePackDir(join(base, 'good'), { extraFiles: { 'models/good.glb': good.build() } });
    await listFilesInManifest(goodDir);
    const imported = await run(goodDir);
    expect(imported.errors).toEqual([]);
    expect(imported.stats.scene).toMatchObject({ triangles: 3, models: 1, textures: 1 });
  });

  it('a folder pack whose GLB reads past a buffer view is refused with PACK_E_TYPE', async () => {
    const b = new GlbBuilder();
    b.mesh(3);
    b.json.accessors.push({ bufferView: 0, componentType: 5126, type: 'VEC4', count: 3 });
    const dir = await writeFixturePackDir(join(base, 'bad'), { extraFiles: { 'models/bad.glb': b.build() } });
    await listFilesInManifest(dir);
    const report = await validatePack(dir, { trusted: [], allowUnsigned: true });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ code: 'PACK_E_TYPE', path: 'models/bad.glb', message: 'models/bad.glb: accessor 1 reads past its buffer view.' }]);
  });
});
