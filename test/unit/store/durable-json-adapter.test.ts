// The durable lowdb adapter: round trips, last-known-good backup, and recovery from every kind of corrupt file.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { DurableJsonAdapter } from '../../../electron/core/store/durable-json-adapter';
import { parserFor } from '../../../electron/core/store/schema-parser';
import { makeReadOnly, makeTempDir, removeTempDirs, tempFilesIn } from './fs-test-helpers';

const schema = z.object({ schemaVersion: z.literal(1), visits: z.number().int().min(0), name: z.string() });
type Doc = z.infer<typeof schema>;

const GOOD: Doc = { schemaVersion: 1, visits: 7, name: 'hall' };
const GOOD_TEXT = '{\n  "schemaVersion": 1,\n  "visits": 7,\n  "name": "hall"\n}\n';
const NOW = new Date('2031-02-03T04:05:06.789Z');
const STAMP = '2031-02-03T04-05-06.789Z';

/** The bad files a power cut, a full disk or a careless hand edit leave behind. */
const CORRUPT: [string, Buffer, RegExp][] = [
  ['an empty file', Buffer.alloc(0), /empty/],
  ['4 KiB of NUL bytes', Buffer.alloc(4096), /NUL bytes/],
  ['truncated JSON', Buffer.from(GOOD_TEXT.slice(0, 25)), /not valid JSON/],
  ['valid JSON with the wrong schema', Buffer.from('{"hello":"world"}\n'), /not a valid document/],
  ['a value of the wrong type', Buffer.from('{"schemaVersion":1,"visits":"seven","name":"hall"}\n'), /visits/],
];

afterEach(removeTempDirs);

async function setup(): Promise<{ dir: string; file: string; open: () => { adapter: DurableJsonAdapter<Doc>; logger: ReturnType<typeof createMemoryLogger> } }> {
  const dir = await makeTempDir();
  const file = join(dir, 'doc.json');
  const open = () => {
    const logger = createMemoryLogger();
    return { adapter: new DurableJsonAdapter(file, { parse: parserFor(schema), logger, now: () => NOW }), logger };
  };
  return { dir, file, open };
}

const levels = (logger: ReturnType<typeof createMemoryLogger>, level: string) => logger.entries.filter((entry) => entry.level === level);

