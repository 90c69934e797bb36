// `pack validate|import|list|activate|rollback`: staff commands acting on a kiosk's data folder.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { appendAudit } from '../core/packs/audit-log';
import { importPack } from '../core/packs/import-pack';
import { openPackStore, PackNotInstalledError, refName } from '../core/packs/pack-store';
import { openTrustStore } from '../core/packs/trust-store';
import { validatePack } from '../core/packs/validate-pack';
import { openSettingsStore } from '../core/settings/settings-store';
import { describeError } from '../core/store/fs-error';
import { cliLogger } from './cli-logger';
import { EXIT } from './io';
import type { CommandIo } from './io';
import { printReport } from './pack-report-output';
import { readPublicKeyFiles } from './read-public-keys';
import { terminalProgressBar } from './progress-bar';

export const PACK_INSTALL_USAGE = `       sunrise-hall pack validate ZIP|DIR [--json] [--trust NAME.pub ...] [--allow-unsigned]
       sunrise-hall pack import ZIP|DIR --data DIR [--json] [--no-activate]
       sunrise-hall pack list --data DIR [--json]
       sunrise-hall pack activate ID@VERSION --data DIR
       sunrise-hall pack rollback --data DIR`;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv or prints the usage problem; `positionals` is the exact count required. */
function parse<O extends Options>(argv: string[], options: O, positionals: number, io: CommandIo, what: string) {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true });
    if (parsed.positionals.length !== positionals) throw new Error(positionals === 0 ? `"pack ${what}" takes no ${parsed.positionals[0]}` : `"pack ${what}" needs exactly ${positionals} argument${positionals > 1 ? 's' : ''}`);
    return parsed;
  } catch (error) {
    io.stderr(`${describeError(error)}.\nUsage:\n${PACK_INSTALL_USAGE}`);
    return null;
  }
}

function needData(data: string | boolean | (string | boolean)[] | undefined, io: CommandIo): string | null {
  if (typeof data === 'string' && data.length > 0) return resolve(data);
  io.stderr(`Missing --data DIR: the kiosk's data folder.\nUsage:\n${PACK_INSTALL_USAGE}`);
  return null;
}

export async function runValidate(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { json: { type: 'boolean' }, trust: { type: 'string', multiple: true }, 'allow-unsigned': { type: 'boolean' } }, 1, io, 'validate');
  if (!parsed) return EXIT.usage;
  const trusted = await readPublicKeyFiles(parsed.values.trust ?? [], io);
  if (trusted === null) return EXIT.usage;
  const report = await validatePack(resolve(parsed.positionals[0] ?? ''), { trusted, allowUnsigned: parsed.values['allow-unsigned'] === true });
  printReport(report, io, parsed.values.json === true);
  if (!parsed.values.json) io.stdout(report.ok ? 'Importable.' : `Not importable: ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}.`);
  return report.ok ? EXIT.ok : EXIT.refused;
}

export async function runImport(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' }, 'no-activate': { type: 'boolean' } }, 1, io, 'import');
  if (!parsed) return EXIT.usage;
  const dataDir = needData(parsed.values.data, io);
  if (!dataDir) return EXIT.usage;
  const logger = cliLogger(dataDir, io);
  const settings = await openSettingsStore({ dataDir, logger });
  const store = await openPackStore(dataDir, logger);
  const trust = await openTrustStore(dataDir, logger);
  const abort = new AbortController();
  const cancel = (): void => abort.abort();
  process.once('SIGINT', cancel);
  const bar = parsed.values.json ? { update: () => {}, end: () => {} } : terminalProgressBar();
  try {
    await store.cleanUp();
    const result = await importPack(resolve(parsed.positionals[0] ?? ''), {
      dataDir,
      store,
      logger,
      trusted: await trust.list(),
      allowUnsigned: settings.all()['packs.acceptUnsigned'],
      activate: parsed.values['no-activate'] !== true,
      signal: abort.signal,
      onProgress: (progress) => bar.update(progress),
    });
    bar.end();
    printReport(result, io, parsed.values.json === true, { activated: result.activated, alreadyInstalled: result.alreadyInstalled });
    if (!parsed.values.json) {
      const name = result.pack ? refName(result.pack) : 'the pack';
      if (!result.ok) io.stderr('Refused; the kiosk content is unchanged.');
      else io.stdout(`${result.alreadyInstalled ? `${name} was already installed` : `Installed ${name}`}${result.activated ? ' and it is now active.' : '; activate it with `sunrise-hall pack activate`.'}`);
    }
    return result.ok ? EXIT.ok : EXIT.refused;
  } finally {
    process.off('SIGINT', cancel);
    await settings.close();
  }
}

export async function runList(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { data: { type: 'string' }, json: { type: 'boolean' } }, 0, io, 'list');
  if (!parsed) return EXIT.usage;
  const dataDir = needData(parsed.values.data, io);
  if (!dataDir) return EXIT.usage;
  const store = await openPackStore(dataDir, cliLogger(dataDir, io));
  const packs = await store.list();
  if (parsed.values.json) {
    io.stdout(JSON.stringify(packs.map(({ id, version, title, active }) => ({ id, version, title, active })), null, 2));
  } else if (packs.length === 0) {
    io.stdout('No packs installed; the kiosk shows its built-in hall.');
  } else {
    for (const pack of packs) io.stdout(`${pack.active ? '*' : ' '} ${refName(pack)}  ${Object.values(pack.title)[0] ?? ''}`);
  }
  return EXIT.ok;
}

export async function runActivate(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { data: { type: 'string' } }, 1, io, 'activate');
  if (!parsed) return EXIT.usage;
  const dataDir = needData(parsed.values.data, io);
  if (!dataDir) return EXIT.usage;
  const text = parsed.positionals[0] ?? '';
  const at = text.lastIndexOf('@');
  if (at <= 0) {
    io.stderr(`"${text}" is not ID@VERSION (for example chaoyang-expo@1.0.0); \`sunrise-hall pack list\` shows what is installed.`);
    return EXIT.usage;
  }
  const ref = { id: text.slice(0, at), version: text.slice(at + 1) };
  const store = await openPackStore(dataDir, cliLogger(dataDir, io));
  try {
    await store.activate(ref);
  } catch (error) {
    if (error instanceof PackNotInstalledError) {
      io.stderr(error.message);
      return EXIT.refused;
    }
    throw error;
  }
  await appendAudit(dataDir, { action: 'activate', outcome: 'ok', source: 'cli', pack: refName(ref) });
  io.stdout(`${refName(ref)} is now active.`);
  return EXIT.ok;
}

export async function runRollback(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parse(argv, { data: { type: 'string' } }, 0, io, 'rollback');
  if (!parsed) return EXIT.usage;
  const dataDir = needData(parsed.values.data, io);
  if (!dataDir) return EXIT.usage;
  const store = await openPackStore(dataDir, cliLogger(dataDir, io));
  const ref = await store.rollback();
  if (ref === null) {
    io.stderr('There is no earlier pack installed to go back to.');
    return EXIT.refused;
  }
  await appendAudit(dataDir, { action: 'rollback', outcome: 'ok', source: 'cli', pack: refName(ref) });
  io.stdout(`Rolled back: ${refName(ref)} is active again.`);
  return EXIT.ok;
}
