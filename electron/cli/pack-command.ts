// `sunrise-hall pack …`: routes to the authoring commands (keygen, build, schema, trust) and staff commands.
import { EXIT } from './io';
import type { CommandIo } from './io';
import { runBuild, runKeygen, runSchema, runTrust } from './pack-authoring-commands';
import { PACK_INSTALL_USAGE, runActivate, runImport, runList, runRollback, runValidate } from './pack-install-commands';

export const PACK_USAGE = `Usage: sunrise-hall pack keygen -o NAME
       sunrise-hall pack build DIR -o OUT.zip [--key NAME.key]
       sunrise-hall pack schema [-o FILE]
       sunrise-hall pack trust add NAME.pub --data DIR [--name LABEL] | trust list --data DIR [--json] | trust remove KEYID|NAME --data DIR
${PACK_INSTALL_USAGE}`;

const COMMANDS: Readonly<Record<string, (argv: string[], io: CommandIo) => Promise<number>>> = {
  keygen: runKeygen,
  build: runBuild,
  schema: runSchema,
  trust: runTrust,
  validate: runValidate,
  import: runImport,
  list: runList,
  activate: runActivate,
  rollback: runRollback,
};

export async function runPackCommand(argv: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    io.stdout(PACK_USAGE);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (command === undefined) {
    io.stderr(`Unknown pack command "${verb}".\n${PACK_USAGE}`);
    return EXIT.usage;
  }
  return command(rest, io);
}
