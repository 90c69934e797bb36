// QrCode.svelte in Chromium: the SVG the browser draws decodes (jsQR) to the URL, at the size asked for, with an accessible name.
import jsQR from 'jsqr';
import { expect, test } from '@playwright/test';
import { openHarness } from './harness/open-harness';

const URL_TO_ENCODE = 'https://sunrise-hall.example/take-home?exhibits=craftsmen-1956,dawn-1&lang=zh-CN';

test('the rendered QR code scans back to its URL', async ({ page }) => {
  const harness = await openHarness(page, 'qr', new URLSearchParams({ url: URL_TO_ENCODE, size: '240', label: '扫码带走展品' }).toString());
  const svg = page.getByRole('img', { name: '扫码带走展品' });
  await expect(svg).toBeVisible();
  expect(await svg.boundingBox()).toMatchObject({ width: 240, height: 240 });

  // Rasterise the element exactly as drawn (through an <img> of its markup, as a phone camera would see it).
  const pixels = await svg.evaluate(async (element) => {
    const markup = new XMLSerializer().serializeToString(element);
    const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 240;
    const ctx = canvas.getContext('2d');
    ctx?.drawImage(image, 0, 0, 240, 240);
    URL.revokeObjectURL(url);
    return Array.from(ctx?.getImageData(0, 0, 240, 240).data ?? []);
  });
  expect(jsQR(Uint8ClampedArray.from(pixels), 240, 240)?.data).toBe(URL_TO_ENCODE);
  expect(await harness.cspViolations()).toEqual([]);
  expect(harness.errors).toEqual([]);
});

test('text too long for any QR code draws nothing instead of failing the page', async ({ page }) => {
  const harness = await openHarness(page, 'qr', new URLSearchParams({ url: `https://x.test/${'a'.repeat(4000)}` }).toString());
  await expect(page.getByTestId('qr-code')).toHaveCount(0);
  expect(harness.errors).toEqual([]);
});
