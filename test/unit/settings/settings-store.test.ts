// The settings store: validated, durable set(), recovery from corrupt files, and following another writer.
import { mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { openSettingsStore } from '../../../electron/core/settings/settings-store';
import type { SettingsStore } from '../../../electron/core/settings/settings-store';
import { SETTINGS_KEYS, defaultSettingsDocument } from '../../../electron/shared/settings';
import type { Settings } from '../../../electron/shared/settings';
import { makeReadOnly, makeTempDir, removeTempDirs, tempFilesIn } from '../store/fs-test-helpers';

const { schemaVersion: _version, ...DEFAULTS } = defaultSettingsDocument();
const open: SettingsStore[] = [];

async function openStore(dataDir: string, watch = false) {
  const logger = createMemoryLogger();
  const store = await openSettingsStore({ dataDir, logger, watch });
  open.push(store);
  return { store, logger, errors: () => logger.entries.filter((entry) => entry.level === 'error') };
}

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  await removeTempDirs();
});

const onDisk = async (dir: string): Promise<unknown> => JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'));

describe('openSettingsStore', () => {
  it('creates the data folder and starts with the defaults, writing nothing until a change', async () => {
    const dataDir = join(await makeTempDir(), 'nested', 'data');
    const { store, logger } = await openStore(dataDir);
    expect(store.all()).toEqual(DEFAULTS);
    expect(await readdir(dataDir)).toEqual([]);
    expect(logger.entries).toEqual([]);
  });

  it('saves a valid value durably before resolving, notifies listeners, and a new store sees it', async () => {
    const dir = await makeTempDir();
    const { store } = await openStore(dir);
    const heard: Settings[] = [];
    store.onChange((settings) => heard.push(settings));

    const result = await store.set('idle.timeoutSeconds', 120);

    expect(result).toEqual({ ok: true, value: { ...DEFAULTS, 'idle.timeoutSeconds': 120 } });
    expect(heard).toEqual([{ ...DEFAULTS, 'idle.timeoutSeconds': 120 }]);
    expect(await onDisk(dir)).toEqual({ schemaVersion: 1, ...DEFAULTS, 'idle.timeoutSeconds': 120 });
    expect(await readFile(join(dir, 'settings.json.bak'), 'utf8')).toBe(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect(await tempFilesIn(dir)).toEqual([]);
    expect((await openStore(dir)).store.get('idle.timeoutSeconds')).toEqual({ ok: true, value: 120 });
  });

  it('clears out temp files a crash left behind, reading the last completed save', async () => {
    const dir = await makeTempDir();
    const first = await openStore(dir);
    await first.store.set('idle.timeoutSeconds', 60);
    await first.store.close();
    const leftover = join(dir, `.settings.json.${process.pid}-0123456789ab.tmp`);
    await writeFile(leftover, '{\n  "schemaVersion": 1,\n  "idle.timeoutSeconds": 6');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(leftover, anHourAgo, anHourAgo);

    const { store, logger } = await openStore(dir);
    expect(store.get('idle.timeoutSeconds')).toEqual({ ok: true, value: 60 });
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(logger.entries).toEqual([]);
  });

  it('get() answers known keys and refuses unknown ones, listing the valid keys', async () => {
    const { store } = await openStore(await makeTempDir());
    expect(store.get('locale.default')).toEqual({ ok: true, value: 'zh-CN' });
    const result = store.get('idle.timeout');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('SETTINGS_E_UNKNOWN_KEY');
      for (const key of SETTINGS_KEYS) expect(result.error.message).toContain(key);
    }
  });

  it('all() hands out copies: changing one changes nothing', async () => {
    const { store } = await openStore(await makeTempDir());
    store.all()['idle.timeoutSeconds'] = 5;
    expect(store.get('idle.timeoutSeconds')).toEqual({ ok: true, value: 90 });
  });

  it.each([
    ['a word for a number', 'idle.timeoutSeconds', 'abc', 'idle.timeoutSeconds must be an integer between 15 and 3600 (got "abc")'],
    ['a number below the range', 'idle.timeoutSeconds', 14, 'idle.timeoutSeconds must be an integer between 15 and 3600 (got 14)'],
    ['a number above the range', 'idle.warningSeconds', 121, 'idle.warningSeconds must be an integer between 5 and 120 (got 121)'],
    ['a fraction', 'idle.timeoutSeconds', 90.5, 'idle.timeoutSeconds must be an integer between 15 and 3600 (got 90.5)'],
    ['a language the UI lacks', 'locale.default', 'fr', 'locale.default must be one of "zh-CN", "en" (got "fr")'],
    ['no value at all', 'render.quality', undefined, 'render.quality must be one of "auto", "low", "medium", "high" (got nothing)'],
  ])('refuses %s with SETTINGS_E_BAD_VALUE and leaves the file untouched', async (_label, key, value, message) => {
    const dir = await makeTempDir();
    const { store } = await openStore(dir);
    await store.set('render.quality', 'low');
    const before = await readFile(join(dir, 'settings.json'));
    const heard = vi.fn();
    store.onChange(heard);

    expect(await store.set(key, value)).toEqual({ ok: false, error: { code: 'SETTINGS_E_BAD_VALUE', message } });
    expect(await readFile(join(dir, 'settings.json'))).toEqual(before);
    expect(store.all()['render.quality']).toBe('low');
    expect(heard).not.toHaveBeenCalled();
  });

  it('refuses an unknown key with SETTINGS_E_UNKNOWN_KEY and writes nothing', async () => {
    const dir = await makeTempDir();
    const { store } = await openStore(dir);
    const result = await store.set('idle.timeout', 120);
    expect(result).toMatchObject({ ok: false, error: { code: 'SETTINGS_E_UNKNOWN_KEY' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('applies concurrent set() calls one at a time, in call order, losing none', async () => {
    const dir = await makeTempDir();
    const { store } = await openStore(dir);
    const timeouts = [30, 40, 50, 60, 70, 80];
    const results = await Promise.all([
      ...timeouts.map((seconds) => store.set('idle.timeoutSeconds', seconds)),
      store.set('render.quality', 'high'),
      store.set('locale.default', 'en'),
    ]);
    timeouts.forEach((seconds, i) => expect(results[i]).toMatchObject({ ok: true, value: { 'idle.timeoutSeconds': seconds } }));
    const expected = { schemaVersion: 1, ...DEFAULTS, 'idle.timeoutSeconds': 80, 'render.quality': 'high', 'locale.default': 'en' };
    expect(await onDisk(dir)).toEqual(expected);
  });

  it('does not undo what another process saved meanwhile when it saves a different key', async () => {
    const dir = await makeTempDir();
    const kiosk = await openStore(dir);
    const cli = await openStore(dir);
    await cli.store.set('locale.default', 'en');
    await kiosk.store.set('render.quality', 'high');
    expect(await onDisk(dir)).toEqual({ schemaVersion: 1, ...DEFAULTS, 'locale.default': 'en', 'render.quality': 'high' });
    expect(kiosk.store.all()['locale.default']).toBe('en');
  });

  it('stops notifying a listener once it unsubscribes, and survives a listener that throws', async () => {
    const { store, errors } = await openStore(await makeTempDir());
    const quiet = vi.fn();
    const unsubscribe = store.onChange(quiet);
    const loud = vi.fn();
    store.onChange(() => {
      throw new Error('listener bug');
    });
    store.onChange(loud);
    unsubscribe();
    expect(await store.set('render.quality', 'medium')).toMatchObject({ ok: true });
    expect(quiet).not.toHaveBeenCalled();
    expect(loud).toHaveBeenCalledOnce();
    expect(errors()).toHaveLength(1);
  });
});

describe('corrupt settings.json at start', () => {
  const cases: [string, Buffer][] = [
    ['0 bytes', Buffer.alloc(0)],
    ['4 KiB of NUL', Buffer.alloc(4096)],
    ['truncated JSON', Buffer.from('{\n  "schemaVersion": 1,\n  "idle.timeoutSec')],
    ['valid JSON with the wrong schema', Buffer.from('[1, 2, 3]\n')],
    ['a value of the wrong type', Buffer.from('{"schemaVersion":1,"idle.timeoutSeconds":"ninety"}\n')],
  ];

  it.each(cases)('%s: starts with the last known good values, keeps the bad bytes aside, logs one error; next start is clean', async (_label, bytes) => {
    const dir = await makeTempDir();
    const first = await openStore(dir);
    await first.store.set('idle.timeoutSeconds', 300);
    await first.store.close();
    await writeFile(join(dir, 'settings.json'), bytes);

    const { store, errors } = await openStore(dir);
    expect(store.all()).toEqual({ ...DEFAULTS, 'idle.timeoutSeconds': 300 });
    expect(errors()).toHaveLength(1);
    const aside = (await readdir(dir)).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] ?? ''))).toEqual(bytes);

    const again = await openStore(dir);
    expect(again.store.all()).toEqual({ ...DEFAULTS, 'idle.timeoutSeconds': 300 });
    expect(again.logger.entries).toEqual([]);
  });

  it.each(cases)('%s with no backup: starts with the defaults and can save again', async (_label, bytes) => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'settings.json'), bytes);
    const { store, errors } = await openStore(dir);
    expect(store.all()).toEqual(DEFAULTS);
    expect(errors()).toHaveLength(1);
    expect(await store.set('locale.default', 'en')).toMatchObject({ ok: true });
    expect(await onDisk(dir)).toEqual({ schemaVersion: 1, ...DEFAULTS, 'locale.default': 'en' });
    expect((await openStore(dir)).logger.entries).toEqual([]);
  });
});

