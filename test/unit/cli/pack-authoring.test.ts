// `pack keygen|build|trust|schema`: files and modes on disk, exit codes, and what staff read on the terminal.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBuild, runKeygen, runSchema, runTrust } from '../../../electron/cli/pack-authoring-commands';
import { manifestJsonSchemaText } from '../../../electron/core/packs/manifest-json-schema';
import { keyIdOf } from '../../../electron/core/packs/signing';
import { assetFiles, authorManifest, readZip, writePackFolder } from '../packs/authoring-fixtures';
import { makeTempDir, removeTempDirs } from '../store/fs-test-helpers';

afterEach(removeTempDirs);

type Command = (argv: string[], io: { stdout(text: string): void; stderr(text: string): void }) => Promise<number>;

async function run(command: Command, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const mode = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('pack keygen', () => {
  it('writes NAME.key (0600) and NAME.pub, and prints the key id', async () => {
    const dir = await makeTempDir();
    const { code, out, err } = await run(runKeygen, '-o', join(dir, 'organizer'));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const pub = await readFile(join(dir, 'organizer.pub'), 'utf8');
    expect(await readFile(join(dir, 'organizer.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await mode(join(dir, 'organizer.key'))).toBe(0o600);
    expect(await mode(join(dir, 'organizer.pub'))).toBe(0o644);
    expect(out).toContain(`Key id: ${keyIdOf(pub)}`);
    expect(out).toContain('never commit it');
  });

  it('refuses to overwrite either file without --force, and replaces both with it', async () => {
    const dir = await makeTempDir();
    await run(runKeygen, '-o', join(dir, 'k.key'));
    const before = await readFile(join(dir, 'k.key'), 'utf8');
    const refused = await run(runKeygen, '--out', join(dir, 'k'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Not overwriting .*k\.key and .*k\.pub.*--force/);
    expect(await readFile(join(dir, 'k.key'), 'utf8')).toBe(before);
    expect((await run(runKeygen, '-o', join(dir, 'k'), '--force')).code).toBe(0);
    expect(await readFile(join(dir, 'k.key'), 'utf8')).not.toBe(before);
    expect(await mode(join(dir, 'k.key'))).toBe(0o600);
  });

  it.each([[[]], [['-o']], [['-o', 'x', 'extra']], [['--bogus']]])('exits 2 with the usage for %j', async (argv) => {
    const { code, err } = await run(runKeygen, ...argv);
    expect(code).toBe(2);
    expect(err).toContain('sunrise-hall pack keygen -o NAME');
  });
});

describe('pack build', () => {
  async function setup(files = assetFiles()) {
    const dir = await makeTempDir();
    const source = await writePackFolder(join(dir, 'pack'), authorManifest(), files);
    return { dir, source, out: join(dir, 'expo.zip') };
  }

  it('builds an unsigned pack: summary, warnings, where it wrote', async () => {
    const { source, out } = await setup();
    const result = await run(runBuild, source, '-o', out);
    expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
    expect(result.out).toMatch(/^expo-test 1\.2\.0: 5 files, 705 B, unsigned\.$/m);
    expect(result.out).toContain('warning $.hall.zones[0].title: no en text; the zh-CN text will be shown instead');
    expect(result.out).toContain(`Wrote ${out} (`);
    expect((await readZip(out))[0]?.name).toBe('manifest.json');
  });

  it('signs with --key and names the key id', async () => {
    const { dir, source, out } = await setup();
    await run(runKeygen, '-o', join(dir, 'org'));
    const result = await run(runBuild, source, '-o', out, '--key', join(dir, 'org.key'));
    expect(result.code).toBe(0);
    expect(result.out).toContain(`signed by key ${keyIdOf(await readFile(join(dir, 'org.pub'), 'utf8'))}.`);
    expect((await readZip(out)).map((entry) => entry.name).slice(0, 2)).toEqual(['manifest.json', 'manifest.sig']);
  });

  it('prints every problem as CODE path: message and exits 1, writing nothing', async () => {
    const { source, out } = await setup({ ...assetFiles(), 'app.js': Buffer.from('x'), 'CON.json': Buffer.from('{}') });
    const result = await run(runBuild, source, '-o', out);
    expect(result.code).toBe(1);
    expect(result.err).toContain('PACK_E_TYPE app.js: app.js is not a file type a pack may contain');
    expect(result.err).toContain('PACK_E_NAME CON.json: Entry "CON.json" uses the Windows device name "CON".');
    expect(result.err).toContain('Not built: 2 problems; expo.zip was not written.');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 for a key file it cannot read or that is not a private key', async () => {
    const { dir, source, out } = await setup();
    expect((await run(runBuild, source, '-o', out, '--key', join(dir, 'missing.key'))).err).toMatch(/Cannot read the signing key/);
    await run(runKeygen, '-o', join(dir, 'org'));
    const result = await run(runBuild, source, '-o', out, '--key', join(dir, 'org.pub'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^PACK_E_SIGNATURE: The signing key cannot be used: This is not a private key/m);
  });

  it.each([[[]], [['dir']], [['a', 'b', '-o', 'x.zip']]])('exits 2 with the usage for %j', async (argv) => {
    const { code, err } = await run(runBuild, ...argv);
    expect(code).toBe(2);
    expect(err).toContain('sunrise-hall pack build DIR -o OUT.zip [--key NAME.key]');
  });
});

describe('pack trust', () => {
  async function withKey() {
    const dir = await makeTempDir();
    await run(runKeygen, '-o', join(dir, 'organizer'));
    const keyId = keyIdOf(await readFile(join(dir, 'organizer.pub'), 'utf8'));
    return { dir, data: join(dir, 'data'), pub: join(dir, 'organizer.pub'), keyId };
  }

  it('adds (creating the data folder), is idempotent, lists, and removes by name', async () => {
    const { data, pub, keyId } = await withKey();
    expect(await run(runTrust, 'add', pub, '--data', data)).toEqual({ code: 0, out: `Trusted key ${keyId} ("organizer") in ${join(data, 'trust.json')}.`, err: '' });
    expect((await run(runTrust, 'add', pub, '--data', data, '--name', 'other')).out).toBe(`Key ${keyId} is already trusted, as "organizer"; nothing changed.`);
    expect((await run(runTrust, 'list', '--data', data)).out).toMatch(new RegExp(`^${keyId}  organizer  \\(added \\d{4}-`));
    const json = JSON.parse((await run(runTrust, 'list', '--data', data, '--json')).out);
    expect(json).toEqual([expect.objectContaining({ keyId, name: 'organizer', publicKeyPem: await readFile(pub, 'utf8') })]);
    expect(await run(runTrust, 'remove', 'organizer', '--data', data)).toMatchObject({ code: 0, out: 'No longer trusting organizer. Packs already installed stay installed.' });
    expect((await run(runTrust, 'list', '--data', data)).out).toMatch(/^No trusted keys/);
  });

  it('takes --name, removes by key id, and exits 1 for a key it does not have', async () => {
    const { data, pub, keyId } = await withKey();
    expect((await run(runTrust, 'add', pub, '--data', data, '--name', 'Expo 2031')).out).toContain('("Expo 2031")');
    expect((await run(runTrust, 'remove', 'nobody', '--data', data)).code).toBe(1);
    expect((await run(runTrust, 'remove', keyId, '--data', data)).code).toBe(0);
  });

  it('refuses a private key or a file that is no key, with exit 1', async () => {
    const { dir, data } = await withKey();
    const privateKey = await run(runTrust, 'add', join(dir, 'organizer.key'), '--data', data);
    expect(privateKey.code).toBe(1);
    expect(privateKey.err).toMatch(/^Not trusted: organizer\.key: This is a private key/);
    await writeFile(join(dir, 'notes.pub'), 'hello');
    expect((await run(runTrust, 'add', join(dir, 'notes.pub'), '--data', data)).err).toMatch(/not a public key in PEM form/);
    expect((await run(runTrust, 'add', join(dir, 'missing.pub'), '--data', data)).err).toMatch(/^Cannot read .*missing\.pub/);
  });

  it.each([
    [[], /Missing what to do/],
    [['trustme'], /Unknown trust command "trustme"/],
    [['add', 'x.pub'], /Missing --data DIR/],
    [['list', '--data', '/nonexistent/sunrise-data'], /No data folder at/],
    [['list', 'extra', '--data', '.'], /Too many arguments/],
    [['remove', 'x', '--data', '.', '--json'], /does not take --json/],
  ])('exits 2 with the usage for %j', async (argv, message) => {
    const { code, err } = await run(runTrust, ...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('sunrise-hall pack trust add NAME.pub --data DIR [--name LABEL]');
  });
});

describe('pack schema', () => {
  it('prints the JSON Schema, or writes it with -o', async () => {
    const printed = await run(runSchema);
    expect(printed.code).toBe(0);
    expect(printed.out).toBe(manifestJsonSchemaText());
    const file = join(await makeTempDir(), 'manifest.schema.json');
    expect(await run(runSchema, '-o', file)).toEqual({ code: 0, out: `Wrote ${file}.`, err: '' });
    expect(await readFile(file, 'utf8')).toBe(manifestJsonSchemaText());
  });

  it('exits 1 when the folder does not exist, 2 on a stray argument', async () => {
    expect((await run(runSchema, '-o', '/nonexistent/dir/schema.json')).code).toBe(1);
    expect((await run(runSchema, 'extra')).code).toBe(2);
  });
});
