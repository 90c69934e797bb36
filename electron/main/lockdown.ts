// Kiosk lockdown of a window and its session: no navigation, popups, permissions, downloads or webviews.
import type { BrowserWindow, Session } from 'electron';
import type { Logger } from '../core/log/logger';
import { isUiUrl } from '../core/security/app-urls';

/** Denies every permission request and check, and logs the request (checklist #5 needs both handlers). */
export function lockDownSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event, item) => {
    logger.warn('download refused', { url: item.getURL() });
    event.preventDefault();
    item.cancel();
  });
}

export function lockDownWindow(window: BrowserWindow, logger: Logger): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open refused', { url });
    return { action: 'deny' };
  });
  const refuseNavigation = (event: { preventDefault(): void; url: string }): void => {
    if (isUiUrl(event.url)) return;
    logger.warn('navigation refused', { url: event.url });
    event.preventDefault();
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Pinch and Ctrl+wheel zoom; re-applied on every load because Chromium resets it per document.
  contents.on('did-finish-load', () => {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.setZoomFactor(1);
  });
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('context-menu', (event) => event.preventDefault());
}
