// The built-in hall is a valid manifest whose exhibits all sit in zones it declares.
import { describe, expect, it } from 'vitest';
import { BUILTIN_MANIFEST } from '../../../electron/core/packs/builtin-manifest';
import { manifestSchema } from '../../../electron/shared/manifest';

describe('built-in manifest', () => {
  it('passes the manifest schema', () => {
    expect(manifestSchema.safeParse(BUILTIN_MANIFEST).success).toBe(true);
  });

  it('places every exhibit in a declared zone and has text in every locale it lists', () => {
    const zones = new Set(BUILTIN_MANIFEST.hall.zones.map((zone) => zone.id));
    for (const exhibit of BUILTIN_MANIFEST.hall.exhibits) expect(zones.has(exhibit.zone)).toBe(true);
    for (const item of [BUILTIN_MANIFEST, ...BUILTIN_MANIFEST.hall.zones, ...BUILTIN_MANIFEST.hall.exhibits]) {
      for (const locale of BUILTIN_MANIFEST.locales) expect(item.title[locale]).toBeTruthy();
    }
  });
});
