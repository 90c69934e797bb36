// Where the end-to-end web host runs and keeps its data; shared by the Playwright config and the specs.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_PORT = Number(process.env.SUNRISE_E2E_PORT ?? 4317);
export const E2E_DATA_DIR = `${ROOT}test-results/e2e-data`;
export const CLI = `${ROOT}out/cli/index.js`;

/** Chromium flags every end-to-end browser uses (see ../../shared/design/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
