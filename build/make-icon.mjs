// Renders the app icon (build/icon.png, 512×512) from the HTML below in Chromium: `node build/make-icon.mjs`.
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:512px;height:512px;border-radius:112px;overflow:hidden;position:relative;
  background:linear-gradient(180deg,#1B1F3B 0%,#2A2550 55%,#6B3A4A 80%,#FF7A1A 100%)">
  <div style="position:absolute;left:96px;top:236px;width:320px;height:320px;border-radius:50%;
    background:radial-gradient(circle at 50% 45%,#FFE3B0 0%,#FFB547 45%,#FF7A1A 75%)"></div>
  <div style="position:absolute;left:0;right:0;top:400px;height:112px;background:#1B1F3B"></div>
  <div style="position:absolute;left:56px;right:56px;top:392px;height:16px;border-radius:8px;background:#FFF6EC"></div>
</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.SUNRISE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(html);
  await page.screenshot({ path: fileURLToPath(new URL('./icon.png', import.meta.url)), omitBackground: true });
} finally {
  await browser.close();
}
