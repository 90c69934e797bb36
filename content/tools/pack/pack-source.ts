// Reads a content pack's editable sources (structure, figures, texts per language) and checks they fit together.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const point = z.object({ x: z.number(), z: z.number() });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
export const CHART_KINDS = ['counter', 'bars', 'share', 'timeline', 'steps'] as const;

const structureSchema = z.object({
  id,
  version: z.string(),
  defaultLocale: z.string(),
  locales: z.array(z.string()).min(1),
  hall: z.object({ width: z.number().positive(), depth: z.number().positive() }),
  zones: z.array(z.object({ id, color: z.string(), position: point, size: z.object({ width: z.number(), depth: z.number() }) })),
  exhibits: z.array(
    z.object({
      id,
      zone: id,
      figures: z.array(z.string().regex(/^N\d{2}$/)),
      chart: z.enum(CHART_KINDS),
      kind: z.enum(['panel', 'pledge-wall']).optional(),
    }),
  ),
  mascots: z.array(z.object({ id, zone: id, color: z.string() })),
  attract: z.array(z.object({ target: id, kind: z.enum(['zone', 'exhibit', 'mascot']), dwellSeconds: z.number() })),
});

const localized = z.record(z.string(), z.string());
const figureSchema = z.object({ value: localized, numeric: z.number().optional(), asOf: localized });

/** A text file: strings, and the [value, label] pairs of step and timeline charts. */
const textSchema = z.record(z.string(), z.union([z.string(), z.array(z.tuple([z.string(), z.string()]))]));

export type PackStructure = z.infer<typeof structureSchema>;
export type ExhibitSource = PackStructure['exhibits'][number];
export type FigureSource = z.infer<typeof figureSchema>;

export interface PackSource {
  readonly dir: string;
  readonly structure: PackStructure;
  /** Key figures by fact-sheet id (N01…). */
  readonly figures: ReadonlyMap<string, FigureSource>;
  /** A text in a language; throws naming the file and key when it is missing, so a gap never ships silently. */
  text(locale: string, key: string): string;
  /** The same text in every language of the pack. */
  texts(key: string): Record<string, string>;
  /** A text, or undefined when the key is absent (optional texts). */
  optional(locale: string, key: string): string | undefined;
  /** A chart's [value, label] items in a language; [] when the exhibit has none. */
  items(locale: string, key: string): readonly (readonly [string, string])[];
}

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;

/** Loads `dir/pack.json`, `dir/figures.json` and `dir/text/<locale>.json`; every problem found is reported at once. */
export async function readPackSource(dir: string): Promise<PackSource> {
  const structure = structureSchema.parse(await readJson(join(dir, 'pack.json')));
  const rawFigures = (await readJson(join(dir, 'figures.json'))) as Record<string, unknown>;
  const figures = new Map<string, FigureSource>();
  for (const [key, value] of Object.entries(rawFigures)) if (!key.startsWith('$')) figures.set(key, figureSchema.parse(value));
  const texts = new Map<string, Record<string, string | (readonly [string, string])[]>>();
  for (const locale of structure.locales) texts.set(locale, textSchema.parse(await readJson(join(dir, 'text', `${locale}.json`))));

  const problems: string[] = [];
  const keysOf = (locale: string) => new Set(Object.keys(texts.get(locale) ?? {}).filter((k) => !k.startsWith('$')));
  const reference = keysOf(structure.defaultLocale);
  for (const locale of structure.locales) {
    const keys = keysOf(locale);
    for (const key of reference) if (!keys.has(key)) problems.push(`text/${locale}.json lacks "${key}" (it is in text/${structure.defaultLocale}.json)`);
    for (const key of keys) if (!reference.has(key)) problems.push(`text/${locale}.json has "${key}", which text/${structure.defaultLocale}.json lacks`);
  }
  for (const exhibit of structure.exhibits) {
    for (const figure of exhibit.figures) if (!figures.has(figure)) problems.push(`exhibit "${exhibit.id}" shows figure ${figure}, which figures.json lacks`);
    if (!structure.zones.some((z) => z.id === exhibit.zone)) problems.push(`exhibit "${exhibit.id}" is in zone "${exhibit.zone}", which pack.json lacks`);
  }
  if (problems.length > 0) throw new Error(`The pack sources in ${dir} do not fit together:\n- ${problems.join('\n- ')}`);

  const lookup = (locale: string, key: string) => texts.get(locale)?.[key];
  const text = (locale: string, key: string): string => {
    const value = lookup(locale, key);
    if (typeof value !== 'string') throw new Error(`text/${locale}.json: "${key}" is missing or not a string`);
    return value;
  };
  return {
    dir,
    structure,
    figures,
    text,
    texts: (key) => Object.fromEntries(structure.locales.map((locale) => [locale, text(locale, key)])),
    optional: (locale, key) => {
      const value = lookup(locale, key);
      return typeof value === 'string' ? value : undefined;
    },
    items: (locale, key) => {
      const value = lookup(locale, key);
      return Array.isArray(value) ? value : [];
    },
  };
}
