// `counter`: one to three big figures side by side (up to six in two rows), each with its label beneath.
import type { FontBook } from '../fonts';
import type { InfographicItem } from '../spec';
import { LayoutError, type Box, type SceneNode } from '../scene';
import { COLOR, TYPE, mix } from '../style';
import { blockHeight, fit, placeLines, type Fitted } from '../text';
import { figureHeight, measureFigure, placeFigure } from './figure';

const START_SIZE: Record<number, number> = { 1: 200, 2: 168, 3: 144 };
const MIN_SIZE = 72;
const COLUMN_GAP = 96;
const LABEL_GAP = 28;

/** CJK labels wrap at about 14 characters, Latin ones at about 24 em (~50 characters). */
export function labelWidth(label: string, size: number, column: number): number {
  const cjk = /[\u2E80-\u9FFF]/u.test(label);
  return Math.min(column, (cjk ? 14 : 24) * size);
}

/** The biggest common figure size at which every figure fits its column, inline if possible, else with units beneath. */
export function fitFigures(book: FontBook, items: readonly InfographicItem[], width: number, start: number, min: number): { size: number; stacked: boolean } {
  for (const stacked of [false, true]) {
    for (let size = start; size >= min; size -= 4) {
      const ok = items.every((item) => {
        const m = measureFigure(book, item, size);
        return (stacked ? m.stackedWidth : m.inlineWidth) <= width;
      });
      if (ok) return { size, stacked };
    }
  }
  throw new LayoutError(`a figure (${items.map((i) => i.value).join(', ')}) does not fit ${Math.round(width)} px even at ${min} px`);
}

/** Fits every label, then sets them all at the smallest size any of them needed, so the columns match. */
export function fitLabels(book: FontBook, labels: readonly string[], width: number, maxLines: number, maxHeight?: number): Fitted[] {
  const spec = { ...TYPE.label, maxLines, ...(maxHeight === undefined ? {} : { maxHeight }) };
  const first = labels.map((label) => fit(book, label, { ...spec, maxWidth: labelWidth(label, TYPE.label.size, width) }));
  const size = Math.min(...first.map((f) => f.size));
  return labels.map((label) => fit(book, label, { ...spec, size, maxWidth: labelWidth(label, size, width) }));
}

export function layoutCounter(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  if (items.length === 0 || items.length > 6) throw new LayoutError(`counter shows 1 to 6 figures, not ${items.length}`);
  try {
    return layoutColumns(book, items, body);
  } catch (error) {
    // Figures too long for side-by-side columns ('2 consecutive years') get a row each instead.
    if (!(error instanceof LayoutError) || items.length === 1) throw error;
    return layoutRows(book, items, body);
  }
}

/** One row per figure: the figure on the left, its label beside it. */
function layoutRows(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  const rowH = (body.h - (items.length - 1) * 32) / items.length;
  const figure = fitFigures(book, items, body.w * 0.62, 120, 56);
  const figW = Math.max(...items.map((i) => (figure.stacked ? measureFigure(book, i, figure.size).stackedWidth : measureFigure(book, i, figure.size).inlineWidth)));
  const labelX = body.x + figW + 56;
  const labels = fitLabels(book, items.map((i) => i.label), body.x + body.w - labelX, 3, rowH);
  const heights = items.map((item, i) => {
    const l = labels[i];
    return Math.max(figureHeight(item, figure.size, figure.stacked), l ? blockHeight(l.lines.length, l.size, l.lineHeight) : 0);
  });
  const sum = heights.reduce((a, b) => a + b, 0);
  // Airy rows where there is room; the divider sits midway between them.
  const gap = Math.max(32, Math.min(72, (body.h - sum) / Math.max(1, items.length - 1) / 2));
  const total = sum + (items.length - 1) * gap;
  if (total > body.h) throw new LayoutError(`${items.length} figure rows do not fit ${Math.round(body.h)} px`);
  const nodes: SceneNode[] = [];
  let y = body.y + (body.h - total) / 2;
  items.forEach((item, i) => {
    const h = heights[i] ?? 0;
    const fh = figureHeight(item, figure.size, figure.stacked);
    nodes.push(...placeFigure(book, item, { x: body.x, top: y + (h - fh) / 2, size: figure.size, align: 'start', stacked: figure.stacked, bg: COLOR.cream }));
    const label = labels[i];
    if (label) {
      const lh = blockHeight(label.lines.length, label.size, label.lineHeight);
      nodes.push(...placeLines(book, label.lines, { x: labelX, top: y + (h - lh) / 2, size: label.size, weight: TYPE.label.weight, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', lineHeight: label.lineHeight }));
    }
    if (i > 0) nodes.push({ type: 'line', x1: body.x, y1: y - gap / 2, x2: body.x + body.w, y2: y - gap / 2, stroke: mix(COLOR.gold, COLOR.cream, 0.2), width: 3, role: 'divider' });
    y += h + gap;
  });
  return nodes;
}

/** Figures side by side (up to three a row), each label beneath its figure. */
function layoutColumns(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  const cols = Math.min(items.length, 3);
  const rows = Math.ceil(items.length / cols);
  const colW = (body.w - (cols - 1) * COLUMN_GAP) / cols;
  const rowGap = 48;
  const rowH = (body.h - (rows - 1) * rowGap) / rows;
  const start = rows > 1 ? 112 : (START_SIZE[cols] ?? 144);
  const figure = fitFigures(book, items, colW, start, MIN_SIZE);
  const figH = Math.max(...items.map((item) => figureHeight(item, figure.size, figure.stacked)));
  const labels = fitLabels(book, items.map((i) => i.label), colW, 3, rowH - figH - LABEL_GAP);
  const labelH = Math.max(...labels.map((l) => blockHeight(l.lines.length, l.size, l.lineHeight)));
  const blockH = figH + LABEL_GAP + labelH;
  const align = cols === 1 ? 'middle' : 'start';
  const nodes: SceneNode[] = [];
  items.forEach((item, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const x = body.x + col * (colW + COLUMN_GAP);
    const top = body.y + row * (rowH + rowGap) + (rowH - blockH) / 2;
    const anchor = align === 'middle' ? x + colW / 2 : x;
    nodes.push(...placeFigure(book, item, { x: anchor, top, size: figure.size, align, stacked: figure.stacked, bg: COLOR.cream }));
    const label = labels[i];
    if (label) {
      nodes.push(...placeLines(book, label.lines, { x: anchor, top: top + figH + LABEL_GAP, size: label.size, weight: TYPE.label.weight, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', align, lineHeight: label.lineHeight }));
    }
    if (col > 0) {
      const dx = x - COLUMN_GAP / 2;
      nodes.push({ type: 'line', x1: dx, y1: top - 8, x2: dx, y2: top + blockH + 8, stroke: mix(COLOR.gold, COLOR.cream, 0.2), width: 3, role: 'divider' });
    }
  });
  return nodes;
}
