// The content-pack manifest schema (schemaVersion 1). The content-pack issue extends it; the hall reads it.
import { z } from 'zod';
import { localeTagSchema, localizedTextSchema } from './locale';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a lower-case id of letters, digits and dashes');
const semverSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, 'expected a semantic version such as 1.2.0');

/** A point on the hall floor in metres: x to the right, z towards the entrance. */
const floorPointSchema = z.object({ x: z.number().finite(), z: z.number().finite() });

export const zoneSchema = z.object({
  id: idSchema,
  title: localizedTextSchema,
  /** Centre of the zone on the floor. */
  position: floorPointSchema,
  /** Width (x) and depth (z) in metres. */
  size: z.object({ width: z.number().positive().max(200), depth: z.number().positive().max(200) }),
  /** Accent colour of the zone's booths and sign, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const exhibitSchema = z.object({
  id: idSchema,
  zone: idSchema,
  title: localizedTextSchema,
  position: floorPointSchema,
  /** Direction the exhibit's front faces, in degrees: 0 faces +z (towards the entrance), 90 faces +x. */
  facing: z.number().finite(),
});

export const hallSchema = z.object({
  /** Outer walls enclose this rectangle, centred on the origin. */
  size: z.object({ width: z.number().positive().max(400), depth: z.number().positive().max(400) }),
  zones: z.array(zoneSchema).min(1),
  exhibits: z.array(exhibitSchema),
});

export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  id: idSchema,
  version: semverSchema,
  title: localizedTextSchema,
  description: localizedTextSchema,
  locales: z.array(localeTagSchema).min(1),
  defaultLocale: localeTagSchema,
  hall: hallSchema,
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Exhibit = z.infer<typeof exhibitSchema>;
export type Hall = z.infer<typeof hallSchema>;
