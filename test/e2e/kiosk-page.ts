// Page object for the kiosk in Chromium: waits on the app's own diagnostics, never on sleeps.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export interface Diagnostics {
  ready: boolean;
  screen: string;
  frames: number;
  drawCalls: number;
  triangles: number;
  geometries: number;
  textures: number;
  programs: number;
}

export class KioskPage {
  readonly violations: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
  }

  /** Opens the kiosk with a CSP-violation recorder installed before any app code runs. */
  async open(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await this.page.goto('/');
    await expect(this.attract).toBeVisible();
  }

  get attract() {
    return this.page.getByTestId('attract-screen');
  }

  get canvas() {
    return this.page.getByTestId('hall-canvas');
  }

  /** Touches the attract screen the way a visitor would: a real touch tap at its centre. */
  async tapToBegin(): Promise<void> {
    const box = await this.attract.boundingBox();
    if (box === null) throw new Error('attract screen has no box');
    await this.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect(this.canvas).toBeVisible();
  }

  diagnostics(): Promise<Diagnostics> {
    return this.page.evaluate(() => {
      const d = (window as unknown as { sunriseDiagnostics: Diagnostics }).sunriseDiagnostics;
      return { ready: d.ready, screen: d.screen, frames: d.frames, drawCalls: d.drawCalls, triangles: d.triangles, geometries: d.geometries, textures: d.textures, programs: d.programs };
    });
  }

  async waitForHallReady(): Promise<Diagnostics> {
    await expect.poll(async () => (await this.diagnostics()).ready, { message: 'the hall never drew its first frame' }).toBe(true);
    return this.diagnostics();
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  }
}
