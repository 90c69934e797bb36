// The draw list every chart layout produces: plain shapes and measured text, serialised to SVG and checked by the tests.
import type { ChartKind, InfographicLocale } from './spec';
import type { Weight } from './style';
import type { PlacedGlyph } from './fonts';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One line of text, already shaped: `x` is the left of its advance box, `baseline` its baseline, in px. */
export interface TextNode {
  readonly type: 'text';
  readonly text: string;
  readonly x: number;
  readonly baseline: number;
  readonly size: number;
  readonly weight: Weight;
  readonly fill: string;
  /** The colour right behind the text, for the contrast check. */
  readonly bg: string;
  readonly role: string;
  /** Advance width in px. */
  readonly width: number;
  /** Exact ink box from the glyph outlines (null for blank text). */
  readonly ink: Box | null;
  readonly glyphs: readonly PlacedGlyph[];
  readonly unitsPerEm: number;
}

export interface RectNode {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
  /** A second colour makes a left-to-right gradient. */
  readonly fillTo?: string;
  readonly role: string;
  /** Index into spec.items for data-bearing shapes (bars). */
  readonly item?: number;
}

export interface LineNode {
  readonly type: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: string;
  readonly width: number;
  readonly role: string;
}

export interface CircleNode {
  readonly type: 'circle';
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly fill: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly role: string;
}

/** A ring segment drawn clockwise from twelve o'clock; `fraction` 0–1 of the full turn. */
export interface ArcNode {
  readonly type: 'arc';
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly width: number;
  readonly fraction: number;
  readonly stroke: string;
  readonly role: string;
  readonly item?: number;
}

export type SceneNode = TextNode | RectNode | LineNode | CircleNode | ArcNode;

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly locale: InfographicLocale;
  /** The kind actually drawn (a `bars` spec without numbers is drawn as `counter`). */
  readonly kind: ChartKind;
  readonly title: string;
  /** Every printed string, for the SVG's <desc> (screen readers, search). */
  readonly description: string;
  readonly nodes: readonly SceneNode[];
}

/** Thrown when text cannot fit even at its smallest allowed size: the spec must be shortened, never overflow. */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
}
