// Where the kiosk keeps its data when no --data folder is given: the same folder Electron's userData uses.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_NAME } from '../../shared/product';

/**
 * Mirrors Electron's `app.getPath('userData')` (appData + product name), so `npm run start:browser` and
 * the Electron shell show the same kiosk by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}
