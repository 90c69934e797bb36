// `share`: a ring filled to the first item's percentage with its figure in the middle; further items as figures beside it.
import type { FontBook } from '../fonts';
import type { InfographicItem } from '../spec';
import { LayoutError, type Box, type SceneNode } from '../scene';
import { COLOR, TYPE } from '../style';
import { blockHeight, fit, placeLines } from '../text';
import { figureHeight, placeFigure } from './figure';
import { fitFigures, labelWidth } from './counter';

/** The ring needs the first item's percentage as a number from 0 to 100. */
export function canDrawShare(items: readonly InfographicItem[]): boolean {
  const n = items[0]?.numeric;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100 && items.length <= 3;
}

export function layoutShare(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  const [main, ...rest] = items;
  if (!main || !canDrawShare(items)) throw new LayoutError('share needs a first item with a numeric percentage (0-100) and at most 3 items');
  const nodes: SceneNode[] = [];
  const outer = Math.min(body.h / 2, 290);
  const ringW = Math.round(outer * 0.22);
  const cx = body.x + outer;
  const cy = body.y + body.h / 2;
  const r = outer - ringW / 2;
  nodes.push({ type: 'circle', cx, cy, r, fill: 'none', stroke: COLOR.track, strokeWidth: ringW, role: 'track' });
  nodes.push({ type: 'arc', cx, cy, r, width: ringW, fraction: (main.numeric ?? 0) / 100, stroke: COLOR.sunrise, role: 'share', item: 0 });

  // The figure in the hole: as big as the hole allows, never below the size orange may be used at.
  const hole = 2 * (outer - ringW) * 0.8;
  const fig = fitFigures(book, [main], hole, 168, 56);
  const figH = figureHeight(main, fig.size, true);
  nodes.push(...placeFigure(book, main, { x: cx, top: cy - figH / 2, size: fig.size, align: 'middle', stacked: true, bg: COLOR.cream }));

  // Beside the ring: what the share is of, then the other figures.
  const x = cx + outer + 96;
  const width = body.x + body.w - x;
  const headline = fit(book, main.label, { size: 48, min: TYPE.label.min, weight: 500, maxWidth: labelWidth(main.label, 48, width), maxLines: 4 });
  const headH = blockHeight(headline.lines.length, headline.size, headline.lineHeight);
  const restFig = rest.length ? fitFigures(book, rest, width, 96, 56) : { size: 0, stacked: false };
  const restLabels = rest.map((item) => fit(book, item.label, { ...TYPE.body, weight: 500, maxWidth: labelWidth(item.label, TYPE.body.size, width), maxLines: 2 }));
  const restH = rest.map((item, i) => figureHeight(item, restFig.size, restFig.stacked) + 12 + blockHeight(restLabels[i]?.lines.length ?? 0, restLabels[i]?.size ?? 0, restLabels[i]?.lineHeight ?? 0));
  const gap = 48;
  const total = headH + restH.reduce((a, b) => a + gap + b, 0);
  if (total > body.h) throw new LayoutError(`the share's side text does not fit ${Math.round(body.h)} px`);
  let y = cy - total / 2;
  nodes.push(...placeLines(book, headline.lines, { x, top: y, size: headline.size, weight: 500, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', lineHeight: headline.lineHeight }));
  y += headH;
  rest.forEach((item, i) => {
    y += gap;
    nodes.push(...placeFigure(book, item, { x, top: y, size: restFig.size, align: 'start', stacked: restFig.stacked, bg: COLOR.cream }));
    const fh = figureHeight(item, restFig.size, restFig.stacked);
    const label = restLabels[i];
    if (label) nodes.push(...placeLines(book, label.lines, { x, top: y + fh + 12, size: label.size, weight: 500, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', lineHeight: label.lineHeight }));
    y += restH[i] ?? 0;
  });
  return nodes;
}
