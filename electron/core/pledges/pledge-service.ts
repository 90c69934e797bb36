// Pledge walls as the kiosk serves them: submit with every check, list, and live updates when staff moderate.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ActivePack } from '../../shared/api';
import { PLEDGE_WALL_SHOWN } from '../../shared/pledge-types';
import type { Pledge, PledgeWalls } from '../../shared/pledge-types';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { EventHub } from '../api/event-hub';
import type { Logger } from '../log/logger';
import { describeError } from '../store/fs-error';
import { findBlockedWord } from './blocked-words';
import { BUILTIN_BLOCKED_WORDS } from './builtin-words';
import { checkPledgeText } from './pledge-text';
import { openPledgeStore, PLEDGES_DIR_NAME, visibleNewestFirst } from './pledge-store';
import type { PledgeStore } from './pledge-store';
import { createRateLimiter } from './rate-limit';
import { loadWallWords, pledgeWalls } from './word-lists';
import type { WallWords } from './word-lists';

/** Pledges one kiosk accepts per minute: a visitor types one in half a minute; more is a child hammering Send. */
export const DEFAULT_PLEDGES_PER_MINUTE = 6;
/** Quiet time after the last file event before re-reading: one save fires several (temp, rename, .bak). */
const WATCH_DEBOUNCE_MS = 100;

export interface PledgeServiceOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly events: EventHub;
  /** The pack visitors see now. */
  readonly activePack: () => ActivePack;
  /** Follow moderation done by `sunrise-hall pledges` in another process. @default false */
  readonly watch?: boolean;
  /** @default DEFAULT_PLEDGES_PER_MINUTE */
  readonly perMinute?: number;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** A clock that never goes back, for the rate limit. @default performance.now */
  readonly monotonicMs?: () => number;
}

export interface PledgeService {
  submit(request: { exhibitId: string; text: string }): Promise<Result<Pledge>>;
  list(request: { exhibitId: string }): Promise<Result<Pledge[]>>;
  /** Every wall of the active pack with its visible pledges, as last published. */
  walls(): PledgeWalls;
  /** Stops following files and pack changes; waits for a change under way. */
  close(): Promise<void>;
}

interface ActiveWalls {
  readonly pack: ActivePack;
  readonly store: PledgeStore;
  readonly words: Map<string, WallWords>;
  pledges: Pledge[];
}

