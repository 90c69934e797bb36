// Where the end-to-end web host runs and keeps its data; shared by the Playwright config and the specs.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_PORT = Number(process.env.SUNRISE_E2E_PORT ?? 4317);
export const E2E_DATA_DIR = `${ROOT}test-results/e2e-data`;
export const CLI = `${ROOT}out/cli/index.js`;
