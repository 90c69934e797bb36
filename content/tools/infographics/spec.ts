// The infographic spec: the fixed interface the content-pack orchestrator builds from the pack's text files.

export type ChartKind = 'counter' | 'bars' | 'share' | 'timeline' | 'steps';
export type InfographicLocale = 'zh-CN' | 'en';

export interface InfographicItem {
  /** What it counts, in the spec's language. */
  readonly label: string;
  /** Exactly as the fact sheet writes it for that language ('241,300' / '24.13万', '37%', '>98%'); printed verbatim. */
  readonly value: string;
  /** 'people' / '人'; may be empty. */
  readonly unit?: string;
  /** Geometry only (bar length, ring share); never printed, so no figure is ever derived from it. */
  readonly numeric?: number;
}

export interface InfographicSpec {
  /** File name stem, e.g. 'talent-pool'. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly locale: InfographicLocale;
  readonly title: string;
  readonly items: readonly InfographicItem[];
  /** 'As of March 2024' / '截至2024年3月'. */
  readonly asOf: string;
  /** The source credit line, in the spec's language. */
  readonly credit: string;
  /** Optional footnote, e.g. 'Cumulative; period not stated'. */
  readonly note?: string;
}

export interface RenderedInfographic {
  readonly id: string;
  readonly locale: string;
  readonly path: string;
  readonly bytes: number;
}
