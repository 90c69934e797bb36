// Composition root of the core: opens storage and wires request handlers and events for one host.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostKind } from '../shared/api';
import { PRODUCT_NAME } from '../shared/product';
import { fail, ok } from '../shared/result';
import { ANALYTICS_DIR_NAME } from './analytics/day-files';
import { openAnalyticsLog } from './analytics/event-log';
import type { AnalyticsLog } from './analytics/event-log';
import { createTracker } from './analytics/tracker';
import { createDispatch } from './api/dispatch';
import type { Dispatch } from './api/dispatch';
import { createEventHub } from './api/event-hub';
import type { EventHub } from './api/event-hub';
import { createFileLogger } from './log/logger';
import type { Logger } from './log/logger';
import { openPackService, PackNotInstalledError } from './packs/pack-service';
import type { PackService } from './packs/pack-service';
import { openPledgeService } from './pledges/pledge-service';
import type { PledgeService } from './pledges/pledge-service';
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
  /** Follow settings, pack activations and pledge moderation changed by another process (the CLI). @default true */
  readonly watch?: boolean;
  /** Folder of the default pack zips shipped with the app; see installBundledPacks. */
  readonly bundledPacksDir?: string;
}

export interface KioskCore {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly settings: SettingsStore;
  readonly packs: PackService;
  readonly analytics: AnalyticsLog;
  readonly pledges: PledgeService;
  readonly logger: Logger;
  /** Writes queued analytics and waits for saves under way; the kiosk hosts call it before the process ends. */
  close(): Promise<void>;
}

export async function openKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const { dataDir, host, appVersion, packBaseUrl, watch = true } = options;
  await mkdir(dataDir, { recursive: true });
  const logger = options.logger ?? createFileLogger({ dir: join(dataDir, 'logs') });
  const settings = await openSettingsStore({ dataDir, logger, watch });
  const events = createEventHub();
  const stopForwardingSettings = settings.onChange((values) => events.emit('settings:changed', values));

  const packs = await openPackService({ dataDir, logger, settings, events, packBaseUrl, watch, ...(options.bundledPacksDir ? { bundledPacksDir: options.bundledPacksDir } : {}) });

  const analytics = await openAnalyticsLog({ dir: join(dataDir, ANALYTICS_DIR_NAME), logger, retentionDays: settings.all()['analytics.retentionDays'] });
  let retentionDays = settings.all()['analytics.retentionDays'];
  const stopFollowingRetention = settings.onChange((values) => {
    if (values['analytics.retentionDays'] === retentionDays) return;
    retentionDays = values['analytics.retentionDays'];
    void analytics.setRetentionDays(retentionDays);
  });
  const track = createTracker({ log: analytics, activePack: () => packs.activePack() });
  const pledges = await openPledgeService({ dataDir, logger, events, activePack: () => packs.activePack(), watch });

  const dispatch = createDispatch(
    {
      'app:info': () => ok({ name: PRODUCT_NAME, version: appVersion, host }),
      'packs:active': () => ok(packs.activePack()),
      'packs:list': async () => ok(await packs.list()),
      'packs:import': async (source, { activate }) => ok(await packs.importPack(source, { activate })),
      'packs:cancel-import': () => ok(packs.cancelImport()),
      'packs:activate': async (refText) => {
        const at = refText.lastIndexOf('@');
        try {
          return ok(await packs.activate({ id: refText.slice(0, at), version: refText.slice(at + 1) }));
        } catch (error) {
          if (error instanceof PackNotInstalledError) return fail('PACK_E_NOT_FOUND', error.message);
          throw error;
        }
      },
      'packs:rollback': async () => {
        const pack = await packs.rollback();
        return pack ? ok(pack) : fail('PACK_E_NOT_FOUND', 'There is no earlier pack installed to go back to.');
      },
      'settings:all': () => ok(settings.all()),
      'analytics:track': (event) => track(event),
      'pledges:submit': (request) => pledges.submit(request),
      'pledges:list': (request) => pledges.list(request),
      'pledges:walls': () => ok(pledges.walls()),
    },
    logger,
  );

  logger.info('core opened', { host, appVersion, dataDir });
  return {
    dispatch,
    events,
    settings,
    packs,
    analytics,
    pledges,
    logger,
    async close() {
      stopForwardingSettings();
      stopFollowingRetention();
      await pledges.close();
      packs.close();
      await analytics.close();
      await settings.close();
    },
  };
}
