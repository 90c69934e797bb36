// Playwright: end-to-end tests of the built renderer in Chromium, served by the real web host.
import { existsSync, rmSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import type { Project } from '@playwright/test';
import { electronAvailability } from './e2e-electron/electron-app';
import { CHROMIUM_ARGS, E2E_DATA_DIR as DATA_DIR, E2E_PORT as PORT, ROOT } from './e2e/e2e-env';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium where installed (CI and these machines), else Playwright's own download. */
function chooseBrowser(): string | undefined {
  if (existsSync(DEBIAN_CHROMIUM)) {
    if (announce) console.log(`e2e browser: Debian Chromium (${DEBIAN_CHROMIUM})`);
    return DEBIAN_CHROMIUM;
  }
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) {
    if (announce) console.log(`e2e browser: Playwright's Chromium (${bundled})`);
    return undefined;
  }
  throw new Error(
    `No Chromium for end-to-end tests: install Debian's (apt-get install chromium) or, with internet, run \`npx playwright install chromium\`.`,
  );
}

// The Electron smoke test joins the run only where a binary exists; otherwise one line says why not.
const electronRun = electronAvailability();
// Workers load this file again; they inherit the variable, so each line is printed once per run.
const announce = !process.env.SUNRISE_E2E_ANNOUNCED;
process.env.SUNRISE_E2E_ANNOUNCED = '1';
if (announce) console.log(electronRun.reason);
const projects: Project[] = [{ name: 'chromium', testDir: './e2e' }];
if (electronRun.binary !== undefined) projects.push({ name: 'electron', testDir: './e2e-electron' });

// A fresh data folder per run: the tests must not depend on what an earlier run left behind.
if (announce) rmSync(DATA_DIR, { recursive: true, force: true });

export default defineConfig({
  projects,
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    hasTouch: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chooseBrowser(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The shared host shows the built-in preview hall; the launch pack has its own spec (launch-pack.spec.ts).
    command: `node out/cli/index.js serve --port ${PORT} --data "${DATA_DIR}" --no-bundled-packs`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
