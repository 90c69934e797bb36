// Building packs from real folders: the files list, every refusal, signing, and byte-identical zips in any time zone.
import { execFile } from 'node:child_process';
import { chmod, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPack } from '../../../electron/core/packs/build-pack';
import { validatePack } from '../../../electron/core/packs/validate-pack';
import type { BuildPackResult } from '../../../electron/core/packs/build-pack';
import { ChangedFileError, writeDeterministicZip } from '../../../electron/core/packs/deterministic-zip';
import { generateSigningKeyPair, keyIdOf, verifyManifestSignature } from '../../../electron/core/packs/signing';
import { manifestSchema } from '../../../electron/shared/manifest';
import { makeTempDir, removeTempDirs, tempFilesIn } from '../store/fs-test-helpers';
import { JUNK, assetFiles, authorManifest, readZip, sha256, writePackFolder } from './authoring-fixtures';

afterEach(removeTempDirs);

const ROOT = new URL('../../../', import.meta.url).pathname;
const KEYS = generateSigningKeyPair();

async function folder(manifest: unknown = authorManifest(), files: Record<string, Buffer | string> = assetFiles()): Promise<string> {
  return writePackFolder(join(await makeTempDir('sunrise-build-'), 'pack'), manifest, files);
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

function problemsOf(result: BuildPackResult): { code: string; path: string; message: string }[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('buildPack: a good folder', () => {
  it('lists every file with its size, sha256 and type, sorted by path, and zips manifest.json first', async () => {
    const dir = await folder(authorManifest(), { ...assetFiles(), ...JUNK });
    const outFile = join(await makeTempDir(), 'out', 'expo.zip');
    const result = await buildPack({ sourceDir: dir, outFile });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const assets = assetFiles();
    const paths = Object.keys(assets).sort();
    const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(result.manifestBytes)));
    expect(manifest.files).toEqual(
      paths.map((path) => ({ path, size: assets[path]?.length, sha256: sha256(assets[path] ?? Buffer.alloc(0)), type: expect.any(String) })),
    );
    expect(Object.fromEntries(manifest.files.map((file) => [file.path, file.type]))).toEqual({
      'audio/narration.zh.ogg': 'audio/ogg',
      'captions/narration.zh.vtt': 'text/vtt',
      'data/facts.json': 'application/json',
      'images/展板.png': 'image/png',
      'models/sunny.glb': 'model/gltf-binary',
    });
    expect(result).toMatchObject({ files: 5, bytes: Object.values(assets).reduce((sum, data) => sum + data.length, 0), keyId: null });
    expect(result.skipped.sort()).toEqual(['.DS_Store', '.git', '__MACOSX', 'desktop.ini', 'images/.~lock.png#', 'images/Thumbs.db']);

    const entries = await readZip(outFile);
    expect(entries.map((entry) => entry.name)).toEqual(['manifest.json', ...paths]);
    expect(entries[0]?.data).toEqual(Buffer.from(result.manifestBytes));
    for (const entry of entries.slice(1)) expect(entry.data).toEqual(assets[entry.name]);
    // Fixed metadata: 1980-01-01 00:00:00 as DOS fields, no UT timestamp, rw-r--r--, UTF-8 names.
    for (const entry of entries) expect(entry).toMatchObject({ dosDate: (1 << 5) | 1, dosTime: 0, extraFields: 0, mode: 0o100644 });
    for (const entry of entries) expect(entry.flags & 0x800).toBe(0x800);
    const method = Object.fromEntries(entries.map((entry) => [entry.name, entry.method]));
    expect(method).toMatchObject({ 'manifest.json': 8, 'data/facts.json': 8, 'captions/narration.zh.vtt': 8, 'images/展板.png': 0, 'audio/narration.zh.ogg': 0, 'models/sunny.glb': 0 });
    expect(await tempFilesIn(join(outFile, '..'))).toEqual([]);
  });

  it("serialises the author's manifest as written: files replaced and last, $schema dropped, defaults not expanded", async () => {
    const stale = { ...authorManifest(), files: [{ path: 'old.png', size: 1, sha256: '0'.repeat(64), type: 'image/png' }] };
    const result = await buildPack({ sourceDir: await folder(stale), outFile: join(await makeTempDir(), 'x.zip') });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const text = new TextDecoder().decode(result.manifestBytes);
    const json = JSON.parse(text);
    const { $schema: _hint, ...expected } = authorManifest();
    expect(Object.keys(json)).toEqual([...Object.keys(expected), 'files']);
    expect(text).toBe(`${JSON.stringify({ ...expected, files: json.files }, null, 2)}\n`);
    expect(json.hall.exhibits[1]).not.toHaveProperty('kind');
    expect(json.files.map((file: { path: string }) => file.path)).not.toContain('old.png');
  });

  it('warns about missing translations with their JSON paths, without refusing', async () => {
    const result = await buildPack({ sourceDir: await folder(), outFile: join(await makeTempDir(), 'x.zip') });
    expect(result.ok && result.warnings.map((warning) => warning.path)).toEqual(['$.hall.zones[0].title', '$.hall.exhibits[0].narration', '$.hall.exhibits[0].narrationCaptions']);
  });

  it('warns about fields the schema does not know, which the kiosk would ignore', async () => {
    const manifest = authorManifest();
    manifest.hall.exhibits[1] = { ...at(manifest.hall.exhibits, 1), narations: { en: 'a.ogg' } } as typeof manifest.hall.exhibits[number];
    const result = await buildPack({ sourceDir: await folder({ ...manifest, 'x-note': 1 }), outFile: join(await makeTempDir(), 'x.zip') });
    expect(result.ok && result.warnings.slice(0, 2)).toEqual([
      { path: '$.hall.exhibits[1].narations', message: '$.hall.exhibits[1].narations is not a manifest field and is ignored; check its spelling.' },
      { path: '$["x-note"]', message: '$["x-note"] is not a manifest field and is ignored; check its spelling.' },
    ]);
  });

  it('stores (does not deflate) a file that would compress past the importer\'s zip-bomb ratio', async () => {
    const silence = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'), Buffer.alloc(2 * 1024 * 1024)]);
    const outFile = join(await makeTempDir(), 'x.zip');
    const result = await buildPack({ sourceDir: await folder(authorManifest(), { ...assetFiles(), 'audio/silence.wav': silence }), outFile });
    expect(result.ok).toBe(true);
    expect((await readZip(outFile)).find((entry) => entry.name === 'audio/silence.wav')?.method).toBe(0);
  });
});

