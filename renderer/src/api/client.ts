// Picks the KioskApi transport: the Electron preload's window.kiosk, or the web host over HTTP.
import type { KioskApi } from '../../../electron/shared/api';
import { createWebKioskApi } from './webClient';

/** The one way the renderer gets its API; it never needs to know which host it runs in. */
export function connectKioskApi(): KioskApi {
  return window.kiosk ?? createWebKioskApi();
}
