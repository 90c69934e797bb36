// Types the kiosk page's window.sunriseDiagnostics for code the tests run inside the page.
import type { SunriseDiagnostics } from '../../renderer/src/diagnostics';

declare global {
  interface Window {
    readonly sunriseDiagnostics: SunriseDiagnostics;
  }
}
