// Composition root of the core: opens storage and wires request handlers and events for one host.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivePack, HostKind } from '../shared/api';
import { PRODUCT_NAME } from '../shared/product';
import { ok } from '../shared/result';
import { createDispatch } from './api/dispatch';
import type { Dispatch } from './api/dispatch';
import { createEventHub } from './api/event-hub';
import type { EventHub } from './api/event-hub';
import { createFileLogger } from './log/logger';
import type { Logger } from './log/logger';
import { BUILTIN_MANIFEST } from './packs/builtin-manifest';
import { openSettingsStore } from './settings/settings-store';
import type { SettingsStore } from './settings/settings-store';

export interface KioskCoreOptions {
  /** Folder that holds every file the app writes. */
  readonly dataDir: string;
  readonly host: HostKind;
  readonly appVersion: string;
  /** URL prefix the host serves pack files under (`app://pack/` or `/pack/`). */
  readonly packBaseUrl: string;
  /** @default a file logger in `<dataDir>/logs` */
  readonly logger?: Logger;
  /** Follow settings changed by another process (the CLI). @default true */
  readonly watchSettings?: boolean;
}

export interface KioskCore {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly settings: SettingsStore;
  readonly logger: Logger;
  close(): Promise<void>;
}

export async function openKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const { dataDir, host, appVersion, packBaseUrl, watchSettings = true } = options;
  await mkdir(dataDir, { recursive: true });
  const logger = options.logger ?? createFileLogger({ dir: join(dataDir, 'logs') });
  const settings = await openSettingsStore({ dataDir, logger, watch: watchSettings });
  const events = createEventHub();
  const stopForwardingSettings = settings.onChange((values) => events.emit('settings:changed', values));

  // Until the content-pack issue lands, the built-in manifest is always the active pack.
  const activePack = (): ActivePack => ({ manifest: BUILTIN_MANIFEST, baseUrl: packBaseUrl, builtIn: true });

  const dispatch = createDispatch(
    {
      'app:info': () => ok({ name: PRODUCT_NAME, version: appVersion, host }),
      'packs:active': () => ok(activePack()),
      'settings:all': () => ok(settings.all()),
    },
    logger,
  );

  logger.info('core opened', { host, appVersion, dataDir });
  return {
    dispatch,
    events,
    settings,
    logger,
    async close() {
      stopForwardingSettings();
      await settings.close();
    },
  };
}
