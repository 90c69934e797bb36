// `sunrise-hall settings get|set|list`: what staff and provisioning scripts see, and what lands on disk.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSettingsCommand } from '../../../electron/cli/settings-command';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { openSettingsStore } from '../../../electron/core/settings/settings-store';
import { makeTempDir, removeTempDirs } from '../store/fs-test-helpers';

afterEach(removeTempDirs);

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSettingsCommand(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, out, err: err.join('\n') };
}

const onDisk = async (dir: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));

describe('settings list', () => {
  it('prints every key with its value, one per line, defaults included', async () => {
    const dir = await makeTempDir();
    const { code, out, err } = await run('list', '--data', dir);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toEqual(['idle.timeoutSeconds = 90', 'idle.warningSeconds = 15', 'locale.default = "zh-CN"', 'render.quality = "auto"', 'packs.acceptUnsigned = false', 'audio.volume = 0.8', 'analytics.retentionDays = 90']);
  });
});

describe('settings set and get', () => {
  it('saves a JSON number and reads it back', async () => {
    const dir = await makeTempDir();
    expect(await run('set', 'idle.timeoutSeconds', '120', '--data', dir)).toEqual({ code: 0, out: ['idle.timeoutSeconds = 120'], err: '' });
    expect((await onDisk(dir))['idle.timeoutSeconds']).toBe(120);
    expect(await run('get', 'idle.timeoutSeconds', '--data', dir)).toEqual({ code: 0, out: ['120'], err: '' });
  });

  it.each([['a bare word', 'en'], ['a JSON string', '"en"']])('takes %s as text', async (_label, value) => {
    const dir = await makeTempDir();
    expect((await run('--data', dir, 'set', 'locale.default', value)).code).toBe(0);
    expect((await onDisk(dir))['locale.default']).toBe('en');
    expect((await run('get', 'locale.default', '--data', dir)).out).toEqual(['"en"']);
  });

  it('creates the data folder on a first set, as a provisioning script needs', async () => {
    const dir = join(await makeTempDir(), 'fresh', 'data');
    expect((await run('set', 'render.quality', 'low', '--data', dir)).code).toBe(0);
    expect((await onDisk(dir))['render.quality']).toBe('low');
  });

  it('refuses a value out of range with exit 1, saying what is allowed, and changes nothing', async () => {
    const dir = await makeTempDir();
    await run('set', 'idle.timeoutSeconds', '120', '--data', dir);
    const before = await readFile(join(dir, 'settings.json'));
    const { code, out, err } = await run('set', 'idle.timeoutSeconds', 'abc', '--data', dir);
    expect({ code, out }).toEqual({ code: 1, out: [] });
    expect(err).toContain('idle.timeoutSeconds must be an integer between 15 and 3600 (got "abc")');
    expect(await readFile(join(dir, 'settings.json'))).toEqual(before);
  });

  it('treats a negative number as a value to check, not as an option', async () => {
    const dir = await makeTempDir();
    const { code, err } = await run('set', 'idle.warningSeconds', '-5', '--data', dir);
    expect(code).toBe(1);
    expect(err).toContain('idle.warningSeconds must be an integer between 5 and 120 (got -5)');
  });

  it.each(['get', 'set'])('%s refuses an unknown key with exit 1 and lists the valid keys', async (verb) => {
    const dir = await makeTempDir();
    const args = verb === 'set' ? ['set', 'idle.timeout', '120'] : ['get', 'idle.timeout'];
    const { code, err } = await run(...args, '--data', dir);
    expect(code).toBe(1);
    expect(err).toContain('Unknown setting "idle.timeout"');
    expect(err).toContain('idle.timeoutSeconds, idle.warningSeconds, locale.default, render.quality');
    expect(await readdir(dir)).not.toContain('settings.json');
  });

  it('reports a file it had to recover, and still answers with the defaults', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'settings.json'), Buffer.alloc(4096));
    const { code, out, err } = await run('get', 'idle.timeoutSeconds', '--data', dir);
    expect({ code, out }).toEqual({ code: 0, out: ['90'] });
    expect(err).toMatch(/NUL bytes.*moved it to .*settings\.json\.corrupt-/);
    expect(await readFile(join(dir, 'logs', 'sunrise-hall.log'), 'utf8')).toContain('NUL bytes');
  });

  it('is heard by a kiosk that is running on the same folder', async () => {
    const dir = await makeTempDir();
    const kiosk = await openSettingsStore({ dataDir: dir, logger: createMemoryLogger(), watch: true });
    const heard = vi.fn();
    kiosk.onChange(heard);
    try {
      expect((await run('set', 'idle.timeoutSeconds', '45', '--data', dir)).code).toBe(0);
      await vi.waitFor(() => expect(heard).toHaveBeenLastCalledWith(expect.objectContaining({ 'idle.timeoutSeconds': 45 })));
    } finally {
      await kiosk.close();
    }
  });
});

describe('usage errors exit 2 with the usage line', () => {
  // DIR stands for a real, empty temp folder, which must stay empty.
  it.each([
    ['no --data', ['list']],
    ['an empty --data', ['list', '--data', '']],
    ['no verb', ['--data', 'DIR']],
    ['an unknown verb', ['delete', 'idle.timeoutSeconds', '--data', 'DIR']],
    ['get without a key', ['get', '--data', 'DIR']],
    ['set without a value', ['set', 'idle.timeoutSeconds', '--data', 'DIR']],
    ['too many words', ['get', 'idle.timeoutSeconds', 'extra', '--data', 'DIR']],
    ['an unknown option', ['list', '--force', '--data', 'DIR']],
  ])('%s', async (_label, argv) => {
    const dir = await makeTempDir();
    const { code, out, err } = await run(...argv.map((arg) => (arg === 'DIR' ? dir : arg)));
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err).toContain('Usage: sunrise-hall settings');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to read a data folder that does not exist, and does not create it', async () => {
    const parent = await makeTempDir();
    const { code, err } = await run('list', '--data', join(parent, 'typo'));
    expect(code).toBe(2);
    expect(err).toContain(join(parent, 'typo'));
    expect(await readdir(parent)).toEqual([]);
  });

  it('prints the usage on --help with exit 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('settings set KEY VALUE --data DIR');
  });
});
