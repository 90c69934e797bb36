// Parses the `sunrise-hall` command line and runs the chosen command; returns the exit code.
import { runAnalyticsCommand } from './analytics-command';
import { EXIT, processIo } from './io';
import type { CommandIo } from './io';
import { runPackCommand } from './pack-command';
import { runPledgesCommand } from './pledges-command';
import { runServeCommand, SERVE_USAGE } from './serve-command';
import { runSettingsCommand } from './settings-command';
import { runStartCommand } from './start-command';

const USAGE = `Usage: sunrise-hall <command> [options]

Commands:
  start [--windowed]             run the kiosk in Electron
  serve [--port P] [--data DIR]  run the kiosk's web host for a browser (${SERVE_USAGE.replace('Usage: ', '')})
  settings get|set|list ...      read or change settings in a data folder
  pack <verb> ...                build, sign, check and install content packs (sunrise-hall pack --help)
  analytics summary|export ...   visitor numbers for organizers, or every event as CSV
  pledges list|hide|show|clear   moderate pledge walls (a running kiosk follows at once)

Run a command with --help for its options.`;

export async function runCli(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStartCommand(rest, io);
    case 'serve':
      return runServeCommand(rest, io);
    case 'settings':
      return runSettingsCommand(rest, io);
    case 'pack':
      return runPackCommand(rest, io);
    case 'analytics':
      return runAnalyticsCommand(rest, io);
    case 'pledges':
      return runPledgesCommand(rest, io);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      io.stderr(`Unknown command "${command}".\n\n${USAGE}`);
      return EXIT.usage;
  }
}
