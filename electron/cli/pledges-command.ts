// `sunrise-hall pledges list|hide|show|clear`: staff moderation of pledge walls; a running kiosk follows at once.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appendAudit } from '../core/packs/audit-log';
import type { AuditEntry } from '../core/packs/audit-log';
import { openPackStore } from '../core/packs/pack-store';
import { defaultDataDir } from '../core/paths/default-data-dir';
import { isDirectory } from '../core/paths/is-directory';
import { LockTimeoutError } from '../core/pledges/file-lock';
import { openPledgeStore, PLEDGE_ID_PATTERN } from '../core/pledges/pledge-store';
import type { PledgeStore } from '../core/pledges/pledge-store';
import { describeError } from '../core/store/fs-error';
import { packIdSchema } from '../shared/manifest';
import type { Pledge } from '../shared/pledge-types';
import { cliLogger } from './cli-logger';
import { EXIT } from './io';
import type { CommandIo } from './io';

export const PLEDGES_USAGE = `Usage: sunrise-hall pledges list [--exhibit ID] [--all] [--pack ID] [--data DIR]
       sunrise-hall pledges hide PLEDGE-ID [--pack ID] [--data DIR]
       sunrise-hall pledges show PLEDGE-ID [--pack ID] [--data DIR]
       sunrise-hall pledges clear --exhibit ID --yes [--pack ID] [--data DIR]
(--pack defaults to the active pack; --all also lists hidden pledges)`;

const ARITY = { list: 0, hide: 1, show: 1, clear: 0 } as const;
type Verb = keyof typeof ARITY;

/**
 * Runs `pledges …` (`argv` is what follows the word `pledges`). Safe while the kiosk runs: changes go
 * through the same lock and durable write as the kiosk's own, and the kiosk watches the file, so a
 * hidden pledge leaves the wall within a second. Every change is written to the audit log.
 * @returns 0 done, 1 refused (no such pledge, the file is busy or cannot be written), 2 usage error.
 */
