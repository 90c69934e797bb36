// `steps`: a rising staircase, one numbered block per step, its text standing on the tread.
import type { FontBook } from '../fonts';
import type { InfographicItem } from '../spec';
import { LayoutError, type Box, type SceneNode } from '../scene';
import { COLOR, FONT_CAP, TYPE, mix } from '../style';
import { blockHeight, fit, measure, placeLines, textAt, type Fitted } from '../text';

const GAP = 20;
const TEXT_GAP = 24;
const PAD = 24;

/**
 * A marker-like value ('1', 'A', '①': up to three characters, no words) is the step's marker; anything
 * else ('Exploration', '探索期') is its heading, under the step's ordinal.
 */
export function stepParts(item: InfographicItem, index: number): { badge: string; heading: string; detail: string } {
  const value = item.unit ? `${item.value}${/^[\u2E80-\u9FFF]/u.test(item.unit) ? '' : ' '}${item.unit}` : item.value;
  const marker = [...value].length <= 3 && !/[\u2E80-\u9FFF]|[A-Za-z]{2}/u.test(value);
  if (marker) return { badge: value, heading: item.label, detail: '' };
  return { badge: String(index + 1), heading: value, detail: item.label };
}

export function layoutSteps(book: FontBook, items: readonly InfographicItem[], body: Box): SceneNode[] {
  const n = items.length;
  if (n === 0 || n > 6) throw new LayoutError(`steps shows 1 to 6 steps, not ${n}`);
  const colW = (body.w - (n - 1) * GAP) / n;
  const textW = colW - 8;
  const parts = items.map(stepParts);
  const headSpec = { size: 44, min: TYPE.label.min, weight: 700 as const, maxWidth: textW, maxLines: 3 };
  const heads = common(book, parts.map((p) => p.heading), headSpec);
  const details = common(book, parts.map((p) => p.detail), { ...TYPE.body, weight: 400 as const, maxWidth: textW, maxLines: 4 });
  const textH = parts.map((_, i) => {
    const h = heads[i];
    const d = details[i];
    const hh = h ? blockHeight(h.lines.length, h.size, h.lineHeight) : 0;
    const dh = d && d.lines.length ? 12 + blockHeight(d.lines.length, d.size, d.lineHeight) : 0;
    return hh + dh;
  });
  const textMax = Math.max(...textH);
  const hMax = body.h - textMax - TEXT_GAP;
  const hMin = Math.max(140, hMax * 0.38);
  if (hMax < hMin) throw new LayoutError(`the steps' text leaves no room for the staircase (${Math.round(hMax)} px)`);
  // The marker fits the narrowest block's width and the lowest block's height.
  let badgeSize = Math.min(96, Math.round(hMin * 0.5));
  const widest = (): number => Math.max(...parts.map((p) => measure(book, p.badge, badgeSize, 700)));
  while (badgeSize > 48 && widest() > colW - 2 * PAD) badgeSize -= 4;
  if (widest() > colW - 2 * PAD) throw new LayoutError(`a step marker is too wide for its block`);
  const bottom = body.y + body.h;
  const nodes: SceneNode[] = [];
  parts.forEach((part, i) => {
    const x = body.x + i * (colW + GAP);
    const h = n === 1 ? hMax : hMin + ((hMax - hMin) * i) / (n - 1);
    const fill = n === 1 ? COLOR.sunrise : mix(COLOR.gold, COLOR.sunrise, i / (n - 1));
    nodes.push({ type: 'rect', x, y: bottom - h, w: colW, h, fill, role: 'step', item: i });
    nodes.push(textAt(book, part.badge, x + PAD, bottom - h + PAD + FONT_CAP * badgeSize, { size: badgeSize, weight: 700, fill: COLOR.indigo, bg: fill, role: 'badge' }));
    let y = bottom - h - TEXT_GAP - (textH[i] ?? 0);
    const head = heads[i];
    if (head) {
      nodes.push(...placeLines(book, head.lines, { x, top: y, size: head.size, weight: 700, fill: COLOR.indigo, bg: COLOR.cream, role: 'label', lineHeight: head.lineHeight }));
      y += blockHeight(head.lines.length, head.size, head.lineHeight) + 12;
    }
    const detail = details[i];
    if (detail && detail.lines.length) nodes.push(...placeLines(book, detail.lines, { x, top: y, size: detail.size, weight: 400, fill: COLOR.indigo, bg: COLOR.cream, role: 'detail', lineHeight: detail.lineHeight }));
  });
  nodes.push({ type: 'line', x1: body.x, y1: bottom, x2: body.x + body.w, y2: bottom, stroke: COLOR.indigo, width: 3, role: 'axis' });
  return nodes;
}

/** Fits each text, then sets them all at the smallest size needed (empty texts take no room). */
function common(book: FontBook, texts: readonly string[], spec: Parameters<typeof fit>[2]): (Fitted | null)[] {
  const present = texts.filter((t) => t.length > 0);
  if (present.length === 0) return texts.map(() => null);
  const size = Math.min(...present.map((t) => fit(book, t, spec).size));
  return texts.map((t) => (t ? fit(book, t, { ...spec, size }) : null));
}
