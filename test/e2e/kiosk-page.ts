// Page object for the kiosk in Chromium: waits on the app's own diagnostics, never on sleeps.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { SunriseDiagnostics } from '../../renderer/src/diagnostics';

/** Every value window.sunriseDiagnostics reports, copied out of the page (its functions left behind). */
export type Diagnostics = Omit<SunriseDiagnostics, 'targets' | 'project'>;

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
  async open(url = '/'): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await this.page.goto(url);
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
    return this.page.evaluate(
      () => Object.fromEntries(Object.entries(window.sunriseDiagnostics).filter(([, value]) => typeof value !== 'function')) as Diagnostics,
    );
  }

  /** Waits for a hall frame drawn after `framesBefore` (ready stays true across visits, frames keep counting). */
  async waitForHallReady(framesBefore = 0): Promise<Diagnostics> {
    await expect
      .poll(async () => {
        const d = await this.diagnostics();
        return d.ready && d.frames > framesBefore;
      }, { message: 'the hall never drew a frame' })
      .toBe(true);
    return this.diagnostics();
  }

  /**
   * Counts coarse colours (4 bits per channel) in a screenshot of the middle of `locator` (clear of the
   * overlay bars), decoded by the page itself. A screenshot sees what the visitor sees, whatever the
   * WebGL context's buffer settings.
   */
  async distinctColours(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    if (box === null) return 0;
    const clip = { x: box.x + box.width * 0.1, y: box.y + box.height * 0.2, width: box.width * 0.8, height: box.height * 0.6 };
    const png = (await this.page.screenshot({ clip })).toString('base64');
    return this.page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const copy = document.createElement('canvas');
      copy.width = 96;
      copy.height = 54;
      const context = copy.getContext('2d');
      if (context === null) return 0;
      context.drawImage(image, 0, 0, copy.width, copy.height);
      const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) colours.add(((pixels[i] ?? 0) >> 4) * 256 + ((pixels[i + 1] ?? 0) >> 4) * 16 + ((pixels[i + 2] ?? 0) >> 4));
      return colours.size;
    }, png);
  }

  /** Waits until the hall has stopped drawing (a flight or tour leg has ended). */
  async waitForStill(): Promise<void> {
    let previous = -1;
    await expect
      .poll(async () => {
        const { frames } = await this.diagnostics();
        const still = frames === previous;
        previous = frames;
        return still;
      }, { intervals: [300], message: 'the hall never stopped drawing' })
      .toBe(true);
  }

  /** Flies to the hall's home view and waits for the camera to settle there. */
  async goToHomeView(): Promise<void> {
    await this.page.getByTestId('home-button').tap();
    await this.waitForStill();
  }

  /**
   * Flies home where mascots are in view: the hall keeps animating them, so instead of waiting for
   * stillness, wait for the home pose (the welcome panel) to hold its screen position.
   */
  async goToHomeViewWithMascots(): Promise<void> {
    await this.page.getByTestId('home-button').tap();
    let previous = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await this.page.evaluate(() => window.sunriseDiagnostics.project('welcome')));
        const settled = now === previous;
        previous = now;
        return settled;
      }, { intervals: [300], message: 'the camera never settled at home' })
      .toBe(true);
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  }
}
