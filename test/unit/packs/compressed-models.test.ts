// Scene stats of compressed models: a Draco-compressed GLB and a Basis KTX2-textured GLB, as the fixture generator makes them.
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../electron/core/packs/scene-stats/image-size';
import { collectSceneStats } from '../../../electron/core/packs/scene-stats/scene-stats';
import { basisKtx2, checkerRgba, makeDracoGlb, makeKtx2Glb } from '../../fixtures/packs/make-compressed-glb';
import { makeGlb } from '../../fixtures/packs/make-glb';
import { glb } from './glb-fixture';

type Json = Record<string, unknown>;

/** A GLB's JSON and BIN chunks (as the fixture generator writes them: JSON first, then BIN). */
function parseGlb(bytes: Buffer): { json: Json; bin: Buffer } {
  const jsonLength = bytes.readUInt32LE(12);
  const json = JSON.parse(bytes.subarray(20, 20 + jsonLength).toString('utf8')) as Json;
  const binAt = 20 + jsonLength;
  return { json, bin: bytes.subarray(binAt + 8, binAt + 8 + bytes.readUInt32LE(binAt)) };
}

/** Stats of one GLB, streamed in 7-byte chunks so every header straddles a chunk boundary. */
const statsOf = (bytes: Buffer) => collectSceneStats([{ path: 'models/x.glb', type: 'model/gltf-binary', bytes }], 7);
/** The fixture figure: six box meshes drawn (body, head, two arms, two eyes) of 12 triangles each. */
const FIGURE_TRIANGLES = 6 * 12;

describe('a Draco-compressed model', () => {
  it('is really Draco: every primitive compressed, the extension required, accessors without buffer views', async () => {
    const { json } = parseGlb(await makeDracoGlb());
    expect(json.extensionsRequired).toEqual(['KHR_draco_mesh_compression']);
    const meshes = json.meshes as { primitives: { extensions?: Record<string, unknown> }[] }[];
    expect(meshes.flatMap((m) => m.primitives).every((p) => p.extensions?.KHR_draco_mesh_compression !== undefined)).toBe(true);
    expect((json.accessors as { bufferView?: number }[]).slice(0, 3).map((a) => a.bufferView)).toEqual([undefined, undefined, undefined]);
  });

  it('counts the same triangles and materials as the uncompressed model, from the accessor counts', async () => {
    const plain = statsOf(makeGlb());
    const draco = statsOf(await makeDracoGlb());
    expect(draco.problems).toEqual([]);
    expect(draco.stats).toEqual(plain.stats);
    expect(draco.stats).toMatchObject({ triangles: FIGURE_TRIANGLES, materials: 3, textures: 0 });
  });

  it('is refused when its Draco data points at a buffer view that does not exist', async () => {
    const { json, bin } = parseGlb(await makeDracoGlb());
    const primitive = (json.meshes as { primitives: { extensions: { KHR_draco_mesh_compression: { bufferView: number } } }[] }[])[0]?.primitives[0];
    if (!primitive) throw new Error('no primitive');
    primitive.extensions.KHR_draco_mesh_compression.bufferView = 99;
    const result = statsOf(glb(json, bin));
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      ['PACK_E_TYPE', 'models/x.glb: mesh 0 primitive 0 has KHR_draco_mesh_compression data in a buffer view that does not exist or is invalid.'],
    ]);
  });

  it('is generated the same byte for byte every time', async () => {
    expect((await makeDracoGlb({ color: '#123456' })).equals(await makeDracoGlb({ color: '#123456' }))).toBe(true);
  });
});

describe('a Basis Universal KTX2 texture', () => {
  it('is a real ETC1S texture: Basis vkFormat 0, BasisLZ supercompression, sized from its header', async () => {
    const ktx2 = await basisKtx2(16, 8, checkerRgba(16, 8, ['#FF0000', '#0000FF']));
    expect(ktx2.subarray(0, 12)).toEqual(Buffer.from([0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(ktx2.readUInt32LE(44)).toBe(1); // supercompressionScheme: BasisLZ
    expect(ktx2.readUInt32LE(40)).toBe(5); // levelCount: 16×8 down to 1×1
    expect(imageSize(ktx2)).toEqual({ format: 'ktx2', width: 16, height: 8, vkFormat: 0 });
  });

  it('inside a GLB (KHR_texture_basisu) counts as one 16×16 texture at about a byte a pixel', async () => {
    const bytes = await makeKtx2Glb();
    const { json } = parseGlb(bytes);
    expect(json.extensionsRequired).toEqual(['KHR_texture_basisu']);
    expect(json.textures).toEqual([{ extensions: { KHR_texture_basisu: { source: 0 } } }]);
    const result = statsOf(bytes);
    expect(result.problems).toEqual([]);
    expect(result.stats).toEqual({
      triangles: FIGURE_TRIANGLES,
      materials: 3,
      textures: 1,
      textureMemoryBytes: Math.ceil((16 * 16 * 4) / 3),
      largestTexture: { path: 'models/x.glb#image0', width: 16, height: 16 },
      models: 1,
    });
    expect(result.warnings).toEqual([]);
  });

  it('as a pack file is sized from its header too', async () => {
    const ktx2 = await basisKtx2(32, 32, checkerRgba(32, 32, ['#FFFFFF', '#000000']));
    const result = collectSceneStats([{ path: 'images/board.ktx2', type: 'image/ktx2', bytes: ktx2 }], 5);
    expect(result.stats).toMatchObject({ textures: 1, largestTexture: { path: 'images/board.ktx2', width: 32, height: 32 } });
  });

  it('is generated the same byte for byte every time', async () => {
    expect((await makeKtx2Glb()).equals(await makeKtx2Glb())).toBe(true);
  });
});
