// The on-screen keyboard in Chromium, driven by touch taps: typing, shift, pages, emoji as one character, limit, keys, fonts.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { HARNESS_ORIGIN, openHarness } from './harness/open-harness';

/** Taps a key the way a finger does (a real touch at its centre). */
async function tap(page: Page, name: string): Promise<void> {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  if (box === null) throw new Error(`no visible key "${name}"`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

const text = (page: Page) => page.getByTestId('osk-text');
const count = (page: Page) => page.getByTestId('osk-count');
const log = (page: Page) => page.evaluate(() => window.keyboardHarness);

test('typing with taps: letters, shift, digits and punctuation, emoji counted and deleted as one character', async ({ page }) => {
  const harness = await openHarness(page, 'keyboard', 'locale=en');
  for (const key of ['h', 'i']) await tap(page, key);
  await tap(page, 'Shift');
  await expect(page.getByRole('button', { name: 'Shift' })).toHaveAttribute('aria-pressed', 'true');
  await tap(page, 'W'); // shifted: the key is labelled and types upper case, then shift lets go
  await tap(page, 'o');
  await tap(page, 'Space');
  await tap(page, 'Numbers and symbols');
  for (const key of ['2', '0', '！']) await tap(page, key);
  await tap(page, 'Emoji');
  await tap(page, 'thumbs up');
  await tap(page, 'red heart'); // ❤️ is two code points (U+2764 U+FE0F): still one character

  await expect(text(page)).toHaveText('hiWo 20！👍❤️');
  await expect(count(page)).toHaveText('10/80');
  await tap(page, 'Backspace');
  await expect(text(page)).toHaveText('hiWo 20！👍');
  await expect(count(page)).toHaveText('9/80');
  await tap(page, 'Letters');
  await tap(page, 'Done');

  const events = await log(page);
  expect(events?.inputs).toContain('hiWo 20！👍❤️');
  expect(events?.submits).toEqual(['hiWo 20！👍']);
  await tap(page, 'Cancel');
  expect((await log(page))?.cancels).toBe(1);
  expect(await harness.cspViolations()).toEqual([]);
  expect(harness.errors).toEqual([]);
});

test('the limit counts graphemes, refuses more with a spoken reason, and still reports the press', async ({ page }) => {
  await openHarness(page, 'keyboard', 'locale=en&max=3');
  await tap(page, 'Emoji');
  for (const key of ['party popper', 'flexed biceps', 'star', 'fire']) await tap(page, key);
  await expect(text(page)).toHaveText('🎉💪⭐');
  await expect(count(page)).toHaveText('3/3');
  await expect(page.getByText('Character limit reached')).toBeAttached();
  const inputs = (await log(page))?.inputs ?? [];
  expect(inputs).toHaveLength(5); // page switch + four emoji keys, the refused one included (holds the idle timer)
  expect(inputs.at(-1)).toBe('🎉💪⭐');
  await tap(page, 'Backspace');
  await expect(count(page)).toHaveText('2/3');
});

test('keys are big, give feedback on press at once, select no text, and work from a hardware keyboard', async ({ page }) => {
  await openHarness(page, 'keyboard', 'locale=en');
  const key = page.getByRole('button', { name: 'q', exact: true });
  const box = await key.boundingBox();
  const next = await page.getByRole('button', { name: 'w', exact: true }).boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(64);
  expect(box?.height).toBeGreaterThanOrEqual(64);
  expect((next?.x ?? 0) - ((box?.x ?? 0) + (box?.width ?? 0))).toBeCloseTo(8, 0);
  const style = await key.evaluate((el) => ({ select: getComputedStyle(el).userSelect, touch: getComputedStyle(el.closest('.osk') ?? el).touchAction }));
  expect(style).toEqual({ select: 'none', touch: 'manipulation' });

  // Press feedback is a style change on pointerdown, before the key is released: measure it.
  const idle = await key.evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) + 20);
  const started = Date.now();
  await page.mouse.down();
  await expect(key).not.toHaveCSS('background-color', idle, { timeout: 100 });
  expect(Date.now() - started).toBeLessThan(100 + 50); // 50 ms for the test's own round trip
  await page.mouse.up();
  await expect(text(page)).toHaveText('q');

  // Keyboard and screen-reader users: every key is a focusable button with a name; Tab and Enter type.
  await page.getByRole('button', { name: 'w', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(text(page)).toHaveText('qwe');
  const unnamed = await page.locator('.osk button').evaluateAll((buttons) => buttons.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length);
  expect(unnamed).toBe(0);
});

test('Chinese labels and emoji are drawn with the fonts the app ships, loaded from its own origin', async ({ page }) => {
  await openHarness(page, 'keyboard', 'locale=zh-CN');
  await expect(page.getByRole('button', { name: '空格' })).toBeVisible();
  await expect(page.getByRole('button', { name: '完成' })).toBeVisible();
  await tap(page, '表情');
  await tap(page, '点赞');
  await expect(text(page)).toHaveText('👍');
  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(() => ({
    cjk: document.fonts.check('24px "Noto Sans SC"', '空格完成'),
    emoji: document.fonts.check('36px "Twemoji"', '👍'),
    loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    files: performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.woff2')),
  }));
  expect(fonts.cjk).toBe(true);
  expect(fonts.emoji).toBe(true);
  expect(fonts.loaded).toEqual(expect.arrayContaining(['Noto Sans SC', 'Twemoji']));
  expect(fonts.files.length).toBeGreaterThan(0);
  expect(fonts.files.every((url) => url.startsWith(`${HARNESS_ORIGIN}/assets/`))).toBe(true);
});

test('every emoji key is drawn in colour (this machine has no emoji font of its own)', async ({ page }) => {
  await openHarness(page, 'keyboard', 'locale=en');
  await tap(page, 'Emoji');
  const keys = await page.locator('.key.emoji').allTextContents();
  expect(keys.length).toBeGreaterThanOrEqual(24);
  await page.evaluate((text) => document.fonts.load('48px "Twemoji"', text), keys.join(''));
  // A glyph the font lacked would come out as a grey box or nothing: count strongly coloured pixels.
  const colourful = await page.evaluate((emoji) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return [];
    return emoji.map((e) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.font = '48px "Twemoji"';
      ctx.textBaseline = 'top';
      ctx.fillText(e, 4, 4);
      const { data } = ctx.getImageData(0, 0, 64, 64);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r = 0, g = 0, b = 0, a = 0] = data.subarray(i, i + 4);
        if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) count++;
      }
      return count;
    });
  }, keys);
  expect(colourful).toHaveLength(keys.length);
  for (const [i, count] of colourful.entries()) expect(count, keys[i]).toBeGreaterThan(100);
});

