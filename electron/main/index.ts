// Electron composition root: lockdown before ready, then core, protocol, IPC and the kiosk window.
import { join, resolve } from 'node:path';
import { app, Menu, powerSaveBlocker, session } from 'electron';
import { openKioskCore } from '../core/kiosk-core';
import type { KioskCore } from '../core/kiosk-core';
import { createCrashBackoff } from '../core/health/crash-backoff';
import { bindIpc } from './ipc';
import { lockDownSession, lockDownWindow } from './lockdown';
import { APP_SCHEME, PACK_HOST, UI_ORIGIN } from '../core/security/app-urls';
import { handleAppScheme, registerAppScheme } from './protocols';
import { createKioskWindow, preloadPathFrom } from './window';

const windowed = process.argv.includes('--windowed');
const dataArg = process.argv.find((arg) => arg.startsWith('--data='));

// Before ready: the default menu carries Reload, DevTools and zoom accelerators (and costs start-up time).
Menu.setApplicationMenu(null);
app.enableSandbox();
registerAppScheme();
if (dataArg) app.setPath('userData', resolve(dataArg.slice('--data='.length)));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: KioskCore | undefined;
  let unbindIpc: (() => void) | undefined;
  // Set once a real quit starts (OS shutdown, SIGTERM, staff quit) so the kiosk window lets itself close.
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    // Packaged: electron-builder copies content/packs into resources (extraResources); in development it is in the repo.
    const bundledPacksDir = app.isPackaged ? join(process.resourcesPath, 'content', 'packs') : join(app.getAppPath(), 'content', 'packs');
    core = await openKioskCore({ dataDir, host: 'electron', appVersion: app.getVersion(), packBaseUrl: `${APP_SCHEME}://${PACK_HOST}/`, bundledPacksDir });
    lockDownSession(session.defaultSession, core.logger);
    handleAppScheme(session.defaultSession, join(app.getAppPath(), 'out', 'renderer'), core.packs);

    const window = createKioskWindow({ windowed, preloadPath: preloadPathFrom(__dirname), devTools: !app.isPackaged });
    lockDownWindow(window, core.logger);
    unbindIpc = bindIpc(core, window);
    const logger = core.logger;

    // A kiosk window is closed only by quitting the app (staff tools add an admin quit later).
    window.on('close', (event) => {
      if (!windowed && !quitting) event.preventDefault();
    });
    const crashes = createCrashBackoff();
    window.webContents.on('render-process-gone', (_event, details) => {
      const delay = crashes.nextDelayMs(Date.now());
      logger.error('renderer gone; reloading', { reason: details.reason, exitCode: details.exitCode, delayMs: delay });
      setTimeout(() => {
        if (!window.isDestroyed()) window.webContents.reload();
      }, delay);
    });
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });

    const blocker = powerSaveBlocker.start('prevent-display-sleep');
    app.once('will-quit', () => powerSaveBlocker.stop(blocker));
    await window.loadURL(`${UI_ORIGIN}/index.html`);
  }).catch((error: unknown) => {
    console.error('Sunrise Hall could not start:', error);
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || core === undefined) return;
    // Let the core finish its writes (settings, pointer, audit) before the process ends.
    event.preventDefault();
    unbindIpc?.();
    core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
