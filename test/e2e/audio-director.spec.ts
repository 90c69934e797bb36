// The audio director with real howler in Chromium: a generated WAV plays and ends, music ducks and recovers, scopes unload.
import { expect, test } from '@playwright/test';
import { openHarness } from './harness/open-harness';
import { sineWav } from './harness/wav';

const MEDIA = {
  'media/music.wav': sineWav(4, 220),
  'media/narration.wav': sineWav(1.2, 440),
};

test('a narration plays to its end through Web Audio, ducking the music meanwhile; released scopes leave no Howl', async ({ page }) => {
  const harness = await openHarness(page, 'audio', '', MEDIA);
  const events = (src: string) => page.evaluate((s) => window.audioHarness?.events.filter((e) => e.src === s).map((e) => e.event) ?? [], src);
  const volume = (src: string) => page.evaluate((s) => window.audioHarness?.howlVolume(s) ?? null, src);

  await page.evaluate(() => window.audioHarness?.director.playMusic('media/music.wav', { scope: 'hall' }));
  await expect.poll(() => events('media/music.wav')).toEqual(['load', 'play']);
  expect(await volume('media/music.wav')).toBeCloseTo(0.5);
  expect(await page.evaluate(() => window.audioHarness?.director.state)).toMatchObject({ playing: 1, last: 'media/music.wav', busy: false });

  await page.evaluate(() => window.audioHarness?.director.playNarration('media/narration.wav', { scope: 'panel' }));
  await expect.poll(() => events('media/narration.wav')).toContain('play');
  const speaking = await page.evaluate(() => window.audioHarness?.director.state);
  expect(speaking).toMatchObject({ playing: 2, last: 'media/narration.wav', busy: true, narration: { src: 'media/narration.wav', playing: true } });
  expect(speaking?.narration?.duration).toBeCloseTo(1.2, 1);
  // Ducked: at most a tenth (−20 dB) of the music's 0.5, reached after the 300 ms fade.
  await expect.poll(() => volume('media/music.wav')).toBeLessThanOrEqual(0.05 + 1e-6);

  await expect.poll(() => events('media/narration.wav'), { timeout: 10_000 }).toEqual(['load', 'play', 'end']);
  expect(await page.evaluate(() => window.audioHarness?.narrationEnds)).toEqual([{ src: 'media/narration.wav', scope: 'panel', reason: 'ended' }]);
  await expect.poll(() => volume('media/music.wav')).toBeCloseTo(0.5);
  expect(await page.evaluate(() => window.audioHarness?.director.state)).toMatchObject({ playing: 1, busy: false, narration: { ended: true, playing: false } });

  expect(await page.evaluate(() => window.audioHarness?.howlCount())).toBe(2);
  await page.evaluate(() => window.audioHarness?.director.releaseScope('panel'));
  expect(await page.evaluate(() => window.audioHarness?.howlCount())).toBe(1);
  await page.evaluate(() => window.audioHarness?.director.releaseScope('hall'));
  expect(await page.evaluate(() => window.audioHarness?.howlCount())).toBe(0);
  expect(await page.evaluate(() => window.audioHarness?.director.state)).toMatchObject({ playing: 0, busy: false, narration: null, lastError: null });

  expect(await harness.cspViolations()).toEqual([]);
  expect(harness.errors).toEqual([]);
});

test('pause, seek and resume a narration; master volume reaches howler; a missing file is reported, not thrown', async ({ page }) => {
  const harness = await openHarness(page, 'audio', '', MEDIA);
  await page.evaluate(() => {
    window.audioHarness?.director.setMasterVolume(0.25);
    window.audioHarness?.director.playNarration('media/narration.wav', { scope: 'panel' });
  });
  expect(await page.evaluate(() => window.audioHarness?.masterVolume())).toBe(0.25);
  await expect.poll(() => page.evaluate(() => window.audioHarness?.director.state.narration?.playing)).toBe(true);

  await page.evaluate(() => window.audioHarness?.director.pauseNarration());
  await page.evaluate(() => window.audioHarness?.director.seekNarration(0.9));
  const paused = await page.evaluate(() => window.audioHarness?.director.state.narration);
  expect(paused).toMatchObject({ playing: false, paused: true });
  expect(paused?.position).toBeCloseTo(0.9, 1);
  await page.evaluate(() => window.audioHarness?.director.resumeNarration());
  // 0.3 s were left after the seek: it ends well before the 1.2 s the whole file takes.
  await expect.poll(() => page.evaluate(() => window.audioHarness?.narrationEnds.map((e) => e.reason)), { timeout: 5_000 }).toEqual(['ended']);

  await page.evaluate(() => window.audioHarness?.director.playEffect('media/missing.wav', { scope: 'panel' }));
  await expect.poll(() => page.evaluate(() => window.audioHarness?.director.state.lastError)).toMatch(/^media\/missing\.wav: /);
  await page.evaluate(() => window.audioHarness?.director.dispose());
  expect(await page.evaluate(() => window.audioHarness?.howlCount())).toBe(0);
  expect(await harness.cspViolations()).toEqual([]);
  // The 404 of the missing file is the only console error.
  expect(harness.errors.filter((e) => !e.includes('404'))).toEqual([]);
});
