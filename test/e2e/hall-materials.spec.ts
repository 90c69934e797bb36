// The hall's cheap materials draw what the three.js materials they replace draw (real WebGL in Chromium, the hall's own lights).
import { expect, test } from '@playwright/test';
import { openHarness } from './harness/open-harness';

test('vertex-lit faces, pass-through panel textures and the additive glow match Lambert, sRGB MeshBasic and additive MeshBasic to within one step', async ({ page }) => {
  const harness = await openHarness(page, 'materials');
  await page.waitForFunction(() => window.materialsHarness !== undefined);
  const pairs = await page.evaluate(() => window.materialsHarness?.pairs() ?? []);
  expect(pairs).toHaveLength(6 * 4 + 2 + 3);
  for (const { name, expected, actual } of pairs) {
    // Something was drawn (not the black background), and the two agree per channel within rounding.
    expect(Math.max(...expected), name).toBeGreaterThan(20);
    actual.forEach((value, channel) => expect(Math.abs(value - (expected[channel] ?? -99)), `${name} channel ${channel}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1));
  }
  // The faces differ from each other: the comparison is not between two blank or uniform pictures.
  const shades = new Set(pairs.filter((p) => p.name.endsWith('#F4EADF')).map((p) => p.expected.join(',')));
  expect(shades.size).toBeGreaterThanOrEqual(4);
  expect(await harness.cspViolations()).toEqual([]);
  expect(harness.errors).toEqual([]);
});

test('the vertex-lit material compiles for skinned, morphing, vertex-coloured and back-sided models', async ({ page }) => {
  const harness = await openHarness(page, 'materials');
  await page.waitForFunction(() => window.materialsHarness !== undefined);
  expect(await page.evaluate(() => window.materialsHarness?.variantErrors())).toEqual([]);
  expect(harness.errors).toEqual([]);
});