describe('when the disk refuses the write', () => {
  it('set() answers SETTINGS_E_NOT_SAVED, keeps the old values and file, and notifies nobody', async () => {
    const dir = await makeTempDir();
    const { store } = await openStore(dir);
    await store.set('idle.timeoutSeconds', 200);
    const before = await readFile(join(dir, 'settings.json'));
    const heard = vi.fn();
    store.onChange(heard);
    const undo = await makeReadOnly(dir);
    let result;
    try {
      result = await store.set('idle.timeoutSeconds', 400);
    } finally {
      await undo();
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'SETTINGS_E_NOT_SAVED' } });
    expect(store.all()['idle.timeoutSeconds']).toBe(200);
    expect(await readFile(join(dir, 'settings.json'))).toEqual(before);
    expect(heard).not.toHaveBeenCalled();
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('a folder in place of settings.json: opens with defaults, set() answers SETTINGS_E_NOT_SAVED', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'settings.json'));
    const { store, errors } = await openStore(dir);
    expect(store.all()).toEqual(DEFAULTS);
    expect(errors()).toHaveLength(1);
    expect(await store.set('render.quality', 'low')).toMatchObject({ ok: false, error: { code: 'SETTINGS_E_NOT_SAVED' } });
    expect(store.all()).toEqual(DEFAULTS);
    expect((await stat(join(dir, 'settings.json'))).isDirectory()).toBe(true);
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});

