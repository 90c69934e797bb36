// The content-pack manifest schema (schemaVersion 1): hall layout, exhibits, mascots, attract playlist, files.
import { z } from 'zod';
import { localeTagSchema, localizedTextSchema } from './locale';
import { checkPackPath, PACK_MEDIA_TYPES } from './pack-paths';

export const packIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a lower-case id of letters, digits and dashes');
export const semverSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, 'expected a semantic version such as 1.2.0');

/** A path inside the pack; it must also appear in `files` (checked across the whole manifest). */
export const packPathSchema = z.string().superRefine((path, ctx) => {
  const problem = checkPackPath(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
});

/** One file per locale (narration, captions), e.g. `{ "zh-CN": "audio/a.zh.ogg", "en": "audio/a.en.ogg" }`. */
export const localizedFileSchema = z.record(localeTagSchema, packPathSchema);

/** A point on the hall floor in metres: x to the right, z towards the entrance. */
const floorPointSchema = z.object({ x: z.number().finite(), z: z.number().finite() });
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #FF7A1A');

export const zoneSchema = z.object({
  id: packIdSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Centre of the zone on the floor. */
  position: floorPointSchema,
  /** Width (x) and depth (z) in metres. */
  size: z.object({ width: z.number().positive().max(200), depth: z.number().positive().max(200) }),
  /** Accent colour of the zone's booths and sign. */
  color: colorSchema,
});

/** A key figure shown large: the number exactly as the source gives it, its unit and its "as of" date. */
export const figureSchema = z.object({
  /**
   * The number as the source writes it: one string for every language ("37%"), or one per language
   * when the languages count differently ("24.13万" and "241,300").
   */
  value: z.union([z.string().min(1).max(32), z.record(localeTagSchema, z.string().min(1).max(32))]),
  /** Per language, and may be empty where the label already says what is counted ("1.32 million" trade union members). */
  unit: z.record(localeTagSchema, z.string().max(32)),
  label: localizedTextSchema,
  asOf: localizedTextSchema,
});

export const mediaSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('image'),
    file: packPathSchema,
    alt: localizedTextSchema,
    caption: localizedTextSchema.optional(),
    /** Shown only to visitors reading this language (a chart with text in it); without it, to everyone. */
    locale: localeTagSchema.optional(),
  }),
  z.object({ type: z.literal('video'), file: packPathSchema, captions: localizedFileSchema, poster: packPathSchema.optional() }),
  z.object({ type: z.literal('audio'), file: packPathSchema, captions: localizedFileSchema }),
]);

export const exhibitSchema = z.object({
  id: packIdSchema,
  zone: packIdSchema,
  kind: z.enum(['panel', 'pledge-wall']).default('panel'),
  title: localizedTextSchema,
  body: localizedTextSchema.optional(),
  figures: z.array(figureSchema).max(6).default([]),
  media: z.array(mediaSchema).max(24).default([]),
  /** Narration audio per locale, and its captions. */
  narration: localizedFileSchema.optional(),
  narrationCaptions: localizedFileSchema.optional(),
  /** Source credit shown with the figures. */
  credit: localizedTextSchema.optional(),
  /** Take-home link shown as a QR code; empty until the organizer fills it in. */
  qrUrl: z.url({ protocol: /^https?$/ }).optional(),
  position: floorPointSchema,
  /** Direction the exhibit's front faces, in degrees: 0 faces +z (towards the entrance), 90 faces +x. */
  facing: z.number().finite(),
  /**
   * Pledge walls only: a `.txt` word list the wall refuses, on top of the kiosk's own short list.
   * UTF-8, one word or phrase per line, `#` starts a comment line. Chinese entries match anywhere in a
   * message; Latin ones match whole words, ignoring case, spacing, punctuation and full-width forms, and
   * a trailing `*` also matches longer words that start with the entry (`fuck*`).
   */
  blockedWords: packPathSchema
    .optional()
    .meta({
      description:
        'Pledge walls only: a .txt word list (UTF-8, one word or phrase per line, # starts a comment line) the wall refuses. Chinese entries match anywhere; Latin ones match whole words ignoring case, spacing and full-width forms; a trailing * also matches longer words.',
    }),
});

