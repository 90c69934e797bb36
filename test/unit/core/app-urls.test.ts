// Only app://ui pages count as the kiosk's own: the rule behind Electron's IPC sender and navigation checks.
import { describe, expect, it } from 'vitest';
import { isUiUrl } from '../../../electron/core/security/app-urls';

describe('isUiUrl', () => {
  it.each(['app://ui/index.html', 'app://ui/', 'app://ui/index.html#x'])('accepts %s', (url) => {
    expect(isUiUrl(url)).toBe(true);
  });

  it.each([
    'app://pack/a.png',
    'app://ui.evil/index.html',
    'app://user:pw@ui/index.html',
    'https://ui/index.html',
    'file:///app/ui/index.html',
    'about:blank',
    'null',
    '',
    'app:ui',
  ])('refuses %s', (url) => {
    expect(isUiUrl(url)).toBe(false);
  });
});
