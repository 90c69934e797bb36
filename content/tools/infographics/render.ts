// renderInfographics: specs → `<outDir>/images/<id>.<locale>.png` at 1600×900, rasterised by resvg from the SVG with no system fonts.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FontBook } from './fonts';
import { layoutInfographic } from './layout';
import type { InfographicSpec, RenderedInfographic } from './spec';
import { toSvg } from './svg';

export async function buildSvg(spec: InfographicSpec, book: FontBook = new FontBook()): Promise<string> {
  return toSvg(await layoutInfographic(spec, book));
}

/** SVG → PNG bytes. All text is already outlines, so resvg is told to load no fonts at all. */
export function rasterise(svg: string): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

export function pngPath(outDir: string, spec: Pick<InfographicSpec, 'id' | 'locale'>): string {
  return path.join(outDir, 'images', `${spec.id}.${spec.locale}.png`);
}

export async function renderInfographics(specs: readonly InfographicSpec[], outDir: string): Promise<RenderedInfographic[]> {
  const seen = new Set<string>();
  for (const spec of specs) {
    const key = `${spec.id}.${spec.locale}`;
    if (seen.has(key)) throw new Error(`infographic ${key} is specified twice`);
    seen.add(key);
  }
  // One font cache for the whole run: each subset file is decompressed once.
  const book = new FontBook();
  await mkdir(path.join(outDir, 'images'), { recursive: true });
  const out: RenderedInfographic[] = [];
  for (const spec of specs) {
    const png = rasterise(await buildSvg(spec, book));
    const file = pngPath(outDir, spec);
    // Written aside and renamed, so a pack never holds half a PNG.
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, png);
    await rename(tmp, file);
    out.push({ id: spec.id, locale: spec.locale, path: file, bytes: png.length });
  }
  return out;
}
