// `npm start` without an Electron binary fails with one sentence naming both ways forward.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findElectronBinary, NO_ELECTRON_MESSAGE, runStartCommand } from '../../../electron/cli/start-command';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('start command', () => {
  it('finds no binary in an empty ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sunrise-electron-'));
    folders.push(empty);
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: empty })).toBeUndefined();
  });

  it('prints the one clear sentence and exits 1 when Electron cannot be had', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sunrise-electron-'));
    folders.push(empty);
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', empty);
    const err: string[] = [];
    const code = await runStartCommand([], { stdout: () => {}, stderr: (text) => err.push(text) });
    expect(code).toBe(1);
    expect(err).toEqual([NO_ELECTRON_MESSAGE]);
    expect(NO_ELECTRON_MESSAGE).toContain('npm run start:browser');
    expect(NO_ELECTRON_MESSAGE).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(NO_ELECTRON_MESSAGE.split(/(?<=[.!?])\s/).length).toBe(1);
  });
});
