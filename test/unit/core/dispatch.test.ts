// Requests are checked against the channel map before any handler runs, and failures become Results.
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/core/api/dispatch';
import type { RequestHandlers } from '../../../electron/core/api/dispatch';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { BUILTIN_MANIFEST } from '../../../electron/core/packs/builtin-manifest';
import { ok } from '../../../electron/shared/result';
import { defaultSettingsDocument } from '../../../electron/shared/settings';

function handlers(overrides: Partial<RequestHandlers> = {}): RequestHandlers {
  const { schemaVersion: _v, ...settings } = defaultSettingsDocument();
  return {
    'app:info': () => ok({ name: 'Sunrise Hall', version: '1.0.0', host: 'web' }),
    'packs:active': () => ok({ manifest: BUILTIN_MANIFEST, baseUrl: '/pack/', builtIn: true }),
    'packs:list': () => ok([]),
    'packs:import': () => ok({ ok: true, errors: [], warnings: [], stats: { files: 0, bytes: 0 }, activated: false, alreadyInstalled: false }),
    'packs:cancel-import': () => ok(false),
    'packs:activate': () => ok({ manifest: BUILTIN_MANIFEST, baseUrl: '/pack/', builtIn: true }),
    'packs:rollback': () => ok({ manifest: BUILTIN_MANIFEST, baseUrl: '/pack/', builtIn: true }),
    'settings:all': () => ok(settings),
    'analytics:track': () => ok(null),
    'pledges:submit': ({ exhibitId, text }) => ok({ id: 'k3m9xq2a', exhibitId, text, createdAt: '2026-11-28T02:00:00.000Z', status: 'visible' }),
    'pledges:list': () => ok([]),
    'pledges:walls': () => ok({ packId: 'sunrise-builtin', walls: {} }),
    ...overrides,
  };
}

describe('createDispatch', () => {
  it('answers a valid request with the handler’s result', async () => {
    const dispatch = createDispatch(handlers(), createMemoryLogger());
    await expect(dispatch('app:info', [])).resolves.toEqual({ ok: true, value: { name: 'Sunrise Hall', version: '1.0.0', host: 'web' } });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const result = await createDispatch(handlers(), createMemoryLogger())('packs:delete-everything', []);
    expect(result).toEqual({ ok: false, error: { code: 'API_E_UNKNOWN_CHANNEL', message: expect.stringContaining('"packs:delete-everything"') } });
  });

  it.each([
    ['extra arguments', ['surprise']],
    ['not an array', { 0: 'x' }],
    ['nothing at all', undefined],
  ])('refuses %s as API_E_BAD_REQUEST naming the channel', async (_label, args) => {
    let called = false;
    const dispatch = createDispatch(handlers({ 'app:info': () => ((called = true), ok({ name: '', version: '', host: 'web' })) }), createMemoryLogger());
    const result = await dispatch('app:info', args);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('API_E_BAD_REQUEST');
      expect(result.error.message).toContain('app:info');
    }
    expect(called).toBe(false);
  });

  it('turns a throwing handler into API_E_INTERNAL and logs the cause', async () => {
    const logger = createMemoryLogger();
    const dispatch = createDispatch(handlers({ 'packs:active': () => { throw new Error('disk on fire'); } }), logger);
    const result = await dispatch('packs:active', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'API_E_INTERNAL' } });
    expect(logger.entries).toHaveLength(1);
    expect(JSON.stringify(logger.entries[0])).toContain('disk on fire');
  });
});