test('pinyin: letters become hanzi through the candidate bar, in whole words or a syllable at a time', async ({ page }) => {
  const harness = await openHarness(page, 'keyboard', 'locale=zh-CN&max=20');
  const candidates = page.getByTestId('osk-candidates').getByRole('button');
  await expect(page.getByRole('button', { name: '拼音' })).toHaveAttribute('aria-pressed', 'true');
  for (const key of 'jiayou') await tap(page, key);
  await expect(page.getByTestId('osk-composing')).toHaveText('jiayou');
  await expect(candidates.first()).toHaveText('加油');
  await expect(count(page)).toHaveText('0/20'); // letters waiting for a choice are not the message yet
  await tap(page, '加油');
  await expect(text(page)).toHaveText('加油');

  for (const key of 'fendou') await tap(page, key);
  await tap(page, '空格'); // space takes the first candidate
  await expect(text(page)).toHaveText('加油奋斗');

  // A phrase not in the dictionary, a syllable at a time: 加 for "jia", leaving "y" to go on with.
  for (const key of 'jiay') await tap(page, key);
  await expect(candidates.first()).toHaveText('加油');
  await tap(page, '加');
  await expect(page.getByTestId('osk-composing')).toHaveText('y');
  await tap(page, '删除'); // backspace eats pinyin letters first
  await expect(page.getByTestId('osk-composing')).toHaveCount(0);
  await expect(text(page)).toHaveText('加油奋斗加');

  // Switching to English keeps unchosen letters as they are.
  for (const key of 'ok') await tap(page, key);
  await tap(page, '拼音');
  await expect(page.getByRole('button', { name: '拼音' })).toHaveAttribute('aria-pressed', 'false');
  await tap(page, 'a');
  await expect(text(page)).toHaveText('加油奋斗加oka');
  await expect(count(page)).toHaveText('8/20');
  expect(harness.errors).toEqual([]);
});
