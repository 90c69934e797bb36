// Noto Sans SC from the repo's own @fontsource-variable package: picks the subset file for each character, instances the weight, shapes text into outlines.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type Font, type PathCommand } from 'fontkit';
import decompress from 'wawoff2/decompress.js';
import type { Weight } from './style';

const PACKAGE = path.join('node_modules', '@fontsource-variable', 'noto-sans-sc');

/** One glyph of a shaped string, in font units relative to the string's origin (y up). */
export interface PlacedGlyph {
  readonly x: number;
  readonly y: number;
  readonly commands: readonly PathCommand[];
  /** Ink box in font units, already offset by x/y; null for blank glyphs such as spaces. */
  readonly ink: { minX: number; minY: number; maxX: number; maxY: number } | null;
}

export interface Shaped {
  /** Advance width in em (multiply by the font size for pixels). */
  readonly advance: number;
  readonly unitsPerEm: number;
  readonly glyphs: readonly PlacedGlyph[];
}

interface Subset {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

/** Finds the fontsource package from the working directory or from this file (source or bundle), never from the system. */
export function findFontDir(): string {
  const starts = [process.cwd(), path.dirname(fileURLToPath(import.meta.url))];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, PACKAGE);
      if (existsSync(path.join(candidate, 'unicode.json'))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`Noto Sans SC not found: install @fontsource-variable/noto-sans-sc (looked for ${PACKAGE} above ${starts.join(' and ')})`);
}

function parseRanges(css: string): [number, number][] {
  return css.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(lo ?? '', 16);
    return [start, hi === undefined ? start : Number.parseInt(hi, 16)];
  });
}

function readSubsets(fontDir: string): Subset[] {
  const table = JSON.parse(readFileSync(path.join(fontDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const subsets = Object.entries(table).map(([key, ranges]) => ({
    file: path.join(fontDir, 'files', `noto-sans-sc-${key.replace(/[[\]]/g, '')}-wght-normal.woff2`),
    ranges: parseRanges(ranges),
    key,
  }));
  // Latin first, so ASCII always comes from the one Latin file whatever order the JSON lists.
  subsets.sort((a, b) => Number(b.key === 'latin') - Number(a.key === 'latin'));
  return subsets.map(({ file, ranges }) => ({ file, ranges }));
}

/**
 * The font cache for one run. `prepare` loads (asynchronously) every subset file some text needs;
 * after it, `shape` is synchronous, which keeps the layout code plain.
 */
export class FontBook {
  private readonly subsets: readonly Subset[];
  private readonly bases = new Map<string, Font>();
  private readonly instances = new Map<string, Font>();
  private readonly shaped = new Map<string, Shaped>();

  constructor(readonly fontDir: string = findFontDir()) {
    this.subsets = readSubsets(fontDir);
  }

  /** The subset files loaded so far (absolute paths): proof the real font, not a fallback, drew the text. */
  get loadedFiles(): readonly string[] {
    return [...this.bases.keys()].sort();
  }

  subsetFor(codePoint: number): string {
    const hit = this.subsets.find((s) => s.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi));
    if (!hit) throw new Error(`Noto Sans SC has no glyph for U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
    return hit.file;
  }

  async prepare(texts: Iterable<string>): Promise<void> {
    const files = new Set<string>();
    for (const text of texts) for (const ch of text) files.add(this.subsetFor(ch.codePointAt(0) ?? 0));
    for (const file of [...files].sort()) {
      if (this.bases.has(file)) continue;
      const ttf = await decompress(readFileSync(file));
      const font = create(Buffer.from(ttf));
      if (!('layout' in font)) throw new Error(`${file} is a font collection, expected one font`);
      this.bases.set(file, font);
    }
  }

  private instance(file: string, weight: Weight): Font {
    const key = `${file}@${weight}`;
    let font = this.instances.get(key);
    if (!font) {
      const base = this.bases.get(file);
      if (!base) throw new Error(`font subset not prepared: ${file}`);
      // The variable font's default instance is Thin: always pick the weight explicitly.
      font = base.getVariation({ wght: weight });
      this.instances.set(key, font);
    }
    return font;
  }

  /** Shapes `text` run by run (one run per subset file); throws rather than ever drawing a missing-glyph box. */
  shape(text: string, weight: Weight): Shaped {
    const key = `${weight}|${text}`;
    const cached = this.shaped.get(key);
    if (cached) return cached;
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    let unitsPerEm = 1000;
    for (const run of this.runs(text)) {
      const font = this.instance(run.file, weight);
      unitsPerEm = font.unitsPerEm;
      const laid = font.layout(run.text);
      laid.glyphs.forEach((glyph, i) => {
        if (glyph.id === 0) throw new Error(`Noto Sans SC has no glyph for "${run.text}" in ${path.basename(run.file)}`);
        const pos = laid.positions[i];
        if (!pos) return;
        const x = pen + pos.xOffset;
        const y = pos.yOffset;
        const box = glyph.path.commands.length > 0 ? glyph.path.bbox : null;
        glyphs.push({
          x,
          y,
          commands: glyph.path.commands,
          ink: box ? { minX: box.minX + x, minY: box.minY + y, maxX: box.maxX + x, maxY: box.maxY + y } : null,
        });
        pen += pos.xAdvance;
      });
    }
    const result: Shaped = { advance: pen / unitsPerEm, unitsPerEm, glyphs };
    this.shaped.set(key, result);
    return result;
  }

  private runs(text: string): { file: string; text: string }[] {
    const runs: { file: string; text: string }[] = [];
    for (const ch of text) {
      const file = this.subsetFor(ch.codePointAt(0) ?? 0);
      const last = runs.at(-1);
      if (last && last.file === file) last.text += ch;
      else runs.push({ file, text: ch });
    }
    return runs;
  }
}
