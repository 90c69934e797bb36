// Builds the six mascot GLBs into <outDir>/models/<id>.glb: the entry point the content build calls.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idleClip, waveClip } from './animation';
import { writeGlb } from './glb-writer';
import { buildMascotTree } from './mascot';
import { MASCOT_IDS, MASCOT_SPECS } from './roster';
import type { MascotId } from './roster';

export { MASCOT_COLOURS, MASCOT_IDS } from './roster';
export type { MascotId } from './roster';

/**
 * Per-model limits the generator holds itself to: the hall frames mascots for 1.5 m; one material (colours
 * are per vertex) keeps the six mascots well inside the scene's 25-material budget; one primitive per
 * animated node keeps draw calls few on software-rendered kiosks.
 */
export const MASCOT_LIMITS = { triangles: 5000, materials: 1, primitives: 10 } as const;

export interface MascotModelInfo {
  readonly id: MascotId;
  /** Relative to outDir, with forward slashes: as a pack manifest names it. */
  readonly path: string;
  readonly triangles: number;
  readonly bytes: number;
}

/** One mascot's GLB bytes (deterministic: the same bytes every run). */
export async function buildMascotGlb(id: MascotId): Promise<{ bytes: Uint8Array; triangles: number; materials: number; primitives: number }> {
  const spec = MASCOT_SPECS[id];
  const written = await writeGlb(buildMascotTree(spec), spec.palette, [idleClip(spec.energy), waveClip()]);
  if (written.triangles >= MASCOT_LIMITS.triangles) throw new Error(`mascot ${id} has ${written.triangles} triangles; the limit is ${MASCOT_LIMITS.triangles}`);
  if (written.materials > MASCOT_LIMITS.materials) throw new Error(`mascot ${id} has ${written.materials} materials; the limit is ${MASCOT_LIMITS.materials}`);
  if (written.primitives > MASCOT_LIMITS.primitives) throw new Error(`mascot ${id} has ${written.primitives} primitives; the limit is ${MASCOT_LIMITS.primitives}`);
  return written;
}

export async function buildMascots(outDir: string): Promise<MascotModelInfo[]> {
  await mkdir(join(outDir, 'models'), { recursive: true });
  const infos: MascotModelInfo[] = [];
  for (const id of MASCOT_IDS) {
    const { bytes, triangles } = await buildMascotGlb(id);
    const path = `models/${id}.glb`;
    await writeFile(join(outDir, path), bytes);
    infos.push({ id, path, triangles, bytes: bytes.byteLength });
  }
  return infos;
}