export async function openPledgeService(options: PledgeServiceOptions): Promise<PledgeService> {
  const { dataDir, logger, events, activePack } = options;
  const pledgesDir = join(dataDir, PLEDGES_DIR_NAME);
  await mkdir(pledgesDir, { recursive: true });
  const limiter = createRateLimiter(options.perMinute ?? DEFAULT_PLEDGES_PER_MINUTE, options.monotonicMs ?? (() => performance.now()));

  const load = async (pack: ActivePack): Promise<ActiveWalls> => {
    const store = await openPledgeStore({ dataDir, packId: pack.manifest.id, logger, ...(options.now ? { now: options.now } : {}) });
    return { pack, store, words: await loadWallWords(dataDir, pack, logger), pledges: await readOrKeep(store, [], logger) };
  };

  let active = await load(activePack());
  let published = snapshot(active);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** One task at a time: a pack switch, a submit and a re-read never see each other half done. */
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Tells renderers about the walls, if they changed since they last heard. */
  const publish = (): void => {
    const next = snapshot(active);
    if (JSON.stringify(next) === JSON.stringify(published)) return;
    published = next;
    events.emit('pledges:changed', next);
  };

  const stopFollowingPacks = events.listen((channel) => {
    if (channel !== 'packs:changed') return;
    void serialize(async () => {
      if (closed) return;
      active = await load(activePack());
      publish();
    }).catch((error: unknown) => logger.error(`Could not switch pledge walls to the new pack: ${describeError(error)}`));
  });

  let watcher: FSWatcher | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  if (options.watch) {
    try {
      // The folder, not the file: every save replaces the file by rename, which a file watch loses.
      watcher = watch(pledgesDir, (_event, name) => {
        if (closed || (name !== null && name !== `${active.store.packId}.json`)) return;
        clearTimeout(debounce);
        debounce = setTimeout(() => {
          debounce = undefined;
          void serialize(async () => {
            if (closed) return;
            active.pledges = await readOrKeep(active.store, active.pledges, logger);
            publish();
          });
        }, WATCH_DEBOUNCE_MS);
      });
      watcher.on('error', (error) => {
        logger.warn(`Stopped following pledge moderation: ${describeError(error)}`);
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      // E.g. the inotify watch limit: pledges still work; CLI moderation shows after the next pledge or restart.
      logger.warn(`Cannot follow pledge moderation from the CLI: ${describeError(error)}`);
    }
  }

  const wallOf = (exhibitId: string): Result<WallWords> => {
    const words = active.words.get(exhibitId);
    if (words === undefined) {
      return fail('PLEDGE_E_NOT_A_WALL', `Exhibit "${exhibitId}" is not a pledge wall of the active pack (${active.pack.manifest.id}).`);
    }
    return ok(words);
  };

  const submit = async (exhibitId: string, raw: string): Promise<Result<Pledge>> => {
    const wall = wallOf(exhibitId);
    if (!wall.ok) return wall;
    if (!wall.value.ok) {
      return fail('PLEDGE_E_NOT_SAVED', `This pledge wall takes no pledges right now: its word list could not be read. Staff: the log in the data folder says why.`);
    }
    const checked = checkPledgeText(raw);
    if (!checked.ok) return fail(checked.code, checked.message);
    const blocked = findBlockedWord(checked.text, [wall.value.words, BUILTIN_BLOCKED_WORDS]);
    if (blocked !== null) {
      // The entry, not the visitor's text: enough for staff to spot a list entry that refuses innocent pledges.
      logger.info('A pledge was refused by the blocked-word list', { exhibit: exhibitId, entry: blocked.entry });
      return fail('PLEDGE_E_BLOCKED', 'The pledge contains a word this wall does not show; please write it differently.');
    }
    const wait = limiter.waitSeconds();
    if (wait !== null) {
      return fail('PLEDGE_E_RATE', `This kiosk has taken the most pledges it takes in a minute; try again in ${wait} second${wait === 1 ? '' : 's'}.`);
    }
    let pledge: Pledge;
    try {
      pledge = await active.store.add(exhibitId, checked.text);
    } catch (error) {
      logger.error(`Could not store a pledge: ${describeError(error)}`, { exhibit: exhibitId, file: active.store.file });
      return fail('PLEDGE_E_NOT_SAVED', 'The pledge could not be stored on this kiosk (the disk refused it). Staff: the log in the data folder says why.');
    }
    limiter.note();
    active.pledges = await readOrKeep(active.store, [...active.pledges, pledge], logger);
    publish();
    return ok(pledge);
  };

  return {
    submit: ({ exhibitId, text }) => serialize(() => submit(exhibitId, text)),
    list: async ({ exhibitId }) => {
      const wall = wallOf(exhibitId);
      if (!wall.ok) return wall;
      return ok([...(published.walls[exhibitId] ?? [])]);
    },
    walls: () => published,
    close: async () => {
      closed = true;
      stopFollowingPacks();
      watcher?.close();
      watcher = undefined;
      clearTimeout(debounce);
      await queue;
    },
  };
}

/** What renderers see: each wall of the active pack with its newest visible pledges. */
function snapshot(active: ActiveWalls): PledgeWalls {
  const walls: Record<string, readonly Pledge[]> = {};
  for (const wall of pledgeWalls(active.pack)) walls[wall.id] = visibleNewestFirst(active.pledges, wall.id, PLEDGE_WALL_SHOWN);
  return { packId: active.pack.manifest.id, walls };
}

/** The file's pledges, or `fallback` when it cannot be read now (the wall keeps showing what it showed). */
async function readOrKeep(store: PledgeStore, fallback: Pledge[], logger: Logger): Promise<Pledge[]> {
  try {
    return await store.read();
  } catch (error) {
    logger.warn(`Could not read ${store.file}: ${describeError(error)}`, { file: store.file });
    return fallback;
  }
}
