// The infographic of each exhibit, per language: its key figures, or its steps or milestones, with date and source.
import type { PackSource } from './pack-source';

export type ChartKind = 'counter' | 'bars' | 'share' | 'timeline' | 'steps';

/** Mirrors content/tools/infographics' spec: what a chart shows, all in one language. */
export interface ChartRequest {
  readonly id: string;
  readonly kind: ChartKind;
  readonly locale: 'zh-CN' | 'en';
  readonly title: string;
  readonly items: readonly { readonly label: string; readonly value: string; readonly unit?: string; readonly numeric?: number }[];
  readonly asOf: string;
  readonly credit: string;
  readonly note?: string;
}

export function chartSpecs(source: PackSource): ChartRequest[] {
  const specs: ChartRequest[] = [];
  for (const locale of source.structure.locales) {
    if (locale !== 'zh-CN' && locale !== 'en') throw new Error(`no chart style for "${locale}"`);
    for (const exhibit of source.structure.exhibits) {
      const key = `exhibit.${exhibit.id}`;
      const title = source.text(locale, `${key}.chart`);
      const credit = source.text(locale, 'credit');
      if (exhibit.figures.length > 0) {
        const figures = exhibit.figures.map((id) => {
          const figure = source.figures.get(id);
          if (!figure) throw new Error(`figure ${id} is missing`);
          const value = figure.value[locale];
          if (value === undefined) throw new Error(`figure ${id} has no ${locale} value`);
          const unit = source.text(locale, `figure.${id}.unit`);
          return {
            item: { label: source.text(locale, `figure.${id}.label`), value, ...(unit ? { unit } : {}), ...(figure.numeric !== undefined ? { numeric: figure.numeric } : {}) },
            asOf: figure.asOf[locale] ?? '',
          };
        });
        // Figures of one exhibit share a date in the pack; if they ever differ, each date is listed.
        const dates = [...new Set(figures.map((f) => f.asOf))];
        specs.push({ id: exhibit.id, kind: exhibit.chart, locale, title, items: figures.map((f) => f.item), asOf: dates.join(' · '), credit });
      } else {
        const items = source.items(locale, `${key}.items`).map(([value, label]) => ({ value, label }));
        if (items.length === 0) throw new Error(`exhibit "${exhibit.id}" has neither figures nor ${locale} chart items`);
        const asOf = locale === 'zh-CN' ? '2024年4月报道' : 'As reported in April 2024';
        specs.push({ id: exhibit.id, kind: exhibit.chart, locale, title, items, asOf, credit });
      }
    }
  }
  return specs;
}
