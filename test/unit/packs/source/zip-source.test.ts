// Zip pack sources: every structural refusal (PACK_E_ZIP, _PATH, _NAME, _DUPLICATE, _SYMLINK, _OVERLAP, _TYPE, _IO) and what passes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBufferPromise } from 'yauzl';
import type { Entry } from 'yauzl';
import { buildZip, MADE_BY_DOS, quotedOverlapBomb, UNIX_SYMLINK } from './raw-zip';
import { cleanUp, codesOf, makeTempDir, openOk, problemsOf, readAll, writeZip } from './source-fixtures';

afterEach(cleanUp);

describe('a well-formed zip', () => {
  it('lists its files, skips folders and archiver junk, and streams stored and deflated entries', async () => {
    const zip = await writeZip([
      { name: 'manifest.json', data: '{"id":"demo"}' },
      { name: 'manifest.sig', data: '{"keyId":"k","sig":"x"}', method: 0 },
      { name: 'images/', method: 0 },
      { name: 'images/logo.png', data: 'png bytes', method: 0 },
      { name: '__MACOSX/images/._logo.png', data: 'resource fork' },
      { name: '__MACOSX/evil.html', data: '<script>' },
      { name: 'images/.DS_Store', data: 'finder' },
      { name: 'Thumbs.db', data: 'thumbs' },
      { name: 'images/DESKTOP.INI', data: '[.ShellClassInfo]' },
    ]);
    const source = await openOk(zip);
    expect(source.kind).toBe('zip');
    expect(source.location).toBe(zip);
    expect(source.entries).toEqual([
      { path: 'manifest.json', size: 13 },
      { path: 'manifest.sig', size: 23 },
      { path: 'images/logo.png', size: 9 },
    ]);
    expect((await readAll(await source.openEntry('images/logo.png'))).toString()).toBe('png bytes');
    expect((await readAll(await source.openEntry('manifest.json'))).toString()).toBe('{"id":"demo"}');
  });

  it('reads entries whose sizes follow the data (data descriptors, as macOS Archive Utility writes)', async () => {
    const source = await openOk(await writeZip([
      { name: 'a.json', data: '{"a":1}', dataDescriptor: true },
      { name: 'b.png', data: 'bee', method: 0, dataDescriptor: true },
    ]));
    expect((await readAll(await source.openEntry('a.json'))).toString()).toBe('{"a":1}');
    expect((await readAll(await source.openEntry('b.png'))).toString()).toBe('bee');
  });

  it('accepts an empty zip (the importer then reports the missing manifest)', async () => {
    const source = await openOk(await writeZip([]));
    expect(source.entries).toEqual([]);
  });
});

