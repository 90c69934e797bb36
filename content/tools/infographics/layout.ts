// Spec → scene: checks the spec, picks the kind actually drawn (falling back to `counter`), loads the glyphs it needs and lays it out.
import { FontBook } from './fonts';
import type { ChartKind, InfographicSpec } from './spec';
import type { Scene, SceneNode } from './scene';
import { CANVAS } from './style';
import { layoutFrame } from './frame';
import { canDrawBars, layoutBars } from './charts/bars';
import { layoutCounter } from './charts/counter';
import { canDrawShare, layoutShare } from './charts/share';
import { layoutSteps, stepParts } from './charts/steps';
import { layoutTimeline } from './charts/timeline';

const KINDS: readonly ChartKind[] = ['counter', 'bars', 'share', 'timeline', 'steps'];
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Refuses a spec that could not produce an honest chart (the orchestrator reports the message). */
export function checkSpec(spec: InfographicSpec): void {
  const where = `infographic ${spec.id}.${spec.locale}`;
  if (!ID.test(spec.id)) throw new Error(`${where}: id must be lower-case letters, digits and dashes`);
  if (!KINDS.includes(spec.kind)) throw new Error(`${where}: unknown kind ${String(spec.kind)}`);
  if (spec.locale !== 'en' && spec.locale !== 'zh-CN') throw new Error(`${where}: locale must be en or zh-CN`);
  if (spec.items.length === 0) throw new Error(`${where}: no items`);
  for (const [name, text] of [['title', spec.title], ['asOf', spec.asOf], ['credit', spec.credit]] as const) {
    if (!text.trim()) throw new Error(`${where}: ${name} is empty`);
  }
  spec.items.forEach((item, i) => {
    if (!item.value.trim()) throw new Error(`${where}: item ${i + 1} has no value`);
    if (item.numeric !== undefined && !Number.isFinite(item.numeric)) throw new Error(`${where}: item ${i + 1} numeric is not a finite number`);
  });
}

/**
 * The kind drawn: bars without a number for every item (or of mixed measures), a share without a
 * percentage, and a "sequence" of one step become counters.
 */
export function drawnKind(spec: InfographicSpec): ChartKind {
  if (spec.kind === 'bars' && !canDrawBars(spec.items)) return 'counter';
  if (spec.kind === 'share' && !canDrawShare(spec.items)) return 'counter';
  if (spec.kind === 'steps' && spec.items.length === 1) return 'counter';
  return spec.kind;
}

/** Every string the chart prints, in reading order. */
export function printedStrings(spec: InfographicSpec): string[] {
  const items = spec.items.flatMap((i) => [i.value, i.unit ?? '', i.label]);
  return [spec.title, ...items, spec.note ?? '', spec.asOf, spec.credit].filter((s) => s.length > 0);
}

export async function layoutInfographic(spec: InfographicSpec, book: FontBook = new FontBook()): Promise<Scene> {
  checkSpec(spec);
  const kind = drawnKind(spec);
  // Step ordinals are drawn from the position, so their digits must be loaded too.
  await book.prepare([...printedStrings(spec), '0123456789 ']);
  const frame = layoutFrame(book, spec);
  const nodes: SceneNode[] = [...frame.nodes, ...chart(kind, book, spec, frame.body)];
  return { width: CANVAS.width, height: CANVAS.height, locale: spec.locale, kind, title: spec.title, description: describe(spec, kind), nodes };
}

function chart(kind: ChartKind, book: FontBook, spec: InfographicSpec, body: Parameters<typeof layoutCounter>[2]): SceneNode[] {
  switch (kind) {
    case 'bars':
      return layoutBars(book, spec.items, body);
    case 'share':
      return layoutShare(book, spec.items, body);
    case 'timeline':
      return layoutTimeline(book, spec.items, body);
    case 'steps':
      return layoutSteps(book, spec.items, body);
    case 'counter':
      return layoutCounter(book, spec.items, body);
  }
}

/** A plain-text reading of the chart for the SVG's <desc>: the figures with their labels, the note, date and credit. */
function describe(spec: InfographicSpec, kind: ChartKind): string {
  const sep = spec.locale === 'zh-CN' ? '；' : '; ';
  const items = spec.items.map((item, i) => {
    if (kind === 'steps') {
      const p = stepParts(item, i);
      return [p.badge, p.heading, p.detail].filter(Boolean).join(' ');
    }
    const unit = item.unit ? (/^[\u2E80-\u9FFF]/u.test(item.unit) ? item.unit : ` ${item.unit}`) : '';
    return `${item.label}: ${item.value}${unit}`;
  });
  return [spec.title, items.join(sep), spec.note ?? '', spec.asOf, spec.credit].filter(Boolean).join(sep);
}
