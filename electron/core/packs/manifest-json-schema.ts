// The manifest schema as JSON Schema, for authors' editors; committed as content/schema/manifest.schema.json.
import { z } from 'zod';
import { manifestSchema } from '../../shared/manifest';

/** Where the generated schema is committed, relative to the repository root. */
export const MANIFEST_JSON_SCHEMA_PATH = 'content/schema/manifest.schema.json';

/**
 * JSON Schema (draft 2020-12) of what an author writes in manifest.json: the zod schema's *input* side, so
 * fields with defaults are optional. Cross-field checks (ids exist and are unique, referenced files are
 * listed, defaultLocale is one of locales) live in zod refinements and cannot be expressed here;
 * `sunrise-hall pack build` and `validate` still apply them.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, properties, ...rest } = generated;
  const fields = (properties ?? {}) as Record<string, Record<string, unknown>>;
  return {
    $schema,
    $id: 'urn:sunrise-hall:schema:pack-manifest:1',
    title: 'Sunrise Hall content pack manifest',
    description:
      'manifest.json of a Sunrise Hall content pack (schemaVersion 1). Build packs with "sunrise-hall pack build DIR -o OUT.zip --key NAME.key", ' +
      'which fills in "files" and checks what this schema cannot: ids exist and are unique, every referenced file is listed, ' +
      'and defaultLocale is one of locales. Generated from electron/shared/manifest.ts by "sunrise-hall pack schema"; do not edit by hand.',
    ...rest,
    properties: {
      $schema: { type: 'string', description: 'Editor hint pointing at this schema; left out of the built pack.' },
      ...fields,
      ...(fields.files
        ? { files: { ...fields.files, description: 'Every file in the pack with its size, sha256 and media type. Filled in by "sunrise-hall pack build": leave it out.' } }
        : {}),
    },
  };
}

/** The committed file's exact text: 2-space JSON and a final newline. */
export function manifestJsonSchemaText(): string {
  return `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;
}
