// Electron composition root: lockdown before ready, then core, protocol, IPC and the kiosk window.
import { join } from 'node:path';
import { app, Menu, powerSaveBlocker, session } from 'electron';
import { openKioskCore } from '../core/kiosk-core';
import type { KioskCore } from '../core/kiosk-core';
import { bindIpc } from './ipc';
import { lockDownSession, lockDownWindow } from './lockdown';
import { handleAppScheme, registerAppScheme, UI_ORIGIN } from './protocols';
import { createKioskWindow, preloadPathFrom } from './window';

const windowed = process.argv.includes('--windowed');
const dataArg = process.argv.find((arg) => arg.startsWith('--data='));

// Before ready: the default menu carries Reload, DevTools and zoom accelerators (and costs start-up time).
Menu.setApplicationMenu(null);
app.enableSandbox();
registerAppScheme();
if (dataArg) app.setPath('userData', dataArg.slice('--data='.length));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: KioskCore | undefined;
  let unbindIpc: (() => void) | undefined;

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    core = await openKioskCore({ dataDir, host: 'electron', appVersion: app.getVersion(), packBaseUrl: 'app://pack/' });
    lockDownSession(session.defaultSession, core.logger);
    handleAppScheme(session.defaultSession, join(app.getAppPath(), 'out', 'renderer'));

    const window = createKioskWindow({ windowed, preloadPath: preloadPathFrom(__dirname), devTools: !app.isPackaged });
    lockDownWindow(window, core.logger);
    unbindIpc = bindIpc(core, window);
    const logger = core.logger;

    // A kiosk window is closed only by quitting the app (staff tools add an admin quit later).
    window.on('close', (event) => {
      if (!windowed) event.preventDefault();
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      logger.error('renderer gone; reloading', { reason: details.reason, exitCode: details.exitCode });
      window.webContents.reload();
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
  app.on('will-quit', () => {
    unbindIpc?.();
    void core?.close();
  });
}
