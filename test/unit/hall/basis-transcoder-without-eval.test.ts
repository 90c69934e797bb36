// The Basis transcoder the app ships, patched to compile no code from strings, transcodes a real ETC1S KTX2 where eval is forbidden.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embindWithoutEval } from '../../../renderer/build/embind-without-eval';
import { basisKtx2, checkerRgba } from '../../fixtures/packs/make-compressed-glb';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const basisDir = dirname(require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js'));

/**
 * Runs in a Node started with --disallow-code-generation-from-strings, which refuses eval and
 * Function as a CSP without 'unsafe-eval' does: loads the transcoder, transcodes mip 0 to RGBA32
 * (format 13, KTX2Loader's fallback) and prints the pixels.
 */
const RUNNER = `
const fs = require('node:fs');
const [transcoder, wasm, ktx2] = process.argv.slice(2);
require(transcoder)({ wasmBinary: fs.readFileSync(wasm) }).then((basis) => {
  basis.initializeBasis();
  const file = new basis.KTX2File(new Uint8Array(fs.readFileSync(ktx2)));
  if (!file.isValid() || !file.startTranscoding()) throw new Error('not a transcodable KTX2');
  const pixels = new Uint8Array(file.getImageTranscodedSizeInBytes(0, 0, 0, 13));
  const ok = file.transcodeImage(pixels, 0, 0, 0, 13, 0, -1, -1);
  const size = [file.getWidth(), file.getHeight()];
  file.close();
  file.delete();
  process.stdout.write(JSON.stringify({ ok: Boolean(ok), size, pixels: Array.from(pixels) }));
}).catch((error) => {
  process.stderr.write(String(error));
  process.exit(1);
});
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sunrise-basis-'));
  const source = await readFile(join(basisDir, 'basis_transcoder.js'), 'utf8');
  await writeFile(join(dir, 'stock.cjs'), source);
  await writeFile(join(dir, 'patched.cjs'), embindWithoutEval(source));
  await writeFile(join(dir, 'runner.cjs'), RUNNER);
  await writeFile(join(dir, 'board.ktx2'), await basisKtx2(8, 4, checkerRgba(8, 4, ['#FF0000', '#0000FF'])));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const transcode = (transcoder: string) =>
  run(process.execPath, ['--disallow-code-generation-from-strings', join(dir, 'runner.cjs'), join(dir, transcoder), join(basisDir, 'basis_transcoder.wasm'), join(dir, 'board.ktx2')]);

describe('the Basis transcoder without eval', () => {
  it('stock, it cannot even start where code generation from strings is refused (what the CSP does)', async () => {
    await expect(transcode('stock.cjs')).rejects.toThrow(/EvalError|Code generation from strings disallowed/);
  });

  it('patched, it transcodes an ETC1S checkerboard to the right colours there', async () => {
    const { stdout } = await transcode('patched.cjs');
    const result = JSON.parse(stdout) as { ok: boolean; size: number[]; pixels: number[] };
    expect(result.ok).toBe(true);
    expect(result.size).toEqual([8, 4]);
    const pixel = (x: number, y: number) => result.pixels.slice((y * 8 + x) * 4, (y * 8 + x) * 4 + 4);
    // ETC1S is lossy: near red in the first 4×4 square, near blue in the second.
    const [r0 = 0, g0 = 0, b0 = 0] = pixel(1, 1);
    const [r1 = 0, g1 = 0, b1 = 0] = pixel(5, 1);
    expect(r0).toBeGreaterThan(180);
    expect(Math.max(g0, b0)).toBeLessThan(80);
    expect(b1).toBeGreaterThan(180);
    expect(Math.max(r1, g1)).toBeLessThan(80);
  });

  it('refuses a transcoder whose glue no longer matches, rather than shipping it unpatched', () => {
    expect(() => embindWithoutEval('var x=1;')).toThrow(/expected the embind function invoker \(craftInvokerFunction\) once, found it 0 times/);
  });
});
