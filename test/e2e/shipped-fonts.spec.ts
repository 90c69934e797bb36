// The kiosk page draws Chinese and emoji with the fonts in its own build, fetched from its own origin, never the host's.
import { expect, test } from '@playwright/test';

test('Noto Sans SC and Twemoji load from the app build and draw 朝阳 and 👍', async ({ page }) => {
  await page.goto('/');
  const fonts = await page.evaluate(async () => {
    // Load what a visitor would see first (the title's characters, an emoji), then ask where it came from.
    await document.fonts.load('400 32px "Noto Sans SC"', '朝阳');
    await document.fonts.load('700 32px "Noto Sans SC"', '朝阳');
    await document.fonts.load('32px "Twemoji"', '👍');
    const faces = [...document.fonts];
    return {
      check: document.fonts.check('32px "Noto Sans SC"', '朝阳') && document.fonts.check('32px "Twemoji"', '👍'),
      loaded: faces.filter((f) => f.status === 'loaded').map((f) => f.family),
      declared: new Set(faces.map((f) => f.family)).size,
      files: performance.getEntriesByType('resource').map((r) => r.name).filter((name) => name.endsWith('.woff2')),
      stack: getComputedStyle(document.body).fontFamily,
      origin: location.origin,
    };
  });
  expect(fonts.check).toBe(true);
  expect(fonts.loaded).toEqual(expect.arrayContaining(['Noto Sans SC', 'Twemoji']));
  // Only chunks the page draws are fetched (a dozen for the attract screen, of the 98 files shipped), all
  // from the app itself; the two weights share the variable font's files.
  expect(fonts.files.length).toBeGreaterThanOrEqual(2);
  expect(fonts.files.length).toBeLessThan(40);
  expect(fonts.files.every((url) => url.startsWith(`${fonts.origin}/assets/`))).toBe(true);
  expect(fonts.stack.startsWith('Twemoji, "Noto Sans SC"')).toBe(true);
});