describe('DurableJsonAdapter', () => {
  it('writes 2-space JSON with a trailing newline, refreshes the .bak copy, and reads it back', async () => {
    const { dir, file, open } = await setup();
    const { adapter, logger } = open();
    await adapter.write(GOOD);
    expect(await readFile(file, 'utf8')).toBe(GOOD_TEXT);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(GOOD_TEXT);
    expect(await open().adapter.read()).toEqual(GOOD);
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(logger.entries).toEqual([]);
  });

  it('works as lowdb’s adapter through new Low(adapter, defaults)', async () => {
    const { file, open } = await setup();
    const db = new Low<Doc>(open().adapter, { schemaVersion: 1, visits: 0, name: 'default' });
    await db.read();
    expect(db.data.name).toBe('default');
    await db.update((doc) => void (doc.visits = 3));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, visits: 3, name: 'default' });
  });

  it('reads null and logs nothing when neither the file nor its backup exists (first start)', async () => {
    const { dir, open } = await setup();
    const { adapter, logger } = open();
    expect(await adapter.read()).toBeNull();
    expect(logger.entries).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to the backup when the file is missing, and puts the file back', async () => {
    const { file, open } = await setup();
    await writeFile(`${file}.bak`, GOOD_TEXT);
    const { adapter, logger } = open();
    expect(await adapter.read()).toEqual(GOOD);
    expect(levels(logger, 'warn')).toHaveLength(1);
    expect(levels(logger, 'error')).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(GOOD_TEXT);
  });

  describe.each(CORRUPT)('when the file is %s', (_label, bytes, problem) => {
    it('moves it aside, logs one error, loads the backup, and the next start is clean', async () => {
      const { file, open } = await setup();
      await open().adapter.write(GOOD);
      await writeFile(file, bytes);

      const { adapter, logger } = open();
      expect(await adapter.read()).toEqual(GOOD);

      const aside = `${file}.corrupt-${STAMP}`;
      expect(await readFile(aside)).toEqual(bytes);
      const errors = levels(logger, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toContain(file);
      expect(errors[0]?.message).toMatch(problem);
      expect(errors[0]?.message).toContain(aside);
      expect(errors[0]?.message).toContain('.bak');
      expect(await readFile(file, 'utf8')).toBe(GOOD_TEXT);

      const again = open();
      expect(await again.adapter.read()).toEqual(GOOD);
      expect(again.logger.entries).toEqual([]);
    });

    it('without a backup: moves it aside, logs one error, reads null (defaults), and the next start is clean', async () => {
      const { dir, file, open } = await setup();
      await writeFile(file, bytes);

      const { adapter, logger } = open();
      expect(await adapter.read()).toBeNull();
      expect(await readFile(`${file}.corrupt-${STAMP}`)).toEqual(bytes);
      expect(levels(logger, 'error')).toHaveLength(1);
      expect(levels(logger, 'error')[0]?.message).toContain('using defaults');
      expect(await readdir(dir)).toEqual([`doc.json.corrupt-${STAMP}`]);

      const again = open();
      expect(await again.adapter.read()).toBeNull();
      expect(again.logger.entries).toEqual([]);
    });
  });

  it('moves a corrupt backup aside too, reads null, and logs one error per bad file', async () => {
    const { dir, file, open } = await setup();
    await writeFile(file, Buffer.alloc(512));
    await writeFile(`${file}.bak`, '{"schemaVersion":1,');
    const { adapter, logger } = open();
    expect(await adapter.read()).toBeNull();
    expect((await readdir(dir)).sort()).toEqual([`doc.json.bak.corrupt-${STAMP}`, `doc.json.corrupt-${STAMP}`]);
    expect(levels(logger, 'error')).toHaveLength(2);
    const again = open();
    expect(await again.adapter.read()).toBeNull();
    expect(again.logger.entries).toEqual([]);
  });

  it('keeps both pieces of evidence when the file is corrupted twice in the same millisecond', async () => {
    const { dir, file, open } = await setup();
    await writeFile(file, 'first bad');
    await open().adapter.read();
    await writeFile(file, 'second bad');
    await open().adapter.read();
    expect(await readFile(join(dir, `doc.json.corrupt-${STAMP}`), 'utf8')).toBe('first bad');
    expect(await readFile(join(dir, `doc.json.corrupt-${STAMP}-2`), 'utf8')).toBe('second bad');
  });

  it('uses a timestamp without colons in the corrupt file’s name', async () => {
    const { dir, file } = await setup();
    await writeFile(file, '');
    await new DurableJsonAdapter(file, { parse: parserFor(schema), logger: createMemoryLogger() }).read();
    const [name] = await readdir(dir);
    expect(name).toMatch(/^doc\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
  });

  it('accepts a file that a text editor saved with a byte-order mark', async () => {
    const { file, open } = await setup();
    await writeFile(file, `\uFEFF${GOOD_TEXT}`);
    const { adapter, logger } = open();
    expect(await adapter.read()).toEqual(GOOD);
    expect(logger.entries).toEqual([]);
  });

  it('ignores temp files left by a write that was interrupted before its rename', async () => {
    const { dir, open } = await setup();
    await open().adapter.write(GOOD);
    // What a crash between "temp written" and "rename" leaves: one complete temp, one half-written one.
    await writeFile(join(dir, '.doc.json.999-aaaaaaaaaaaa.tmp'), '{\n  "schemaVersion": 1,\n  "visits": 8,\n  "name": "next"\n}\n');
    await writeFile(join(dir, '.doc.json.999-bbbbbbbbbbbb.tmp'), '{\n  "schemaVersion": 1,\n  "vis');
    const { adapter, logger } = open();
    expect(await adapter.read()).toEqual(GOOD);
    expect(logger.entries).toEqual([]);
    await adapter.write({ ...GOOD, visits: 9 });
    expect(await open().adapter.read()).toEqual({ ...GOOD, visits: 9 });
  });

  it('refuses to write a document that would not read back, leaving the file as it was', async () => {
    const { file, open } = await setup();
    const { adapter } = open();
    await adapter.write(GOOD);
    await expect(adapter.write({ ...GOOD, visits: -1 })).rejects.toThrow(/visits/);
    expect(await readFile(file, 'utf8')).toBe(GOOD_TEXT);
  });

  it('rejects a write the disk refuses, leaving the file and its backup byte-identical', async () => {
    const { dir, file, open } = await setup();
    const { adapter } = open();
    await adapter.write(GOOD);
    const undo = await makeReadOnly(dir);
    try {
      await expect(adapter.write({ ...GOOD, visits: 99 })).rejects.toThrow();
    } finally {
      await undo();
    }
    expect(await readFile(file, 'utf8')).toBe(GOOD_TEXT);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(GOOD_TEXT);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('still resolves when only the backup cannot be refreshed, with a warning', async () => {
    const { file, open } = await setup();
    await mkdir(`${file}.bak`);
    const { adapter, logger } = open();
    await adapter.write(GOOD);
    expect(await readFile(file, 'utf8')).toBe(GOOD_TEXT);
    expect(levels(logger, 'warn')).toHaveLength(1);
    expect(levels(logger, 'warn')[0]?.message).toContain('.bak');
  });

  it('leaves an unreadable file in place, logs one error and uses the backup', async () => {
    const { file, open } = await setup();
    await mkdir(file);
    await writeFile(`${file}.bak`, GOOD_TEXT);
    const { adapter, logger } = open();
    expect(await adapter.read()).toEqual(GOOD);
    expect(levels(logger, 'error')).toHaveLength(1);
    expect(levels(logger, 'error')[0]?.message).toContain('left it in place');
  });
});
