// `timeline`: milestones left to right on one thin axis, evenly spaced (dates are text, so nothing is placed to a scale it does not have).
import type { FontBook } from '../fonts';
import type { InfographicItem } from '../spec';
import { LayoutError, type Box, type SceneNode } from '../scene';
import { COLOR, TYPE } from '../style';
import { blockHeight, fit, placeLines } from '../text';
import { fitFigures, labelWidth } from './counter';
import { figureHeight, placeFigure } from './figure';

const DOT = 14;

export function layoutTimeline(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  const n = items.length;
  if (n === 0 || n > 8) throw new LayoutError(`a timeline shows 1 to 8 milestones, not ${n}`);
  const colW = body.w / n;
  const inner = colW - 32;
  // Few milestones get bigger type: the row is wide and would otherwise look empty.
  const roomy = n <= 4;
  const date = fitFigures(book, items, inner, roomy ? 88 : 64, 36);
  const dateH = Math.max(...items.map((i) => figureHeight(i, date.size, date.stacked)));
  const axisGap = 36;
  const labelRoom = body.h - dateH - 2 * axisGap;
  const labels = labelsFor(book, items, inner, labelRoom, roomy ? TYPE.label.size : TYPE.body.size);
  const labelH = Math.max(...labels.map((l) => blockHeight(l.lines.length, l.size, l.lineHeight)));
  const totalH = dateH + 2 * axisGap + labelH;
  const top = body.y + (body.h - totalH) / 2;
  const axisY = top + dateH + axisGap;
  const nodes: SceneNode[] = [{ type: 'line', x1: body.x, y1: axisY, x2: body.x + body.w, y2: axisY, stroke: COLOR.indigo, width: 3, role: 'axis' }];
  items.forEach((item, i) => {
    const cx = body.x + colW * (i + 0.5);
    nodes.push({ type: 'circle', cx, cy: axisY, r: DOT, fill: COLOR.sunrise, stroke: COLOR.cream, strokeWidth: 6, role: 'milestone' });
    const h = figureHeight(item, date.size, date.stacked);
    nodes.push(...placeFigure(book, item, { x: cx, top: axisY - axisGap - h, size: date.size, align: 'middle', stacked: date.stacked, bg: COLOR.cream }));
    const label = labels[i];
    if (label) nodes.push(...placeLines(book, label.lines, { x: cx, top: axisY + axisGap, size: label.size, weight: TYPE.body.weight, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', align: 'middle', lineHeight: label.lineHeight }));
  });
  return nodes;
}

/** Milestone text is running prose, so it uses the body size and as many lines as the room allows. */
function labelsFor(book: FontBook, items: readonly InfographicItem[], width: number, room: number, start: number): ReturnType<typeof fit>[] {
  const spec = { ...TYPE.body, size: start, maxLines: 8, maxHeight: room };
  const first = items.map((i) => fit(book, i.label, { ...spec, maxWidth: labelWidth(i.label, start, width) }));
  const size = Math.min(...first.map((f) => f.size));
  return items.map((i) => fit(book, i.label, { ...spec, size, maxWidth: labelWidth(i.label, size, width) }));
}