export async function runPledgesCommand(argv: string[], io: CommandIo): Promise<number> {
  const usage = (problem: string): number => {
    io.stderr(`${problem}\n${PLEDGES_USAGE}`);
    return EXIT.usage;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        exhibit: { type: 'string' },
        all: { type: 'boolean' },
        pack: { type: 'string' },
        data: { type: 'string' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    return usage(describeError(error));
  }
  if (parsed.values.help) {
    io.stdout(PLEDGES_USAGE);
    return EXIT.ok;
  }
  const [verb, ...words] = parsed.positionals;
  if (verb === undefined) return usage('Missing what to do: list, hide, show or clear.');
  if (!Object.hasOwn(ARITY, verb)) return usage(`Unknown pledges command "${verb}": use list, hide, show or clear.`);
  const arity = ARITY[verb as Verb];
  if (words.length < arity) return usage(`Missing the PLEDGE-ID to ${verb} ("pledges list" shows the ids).`);
  if (words.length > arity) return usage(`Too many arguments for "pledges ${verb}": ${words.slice(arity).join(' ')}`);
  const { exhibit, pack } = parsed.values;
  if (exhibit !== undefined && !packIdSchema.safeParse(exhibit).success) return usage(`--exhibit "${exhibit}" is not an exhibit id (lower-case letters, digits and dashes).`);
  if (pack !== undefined && !packIdSchema.safeParse(pack).success) return usage(`--pack "${pack}" is not a pack id (lower-case letters, digits and dashes).`);
  const id = words[0] ?? '';
  if (arity === 1 && !PLEDGE_ID_PATTERN.test(id)) return usage(`"${id}" is not a pledge id: ids are 8 letters and digits, as "pledges list" shows them.`);
  if (verb === 'clear' && exhibit === undefined) return usage('Missing --exhibit ID: the wall to clear.');

  const dataDir = resolve(parsed.values.data ?? defaultDataDir());
  if (!(await isDirectory(dataDir))) return usage(`No data folder at ${dataDir}: check --data.`);
  const logger = cliLogger(dataDir, io);
  const packId = pack ?? (await (await openPackStore(dataDir, logger)).active())?.manifest.id;
  if (packId === undefined) {
    io.stderr('No content pack is active on this kiosk, so there are no pledge walls; name a pack with --pack ID.');
    return EXIT.refused;
  }
  const store = await openPledgeStore({ dataDir, packId, logger });
  try {
    switch (verb as Verb) {
      case 'list':
        return await list(store, { exhibit, all: parsed.values.all === true }, io);
      case 'hide':
      case 'show':
        return await setStatus(store, id, verb === 'hide' ? 'hidden' : 'visible', dataDir, io);
      case 'clear':
        return await clear(store, exhibit ?? '', parsed.values.yes === true, dataDir, io);
    }
  } catch (error) {
    if (error instanceof LockTimeoutError) {
      io.stderr(`The kiosk is saving pledges right now and did not finish in time; run the command again. (${error.message})`);
      return EXIT.refused;
    }
    io.stderr(`Could not change the pledges of ${packId}: ${describeError(error)}. Nothing was changed; check the data folder is writable and the disk is not full.`);
    return EXIT.refused;
  }
}

async function list(store: PledgeStore, options: { exhibit: string | undefined; all: boolean }, io: CommandIo): Promise<number> {
  const pledges = (await store.read()).filter((p) => options.exhibit === undefined || p.exhibitId === options.exhibit);
  const walls = [...new Set(pledges.map((p) => p.exhibitId))].sort();
  if (walls.length === 0) {
    io.stdout(options.exhibit === undefined ? `No pledges yet in ${store.packId}.` : `No pledges on wall ${options.exhibit} in ${store.packId}.`);
    return EXIT.ok;
  }
  for (const wall of walls) {
    const onWall = pledges.filter((p) => p.exhibitId === wall).reverse();
    const hidden = onWall.filter((p) => p.status === 'hidden').length;
    io.stdout(`${store.packId} / ${wall}: ${onWall.length - hidden} visible, ${hidden} hidden${!options.all && hidden > 0 ? ' (--all lists them)' : ''}`);
    for (const pledge of onWall) if (options.all || pledge.status === 'visible') io.stdout(`  ${describe(pledge)}`);
  }
  return EXIT.ok;
}

/** `k3m9xq2a  2026-11-28 10:02  hidden   我要节约用水`, in the kiosk's local time. */
function describe(pledge: Pledge): string {
  const at = new Date(pledge.createdAt);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const when = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `${pledge.id}  ${when}  ${pledge.status.padEnd(7)}  ${pledge.text}`;
}

async function setStatus(store: PledgeStore, id: string, status: Pledge['status'], dataDir: string, io: CommandIo): Promise<number> {
  const action: AuditEntry['action'] = status === 'hidden' ? 'pledge-hide' : 'pledge-show';
  const pledge = await store.setStatus(id, status);
  if (pledge === null) {
    await appendAudit(dataDir, { action, outcome: 'refused', source: 'cli', pack: store.packId, entry: id, code: 'PLEDGE_E_NOT_FOUND' });
    io.stderr(`No pledge ${id} in ${store.packId}; "sunrise-hall pledges list --all" shows every id (use --pack for another pack).`);
    return EXIT.refused;
  }
  await appendAudit(dataDir, { action, outcome: 'ok', source: 'cli', pack: store.packId, entry: id, message: `wall ${pledge.exhibitId}` });
  io.stdout(status === 'hidden' ? `Hidden ${id} on wall ${pledge.exhibitId}; a running kiosk takes it off the wall within a second.` : `${id} is visible again on wall ${pledge.exhibitId}.`);
  return EXIT.ok;
}

async function clear(store: PledgeStore, exhibit: string, confirmed: boolean, dataDir: string, io: CommandIo): Promise<number> {
  if (!confirmed) {
    const count = (await store.read()).filter((p) => p.exhibitId === exhibit).length;
    io.stderr(`This deletes all ${count} pledge${count === 1 ? '' : 's'} on wall ${exhibit} of ${store.packId} for good; add --yes to do it.`);
    return EXIT.usage;
  }
  const removed = await store.clear(exhibit);
  await appendAudit(dataDir, { action: 'pledge-clear', outcome: 'ok', source: 'cli', pack: store.packId, entry: exhibit, message: `${removed} pledges deleted` });
  io.stdout(`Deleted ${removed} pledge${removed === 1 ? '' : 's'} from wall ${exhibit} of ${store.packId}.`);
  return EXIT.ok;
}
