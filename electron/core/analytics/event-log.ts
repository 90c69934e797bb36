// The kiosk's analytics writer: events queued in memory, appended to today's JSON Lines file each second, fsynced.
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedEvent } from '../../shared/analytics-types';
import type { Logger } from '../log/logger';
import { describeError } from '../store/fs-error';
import { freeBytes } from '../store/free-space';
import { dayFileName, dayName, pruneOldDays } from './day-files';

/** How long an event may wait in memory before it is written. @default 1000 ms */
export const DEFAULT_FLUSH_MS = 1000;
/** Events waiting for the disk beyond which new ones are dropped (a renderer stuck in a loop, a stalled disk). */
export const MAX_PENDING_EVENTS = 1000;
/** Largest day file: about 100,000 events, far beyond a real day, so a runaway renderer cannot fill the disk. */
export const MAX_DAY_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Analytics stop while the disk has less free than this (reliability.md C7), so settings, logs and
 * the pledge walls can still be written on a nearly full disk; they start again once there is room.
 */
export const ANALYTICS_DISK_RESERVE_BYTES = 256 * 1024 * 1024;

export interface AnalyticsLogOptions {
  /** The analytics folder (`<data>/analytics`); created if missing. */
  readonly dir: string;
  readonly logger: Logger;
  /** Days of files to keep; older ones are deleted at open and when a new day starts. */
  readonly retentionDays: number;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** @default DEFAULT_FLUSH_MS */
  readonly flushMs?: number;
  /** @default MAX_DAY_FILE_BYTES */
  readonly maxDayBytes?: number;
  /** @default ANALYTICS_DISK_RESERVE_BYTES */
  readonly reserveBytes?: number;
}

export interface AnalyticsLog {
  /** Queues one event for today's file; false when it was dropped (too many waiting, or closed). */
  record(event: RecordedEvent): boolean;
  /** Writes everything queued so far and resolves once it is on disk (or known lost). */
  flush(): Promise<void>;
  /** Changes how many days are kept and deletes what falls outside at once. */
  setRetentionDays(days: number): Promise<void>;
  /** Events lost since open: dropped from a full queue, over the day cap, on a nearly full disk, or refused by the disk. */
  readonly dropped: number;
  /** Writes what is queued, then refuses further events. */
  close(): Promise<void>;
}

/**
 * Why batch instead of fsyncing each event: one visitor action often yields several events at once
 * (exhibit.close + exhibit.open + qr.shown), and on the eMMC or SD storage of kiosk PCs every fsync is
 * a flash write costing milliseconds. One append + fsync per second bounds the loss in a power cut to
 * about a second of events (reliability.md C2 allows 5 s), keeps the API call itself free of disk I/O,
 * and a clean shutdown (`close`) loses nothing.
 *
 * Each batch is one append of whole lines. A power cut mid-append can leave a torn last line (or a
 * run of NUL bytes); readers skip it, and the first append to a file after opening ends that torn
 * line first, so the next event is never glued onto it.
 */
export async function openAnalyticsLog(options: AnalyticsLogOptions): Promise<AnalyticsLog> {
  const { dir, logger, now = () => new Date(), flushMs = DEFAULT_FLUSH_MS, maxDayBytes = MAX_DAY_FILE_BYTES, reserveBytes = ANALYTICS_DISK_RESERVE_BYTES } = options;
  let retentionDays = options.retentionDays;
  await mkdir(dir, { recursive: true });
  await pruneOldDays(dir, retentionDays, now(), logger);

  let pending: { day: string; line: string }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  let dropped = 0;
  /** Day files whose tail this process has checked (or written whole lines to) since opening. */
  const tailChecked = new Set<string>();
  /** Days whose cap was already reported, so a runaway renderer logs once, not a million times. */
  const capReported = new Set<string>();
  let lastDay = dayName(now());
  let failing = false;
  let diskLow = false;

  /** True (and said once) while writing `bytes` would leave less than the reserve free. */
  const overReserve = async (bytes: number): Promise<boolean> => {
    const free = await freeBytes(dir);
    const low = free - bytes < reserveBytes;
    if (low !== diskLow) {
      diskLow = low;
      if (low) logger.warn(`The disk is nearly full (${Math.round(free / 2 ** 20)} MiB free): analytics stop until ${Math.round(reserveBytes / 2 ** 20)} MiB are free again`, { dropped });
      else logger.info('There is room on the disk again: analytics resume', { dropped });
    }
    return low;
  };

  const appendDay = async (day: string, lines: string[]): Promise<void> => {
    const file = join(dir, dayFileName(day));
    let handle: FileHandle | undefined;
    try {
      // Checked before the file is even created; the +1 is the newline a torn tail may need.
      if (await overReserve(Buffer.byteLength(lines.join(''), 'utf8') + 1)) {
        dropped += lines.length;
        return;
      }
      // a+: appends always go to the end, and the tail can still be read to check for a torn line.
      handle = await open(file, 'a+');
      const size = (await handle.stat()).size;
      let prefix = '';
      if (!tailChecked.has(day) && size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) {
          prefix = '\n';
          logger.warn(`${dayFileName(day)} ended in a torn line (a power cut or crash mid-write); it is skipped when read`, { day });
        }
      }
      const body = prefix + lines.join('');
      const bytes = Buffer.byteLength(body, 'utf8');
      if (size + bytes > maxDayBytes) {
        dropped += lines.length;
        if (!capReported.has(day)) {
          capReported.add(day);
          logger.error(`${dayFileName(day)} reached ${maxDayBytes} bytes; dropping further analytics today (is the renderer stuck in a loop?)`, { day });
        }
        return;
      }
      await handle.appendFile(body);
      await handle.sync();
      tailChecked.add(day);
      if (failing) {
        failing = false;
        logger.info('Analytics are being written again', { dropped });
      }
    } catch (error) {
      dropped += lines.length;
      // A partial append may have left a torn line: check the tail again before the next one.
      tailChecked.delete(day);
      if (!failing) {
        failing = true;
        logger.error(`Could not write analytics to ${file}: ${describeError(error)}; events are dropped until it works again`, { file });
      }
    } finally {
      await handle?.close().catch(() => undefined);
    }
  };

  const writePending = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    const byDay = new Map<string, string[]>();
    for (const { day, line } of batch) byDay.set(day, [...(byDay.get(day) ?? []), line]);
    for (const [day, lines] of byDay) await appendDay(day, lines);
    const today = dayName(now());
    if (today > lastDay) {
      // A kiosk may run for weeks without a restart: retention also applies when a new day begins.
      lastDay = today;
      await pruneOldDays(dir, retentionDays, now(), logger);
    }
  };

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    // One write at a time, in order, so lines from two batches never interleave.
    writing = writing.then(writePending);
    return writing;
  };

  return {
    record(event) {
      if (closed || pending.length >= MAX_PENDING_EVENTS) {
        dropped += 1;
        return false;
      }
      pending.push({ day: dayName(now()), line: `${JSON.stringify(event)}\n` });
      if (timer === undefined) {
        timer = setTimeout(() => void flush(), flushMs);
        // A pending flush must not keep a CLI or test process alive; close() writes what is left.
        timer.unref();
      }
      return true;
    },
    flush,
    async setRetentionDays(days) {
      retentionDays = days;
      await pruneOldDays(dir, retentionDays, now(), logger);
    },
    get dropped() {
      return dropped;
    },
    async close() {
      closed = true;
      await flush();
    },
  };
}