describe('PACK_E_ZIP and PACK_E_IO: files that are not readable zips', () => {
  it('refuses a text file, an empty file and a zip cut in half', async () => {
    const dir = await makeTempDir();
    const whole = buildZip([{ name: 'a.png', data: 'x'.repeat(1000) }]);
    const cases: Record<string, Buffer> = { 'text.zip': Buffer.from('<html>hello</html>'), 'empty.zip': Buffer.alloc(0), 'half.zip': whole.subarray(0, whole.length / 2) };
    for (const [name, bytes] of Object.entries(cases)) {
      await writeFile(join(dir, name), bytes);
      const problems = await problemsOf(join(dir, name));
      expect(codesOf(problems), name).toEqual(['PACK_E_ZIP']);
      expect(problems[0]?.message).toContain(join(dir, name));
    }
  });

  it('refuses a zip whose directory promises more entries than it holds', async () => {
    const problems = await problemsOf(await writeZip(buildZip([{ name: 'a.png', data: 'x' }], { declaredEntries: 2 })));
    expect(codesOf(problems)).toEqual(['PACK_E_ZIP']);
  });

  it('refuses an entry whose data runs past the end of the file (truncated in the middle)', async () => {
    const problems = await problemsOf(await writeZip([{ name: 'a.png', data: 'hello', compressedSize: 5000 }]));
    expect(problems).toEqual([expect.objectContaining({ code: 'PACK_E_ZIP', path: 'a.png' })]);
  });

  it('refuses encrypted entries and compression methods other than stored and deflate', async () => {
    const problems = await problemsOf(await writeZip([
      // Traditional encryption puts a 12-byte header before the data.
      { name: 'secret.png', data: 'x'.repeat(13), uncompressedSize: 1, method: 0, flags: 0x1 },
      { name: 'bzip2.png', data: 'x', method: 12 },
      { name: 'fine.png', data: 'x' },
    ]));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['PACK_E_ZIP', 'secret.png'],
      ['PACK_E_ZIP', 'bzip2.png'],
    ]);
  });

  it('refuses a local header that names a different file or method than the central directory', async () => {
    const problems = await problemsOf(await writeZip([
      { name: 'a.png', data: 'x', localName: 'b.png' },
      { name: 'c.png', data: 'x', localName: 'c.PNG' },
      { name: 'd.png', data: 'x', localMethod: 0 },
    ]));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['PACK_E_ZIP', 'a.png'],
      ['PACK_E_ZIP', 'c.png'],
      ['PACK_E_ZIP', 'd.png'],
    ]);
    expect(problems[0]?.message).toMatch(/different name/);
  });

  it('refuses a stored entry whose two declared sizes disagree', async () => {
    const problems = await problemsOf(await writeZip([{ name: 'a.png', data: 'hello', method: 0, uncompressedSize: 50 }]));
    expect(codesOf(problems)).toEqual(['PACK_E_ZIP']);
  });

  it('reports a missing location as PACK_E_IO naming the path', async () => {
    const missing = join(await makeTempDir(), 'nope.zip');
    const problems = await problemsOf(missing);
    expect(problems).toEqual([{ code: 'PACK_E_IO', path: '', message: expect.stringContaining(missing) as unknown }]);
  });
});

describe('PACK_E_PATH and PACK_E_NAME: entry names', () => {
  it('refuses every traversal name as our own problem (yauzl never sees them), all in one report', async () => {
    const evil = ['../../etc/passwd', 'a/../../b.png', '/abs.png', 'C:/x.png', 'C:x.png', '..\\..\\x.png', 'a//b.png', './a.png'];
    const problems = await problemsOf(await writeZip(evil.map((name) => ({ name, data: 'x' }))));
    expect(problems.map((p) => p.path)).toEqual(evil);
    expect(codesOf(problems)).toEqual(['PACK_E_PATH']);
  });

  it('refuses names Windows cannot hold', async () => {
    const names = ['CON.png', 'images/aux.png', 'a.png:evil', 'x.png.', 'x.png ', 'tab\there.png', `${'n'.repeat(201)}.png`];
    const problems = await problemsOf(await writeZip(names.map((name) => ({ name, data: 'x' }))));
    expect(problems.map((p) => [p.code, p.path])).toEqual(names.map((name) => ['PACK_E_NAME', name]));
  });

  it('refuses a name flagged UTF-8 that is not valid UTF-8', async () => {
    const problems = await problemsOf(await writeZip([{ name: Buffer.from([0x61, 0xff, 0x2e, 0x70, 0x6e, 0x67]), utf8: true, data: 'x' }]));
    expect(codesOf(problems)).toEqual(['PACK_E_NAME']);
  });
});

describe('PACK_E_DUPLICATE', () => {
  it('refuses the same name twice, a case collision, an NFC/NFD collision and a file that is also a folder', async () => {
    const problems = await problemsOf(await writeZip([
      { name: 'a.png', data: '1' },
      { name: 'a.png', data: '2' },
      { name: 'Logo.png', data: '1' },
      { name: 'logo.png', data: '2' },
      { name: 'caf\u00e9.png', data: '1' },
      { name: 'cafe\u0301.png', data: '2' },
      { name: 'x.png', data: '1' },
      { name: 'X.png/y.png', data: '2' },
    ]));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['PACK_E_DUPLICATE', 'a.png'],
      ['PACK_E_DUPLICATE', 'logo.png'],
      ['PACK_E_DUPLICATE', 'café.png'],
      ['PACK_E_DUPLICATE', 'X.png/y.png'],
    ]);
  });
});

