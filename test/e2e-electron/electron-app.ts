// Finds the Electron binary for the Electron smoke test, and says in one line why the test cannot run without it.
import { findElectronBinary } from '../../electron/cli/start-command';

export interface ElectronAvailability {
  readonly binary: string | undefined;
  readonly reason: string;
}

export function electronAvailability(): ElectronAvailability {
  const binary = findElectronBinary();
  return binary
    ? { binary, reason: `Electron e2e: running against ${binary}` }
    : {
        binary,
        reason:
          'Electron e2e: did not run — no Electron binary here (its download needs internet); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron folder to run it.',
      };
}
