// Turns a pack's sources and placements into the manifest the kiosk reads (texts per language, figures, media paths).
import type { ManifestInput } from '../../../electron/shared/manifest';
import { AMBIENT_MUSIC_PATH, BLOCKED_WORDS_PATH, chartPath, greetingId, modelPath, speechPath } from './generated-assets';
import type { Placement } from './layout-hall';
import type { ExhibitSource, PackSource } from './pack-source';

type ExhibitInput = ManifestInput['hall']['exhibits'][number];

/** `{ 'zh-CN': f('zh-CN'), en: f('en') }` over the pack's languages. */
function perLocale(source: PackSource, make: (locale: string) => string): Record<string, string> {
  return Object.fromEntries(source.structure.locales.map((locale) => [locale, make(locale)]));
}

function exhibitInput(source: PackSource, exhibit: ExhibitSource, placement: Placement): ExhibitInput {
  const key = `exhibit.${exhibit.id}`;
  const figures = exhibit.figures.map((id) => {
    const figure = source.figures.get(id);
    if (!figure) throw new Error(`figure ${id} is missing`);
    return { value: figure.value, unit: source.texts(`figure.${id}.unit`), label: source.texts(`figure.${id}.label`), asOf: figure.asOf };
  });
  return {
    id: exhibit.id,
    zone: exhibit.zone,
    kind: exhibit.kind ?? 'panel',
    title: source.texts(`${key}.title`),
    body: source.texts(`${key}.body`),
    figures,
    // One chart per language: a Chinese chart for Chinese readers, an English one for English readers.
    media: source.structure.locales.map((locale) => ({
      type: 'image' as const,
      file: chartPath(exhibit.id, locale),
      // Described in every language: a screen reader reads the alt text in the visitor's language.
      alt: source.texts(`${key}.chart`),
      locale,
    })),
    narration: perLocale(source, (locale) => speechPath(exhibit.id, locale).audio),
    narrationCaptions: perLocale(source, (locale) => speechPath(exhibit.id, locale).captions),
    // The fact sheet's credit line goes with every figure shown.
    ...(figures.length > 0 ? { credit: source.texts('credit') } : {}),
    ...(exhibit.kind === 'pledge-wall' ? { blockedWords: BLOCKED_WORDS_PATH } : {}),
    position: placement.position,
    facing: placement.facing,
  };
}

export function composeManifest(
  source: PackSource,
  layout: { exhibits: ReadonlyMap<string, Placement>; mascots: ReadonlyMap<string, Placement> },
): ManifestInput {
  const { structure } = source;
  const placed = (map: ReadonlyMap<string, Placement>, id: string): Placement => {
    const found = map.get(id);
    if (!found) throw new Error(`"${id}" has no place in the hall layout`);
    return found;
  };
  return {
    schemaVersion: 1,
    id: structure.id,
    version: structure.version,
    title: source.texts('pack.title'),
    description: source.texts('pack.description'),
    locales: structure.locales,
    defaultLocale: structure.defaultLocale,
    hall: {
      size: structure.hall,
      zones: structure.zones.map((zone) => ({
        id: zone.id,
        title: source.texts(`zone.${zone.id}.title`),
        description: source.texts(`zone.${zone.id}.description`),
        position: zone.position,
        size: zone.size,
        color: zone.color,
      })),
      exhibits: structure.exhibits.map((exhibit) => exhibitInput(source, exhibit, placed(layout.exhibits, exhibit.id))),
      mascots: structure.mascots.map((mascot) => {
        const key = `mascot.${mascot.id}`;
        const place = placed(layout.mascots, mascot.id);
        return {
          id: mascot.id,
          name: source.texts(`${key}.name`),
          role: source.texts(`${key}.role`),
          story: source.texts(`${key}.story`),
          color: mascot.color,
          model: modelPath(mascot.id),
          zone: mascot.zone,
          home: place.position,
          facing: place.facing,
          greeting: source.texts(`${key}.greeting`),
          greetingAudio: perLocale(source, (locale) => speechPath(greetingId(mascot.id), locale).audio),
          greetingCaptions: perLocale(source, (locale) => speechPath(greetingId(mascot.id), locale).captions),
        };
      }),
    },
    attract: { playlist: structure.attract },
    // Take-home links stay empty: the organizer fills in their own (README, "Take-home links").
    takeHome: {},
    ambientMusic: AMBIENT_MUSIC_PATH,
  };
}
