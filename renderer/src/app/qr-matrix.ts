// QR code modules for a URL (lean-qr, error correction M) and the SVG path that draws them, row runs merged.
import { correction, generate } from 'lean-qr';

/** The quiet zone ISO/IEC 18004 asks for around a code, in modules. */
export const QUIET_ZONE = 4;

/** A square grid of modules, `true` = dark; row-major (`rows[y][x]`). */
export type QrMatrix = readonly (readonly boolean[])[];

/**
 * The modules of `text` at error correction level M exactly (lean-qr would otherwise raise the level
 * when it fits the same size). Returns null when the text does not fit any QR version.
 */
export function qrMatrix(text: string): QrMatrix | null {
  let code;
  try {
    code = generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M });
  } catch {
    return null; // "Too much data": more than a version 40 code holds.
  }
  const rows: boolean[][] = [];
  for (let y = 0; y < code.size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < code.size; x++) row.push(code.get(x, y));
    rows.push(row);
  }
  return rows;
}

/**
 * One SVG path for every dark module, in module units, offset by `quiet` modules of margin. Runs of
 * dark modules in a row become one rectangle, which keeps the path short and leaves no hairline seams
 * between neighbouring modules when the SVG is scaled.
 */
export function qrPath(matrix: QrMatrix, quiet = QUIET_ZONE): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + quiet} ${y + quiet}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}
