// `pack keygen|build|trust|schema`: the authoring side of content packs (keys, deterministic builds, trust list, schema).
import { lstat, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { buildPack } from '../core/packs/build-pack';
import { manifestJsonSchemaText } from '../core/packs/manifest-json-schema';
import { generateSigningKeyPair, keyIdOf } from '../core/packs/signing';
import { openTrustStore, TRUST_FILE_NAME } from '../core/packs/trust-store';
import { writeFileDurably } from '../core/store/durable-write';
import { describeError, errorCode } from '../core/store/fs-error';
import { cliLogger } from './cli-logger';
import { EXIT } from './io';
import type { CommandIo } from './io';
import { formatBytes } from './pack-report-output';
import { isDirectory } from '../core/paths/is-directory';

export const PACK_AUTHORING_USAGE = `       sunrise-hall pack keygen -o NAME [--force]
       sunrise-hall pack build DIR -o OUT.zip [--key NAME.key]
       sunrise-hall pack trust add NAME.pub --data DIR [--name LABEL]
       sunrise-hall pack trust list --data DIR [--json]
       sunrise-hall pack trust remove KEYID|NAME --data DIR
       sunrise-hall pack schema [-o FILE]`;

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses `argv` (the words after `pack <command>`; `options` include HELP), or prints the problem and the usage and returns null. */
function parse<O extends Options>(argv: string[], options: O, positionals: number, io: CommandIo, what: string) {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true });
    if ((parsed.values as Record<string, unknown>).help === true) return parsed;
    const count = parsed.positionals.length;
    if (count < positionals) throw new Error(`"pack ${what}" needs ${positionals} argument${positionals > 1 ? 's' : ''}`);
    if (count > positionals) throw new Error(`Too many arguments for "pack ${what}": ${parsed.positionals.slice(positionals).join(' ')}`);
    return parsed;
  } catch (error) {
    usage(io, describeError(error));
    return null;
  }
}

function usage(io: CommandIo, problem: string): number {
  io.stderr(`${problem.replace(/\.$/, '')}.\nUsage:\n${PACK_AUTHORING_USAGE}`);
  return EXIT.usage;
}

function help(io: CommandIo): number {
  io.stdout(`Usage:\n${PACK_AUTHORING_USAGE}`);
  return EXIT.ok;
}

/** `pack keygen -o NAME [--force]`: writes NAME.key (mode 0600) and NAME.pub, and prints the key id. */
export async function runKeygen(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { ...HELP, out: { type: 'string', short: 'o' }, force: { type: 'boolean' } }, 0, io, 'keygen');
  if (!parsed) return EXIT.usage;
  if (parsed.values.help) return help(io);
  if (!parsed.values.out) return usage(io, 'Missing -o NAME: where to write NAME.key and NAME.pub');
  const base = resolve(parsed.values.out.replace(/\.(key|pub)$/i, ''));
  const keyFile = `${base}.key`;
  const pubFile = `${base}.pub`;
  const force = parsed.values.force === true;
  if (!force) {
    const existing = [];
    for (const file of [keyFile, pubFile]) if (await exists(file)) existing.push(file);
    if (existing.length > 0) {
      io.stderr(`Not overwriting ${existing.join(' and ')}: a lost private key cannot be recovered. Choose another NAME, or add --force.`);
      return EXIT.refused;
    }
  }
  const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
  try {
    await writeKeyFile(keyFile, privateKeyPem, 0o600, force);
    await writeKeyFile(pubFile, publicKeyPem, 0o644, force);
  } catch (error) {
    io.stderr(`Could not write the key files: ${describeError(error)}`);
    return EXIT.refused;
  }
  io.stdout(`Wrote ${keyFile} (private: keep it secret and off the kiosks; never commit it).`);
  io.stdout(`Wrote ${pubFile} (public: trust it on each kiosk with "sunrise-hall pack trust add ${basename(pubFile)} --data DIR").`);
  io.stdout(`Key id: ${keyIdOf(publicKeyPem)}`);
  return EXIT.ok;
}

/** A new file, created with `mode` before any byte is written; with `force`, replaces the old one by rename. */
async function writeKeyFile(file: string, text: string, mode: number, force: boolean): Promise<void> {
  const target = force ? `${file}.${process.pid}.tmp` : file;
  const handle = await open(target, 'wx', mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(target, { force: true });
    throw error;
  }
  await handle.close();
  if (force) await rename(target, file);
}

