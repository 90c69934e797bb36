// KioskApi: the one typed contract between the renderer and either host, generated from one channel map.
import type { AnalyticsEvent } from './analytics-types';
import type { Manifest } from './manifest';
import type { ImportProgress, ImportResult, InstalledPackInfo } from './pack-types';
import type { Pledge, PledgeWalls } from './pledge-types';
import type { Result } from './result';
import type { Settings } from './settings';

export const HOST_KINDS = ['electron', 'web'] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
}

/** What the renderer needs to show a pack: its manifest and where its files are served from. */
export interface ActivePack {
  readonly manifest: Manifest;
  /** URL prefix under which the pack's files are served, ending in `/` (`app://pack/` or `/pack/`). */
  readonly baseUrl: string;
  /** True for the tiny manifest compiled into the app, used until a real pack is active. */
  readonly builtIn: boolean;
}

/**
 * Request channels. The name is `domain:verb`; `path` places it on `KioskApi` (domain and name, or one
 * name for a top-level member such as `track`); `result` is a phantom type. Argument schemas live in
 * `api-requests.ts`, which must name every channel here (the type checker enforces it), so this file
 * stays free of zod and the sandboxed preload stays small.
 */
export const requestChannels = {
  'app:info': { path: ['app', 'info'], result: {} as AppInfo },
  'packs:active': { path: ['packs', 'active'], result: {} as ActivePack },
  'packs:list': { path: ['packs', 'list'], result: [] as InstalledPackInfo[] },
  'packs:import': { path: ['packs', 'import'], result: {} as ImportResult },
  'packs:cancel-import': { path: ['packs', 'cancelImport'], result: false as boolean },
  'packs:activate': { path: ['packs', 'activate'], result: {} as ActivePack },
  'packs:rollback': { path: ['packs', 'rollback'], result: {} as ActivePack },
  'settings:all': { path: ['settings', 'all'], result: {} as Settings },
  'analytics:track': { path: ['track'], result: null as null },
  'pledges:submit': { path: ['pledges', 'submit'], result: {} as Pledge },
  'pledges:list': { path: ['pledges', 'list'], result: [] as Pledge[] },
  'pledges:walls': { path: ['pledges', 'walls'], result: {} as PledgeWalls },
} as const satisfies Record<string, { path: readonly [string] | readonly [string, string]; result: unknown }>;

/**
 * Push events from host to renderer, exposed as `on…(callback) → unsubscribe`. `current` names the
 * request that returns the same payload as of now: a transport that may have missed events (a
 * reconnected stream) asks it again, so the renderer never keeps showing stale state.
 */
export const eventChannels = {
  'packs:changed': { path: ['packs', 'onPackChanged'], payload: {} as ActivePack, current: 'packs:active' },
  'packs:import-progress': { path: ['packs', 'onImportProgress'], payload: {} as ImportProgress, current: null },
  'settings:changed': { path: ['settings', 'onSettingsChanged'], payload: {} as Settings, current: 'settings:all' },
  'pledges:changed': { path: ['pledges', 'onChanged'], payload: {} as PledgeWalls, current: 'pledges:walls' },
} as const satisfies Record<string, { path: readonly [string, string]; payload: unknown; current: RequestChannelName | null }>;

type RequestChannelName = keyof typeof requestChannels;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestResult<C extends RequestChannel> = (typeof requestChannels)[C]['result'];
export type EventPayload<E extends EventChannel> = (typeof eventChannels)[E]['payload'];

export const REQUEST_CHANNELS = Object.keys(requestChannels) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

export function isRequestChannel(name: string): name is RequestChannel {
  return Object.hasOwn(requestChannels, name);
}

export function isEventChannel(name: string): name is EventChannel {
  return Object.hasOwn(eventChannels, name);
}

export type Unsubscribe = () => void;

/** The contract the renderer sees as `window.kiosk` (Electron) or the web client (web host). */
export interface KioskApi {
  readonly app: {
    info(): Promise<Result<AppInfo>>;
  };
  readonly packs: {
    active(): Promise<Result<ActivePack>>;
    list(): Promise<Result<InstalledPackInfo[]>>;
    /** Checks and installs the pack at `source` (a .zip or folder path on this machine, e.g. a USB stick). */
    import(source: string, options: { activate: boolean }): Promise<Result<ImportResult>>;
    cancelImport(): Promise<Result<boolean>>;
    /** `ref` is `id@version` of an installed pack. */
    activate(ref: string): Promise<Result<ActivePack>>;
    rollback(): Promise<Result<ActivePack>>;
    onPackChanged(callback: (pack: ActivePack) => void): Unsubscribe;
    onImportProgress(callback: (progress: ImportProgress) => void): Unsubscribe;
  };
  readonly settings: {
    all(): Promise<Result<Settings>>;
    onSettingsChanged(callback: (settings: Settings) => void): Unsubscribe;
  };
  /**
   * Records one visitor event, fire-and-forget: the core stamps it with its own clock and the active
   * pack, and writes it within about a second. Refused with API_E_BAD_REQUEST when it carries anything
   * but the event's fixed fields (no free text, ids in pack-id form); ANALYTICS_E_NOT_SAVED when the
   * disk is not keeping up.
   */
  track(event: AnalyticsEvent): Promise<Result<null>>;
  readonly pledges: {
    /**
     * Leaves a message on a pledge wall of the active pack. Refusals: PLEDGE_E_NOT_A_WALL, PLEDGE_E_EMPTY,
     * PLEDGE_E_TOO_LONG, PLEDGE_E_CHARS, PLEDGE_E_PERSONAL, PLEDGE_E_BLOCKED, PLEDGE_E_RATE, PLEDGE_E_NOT_SAVED.
     */
    submit(request: { exhibitId: string; text: string }): Promise<Result<Pledge>>;
    /** The wall's visible pledges, newest first (at most 50); PLEDGE_E_NOT_A_WALL for another exhibit. */
    list(request: { exhibitId: string }): Promise<Result<Pledge[]>>;
    /** Every pledge wall of the active pack with its visible pledges: what `onChanged` delivers. */
    walls(): Promise<Result<PledgeWalls>>;
    /** After a pledge is left, hidden, shown or cleared (also by staff at the CLI), or the pack changed. */
    onChanged(callback: (walls: PledgeWalls) => void): Unsubscribe;
  };
}

/** How a host transport sends one request; it must resolve to a Result, never reject. */
export type Invoke = (channel: RequestChannel, args: readonly unknown[]) => Promise<Result<unknown>>;
/** How a host transport subscribes to one event channel. */
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => Unsubscribe;

/**
 * Builds a `KioskApi` from a transport. The preload and the web client both call this, so the two
 * cannot drift: adding a channel to the maps above adds it to both.
 */
export function buildKioskApi(invoke: Invoke, subscribe: Subscribe): KioskApi {
  const api: Record<string, unknown> = {};
  const place = (path: readonly [string] | readonly [string, string], member: unknown): void => {
    if (path.length === 1) {
      api[path[0]] = member;
      return;
    }
    const [domain, name] = path;
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[name] = member;
  };
  for (const channel of REQUEST_CHANNELS) {
    place(requestChannels[channel].path, (...args: unknown[]) => invoke(channel, args));
  }
  for (const channel of EVENT_CHANNELS) {
    place(eventChannels[channel].path, (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${channel}: the listener must be a function`);
      return subscribe(channel, listener);
    });
  }
  // The maps above are the single source of every member; the cast records that they match KioskApi,
  // which the contract unit test checks member by member.
  return api as unknown as KioskApi;
}
