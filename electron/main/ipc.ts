// Binds every request channel to the core's dispatch, answering only the kiosk window's own main frame.
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { KioskCore } from '../core/kiosk-core';
import { REQUEST_CHANNELS } from '../shared/api';
import { fail } from '../shared/result';
import { isUiUrl } from '../core/security/app-urls';

/**
 * A request is honoured only when it comes from the kiosk window's top frame showing app://ui; a
 * subframe, another window or a page that navigated elsewhere gets API_E_FORBIDDEN (checklist #17).
 */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (frame === null || event.sender !== window.webContents) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return isUiUrl(frame.url);
}

/** Registers handlers and forwards core events to the window; returns the function that undoes both. */
export function bindIpc(core: KioskCore, window: BrowserWindow): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(event, window)) {
        core.logger.warn('IPC refused: untrusted sender', { channel, url: event.senderFrame?.url ?? null });
        return fail('API_E_FORBIDDEN', 'Only the kiosk page may call the kiosk API.');
      }
      return core.dispatch(channel, args);
    });
  }
  const stopEvents = core.events.listen((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  });
  return () => {
    stopEvents();
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}
