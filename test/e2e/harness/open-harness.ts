// Serves the in-memory harness pages to a Playwright page under a private origin, with the app's security headers (CSP included).
import type { Page } from '@playwright/test';
import { SECURITY_HEADERS } from '../../../electron/core/security/csp';
import { harnessFiles } from './build-harness';
import type { HarnessPage } from './build-harness';

/**
 * Playwright's route answers every request to it, so nothing listens there and nothing leaves the page.
 * Loopback, because the app's headers (COOP) are only honoured on a potentially trustworthy origin.
 */
export const HARNESS_ORIGIN = 'http://127.0.0.1:49999';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript',
  css: 'text/css',
  woff2: 'font/woff2',
  wav: 'audio/wav',
  map: 'application/json',
};

export interface HarnessPageHandle {
  /** CSP violations the page reported (`directive blockedURI`). */
  cspViolations(): Promise<string[]>;
  /** Console errors and uncaught exceptions since the page opened. */
  readonly errors: string[];
}

/**
 * Opens `harness/<name>.html?<query>`. `extra` adds files by path (e.g. generated audio under `media/`).
 * Unknown paths get a 404, so a missing asset fails loudly instead of falling through to the network.
 */
export async function openHarness(page: Page, name: HarnessPage, query = '', extra: Record<string, Uint8Array> = {}): Promise<HarnessPageHandle> {
  const files = await harnessFiles();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route(`${HARNESS_ORIGIN}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice(1));
    const body = extra[path] ?? files.get(path);
    if (body === undefined) return route.fulfill({ status: 404, body: `not found: ${path}` });
    const type = TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return route.fulfill({ status: 200, headers: { ...SECURITY_HEADERS, 'content-type': type }, body: Buffer.from(body) });
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${HARNESS_ORIGIN}/${name}.html${query ? `?${query}` : ''}`);
  return {
    errors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}
