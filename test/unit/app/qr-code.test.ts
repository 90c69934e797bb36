// The QR matrix and SVG path round-trip: rasterised and decoded with jsQR they give back the exact URL.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrMatrix, qrPath } from '../../../renderer/src/app/qr-matrix';
import type { QrMatrix } from '../../../renderer/src/app/qr-matrix';

const SCALE = 4;

/** Paints the SVG path's rectangles (the only shapes qrPath emits) into an RGBA image, as the browser would. */
function rasterise(path: string, modules: number): { data: Uint8ClampedArray; width: number } {
  const width = (modules + 2 * QUIET_ZONE) * SCALE;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * SCALE; py < (Number(y) + 1) * SCALE; py++) {
      for (let px = Number(x) * SCALE; px < (Number(x) + Number(w)) * SCALE; px++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { data, width };
}

function decode(matrix: QrMatrix): string | undefined {
  const { data, width } = rasterise(qrPath(matrix), matrix.length);
  return jsQR(data, width, width)?.data;
}

describe('QR code', () => {
  it.each([
    'https://sunrise-hall.example/take-home?exhibit=craftsmen-1956&lang=zh-CN',
    'HTTPS://EXAMPLE.ORG/A',
    'https://sunrise-hall.example/p/朝阳奋斗者',
  ])('decodes back to %s', (url) => {
    const matrix = qrMatrix(url);
    expect(matrix).not.toBeNull();
    if (!matrix) return;
    expect(decode(matrix)).toBe(url);
  });

  it('uses error correction M: a 20-character URL is a version 2 code (25 modules), as the ISO capacity table says', () => {
    // Byte mode capacity of version 1: L 17, M 14, Q 11, H 7; version 2: L 32, M 26. 20 bytes → v2 at M.
    expect(qrMatrix('https://x.test/abcde')?.length).toBe(25);
    // The format information's first two bits, in row 8 beside the top-left finder, are the level
    // XOR the fixed mask's "10": M (00) reads dark, light; L, Q and H would read dark-dark, light-dark, light-light.
    const matrix = qrMatrix('https://x.test/abcde');
    expect([0, 1].map((x) => matrix?.[8]?.[x])).toEqual([true, false]);
  });

  it('merges runs of dark modules into one rectangle per run and leaves a 4-module quiet zone', () => {
    expect(qrPath([[true, true, false, true]], 4)).toBe('M4 4h2v1h-2zM7 4h1v1h-1z');
    const matrix = qrMatrix('https://x.test/') ?? [];
    const xs = [...qrPath(matrix).matchAll(/M(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    expect(Math.min(...xs)).toBe(QUIET_ZONE);
    expect(Math.max(...xs)).toBe(QUIET_ZONE + matrix.length - 1);
  });

  it('returns null for text no QR code can hold, instead of throwing during render', () => {
    expect(qrMatrix('x'.repeat(5000))).toBeNull();
  });
});
