// The logger CLI commands use: the kiosk's own log file (tagged as CLI), with warnings echoed to the terminal.
import { join } from 'node:path';
import { createFileLogger } from '../core/log/logger';
import type { Logger } from '../core/log/logger';
import type { CommandIo } from './io';

export function cliLogger(dataDir: string, io: CommandIo): Logger {
  const file = createFileLogger({ dir: join(dataDir, 'logs'), echo: false });
  return {
    info: (message, detail) => file.info(message, { ...detail, via: 'cli' }),
    warn: (message, detail) => {
      file.warn(message, { ...detail, via: 'cli' });
      io.stderr(`warning: ${message}`);
    },
    error: (message, detail) => {
      file.error(message, { ...detail, via: 'cli' });
      io.stderr(`error: ${message}`);
    },
  };
}
