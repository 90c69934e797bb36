// Finds a system Chromium and opens the kiosk page in it, as an app window or full-screen kiosk.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandIo } from './io';

const CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

export function findChromium(): string | undefined {
  const fromEnv = process.env.SUNRISE_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return (CANDIDATES[process.platform] ?? []).find((path) => existsSync(path));
}

/**
 * Opens the page with a profile of its own inside the kiosk's data folder (so no extensions, sync or
 * saved state of a person's browser leak in, and nothing piles up in the temp folder) and the flags a
 * kiosk needs: audio without a gesture, no first-run dialogs, no background network.
 */
export function openInChromium(url: string, options: { kiosk: boolean; dataDir: string; io: CommandIo }): ChildProcess | undefined {
  const executable = findChromium();
  if (executable === undefined) {
    options.io.stderr(`No Chromium or Chrome was found; open ${url} in a browser yourself, or set SUNRISE_CHROMIUM to its path.`);
    return undefined;
  }
  const profile = join(options.dataDir, 'browser-profile');
  const args = [
    `--user-data-dir=${profile}`,
    '--autoplay-policy=no-user-gesture-required',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    options.kiosk ? `--kiosk` : '--start-fullscreen',
    `--app=${url}`,
  ];
  options.io.stdout(`Opening ${url} in ${executable}${options.kiosk ? ' (kiosk mode)' : ''}.`);
  const child = spawn(executable, args, { stdio: 'ignore' });
  child.on('error', (error) => options.io.stderr(`Chromium could not start: ${error.message}`));
  return child;
}
