// `sunrise-hall settings get|set|list`: reads or changes a data folder's settings, e.g. from a provisioning script.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths/default-data-dir';
import { openSettingsStore } from '../core/settings/settings-store';
import type { SettingsStore } from '../core/settings/settings-store';
import { describeError } from '../core/store/fs-error';
import type { ErrorCode } from '../shared/errors';
import type { KioskError } from '../shared/result';
import { SETTINGS_KEYS, isSettingsKey } from '../shared/settings';
import { cliLogger } from './cli-logger';
import { EXIT } from './io';
import type { CommandIo } from './io';
import { isDirectory } from '../core/paths/is-directory';

export const SETTINGS_USAGE = `Usage: sunrise-hall settings list --data DIR
       sunrise-hall settings get KEY --data DIR
       sunrise-hall settings set KEY VALUE --data DIR   (VALUE is JSON, e.g. 90 or "en"; a bare word counts as text)`;

/** How many words follow each verb. */
const ARITY = { list: 0, get: 1, set: 2 } as const;
type Verb = keyof typeof ARITY;

/**
 * Runs `settings …` (`argv` is what follows the word `settings`) against `--data DIR`.
 * Safe while the kiosk runs: writes are atomic and durable, and the kiosk follows the file.
 * @returns 0 done, 1 refused (unknown key, bad value, disk failure), 2 usage error.
 * @example runSettingsCommand(['set', 'idle.timeoutSeconds', '120', '--data', dir], io) // prints `idle.timeoutSeconds = 120`
 */
export async function runSettingsCommand(argv: string[], io: CommandIo): Promise<number> {
  const usage = (problem: string): number => {
    io.stderr(`${problem}\n${SETTINGS_USAGE}`);
    return EXIT.usage;
  };

  let parsed;
  try {
    parsed = parseArgs({
      // parseArgs reads `-5` as an option; hide negative numbers from it so `set KEY -5` reaches validation.
      args: argv.map((arg) => (NEGATIVE_NUMBER.test(arg) ? `${ESCAPE}${arg}` : arg)),
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    return usage(describeError(error));
  }
  if (parsed.values.help) {
    io.stdout(SETTINGS_USAGE);
    return EXIT.ok;
  }
  const [verb, ...words] = parsed.positionals.map((word) => (word.startsWith(ESCAPE) ? word.slice(ESCAPE.length) : word));
  if (verb === undefined) return usage('Missing what to do: list, get or set.');
  if (!isVerb(verb)) return usage(`Unknown settings command "${verb}": use list, get or set.`);
  if (words.length < ARITY[verb]) return usage(verb === 'set' && words.length === 1 ? 'Missing the VALUE to set.' : 'Missing the setting KEY.');
  if (words.length > ARITY[verb]) return usage(`Too many arguments for "settings ${verb}": ${words.slice(ARITY[verb]).join(' ')}`);
  if (!parsed.values.data) return usage(`Missing --data DIR: the kiosk's data folder (by default ${defaultDataDir()}).`);

  const dataDir = resolve(parsed.values.data);
  // Reading must not create a folder: a mistyped --data would otherwise look like "all defaults".
  if (verb !== 'set' && !(await isDirectory(dataDir))) return usage(`No data folder at ${dataDir}: check --data.`);

  let store: SettingsStore;
  try {
    store = await openSettingsStore({ dataDir, logger: cliLogger(dataDir, io) });
  } catch (error) {
    io.stderr(`Cannot open the settings in ${dataDir}: ${describeError(error)}`);
    return EXIT.refused;
  }
  try {
    return await run(store, verb, words, io);
  } finally {
    await store.close();
  }
}

const NEGATIVE_NUMBER = /^-\d/;
/** A prefix no shell argument starts with; parseArgs then treats the word as positional. */
const ESCAPE = '\u0000';

async function run(store: SettingsStore, verb: Verb, words: string[], io: CommandIo): Promise<number> {
  const [key = '', text = ''] = words;
  switch (verb) {
    case 'list': {
      const settings = store.all();
      for (const name of SETTINGS_KEYS) io.stdout(`${name} = ${JSON.stringify(settings[name])}`);
      return EXIT.ok;
    }
    case 'get': {
      const result = store.get(key);
      if (!result.ok) return refused(result.error, io);
      io.stdout(JSON.stringify(result.value));
      return EXIT.ok;
    }
    case 'set': {
      const result = await store.set(key, parseValue(text));
      if (!result.ok) return refused(result.error, io);
      io.stdout(`${key} = ${JSON.stringify(isSettingsKey(key) ? result.value[key] : undefined)}`);
      return EXIT.ok;
    }
  }
}

/** Prints why, then what to do about it. */
function refused(error: KioskError, io: CommandIo): number {
  const hint = HINTS[error.code];
  io.stderr(hint ? `${error.message}\n${hint}` : error.message);
  return EXIT.refused;
}

const HINTS: Partial<Record<ErrorCode, string>> = {
  SETTINGS_E_UNKNOWN_KEY: 'Run "sunrise-hall settings list --data DIR" to see every key with its current value.',
  SETTINGS_E_BAD_VALUE: 'VALUE is read as JSON: write numbers plainly (120) and text as a word (en) or quoted (\'"zh-CN"\').',
  SETTINGS_E_NOT_SAVED: 'Nothing was changed. Check that the data folder is writable and the disk is not full.',
};

/** JSON when it parses (`90`, `"en"`, `true`); otherwise the text itself, so `en` works without shell quoting. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isVerb(word: string): word is Verb {
  return Object.hasOwn(ARITY, word);
}


/**
 * Recovery notes (a corrupt file moved aside) go to the kiosk's own log, where staff look later, and
 * warnings and errors also to the terminal, where the person running the command looks now.
 */