describe('buildPack: deterministic output', () => {
  it('gives identical bytes for two builds, whatever the files\' times and modes', async () => {
    const dir = await folder();
    const out = await makeTempDir();
    await buildPack({ sourceDir: dir, outFile: join(out, 'a.zip'), privateKeyPem: KEYS.privateKeyPem });
    await utimes(join(dir, 'data/facts.json'), new Date('2030-06-01T12:00:00Z'), new Date('2030-06-01T12:00:00Z'));
    await chmod(join(dir, 'models/sunny.glb'), 0o755);
    await buildPack({ sourceDir: dir, outFile: join(out, 'b.zip'), privateKeyPem: KEYS.privateKeyPem });
    expect(sha256(await readFile(join(out, 'a.zip')))).toBe(sha256(await readFile(join(out, 'b.zip'))));
  });

  it('gives identical bytes in another time zone (a fresh process with TZ set)', async () => {
    const dir = await folder();
    const out = await makeTempDir();
    const script = join(out, 'build.cjs');
    await build({
      stdin: {
        contents: `import { buildPack } from './electron/core/packs/build-pack';
          const [sourceDir, outFile] = process.argv.slice(2);
          buildPack({ sourceDir, outFile }).then((r) => { process.stdout.write(JSON.stringify({ ok: r.ok, tz: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(1980, 0, 1).getTimezoneOffset() })); });`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'silent',
    });
    const hashes = new Set<string>();
    for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      const zip = join(out, `${tz.replace('/', '-')}.zip`);
      const { stdout } = await promisify(execFile)(process.execPath, [script, dir, zip], { env: { ...process.env, TZ: tz } });
      expect(JSON.parse(stdout)).toMatchObject({ ok: true, tz });
      hashes.add(sha256(await readFile(zip)));
    }
    expect(hashes.size).toBe(1);
    const inProcess = join(out, 'here.zip');
    await buildPack({ sourceDir: dir, outFile: inProcess });
    expect(hashes).toContain(sha256(await readFile(inProcess)));
  });
});

