// A key figure: the value exactly as the fact sheet writes it, with its unit, on one baseline or with the unit beneath.
import type { FontBook } from '../fonts';
import type { InfographicItem } from '../spec';
import type { TextNode } from '../scene';
import { COLOR, FONT_CAP, figureFill } from '../style';
import { measure, textAt, type Align } from '../text';

const CJK_START = /^[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

export function unitSizeFor(size: number): number {
  return Math.max(30, Math.round(size * 0.4));
}

/** Chinese units sit right against the number (24.13万人); Latin ones after a space (241,300 people). */
function unitGap(unit: string, unitSize: number): number {
  return CJK_START.test(unit) ? 0.06 * unitSize : 0.28 * unitSize;
}

export interface FigureMetrics {
  readonly valueWidth: number;
  readonly unitWidth: number;
  readonly gap: number;
  /** Width when the unit sits on the value's baseline. */
  readonly inlineWidth: number;
  /** Width when the unit goes beneath the value. */
  readonly stackedWidth: number;
}

export function measureFigure(book: FontBook, item: InfographicItem, size: number): FigureMetrics {
  const unit = item.unit ?? '';
  const unitSize = unitSizeFor(size);
  const valueWidth = measure(book, item.value, size, 700);
  const unitWidth = unit ? measure(book, unit, unitSize, 700) : 0;
  const gap = unit ? unitGap(unit, unitSize) : 0;
  return { valueWidth, unitWidth, gap, inlineWidth: valueWidth + gap + unitWidth, stackedWidth: Math.max(valueWidth, unitWidth) };
}

/** Height from the top of the digits to the bottom of the block (the unit's descenders included). */
export function figureHeight(item: InfographicItem, size: number, stacked: boolean): number {
  const unitSize = unitSizeFor(size);
  // Latin descenders (the p of "people") reach about a quarter em below the baseline.
  if (stacked && item.unit) return FONT_CAP * size + unitSize * 1.25 + 0.25 * unitSize;
  return FONT_CAP * size + (item.unit ? 0.25 * unitSize : 0);
}

export interface FigurePlacement {
  readonly x: number;
  /** Top of the digits. */
  readonly top: number;
  readonly size: number;
  readonly align: Align;
  readonly stacked: boolean;
  readonly bg: string;
}

export function placeFigure(book: FontBook, item: InfographicItem, p: FigurePlacement): TextNode[] {
  const m = measureFigure(book, item, p.size);
  const unit = item.unit ?? '';
  const unitSize = unitSizeFor(p.size);
  const baseline = p.top + FONT_CAP * p.size;
  const block = p.stacked ? m.stackedWidth : m.inlineWidth;
  const left = p.align === 'middle' ? p.x - block / 2 : p.align === 'end' ? p.x - block : p.x;
  const valueStyle = { size: p.size, weight: 700 as const, fill: figureFill(p.size, 700), bg: p.bg, role: 'value' };
  const unitStyle = { size: unitSize, weight: 700 as const, fill: COLOR.indigo, bg: p.bg, role: 'unit' };
  if (!unit) return [textAt(book, item.value, left + (block - m.valueWidth) * alignShare(p.align), baseline, valueStyle)];
  if (!p.stacked) {
    return [textAt(book, item.value, left, baseline, valueStyle), textAt(book, unit, left + m.valueWidth + m.gap, baseline, unitStyle)];
  }
  return [
    textAt(book, item.value, left + (block - m.valueWidth) * alignShare(p.align), baseline, valueStyle),
    textAt(book, unit, left + (block - m.unitWidth) * alignShare(p.align), baseline + unitSize * 1.25, unitStyle),
  ];
}

function alignShare(align: Align): number {
  return align === 'middle' ? 0.5 : align === 'end' ? 1 : 0;
}
