// The manifest JSON Schema authors' editors use: generated from zod, and the committed copy never stale.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MANIFEST_JSON_SCHEMA_PATH, manifestJsonSchema, manifestJsonSchemaText } from '../../../electron/core/packs/manifest-json-schema';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('manifest JSON Schema', () => {
  it('is committed exactly as generated (regenerate with "sunrise-hall pack schema -o content/schema/manifest.schema.json")', async () => {
    expect(await readFile(`${ROOT}${MANIFEST_JSON_SCHEMA_PATH}`, 'utf8')).toBe(manifestJsonSchemaText());
  });

  it('describes the input an author writes: defaults optional, files optional, a $schema hint allowed', () => {
    const schema = manifestJsonSchema() as {
      $schema: string;
      $id: string;
      title: string;
      required: string[];
      properties: Record<string, { description?: string; properties?: Record<string, unknown>; required?: string[] }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^urn:sunrise-hall:/);
    expect(schema.title).toBe('Sunrise Hall content pack manifest');
    expect(schema.required).toEqual(['schemaVersion', 'id', 'version', 'title', 'description', 'locales', 'defaultLocale', 'hall']);
    expect(Object.keys(schema.properties)[0]).toBe('$schema');
    expect(schema.properties.files?.description).toMatch(/Filled in by "sunrise-hall pack build"/);
    expect(schema.properties.hall?.required).toEqual(['size', 'zones', 'exhibits']);
  });

  it('ends with a newline and uses 2-space indentation', () => {
    const text = manifestJsonSchemaText();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
  });
});
