// Infographics: the SVG layer prints every figure verbatim and stays inside the canvas; the PNGs are 1600×900, deterministic and drawn with the real CJK font.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FontBook,
  LayoutError,
  buildSvg,
  layoutInfographic,
  rasterise,
  renderInfographics,
  toSvg,
  type InfographicSpec,
  type Scene,
  type TextNode,
} from '../../../content/tools/infographics';
import { SAMPLE_SPECS } from '../../../content/tools/infographics/samples/sample-specs';
import { CANVAS, COLOR, ORANGE_MIN_SIZE, contrastRatio, requiredContrast } from '../../../content/tools/infographics/style';
import { escapeXml } from '../../../content/tools/infographics/svg';
import { atoms, wrap } from '../../../content/tools/infographics/text';

const book = new FontBook();
const scenes = new Map<InfographicSpec, Scene>();
let tmp = '';

beforeAll(async () => {
  for (const spec of SAMPLE_SPECS) scenes.set(spec, await layoutInfographic(spec, book));
  tmp = await mkdtemp(path.join(os.tmpdir(), 'infographics-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function sceneOf(spec: InfographicSpec): Scene {
  const scene = scenes.get(spec);
  if (!scene) throw new Error(`no scene for ${spec.id}`);
  return scene;
}

function texts(scene: Scene): TextNode[] {
  return scene.nodes.filter((n): n is TextNode => n.type === 'text');
}

/** The lines of one role joined back together, spaces ignored (wrapping drops the space at a line break). */
function joined(scene: Scene, role: string): string {
  return texts(scene)
    .filter((t) => t.role === role)
    .map((t) => t.text)
    .join('')
    .replace(/\s+/g, '');
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const label = (spec: InfographicSpec): string => `${spec.id}.${spec.locale} (${spec.kind})`;

function base(overrides: Partial<InfographicSpec>): InfographicSpec {
  return {
    id: 'test-chart',
    kind: 'counter',
    locale: 'en',
    title: 'A test chart',
    items: [{ label: 'Things', value: '12', unit: 'things' }],
    asOf: 'As of March 2024',
    credit: 'Figures as reported by Chaoyang District, via Workers’ Daily / China Industrial Network, April 2024.',
    ...overrides,
  };
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('infographics: the SVG layer', () => {
  it.each(SAMPLE_SPECS.map((s) => [label(s), s] as const))('%s prints every value and unit verbatim, and the date, credit and note', (_, spec) => {
    const scene = sceneOf(spec);
    const svg = toSvg(scene);
    const drawn = texts(scene).map((t) => t.text);
    for (const item of spec.items) {
      if (spec.kind === 'steps' && item.value.length > 3) expect(squash(joined(scene, 'label'))).toContain(squash(item.value));
      else expect(drawn).toContain(item.value);
      expect(svg).toContain(`data-text="${item.value.replace(/>/g, '&gt;')}`);
      if (item.unit) expect(drawn).toContain(item.unit);
    }
    expect(drawn).toContain(spec.asOf);
    expect(joined(scene, 'credit')).toBe(squash(spec.credit));
    expect(joined(scene, 'title')).toBe(squash(spec.title));
    if (spec.note) expect(joined(scene, 'note')).toBe(squash(spec.note));
    // The <desc> carries the unbroken lines for screen readers and search.
    expect(svg).toContain(escapeXml(spec.credit));
  });

  it.each(SAMPLE_SPECS.map((s) => [label(s), s] as const))('%s keeps all text inside the 48 px margins and no two texts overlap', (_, spec) => {
    const { margin, width: W, height: H } = CANVAS;
    // Text is laid out on the margin; a glyph's own overhang (the hook of a j) may reach 3 px past it.
    const M = margin - 3;
    const inks = texts(sceneOf(spec)).flatMap((t) => (t.ink ? [{ t, ink: t.ink }] : []));
    for (const { t, ink } of inks) {
      expect(ink.x, `${t.text} left`).toBeGreaterThanOrEqual(M);
      expect(ink.y, `${t.text} top`).toBeGreaterThanOrEqual(M);
      expect(ink.x + ink.w, `${t.text} right`).toBeLessThanOrEqual(W - M);
      expect(ink.y + ink.h, `${t.text} bottom`).toBeLessThanOrEqual(H - M);
    }
    for (let i = 0; i < inks.length; i++) {
      for (let j = i + 1; j < inks.length; j++) {
        const a = inks[i]?.ink;
        const b = inks[j]?.ink;
        if (!a || !b) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `"${inks[i]?.t.text}" overlaps "${inks[j]?.t.text}"`).toBe(false);
      }
    }
  });

  it.each(SAMPLE_SPECS.map((s) => [label(s), s] as const))('%s meets WCAG AA contrast for every text, with orange text only on big bold figures', (_, spec) => {
    for (const t of texts(sceneOf(spec))) {
      // The bright brand orange (2.4:1 on cream) is for shapes only.
      expect(t.fill, t.text).not.toBe(COLOR.sunrise);
      expect(contrastRatio(t.fill, t.bg), `${t.text} on ${t.bg}`).toBeGreaterThanOrEqual(Math.max(4.5, requiredContrast(t.size, t.weight)));
      if (t.fill === COLOR.sunriseText) {
        expect(t.size, t.text).toBeGreaterThanOrEqual(ORANGE_MIN_SIZE);
        expect(t.weight, t.text).toBe(700);
      }
    }
  });

  it.each(SAMPLE_SPECS.map((s) => [label(s), s] as const))('%s puts text drawn on a coloured block inside that block', (_, spec) => {
    const scene = sceneOf(spec);
    for (const t of texts(scene).filter((n) => n.bg !== COLOR.cream)) {
      const ink = t.ink;
      if (!ink) continue;
      const holder = scene.nodes.find((n) => n.type === 'rect' && n.fill === t.bg && ink.x >= n.x && ink.y >= n.y && ink.x + ink.w <= n.x + n.w && ink.y + ink.h <= n.y + n.h);
      expect(holder, `${t.text} outside its block`).toBeDefined();
    }
  });

  it.each(SAMPLE_SPECS.map((s) => [label(s), s] as const))('%s prints nothing that is not in the spec (no derived figures)', (_, spec) => {
    const sources = [spec.title, spec.asOf, spec.credit, spec.note ?? '', ...spec.items.flatMap((i) => [i.label, i.value, i.unit ?? ''])];
    texts(sceneOf(spec)).forEach((t) => {
      const fromSpec = sources.some((s) => s.includes(t.text));
      // Steps are numbered by position: the one thing drawn that is not in the spec, and it is an ordinal.
      const ordinal = t.role === 'badge' && /^[1-9]$/.test(t.text) && Number(t.text) <= spec.items.length;
      expect(fromSpec || ordinal, `"${t.text}" is not in the spec`).toBe(true);
    });
  });

  it('Chinese labels wrap at 14 characters or fewer', () => {
    for (const spec of SAMPLE_SPECS.filter((s) => s.locale === 'zh-CN')) {
      for (const t of texts(sceneOf(spec)).filter((n) => n.role === 'label' || n.role === 'detail')) expect([...t.text].length, t.text).toBeLessThanOrEqual(14);
    }
  });

  it('draws bars in proportion to numeric', () => {
    const spec = SAMPLE_SPECS.find((s) => s.kind === 'bars');
    if (!spec) throw new Error('no bars sample');
    const bars = sceneOf(spec).nodes.filter((n) => n.type === 'rect' && n.role === 'bar');
    expect(bars).toHaveLength(spec.items.length);
    const ratios = bars.map((b) => (b.type === 'rect' ? b.w / (spec.items[b.item ?? -1]?.numeric ?? NaN) : NaN));
    for (const r of ratios) expect(r / (ratios[0] ?? 1)).toBeCloseTo(1, 9);
  });

  it('draws a bars spec with a missing numeric as a counter, and a share without a percentage too', async () => {
    const bars = await layoutInfographic(base({ kind: 'bars', items: [{ label: 'A', value: '241,300', unit: 'people', numeric: 241300 }, { label: 'B', value: '~2,000', unit: 'people' }] }), book);
    expect(bars.kind).toBe('counter');
    expect(bars.nodes.some((n) => n.type === 'rect' && n.role === 'bar')).toBe(false);
    expect(toSvg(bars)).toContain('data-kind="counter"');
    const share = await layoutInfographic(base({ kind: 'share', items: [{ label: 'Rate', value: 'No. 1' }] }), book);
    expect(share.kind).toBe('counter');
  });

  it('shrinks a long figure only down to its floor, then gives each figure a row, then refuses rather than overflow', async () => {
    const three = (value: string): InfographicSpec['items'] => [
      { label: 'One', value, unit: 'people' },
      { label: 'Two', value: '52', unit: 'studios' },
      { label: 'Three', value: '1,243', unit: 'workers' },
    ];
    const valueSizes = (scene: Scene): number[] => texts(scene).filter((t) => t.role === 'value').map((t) => t.size);
    const columns = await layoutInfographic(base({ items: three('1,320,000') }), book);
    expect(Math.min(...valueSizes(columns))).toBeGreaterThanOrEqual(72);
    // Too long for a column even at 72 px: one row per figure, still at least 56 px.
    const rows = await layoutInfographic(base({ items: three('2 consecutive years') }), book);
    const values = texts(rows).filter((t) => t.role === 'value');
    expect(Math.min(...valueSizes(rows))).toBeGreaterThanOrEqual(56);
    expect(new Set(values.map((t) => t.x)).size).toBe(1);
    await expect(layoutInfographic(base({ items: three('1,320,000,000,000,000,000,000,000,000,000') }), book)).rejects.toBeInstanceOf(LayoutError);
  });

  it('never draws bars of different measures to one scale', async () => {
    const mixed = await layoutInfographic(
      base({ kind: 'bars', items: [{ label: 'Skilled', value: '241,300', unit: 'people', numeric: 241300 }, { label: 'Share', value: '37%', numeric: 37 }] }),
      book,
    );
    expect(mixed.kind).toBe('counter');
  });

  it('wraps Chinese per character without starting a line with closing punctuation, and Latin per word', () => {
    expect(atoms('代表北京市，获评“优秀”')).toEqual(['代', '表', '北', '京', '市，', '获', '评', '“优', '秀”']);
    expect(atoms('Rated "Excellent" in')).toEqual(['Rated ', '"Excellent" ', 'in']);
    const lines = wrap(book, '中共中央、国务院印发《新时期产业工人队伍建设改革方案》', 7 * 32, 32, 400) ?? [];
    for (const line of lines) expect(line).not.toMatch(/^[，。、》”]/u);
    expect(lines.join('')).toBe('中共中央、国务院印发《新时期产业工人队伍建设改革方案》');
  });

  it('refuses a spec it cannot draw honestly', async () => {
    await expect(layoutInfographic(base({ id: 'Bad Id' }), book)).rejects.toThrow(/id/);
    await expect(layoutInfographic(base({ items: [] }), book)).rejects.toThrow(/no items/);
    await expect(layoutInfographic(base({ credit: ' ' }), book)).rejects.toThrow(/credit/);
  });
});

describe('infographics: fonts and PNGs', () => {
  it('draws Chinese with Noto Sans SC from the repo, one distinct outline per character (no tofu)', async () => {
    const local = new FontBook();
    const scene = await layoutInfographic(base({ locale: 'zh-CN', title: '朝阳奋斗者联盟', asOf: '截至2024年3月', credit: '数据来源：朝阳区' }), local);
    expect(local.fontDir).toMatch(/node_modules[\\/]@fontsource-variable[\\/]noto-sans-sc$/);
    // Besides the Latin file, numbered CJK subset files were loaded.
    expect(local.loadedFiles.some((f) => /noto-sans-sc-\d+-wght-normal\.woff2$/.test(f))).toBe(true);
    const title = texts(scene).find((t) => t.role === 'title');
    const outlines = new Set(title?.glyphs.map((g) => JSON.stringify(g.commands)));
    expect(outlines.size).toBe([...'朝阳奋斗者联盟'].length);
    // A character the font does not have is an error, never a missing-glyph box.
    await expect(layoutInfographic(base({ title: 'Private \u{10FFFD}' }), local)).rejects.toThrow(/no glyph/);
  });

  it('rasterises to 1600×900, byte for byte the same each time, with the CJK title really drawn', async () => {
    const zh = SAMPLE_SPECS.find((s) => s.locale === 'zh-CN' && s.kind === 'counter');
    if (!zh) throw new Error('no Chinese counter sample');
    const svg = await buildSvg(zh, book);
    const first = rasterise(svg);
    const second = rasterise(await buildSvg(zh, new FontBook()));
    expect(pngSize(first)).toEqual({ width: 1600, height: 900 });
    expect(sha(second)).toBe(sha(first));
    // Without the title's outlines the picture changes: the Chinese glyphs are ink, not blanks.
    const untitled = svg.replace(/<path data-role="title"[^>]*\/>/g, '');
    expect(untitled.length).toBeLessThan(svg.length);
    expect(sha(rasterise(untitled))).not.toBe(sha(first));
  });

  it('writes <outDir>/images/<id>.<locale>.png for each spec and reports its size', async () => {
    const specs = SAMPLE_SPECS.filter((s) => s.id === 'title-ladder' || s.id === 'skills-pool');
    const written = await renderInfographics(specs, tmp);
    expect(written.map((w) => path.relative(tmp, w.path)).sort()).toEqual(specs.map((s) => path.join('images', `${s.id}.${s.locale}.png`)).sort());
    for (const w of written) {
      const png = await readFile(w.path);
      expect(png.length).toBe(w.bytes);
      expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
    }
    await expect(renderInfographics([specs[0] as InfographicSpec, specs[0] as InfographicSpec], tmp)).rejects.toThrow(/twice/);
  });
});
