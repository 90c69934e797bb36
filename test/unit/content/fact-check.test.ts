// The launch pack against the checked fact sheet: every figure exactly as given, with its date, and no number in any text the sheet does not have.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackSource } from '../../../content/tools/pack/pack-source';
import type { PackSource } from '../../../content/tools/pack/pack-source';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PACK_DIR = join(ROOT, 'content', 'packs', 'chaoyang-expo');
/** The checked fact sheet, committed with the content (the client's copy may sit beside the repository). */
const FACT_SHEET = join(ROOT, 'content', 'facts', 'facts.md');
const CLIENT_FACT_SHEET = join(ROOT, '..', 'shared', 'content', 'facts.md');

interface FactRow {
  readonly en: string;
  readonly zh: string;
  readonly date: string;
}

/** Rows of section 1a: `| N09 | **241,300** / **24.13万** | what | date | § | check |`. */
function factRows(sheet: string): Map<string, FactRow> {
  const rows = new Map<string, FactRow>();
  for (const line of sheet.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const id = cells[1] ?? '';
    if (!/^N\d{2}$/.test(id)) continue;
    const bold = [...(cells[2] ?? '').matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] ?? '');
    rows.set(id, { en: bold[0] ?? '', zh: bold[1] ?? bold[0] ?? '', date: cells[4] ?? '' });
  }
  return rows;
}

/** Quotes and a parenthesised unit alternative ("近40万（户/家）") are presentation, not the figure. */
const bare = (value: string) => value.replace(/["“”]/g, '').replace(/（[^）]*）$/, '').trim();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let source: PackSource;
let sheet: string;
let rows: Map<string, FactRow>;
/** The raw text files, to scan every string a visitor may read. */
const textFiles = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  source = await readPackSource(PACK_DIR);
  sheet = await readFile(FACT_SHEET, 'utf8');
  rows = factRows(sheet);
  for (const locale of source.structure.locales) {
    textFiles.set(locale, JSON.parse(await readFile(join(PACK_DIR, 'text', `${locale}.json`), 'utf8')) as Record<string, unknown>);
  }
});

describe('launch pack figures', () => {
  it('reads the fact sheet, the same as the client’s copy when that is at hand', async () => {
    const client = await readFile(CLIENT_FACT_SHEET, 'utf8').catch(() => null);
    if (client !== null) expect(sheet, 'content/facts/facts.md differs from the client’s ../shared/content/facts.md: copy it over and rebuild').toBe(client);
    expect(rows.size).toBeGreaterThan(30);
    expect(rows.get('N09')).toEqual({ en: '241,300', zh: '24.13万', date: 'By March 2024' });
  });

  it('shows every figure exactly as the fact sheet gives it, in both languages', () => {
    const wrong: string[] = [];
    for (const [id, figure] of source.figures) {
      const row = rows.get(id);
      if (!row) {
        wrong.push(`${id} is not in the fact sheet`);
        continue;
      }
      if (bare(figure.value.en ?? '') !== bare(row.en)) wrong.push(`${id} en "${figure.value.en}" ≠ "${row.en}"`);
      if (bare(figure.value['zh-CN'] ?? '') !== bare(row.zh)) wrong.push(`${id} zh-CN "${figure.value['zh-CN']}" ≠ "${row.zh}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives every figure its date, matching the fact sheet’s year and month, or says when it was reported', () => {
    const wrong: string[] = [];
    for (const [id, figure] of source.figures) {
      const row = rows.get(id);
      const en = figure.asOf.en ?? '';
      const zh = figure.asOf['zh-CN'] ?? '';
      if (!en || !zh) wrong.push(`${id} lacks its date in a language`);
      if (!row) continue;
      const years = row.date.match(/\b(19|20)\d{2}\b/g) ?? [];
      if (years.length === 0 && !(/reported/i.test(en) && zh.includes('报道'))) wrong.push(`${id} is undated in the sheet ("${row.date}"): say when it was reported`);
      for (const year of years) if (!en.includes(year) || !zh.includes(year)) wrong.push(`${id} date lacks ${year}: "${en}" / "${zh}"`);
      const month = MONTHS.findIndex((name) => new RegExp(`\\b${name.slice(0, 3)}`).test(row.date));
      if (month >= 0) {
        if (!en.includes(MONTHS[month] ?? '')) wrong.push(`${id} en date lacks ${MONTHS[month]}: "${en}"`);
        if (!zh.includes(`${month + 1}月`)) wrong.push(`${id} zh-CN date lacks ${month + 1}月: "${zh}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('uses no number in any text that the fact sheet does not have (no invented figures)', () => {
    const known = new Set([...sheet.matchAll(/\d[\d,.]*/g)].map((m) => normalise(m[0])));
    const unknown: string[] = [];
    for (const locale of source.structure.locales) {
      for (const [key, value] of Object.entries(textFiles.get(locale) ?? {})) {
        if (key.startsWith('$')) continue;
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        for (const match of text.matchAll(/\d[\d,.]*/g)) if (!known.has(normalise(match[0]))) unknown.push(`${locale} ${key}: ${match[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('credits the source on every exhibit with figures, in both languages', () => {
    for (const locale of source.structure.locales) expect(source.text(locale, 'credit')).toMatch(/2024/);
    expect(source.text('en', 'credit')).toContain("Workers' Daily");
    expect(source.text('zh-CN', 'credit')).toContain('工人日报');
  });
});

/** "241,300" and "241300" are one number; a trailing full stop is punctuation. */
function normalise(token: string): string {
  return token.replace(/,/g, '').replace(/\.$/, '');
}
