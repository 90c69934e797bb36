// Entry point of the `sunrise-hall` bin: runs the command line and exits with its code.
import { EXIT, processIo } from './io';
import { runCli } from './run-cli';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    processIo.stderr(`sunrise-hall failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(EXIT.refused);
  },
);
