// `bars`: horizontal bars drawn to scale from `numeric`, each labelled above and followed by its figure as written.
import type { FontBook } from '../fonts';
import type { InfographicItem } from '../spec';
import { LayoutError, type Box, type SceneNode } from '../scene';
import { COLOR, FONT_CAP, TYPE } from '../style';
import { blockHeight, fit, placeLines } from '../text';
import { measureFigure, placeFigure } from './figure';

const LABEL_GAP = 14;
const FIGURE_GAP = 28;

/** What a bar measures: its unit, and whether it is a percentage. Bars of different measures are never drawn to one scale. */
function measureOf(item: InfographicItem): string {
  return `${item.unit ?? ''}|${item.value.includes('%')}`;
}

/** Bars need a non-negative number for every item, one above zero, and the same measure for all (no people against percentages). */
export function canDrawBars(items: readonly InfographicItem[]): boolean {
  const numbers = items.length > 0 && items.every((i) => typeof i.numeric === 'number' && Number.isFinite(i.numeric) && i.numeric >= 0);
  return numbers && items.some((i) => (i.numeric ?? 0) > 0) && new Set(items.map(measureOf)).size === 1;
}

export function layoutBars(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  if (!canDrawBars(items) || items.length > 8) throw new LayoutError('bars need 1 to 8 items, each with a numeric value');
  const n = items.length;
  const rowGap = n > 4 ? 24 : 40;
  // The figure shrinks with the row count so that the bars, not the labels, dominate.
  let figSize = n <= 3 ? 72 : n <= 5 ? 56 : 48;
  const figWidth = (): number => Math.max(...items.map((i) => measureFigure(book, i, figSize).inlineWidth));
  while (figWidth() > body.w * 0.45 && figSize > 48) figSize -= 4;
  const maxBar = body.w - figWidth() - FIGURE_GAP;
  if (maxBar < body.w * 0.4) throw new LayoutError(`bar figures are too wide (${Math.round(figWidth())} px)`);

  const labelSize = n <= 3 ? TYPE.label.size : 34;
  const labels = items.map((i) => fit(book, i.label, { size: labelSize, min: TYPE.body.min, weight: TYPE.label.weight, maxWidth: maxBar - 16, maxLines: 2 }));
  const labelH = labels.map((l) => blockHeight(l.lines.length, l.size, l.lineHeight));
  const spare = body.h - labelH.reduce((a, b) => a + b, 0) - n * LABEL_GAP - (n - 1) * rowGap;
  const barH = Math.min(88, spare / n);
  if (barH < 24) throw new LayoutError(`${n} bars with their labels do not fit ${Math.round(body.h)} px`);
  // Room for the figure's digits where they are taller than the bar.
  const rowFig = Math.max(barH, FONT_CAP * figSize + 8);
  const totalH = labelH.reduce((a, b) => a + b, 0) + n * (LABEL_GAP + rowFig) + (n - 1) * rowGap;
  if (totalH > body.h) throw new LayoutError(`${n} bars do not fit ${Math.round(body.h)} px`);

  const max = Math.max(...items.map((i) => i.numeric ?? 0));
  const axisX = body.x;
  const nodes: SceneNode[] = [];
  let y = body.y + (body.h - totalH) / 2;
  const firstBarTop = y + (labelH[0] ?? 0) + LABEL_GAP;
  let lastBarBottom = firstBarTop;
  items.forEach((item, i) => {
    const label = labels[i];
    if (label) nodes.push(...placeLines(book, label.lines, { x: axisX + 16, top: y, size: label.size, weight: TYPE.label.weight, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', lineHeight: label.lineHeight }));
    const rowTop = y + (labelH[i] ?? 0) + LABEL_GAP;
    const barTop = rowTop + (rowFig - barH) / 2;
    const w = ((item.numeric ?? 0) / max) * maxBar;
    nodes.push({ type: 'rect', x: axisX, y: barTop, w, h: barH, fill: i === 0 ? COLOR.sunrise : COLOR.gold, role: 'bar', item: i });
    const figTop = rowTop + (rowFig - FONT_CAP * figSize) / 2;
    nodes.push(...placeFigure(book, item, { x: axisX + w + FIGURE_GAP, top: figTop, size: figSize, align: 'start', stacked: false, bg: COLOR.cream }));
    lastBarBottom = barTop + barH;
    y = rowTop + rowFig + rowGap;
  });
  nodes.push({ type: 'line', x1: axisX, y1: firstBarTop - 12, x2: axisX, y2: lastBarBottom + 12, stroke: COLOR.indigo, width: 3, role: 'axis' });
  return nodes;
}
