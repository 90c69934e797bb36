// `api.track`: stamps a validated visitor event with the core's clock and the active pack, then queues it.
import type { AnalyticsEvent } from '../../shared/analytics-types';
import type { ActivePack } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { AnalyticsLog } from './event-log';

export interface TrackerDeps {
  readonly log: AnalyticsLog;
  /** The pack visitors see now; its `id@version` goes into every event. */
  readonly activePack: () => ActivePack;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * The time and pack come from the core, never from the renderer: a page with a wrong clock (or a
 * tampered one) cannot date events, and every event names the content it was about.
 */
export function createTracker(deps: TrackerDeps): (event: AnalyticsEvent) => Result<null> {
  const now = deps.now ?? (() => new Date());
  return (event) => {
    const { manifest } = deps.activePack();
    const accepted = deps.log.record({ t: now().toISOString(), pack: `${manifest.id}@${manifest.version}`, ...event });
    return accepted
      ? ok(null)
      : fail('ANALYTICS_E_NOT_SAVED', 'The event was not recorded: too many events are waiting for the disk. The log in the data folder says why.');
  };
}
