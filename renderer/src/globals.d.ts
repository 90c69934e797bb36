// Globals the renderer relies on: the preload's window.kiosk and the read-only diagnostics object.
import type { KioskApi } from '../../electron/shared/api';
import type { SunriseDiagnostics } from './diagnostics';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent under the web host. */
    readonly kiosk?: KioskApi;
    /** Installed by diagnostics.ts at start; read by tests and staff tools, never written. */
    readonly sunriseDiagnostics?: SunriseDiagnostics;
  }
}

export {};