describe('PACK_E_SYMLINK', () => {
  it('refuses Unix symlink entries, whether the target is inside or outside the pack', async () => {
    const problems = await problemsOf(await writeZip([
      { name: 'inside.png', data: 'images/a.png', externalAttributes: UNIX_SYMLINK },
      { name: 'outside.png', data: '/etc/passwd', externalAttributes: UNIX_SYMLINK },
    ]));
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['PACK_E_SYMLINK', 'inside.png'],
      ['PACK_E_SYMLINK', 'outside.png'],
    ]);
  });

  it('does not read Unix mode bits from a zip made on MS-DOS/Windows', async () => {
    const source = await openOk(await writeZip([{ name: 'a.png', data: 'x', externalAttributes: UNIX_SYMLINK, madeBy: MADE_BY_DOS }]));
    expect(source.entries.map((e) => e.path)).toEqual(['a.png']);
  });
});

describe('PACK_E_TYPE', () => {
  it('refuses web pages, scripts, SVG, WebAssembly, nested archives and unknown types; allows the root manifest.sig', async () => {
    const refused = ['index.html', 'evil.js', 'icon.svg', 'app.wasm', '42.zip', 'README', 'deep/manifest.sig', 'Manifest.Json.sig'];
    const problems = await problemsOf(await writeZip([{ name: 'manifest.sig', data: 'x' }, ...refused.map((name) => ({ name, data: 'x' }))]));
    expect(problems.map((p) => [p.code, p.path])).toEqual(refused.map((name) => ['PACK_E_TYPE', name]));
  });
});

describe('PACK_E_OVERLAP: non-recursive zip bombs', () => {
  it('refuses two entries pointing at the same bytes (Fifield full overlap)', async () => {
    const problems = await problemsOf(await writeZip([
      { name: 'a.bin', data: Buffer.alloc(1000) },
      { name: 'b.bin', data: Buffer.alloc(1000), offset: 0 },
    ]));
    expect(problems).toContainEqual({ code: 'PACK_E_OVERLAP', path: 'b.bin', message: expect.stringContaining('a.bin') as unknown });
  });

  it('refuses a quoted-overlap bomb, whose local headers are all genuine', async () => {
    const bomb = quotedOverlapBomb(6, 100_000);
    // It is a real bomb: a reader that does not check overlap inflates entry 0 to all of its declared bytes.
    const zip = await fromBufferPromise(bomb, { validateEntrySizes: true });
    const first = await zip.eachEntry().next();
    const entry = first.value as Entry;
    expect((await readAll(await zip.openReadStreamPromise(entry))).length).toBe(entry.uncompressedSize);
    // The kernel plus the five quoted 40-byte local headers of entries 1 to 5.
    expect(entry.uncompressedSize).toBe(100_000 + 5 * 40);
    const problems = await problemsOf(await writeZip(bomb));
    expect(codesOf(problems)).toEqual(['PACK_E_OVERLAP']);
    expect(problems.map((p) => p.path)).toEqual(['bomb/1.bin', 'bomb/2.bin', 'bomb/3.bin', 'bomb/4.bin', 'bomb/5.bin']);
  });

  it('refuses entry data that runs into the central directory', async () => {
    // 'hello' deflates to 7 bytes; declaring 17 makes the data cover the directory's first 10 bytes.
    const problems = await problemsOf(await writeZip([{ name: 'a.bin', data: 'hello', compressedSize: 17 }]));
    expect(problems).toEqual([expect.objectContaining({ code: 'PACK_E_OVERLAP', path: 'a.bin', message: expect.stringContaining('central directory') as unknown })]);
  });
});

it('reports every problem of a badly made zip, not just the first', async () => {
  const problems = await problemsOf(await writeZip([
    { name: '../escape.png', data: 'x' },
    { name: 'NUL.png', data: 'x' },
    { name: 'page.html', data: 'x' },
    { name: 'link.png', data: 'x', externalAttributes: UNIX_SYMLINK },
    { name: 'dup.png', data: 'x' },
    { name: 'DUP.png', data: 'x' },
    { name: 'locked.png', data: 'x'.repeat(13), uncompressedSize: 1, flags: 1, method: 0 },
  ]));
  expect(codesOf(problems)).toEqual(['PACK_E_DUPLICATE', 'PACK_E_NAME', 'PACK_E_PATH', 'PACK_E_SYMLINK', 'PACK_E_TYPE', 'PACK_E_ZIP']);
});
