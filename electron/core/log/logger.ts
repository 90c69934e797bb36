// A small leveled logger that appends to a size-capped file in the data folder (two files at most).
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** Log file size at which the current file is moved to `*.old.log`: bounded disk use over weeks of running. */
const MAX_LOG_BYTES = 1024 * 1024;

export interface FileLoggerOptions {
  readonly dir: string;
  /** Also echo warnings and errors to stderr (development and CLI). @default true */
  readonly echo?: boolean;
  readonly now?: () => Date;
}

/**
 * Appends one JSON line per entry. Synchronous appends keep lines whole if the process dies right after
 * logging, which is when logs matter most; entries are rare (start-up, recovery, refusals), not per frame.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { dir, echo = true, now = () => new Date() } = options;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'sunrise-hall.log');
  const write = (level: Level, message: string, detail?: Record<string, unknown>): void => {
    const line = JSON.stringify({ t: now().toISOString(), level, message, ...detail }) + '\n';
    try {
      if (statSafe(file) + line.length > MAX_LOG_BYTES) renameSync(file, join(dir, 'sunrise-hall.old.log'));
      appendFileSync(file, line);
    } catch {
      // A full or read-only disk must never take the kiosk down because of a log line.
    }
    if (echo && level !== 'info') process.stderr.write(`[${level}] ${message}${detail ? ' ' + JSON.stringify(detail) : ''}\n`);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

function statSafe(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A logger that remembers entries, for tests and for callers that report them elsewhere. */
export function createMemoryLogger(): Logger & { readonly entries: { level: Level; message: string; detail?: Record<string, unknown> }[] } {
  const entries: { level: Level; message: string; detail?: Record<string, unknown> }[] = [];
  const push = (level: Level) => (message: string, detail?: Record<string, unknown>) => {
    entries.push(detail ? { level, message, detail } : { level, message });
  };
  return { entries, info: push('info'), warn: push('warn'), error: push('error') };
}
