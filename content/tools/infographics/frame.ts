// The frame every chart shares: cream page, sunrise accent, title at the top, note, rule, "as of" and credit at the bottom.
import type { FontBook } from './fonts';
import type { InfographicSpec } from './spec';
import type { Box, SceneNode } from './scene';
import { CANVAS, COLOR, TYPE, mix } from './style';
import { blockHeight, fit, placeLines } from './text';

export interface Frame {
  readonly nodes: SceneNode[];
  /** Where the chart itself goes. */
  readonly body: Box;
}

const ACCENT_HEIGHT = 12;

export function layoutFrame(book: FontBook, spec: InfographicSpec): Frame {
  const { width: W, height: H, margin: M } = CANVAS;
  const inner = W - 2 * M;
  const nodes: SceneNode[] = [
    { type: 'rect', x: 0, y: 0, w: W, h: H, fill: COLOR.cream, role: 'background' },
    { type: 'rect', x: 0, y: 0, w: W, h: ACCENT_HEIGHT, fill: COLOR.sunrise, fillTo: COLOR.gold, role: 'accent' },
  ];
  const base = { fill: COLOR.indigo, bg: COLOR.cream, x: M };

  const title = fit(book, spec.title, { ...TYPE.title, maxWidth: inner, maxLines: 2 });
  const titleTop = M + ACCENT_HEIGHT;
  nodes.push(...placeLines(book, title.lines, { ...base, top: titleTop, size: title.size, weight: TYPE.title.weight, role: 'title', lineHeight: title.lineHeight }));
  const titleBottom = titleTop + blockHeight(title.lines.length, title.size, title.lineHeight);
  nodes.push({ type: 'rect', x: M, y: titleBottom + 16, w: 96, h: 6, fill: COLOR.sunrise, role: 'title-rule' });

  // The footer is stacked from the bottom margin up: credit, then "as of", then the rule.
  const credit = fit(book, spec.credit, { ...TYPE.credit, maxWidth: inner, maxLines: 2 });
  const creditTop = H - M - blockHeight(credit.lines.length, credit.size, credit.lineHeight);
  const asOf = fit(book, spec.asOf, { ...TYPE.asOf, maxWidth: inner, maxLines: 1 });
  const asOfTop = creditTop - 10 - blockHeight(1, asOf.size, asOf.lineHeight);
  nodes.push(...placeLines(book, asOf.lines, { ...base, top: asOfTop, size: asOf.size, weight: TYPE.asOf.weight, role: 'as-of' }));
  nodes.push(...placeLines(book, credit.lines, { ...base, fill: COLOR.muted, top: creditTop, size: credit.size, weight: TYPE.credit.weight, role: 'credit', lineHeight: credit.lineHeight }));
  const ruleY = asOfTop - 20;
  nodes.push({ type: 'line', x1: M, y1: ruleY, x2: W - M, y2: ruleY, stroke: mix(COLOR.indigo, COLOR.cream, 0.7), width: 2, role: 'footer-rule' });

  let bodyBottom = ruleY - 32;
  if (spec.note) {
    const note = fit(book, spec.note, { ...TYPE.note, maxWidth: inner, maxLines: 2 });
    const noteTop = ruleY - 20 - blockHeight(note.lines.length, note.size, note.lineHeight);
    nodes.push(...placeLines(book, note.lines, { ...base, fill: COLOR.muted, top: noteTop, size: note.size, weight: TYPE.note.weight, role: 'note', lineHeight: note.lineHeight }));
    bodyBottom = noteTop - 32;
  }
  const bodyTop = titleBottom + 16 + 6 + 48;
  return { nodes, body: { x: M, y: bodyTop, w: inner, h: bodyBottom - bodyTop } };
}
