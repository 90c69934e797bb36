// `sunrise-hall start` (npm start): finds the Electron binary and runs the kiosk shell, or says how to go on without it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from './io';
import type { CommandIo } from './io';

/** The one sentence staff and developers see when no Electron binary can be had. */
export const NO_ELECTRON_MESSAGE =
  'No Electron binary is available (it downloads on first start and this machine could not fetch it): run `npm run start:browser` to use the kiosk in Chromium instead, or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron folder.';

/** How long the first-start download may take before we give up and print the sentence above. */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/** The app folder Electron loads: the one holding package.json (out/cli/index.js → ../..). */
function appRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/**
 * Locates the Electron executable the way `node_modules/electron/index.js` does, without letting its
 * downloader print a stack trace when offline: ELECTRON_OVERRIDE_DIST_PATH first, then the installed
 * binary, then one quiet attempt at the first-start download.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(appRoot(), 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  const platformPath = (): string | undefined => (existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, platformPath() ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(candidate) ? candidate : undefined;
  }
  const installed = (): string | undefined => {
    const relative = platformPath();
    const full = relative === undefined ? undefined : join(packageDir, 'dist', relative);
    return full !== undefined && existsSync(full) ? full : undefined;
  };
  if (installed()) return installed();
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  return download.status === 0 ? installed() : undefined;
}

export async function runStartCommand(argv: string[], io: CommandIo): Promise<number> {
  const binary = findElectronBinary();
  if (binary === undefined) {
    io.stderr(NO_ELECTRON_MESSAGE);
    return EXIT.refused;
  }
  const child = spawn(binary, [appRoot(), ...argv], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      io.stderr(`Electron could not start (${error.message}). ${NO_ELECTRON_MESSAGE}`);
      resolve(EXIT.refused);
    });
    child.on('exit', (code) => resolve(code ?? EXIT.refused));
  });
}