describe('buildPack: signing', () => {
  it('adds manifest.sig after manifest.json; it verifies with the public key over the zipped manifest bytes', async () => {
    const outFile = join(await makeTempDir(), 'signed.zip');
    const result = await buildPack({ sourceDir: await folder(), outFile, privateKeyPem: KEYS.privateKeyPem });
    expect(result.ok && result.keyId).toBe(keyIdOf(KEYS.publicKeyPem));
    const entries = await readZip(outFile);
    expect(entries.slice(0, 2).map((entry) => entry.name)).toEqual(['manifest.json', 'manifest.sig']);
    const trusted = [{ keyId: keyIdOf(KEYS.publicKeyPem), name: 'organizer', publicKeyPem: KEYS.publicKeyPem, addedAt: new Date().toISOString() }];
    const [manifest, sig] = [entries[0]?.data ?? null, entries[1]?.data ?? null];
    expect(verifyManifestSignature(manifest ?? new Uint8Array(), sig, trusted, { allowUnsigned: false })).toEqual({ ok: true, keyId: trusted[0]?.keyId });
    const other = generateSigningKeyPair();
    const wrongKey = [{ ...at(trusted, 0), publicKeyPem: other.publicKeyPem, keyId: keyIdOf(other.publicKeyPem) }];
    expect(verifyManifestSignature(manifest ?? new Uint8Array(), sig, wrongKey, { allowUnsigned: true }).ok).toBe(false);
  });

  it('refuses a key that is not an Ed25519 private key, writing nothing', async () => {
    const outFile = join(await makeTempDir(), 'x.zip');
    const problems = problemsOf(await buildPack({ sourceDir: await folder(), outFile, privateKeyPem: KEYS.publicKeyPem }));
    expect(problems).toEqual([{ code: 'PACK_E_SIGNATURE', path: '', message: expect.stringMatching(/signing key cannot be used: This is not a private key/) }]);
    await expect(stat(outFile)).rejects.toThrow(/ENOENT/);
  });
});

describe('buildPack: refusals list every problem and write nothing', () => {
  it('refuses disallowed types, content that contradicts its extension, bad names, case collisions and links, all at once', async () => {
    const files = { 'scripts/app.js': 'alert(1)', 'page.html': '<p>', 'aux.png': Buffer.alloc(4), 'images/A.json': '{}', 'images/a.json': '{}', 'fake.png': '<html>' };
    const dir = await folder(authorManifest(), { ...assetFiles(), ...files });
    await symlink('/etc/hostname', join(dir, 'images', 'link.png'));
    const outFile = join(await makeTempDir(), 'x.zip');
    await writeFile(outFile, 'previous build');
    const problems = problemsOf(await buildPack({ sourceDir: dir, outFile }));
    expect(problems.map(({ code, path }) => `${code} ${path}`).sort()).toEqual([
      'PACK_E_DUPLICATE images/a.json',
      'PACK_E_NAME aux.png',
      'PACK_E_SYMLINK images/link.png',
      'PACK_E_TYPE fake.png',
      'PACK_E_TYPE page.html',
      'PACK_E_TYPE scripts/app.js',
    ]);
    expect(problems.find((p) => p.path === 'scripts/app.js')?.message).toMatch(/not a file type a pack may contain \(allowed: png, jpg/);
    expect(problems.find((p) => p.path === 'fake.png')?.message).toBe('fake.png does not hold image/png data, judging by its first bytes; re-export it, or give it the extension of what it really is.');
    expect(await readFile(outFile, 'utf8')).toBe('previous build');
    expect(await tempFilesIn(join(outFile, '..'))).toEqual([]);
  });

  it('refuses schema failures with their JSON paths, one problem per issue', async () => {
    const manifest = { ...authorManifest(), version: 'v1' };
    manifest.hall.zones[0] = { ...at(manifest.hall.zones, 0), color: 'orange' };
    manifest.hall.exhibits[1] = { ...at(manifest.hall.exhibits, 1), title: { 'zh-CN': '' } };
    const problems = problemsOf(await buildPack({ sourceDir: await folder(manifest), outFile: join(await makeTempDir(), 'x.zip') }));
    expect(problems).toEqual([
      { code: 'PACK_E_MANIFEST', path: '$.version', message: 'expected a semantic version such as 1.2.0' },
      { code: 'PACK_E_MANIFEST', path: '$.hall.zones[0].color', message: 'expected a colour such as #FF7A1A' },
      { code: 'PACK_E_MANIFEST', path: '$.hall.exhibits[1].title["zh-CN"]', message: expect.stringMatching(/>=1 characters/) },
    ]);
  });

  it('refuses a bad zone reference with its JSON path', async () => {
    const manifest = authorManifest();
    manifest.hall.exhibits[1] = { ...at(manifest.hall.exhibits, 1), zone: 'nowhere' };
    expect(problemsOf(await buildPack({ sourceDir: await folder(manifest), outFile: join(await makeTempDir(), 'x.zip') }))).toEqual([
      { code: 'PACK_E_MANIFEST', path: '$.hall.exhibits[1].zone', message: 'exhibit "plain" is in zone "nowhere", which does not exist' },
    ]);
  });

  it('refuses a manifest that refers to a file the folder does not have', async () => {
    const files = assetFiles();
    delete files['models/sunny.glb'];
    const problems = problemsOf(await buildPack({ sourceDir: await folder(authorManifest(), files), outFile: join(await makeTempDir(), 'x.zip') }));
    expect(problems).toEqual([{ code: 'PACK_E_MANIFEST', path: '$.hall.mascots[0].model', message: '"models/sunny.glb" is not listed in files' }]);
  });

  it.each([
    ['no manifest.json', null, /has no manifest\.json/],
    ['manifest.json that is not JSON', '{"id": ', /manifest\.json is not valid JSON/],
    ['manifest.json that is a list', '[]', /must hold a JSON object/],
  ])('refuses %s, and still lists the files\' problems', async (_label, text, message) => {
    const dir = await folder(authorManifest(), { ...assetFiles(), 'x.exe': 'MZ' });
    if (text === null) await rm(join(dir, 'manifest.json'));
    else await writeFile(join(dir, 'manifest.json'), text);
    const problems = problemsOf(await buildPack({ sourceDir: dir, outFile: join(await makeTempDir(), 'x.zip') }));
    expect(problems.map((p) => p.code)).toEqual(['PACK_E_MANIFEST', 'PACK_E_TYPE']);
    expect(problems[0]?.message).toMatch(message);
  });

  it('reads a manifest saved with a byte-order mark, and packs it without one', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'manifest.json'), `\uFEFF${JSON.stringify(authorManifest())}`);
    const result = await buildPack({ sourceDir: dir, outFile: join(await makeTempDir(), 'x.zip') });
    expect(result.ok && result.manifestBytes[0]).toBe(0x7b);
  });

  it('refuses to write the zip inside the pack folder, and a folder that does not exist', async () => {
    const dir = await folder();
    expect(problemsOf(await buildPack({ sourceDir: dir, outFile: join(dir, 'out.zip') }))).toEqual([expect.objectContaining({ code: 'PACK_E_PATH', path: 'out.zip' })]);
    expect(await readdir(dir)).not.toContain('out.zip');
    expect(problemsOf(await buildPack({ sourceDir: join(dir, 'nope'), outFile: join(await makeTempDir(), 'x.zip') }))[0]?.code).toBe('PACK_E_IO');
  });
});