export const mascotSchema = z.object({
  id: packIdSchema,
  name: localizedTextSchema,
  role: localizedTextSchema,
  story: localizedTextSchema.optional(),
  color: colorSchema,
  /** A GLB model in the pack. */
  model: packPathSchema,
  zone: packIdSchema,
  home: floorPointSchema,
  facing: z.number().finite(),
  greeting: localizedTextSchema,
  greetingAudio: localizedFileSchema.optional(),
  greetingCaptions: localizedFileSchema.optional(),
  /** Take-home link shown as a QR code on the mascot's card; empty until the organizer fills it in. */
  qrUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const attractStepSchema = z.object({
  /** What the camera visits: a zone, an exhibit or a mascot, by id. */
  target: packIdSchema,
  kind: z.enum(['zone', 'exhibit', 'mascot']),
  dwellSeconds: z.number().min(1).max(120),
});

export const packFileSchema = z.object({
  path: packPathSchema,
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  type: z.enum(Object.values(PACK_MEDIA_TYPES) as [string, ...string[]]),
});

export const hallSchema = z.object({
  /** Outer walls enclose this rectangle, centred on the origin. */
  size: z.object({ width: z.number().positive().max(400), depth: z.number().positive().max(400) }),
  zones: z.array(zoneSchema).min(1).max(64),
  exhibits: z.array(exhibitSchema).max(500),
  mascots: z.array(mascotSchema).max(32).default([]),
});

const manifestObjectSchema = z.object({
  schemaVersion: z.literal(1),
  id: packIdSchema,
  version: semverSchema,
  title: localizedTextSchema,
  description: localizedTextSchema,
  locales: z.array(localeTagSchema).min(1),
  defaultLocale: localeTagSchema,
  hall: hallSchema,
  attract: z.object({ playlist: z.array(attractStepSchema).max(200) }).default({ playlist: [] }),
  /** A music loop played quietly during visits (never on the attract loop), ducked under narration. */
  ambientMusic: packPathSchema.optional(),
  /**
   * Take-home links. `collectionUrl` carries every exhibit a visitor kept in one QR code: `{ids}` is
   * replaced by their ids, comma-separated. Empty until the organizer fills it in.
   */
  takeHome: z
    .object({
      collectionUrl: z
        .url({ protocol: /^https?$/ })
        .refine((url) => url.includes('{ids}'), 'expected a link containing {ids}, where the kept exhibit ids go')
        .optional(),
    })
    .default({}),
  files: z.array(packFileSchema).max(20_000).default([]),
});

/** Every pack path the manifest refers to, with the JSON path of the reference. */
export function referencedPaths(manifest: z.infer<typeof manifestObjectSchema>): { path: string; at: (string | number)[] }[] {
  const refs: { path: string; at: (string | number)[] }[] = [];
  const localized = (files: Record<string, string> | undefined, at: (string | number)[]) => {
    for (const [locale, path] of Object.entries(files ?? {})) refs.push({ path, at: [...at, locale] });
  };
  manifest.hall.exhibits.forEach((exhibit, i) => {
    const at = ['hall', 'exhibits', i];
    localized(exhibit.narration, [...at, 'narration']);
    localized(exhibit.narrationCaptions, [...at, 'narrationCaptions']);
    if (exhibit.blockedWords !== undefined) refs.push({ path: exhibit.blockedWords, at: [...at, 'blockedWords'] });
    exhibit.media.forEach((media, j) => {
      refs.push({ path: media.file, at: [...at, 'media', j, 'file'] });
      if (media.type !== 'image') localized(media.captions, [...at, 'media', j, 'captions']);
      if (media.type === 'video' && media.poster) refs.push({ path: media.poster, at: [...at, 'media', j, 'poster'] });
    });
  });
  if (manifest.ambientMusic !== undefined) refs.push({ path: manifest.ambientMusic, at: ['ambientMusic'] });
  manifest.hall.mascots.forEach((mascot, i) => {
    const at = ['hall', 'mascots', i];
    refs.push({ path: mascot.model, at: [...at, 'model'] });
    localized(mascot.greetingAudio, [...at, 'greetingAudio']);
    localized(mascot.greetingCaptions, [...at, 'greetingCaptions']);
  });
  return refs;
}

/** Cross-references a schema alone cannot see: ids exist, are unique, and every referenced file is listed. */
export const manifestSchema = manifestObjectSchema.superRefine((manifest, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!manifest.locales.includes(manifest.defaultLocale)) issue(['defaultLocale'], `defaultLocale "${manifest.defaultLocale}" is not one of locales`);
  const zones = new Set<string>();
  manifest.hall.zones.forEach((zone, i) => {
    if (zones.has(zone.id)) issue(['hall', 'zones', i, 'id'], `zone id "${zone.id}" is used twice`);
    zones.add(zone.id);
  });
  const ids = new Map<string, Set<string>>([['zone', zones], ['exhibit', new Set()], ['mascot', new Set()]]);
  manifest.hall.exhibits.forEach((exhibit, i) => {
    if (!zones.has(exhibit.zone)) issue(['hall', 'exhibits', i, 'zone'], `exhibit "${exhibit.id}" is in zone "${exhibit.zone}", which does not exist`);
    if (ids.get('exhibit')?.has(exhibit.id)) issue(['hall', 'exhibits', i, 'id'], `exhibit id "${exhibit.id}" is used twice`);
    if (exhibit.blockedWords !== undefined && exhibit.kind !== 'pledge-wall') {
      issue(['hall', 'exhibits', i, 'blockedWords'], `exhibit "${exhibit.id}" is a ${exhibit.kind}; only a pledge-wall uses blockedWords`);
    }
    if (exhibit.blockedWords !== undefined && !exhibit.blockedWords.toLowerCase().endsWith('.txt')) {
      issue(['hall', 'exhibits', i, 'blockedWords'], `blockedWords "${exhibit.blockedWords}" must be a .txt file (one word or phrase per line)`);
    }
    ids.get('exhibit')?.add(exhibit.id);
  });
  manifest.hall.mascots.forEach((mascot, i) => {
    if (!zones.has(mascot.zone)) issue(['hall', 'mascots', i, 'zone'], `mascot "${mascot.id}" is in zone "${mascot.zone}", which does not exist`);
    if (ids.get('mascot')?.has(mascot.id)) issue(['hall', 'mascots', i, 'id'], `mascot id "${mascot.id}" is used twice`);
    ids.get('mascot')?.add(mascot.id);
  });
  manifest.attract.playlist.forEach((step, i) => {
    if (!ids.get(step.kind)?.has(step.target)) issue(['attract', 'playlist', i, 'target'], `attract step names ${step.kind} "${step.target}", which does not exist`);
  });
  const listed = new Set<string>();
  manifest.files.forEach((file, i) => {
    if (listed.has(file.path)) issue(['files', i, 'path'], `file "${file.path}" is listed twice`);
    listed.add(file.path);
    if (file.path === 'manifest.json' || file.path === 'manifest.sig') issue(['files', i, 'path'], `"${file.path}" is the pack's own metadata and must not be listed in files`);
  });
  for (const ref of referencedPaths(manifest)) {
    if (!listed.has(ref.path)) issue(ref.at, `"${ref.path}" is not listed in files`);
  }
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Exhibit = z.infer<typeof exhibitSchema>;
export type Mascot = z.infer<typeof mascotSchema>;
export type Hall = z.infer<typeof hallSchema>;
export type PackFile = z.infer<typeof packFileSchema>;

/**
 * Missing translations: every localized text or file that lacks one of the pack's locales, as
 * warnings naming the field. The UI falls back to `defaultLocale`, so these never block an import.
 */
export function missingTranslations(manifest: Manifest): { path: string; message: string }[] {
  const warnings: { path: string; message: string }[] = [];
  const visit = (value: unknown, at: string, key: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${at}[${i}]`, key));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const entries = Object.entries(value);
    const looksLocalized = entries.length > 0 && key !== 'hall' && entries.every(([k, v]) => localeTagSchema.safeParse(k).success && typeof v === 'string');
    if (looksLocalized) {
      for (const locale of manifest.locales) {
        if (!Object.hasOwn(value, locale)) warnings.push({ path: at, message: `no ${locale} text; the ${manifest.defaultLocale} text will be shown instead` });
      }
      return;
    }
    for (const [k, v] of entries) if (k !== 'files') visit(v, `${at}.${k}`, k);
  };
  visit(manifest, '$', '');
  return warnings;
}
