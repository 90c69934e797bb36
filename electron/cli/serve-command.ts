// `sunrise-hall serve`: runs the web host on loopback, optionally opening Chromium in app/kiosk mode.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openKioskCore } from '../core/kiosk-core';
import { defaultDataDir } from '../core/paths/default-data-dir';
import { RendererNotBuiltError, startWebHost } from '../host/web-host';
import { PRODUCT_NAME } from '../shared/product';
import { appVersion } from './app-version';
import { EXIT } from './io';
import type { CommandIo } from './io';
import { openInChromium } from './open-browser';

export const SERVE_USAGE = 'Usage: sunrise-hall serve [--port 4317] [--data DIR] [--open] [--kiosk] [--no-bundled-packs]';

/** Resolves when the server has stopped (after SIGINT/SIGTERM); the exit code is the value. */
export async function runServeCommand(argv: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4317' },
        data: { type: 'string' },
        open: { type: 'boolean', default: false },
        kiosk: { type: 'boolean', default: false },
        // For tests and previews of other packs: start without installing the packs the app ships.
        'no-bundled-packs': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`--port must be a whole number from 0 to 65535 (got "${values.port}").\n${SERVE_USAGE}`);
    return EXIT.usage;
  }
  const dataDir = resolve(values.data ?? defaultDataDir());
  const bundled = values['no-bundled-packs'] ? {} : { bundledPacksDir: bundledPacksDir() };
  const core = await openKioskCore({ dataDir, host: 'web', appVersion: appVersion(), packBaseUrl: '/pack/', ...bundled });
  let host;
  try {
    host = await startWebHost({ core, rendererDir: rendererDir(), port });
  } catch (error) {
    await core.close();
    if (error instanceof RendererNotBuiltError) io.stderr(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') io.stderr(`Port ${port} is already in use: stop the other program or pass --port with a free port (0 picks one).`);
    else io.stderr(`The web host could not start: ${(error as Error).message}`);
    return EXIT.refused;
  }
  io.stdout(`${PRODUCT_NAME} at ${host.url}`);
  io.stdout(`Data folder: ${dataDir}`);
  const browser = values.open ? openInChromium(host.url, { kiosk: values.kiosk, dataDir, io }) : undefined;

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    browser?.once('exit', (code) => {
      // Closing the kiosk window ends the session; a browser that could not start (no display) says so here.
      io.stdout(`Chromium closed${code ? ` (exit code ${code})` : ''}; stopping the web host.`);
      stop();
    });
  });
  browser?.kill();
  await host.close();
  await core.close();
  return EXIT.ok;
}

/** The default packs the app ships: content/packs beside out/ (out/cli/index.js → ../../content/packs). */
function bundledPacksDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'packs');
}

/** The built renderer sits next to the built CLI: out/cli/index.js → out/renderer. */
function rendererDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}