describe('watch', () => {
  it('hears each value another process saves (as the CLI does), once per change', async () => {
    const dir = await makeTempDir();
    const kiosk = await openStore(dir, true);
    const heard: Settings[] = [];
    kiosk.store.onChange((settings) => heard.push(settings));
    const cli = await openStore(dir);

    // The kiosk's own save fires the folder watch too; re-reading its own values must not notify again.
    await kiosk.store.set('render.quality', 'low');
    await cli.store.set('idle.timeoutSeconds', 45);
    await vi.waitFor(() => expect(kiosk.store.get('idle.timeoutSeconds')).toEqual({ ok: true, value: 45 }));

    await cli.store.set('idle.timeoutSeconds', 45); // saved again, unchanged
    await cli.store.set('locale.default', 'en');
    await vi.waitFor(() => expect(kiosk.store.get('locale.default')).toEqual({ ok: true, value: 'en' }));

    expect(heard).toEqual([
      { ...DEFAULTS, 'render.quality': 'low' },
      { ...DEFAULTS, 'render.quality': 'low', 'idle.timeoutSeconds': 45 },
      { ...DEFAULTS, 'render.quality': 'low', 'idle.timeoutSeconds': 45, 'locale.default': 'en' },
    ]);
  });

  it('puts back a deleted settings.json from its backup, without announcing a change', async () => {
    const dir = await makeTempDir();
    const kiosk = await openStore(dir, true);
    await kiosk.store.set('render.quality', 'low');
    const saved = await readFile(join(dir, 'settings.json'), 'utf8');
    const heard = vi.fn();
    kiosk.store.onChange(heard);

    await rm(join(dir, 'settings.json'));
    await vi.waitFor(async () => expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(saved));
    await kiosk.store.close(); // lets the re-read that restored the file finish

    expect(heard).not.toHaveBeenCalled();
    expect(kiosk.store.all()['render.quality']).toBe('low');
    expect(kiosk.errors()).toEqual([]);
  });

  it('keeps following the file across many replacements', async () => {
    const dir = await makeTempDir();
    const kiosk = await openStore(dir, true);
    const cli = await openStore(dir);
    for (const seconds of [20, 21, 22]) {
      await cli.store.set('idle.warningSeconds', seconds);
      await vi.waitFor(() => expect(kiosk.store.all()['idle.warningSeconds']).toBe(seconds));
    }
  });

  it('close() releases the folder watch, so the process can exit', async () => {
    const watches = () => process.getActiveResourcesInfo().filter((name) => name === 'FSEventWrap').length;
    const before = watches();
    const { store } = await openStore(await makeTempDir(), true);
    expect(watches()).toBe(before + 1);
    await store.close();
    await vi.waitFor(() => expect(watches()).toBe(before));
    await expect(store.set('render.quality', 'low')).rejects.toThrow(/closed/);
  });
});

describe('settings written by a newer app version', () => {
  it('are read for the keys this version knows, kept on disk untouched, and never overwritten', async () => {
    const dir = await makeTempDir();
    const newer = JSON.stringify({ schemaVersion: 2, 'idle.timeoutSeconds': 120, 'locale.default': 'en', 'render.quality': 'ultra', 'future.key': true }, null, 2) + '\n';
    await writeFile(join(dir, 'settings.json'), newer);
    const { store, errors } = await openStore(dir);
    // Known and valid: kept. Known but not valid here (a level this version lacks): the default.
    expect(store.all()).toMatchObject({ 'idle.timeoutSeconds': 120, 'locale.default': 'en', 'render.quality': 'auto' });
    expect(errors()).toEqual([]);
    const result = await store.set('idle.warningSeconds', 20);
    expect(result).toMatchObject({ ok: false, error: { code: 'SETTINGS_E_NOT_SAVED', message: expect.stringContaining('newer Sunrise Hall') } });
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(newer);
    expect((await readdir(dir)).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});