/** `pack build DIR -o OUT.zip [--key NAME.key]`: prints the summary, warnings and every problem. */
export async function runBuild(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { ...HELP, out: { type: 'string', short: 'o' }, key: { type: 'string' } }, 1, io, 'build');
  if (!parsed) return EXIT.usage;
  if (parsed.values.help) return help(io);
  if (!parsed.values.out) return usage(io, 'Missing -o OUT.zip: the pack file to write');
  const outFile = resolve(parsed.values.out);
  let privateKeyPem: string | undefined;
  if (parsed.values.key !== undefined) {
    try {
      privateKeyPem = await readFile(parsed.values.key, 'utf8');
    } catch (error) {
      io.stderr(`Cannot read the signing key ${parsed.values.key}: ${describeError(error)}`);
      return EXIT.refused;
    }
  }
  const result = await buildPack({ sourceDir: resolve(parsed.positionals[0] ?? ''), outFile, ...(privateKeyPem !== undefined ? { privateKeyPem } : {}) });
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${problem.code}${problem.path ? ` ${problem.path}` : ''}: ${problem.message}`);
    const count = result.problems.length;
    io.stderr(`Not built: ${count} problem${count === 1 ? '' : 's'}; ${basename(outFile)} was not written.`);
    return EXIT.refused;
  }
  const { id, version } = JSON.parse(new TextDecoder().decode(result.manifestBytes)) as { id: string; version: string };
  const zipBytes = (await stat(outFile)).size;
  const signed = result.keyId === null ? 'unsigned' : `signed by key ${result.keyId}`;
  io.stdout(`${id} ${version}: ${result.files} files, ${formatBytes(result.bytes)}, ${signed}.`);
  for (const warning of result.warnings) io.stdout(`warning ${warning.path}: ${warning.message}`);
  if (result.skipped.length > 0) io.stdout(`Left out ${result.skipped.length} junk file${result.skipped.length === 1 ? '' : 's'}: ${result.skipped.join(', ')}`);
  io.stdout(`Wrote ${outFile} (${formatBytes(zipBytes)}).`);
  return EXIT.ok;
}

const TRUST_VERBS = ['add', 'list', 'remove'] as const;

/** `pack trust add|list|remove …`: the data folder's trusted signing keys. */
export async function runTrust(argv: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === '--help' || verb === '-h') return help(io);
  if (verb === undefined) return usage(io, 'Missing what to do: trust add, list or remove');
  if (!(TRUST_VERBS as readonly string[]).includes(verb)) return usage(io, `Unknown trust command "${verb}": use add, list or remove`);
  const options = { ...HELP, data: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } } as const;
  const parsed = parse(rest, options, verb === 'list' ? 0 : 1, io, `trust ${verb}`);
  if (!parsed) return EXIT.usage;
  if (parsed.values.help) return help(io);
  if (!parsed.values.data) return usage(io, `Missing --data DIR: the kiosk's data folder`);
  if ((verb !== 'add' && parsed.values.name !== undefined) || (verb !== 'list' && parsed.values.json)) {
    return usage(io, `"pack trust ${verb}" does not take ${parsed.values.json ? '--json' : '--name'}`);
  }
  const dataDir = resolve(parsed.values.data);
  // Only `add` may create the data folder: a mistyped --data must not look like an empty trust list.
  if (verb !== 'add' && !(await isDirectory(dataDir))) return usage(io, `No data folder at ${dataDir}: check --data`);
  const store = await openTrustStore(dataDir, cliLogger(dataDir, io));
  const word = parsed.positionals[0] ?? '';

  if (verb === 'list') {
    const keys = await store.list();
    if (parsed.values.json) io.stdout(JSON.stringify(keys, null, 2));
    else if (keys.length === 0) io.stdout('No trusted keys: this kiosk refuses every signed pack. Add one with "sunrise-hall pack trust add NAME.pub --data DIR".');
    else for (const key of keys) io.stdout(`${key.keyId}  ${key.name}  (added ${key.addedAt})`);
    return EXIT.ok;
  }
  if (verb === 'remove') {
    if (await store.remove(word)) {
      io.stdout(`No longer trusting ${word}. Packs already installed stay installed.`);
      return EXIT.ok;
    }
    io.stderr(`No trusted key has the id or name "${word}"; "sunrise-hall pack trust list --data DIR" shows them.`);
    return EXIT.refused;
  }
  let publicKeyPem: string;
  try {
    publicKeyPem = await readFile(word, 'utf8');
  } catch (error) {
    io.stderr(`Cannot read ${word}: ${describeError(error)}`);
    return EXIT.refused;
  }
  const name = parsed.values.name ?? basename(word).replace(/\.pub$/i, '');
  try {
    const before = new Set((await store.list()).map((key) => key.keyId));
    const key = await store.add(publicKeyPem, name);
    if (before.has(key.keyId)) io.stdout(`Key ${key.keyId} is already trusted, as "${key.name}"; nothing changed.`);
    else io.stdout(`Trusted key ${key.keyId} ("${key.name}") in ${resolve(dataDir, TRUST_FILE_NAME)}.`);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`Not trusted: ${basename(word)}: ${describeError(error)}`);
    return EXIT.refused;
  }
}

/** `pack schema [-o FILE]`: prints the manifest's JSON Schema, or writes it to FILE. */
export async function runSchema(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { ...HELP, out: { type: 'string', short: 'o' } }, 0, io, 'schema');
  if (!parsed) return EXIT.usage;
  if (parsed.values.help) return help(io);
  const text = manifestJsonSchemaText();
  if (parsed.values.out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  const file = resolve(parsed.values.out);
  try {
    if (!(await isDirectory(dirname(file)))) throw new Error(`no folder ${dirname(file)}`);
    await writeFileDurably(file, text);
  } catch (error) {
    io.stderr(`Cannot write ${file}: ${describeError(error)}`);
    return EXIT.refused;
  }
  io.stdout(`Wrote ${file}.`);
  return EXIT.ok;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