describe('writeDeterministicZip', () => {
  it('fails without leaving a zip or temp file when a file changed since it was hashed', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'a.json'), '{"a":1}');
    const outFile = join(dir, 'out', 'x.zip');
    const entry = { name: 'a.json', diskPath: join(dir, 'a.json'), size: 7, sha256: sha256(Buffer.from('{"a":2}')), store: false };
    await expect(writeDeterministicZip(outFile, [{ name: 'manifest.json', data: new Uint8Array([123, 125]), store: false }, entry])).rejects.toBeInstanceOf(ChangedFileError);
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });
});

describe('buildPack and the importer agree', () => {
  it('a signed build (with a stored silent WAV and Chinese names) passes validatePack with the key trusted, and fails it without', async () => {
    const silence = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1'), Buffer.alloc(2 * 1024 * 1024)]);
    const dir = await folder(authorManifest(), { ...assetFiles(), ...JUNK, 'audio/silence.wav': silence });
    const outFile = join(await makeTempDir(), 'expo.zip');
    const built = await buildPack({ sourceDir: dir, outFile, privateKeyPem: KEYS.privateKeyPem });
    expect(built.ok).toBe(true);
    const trusted = [{ keyId: keyIdOf(KEYS.publicKeyPem), name: 'organizer', publicKeyPem: KEYS.publicKeyPem, addedAt: new Date().toISOString() }];
    const report = await validatePack(outFile, { trusted, allowUnsigned: false });
    expect(report).toMatchObject({ ok: true, errors: [], stats: { files: 6, id: 'expo-test', version: '1.2.0', signedBy: keyIdOf(KEYS.publicKeyPem) } });
    expect((await validatePack(outFile, { trusted: [], allowUnsigned: true })).errors.map((e) => e.code)).toEqual(['PACK_E_SIGNATURE']);
  });
});
