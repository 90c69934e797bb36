// Creates the kiosk window: full-screen kiosk mode (or a normal window with --windowed), hardened preferences.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../shared/product';

export interface KioskWindowOptions {
  readonly windowed: boolean;
  readonly preloadPath: string;
  /** DevTools only in development; a packaged kiosk never opens them. */
  readonly devTools: boolean;
}

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1920,
    height: 1080,
    kiosk: !options.windowed,
    fullscreen: !options.windowed,
    autoHideMenuBar: true,
    backgroundColor: '#1B1F3B',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableDialogs: true,
      devTools: options.devTools,
      // Attract audio and narration must play without a first touch.
      autoplayPolicy: 'no-user-gesture-required',
      // The attract loop must keep time when an OS dialog covers the window.
      backgroundThrottling: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}
