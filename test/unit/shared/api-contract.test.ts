// The channel maps generate exactly the KioskApi surface, and calls reach the transport unchanged.
import { describe, expect, it, vi } from 'vitest';
import { buildKioskApi, EVENT_CHANNELS, eventChannels, REQUEST_CHANNELS } from '../../../electron/shared/api';
import type { KioskApi } from '../../../electron/shared/api';
import { ok } from '../../../electron/shared/result';
import { KIOSK_API_MEMBERS } from '../../fixtures/kiosk-api-members';

/** `domain.name` for grouped members, `name` for a top-level function such as `track`. */
function membersOf(api: KioskApi): string[] {
  return Object.entries(api)
    .flatMap(([domain, members]) => (typeof members === 'function' ? [domain] : Object.keys(members as object).map((name) => `${domain}.${name}`)))
    .sort();
}

/** Every function of the API, grouped or top-level. */
function functionsOf(api: KioskApi): unknown[] {
  return Object.values(api).flatMap((member) => (typeof member === 'function' ? [member] : Object.values(member as object)));
}

describe('buildKioskApi', () => {
  it('exposes one function per channel and nothing else', () => {
    const api = buildKioskApi(async () => ok(null), () => () => {});
    expect(membersOf(api)).toEqual([...KIOSK_API_MEMBERS]);
    expect(REQUEST_CHANNELS.length + EVENT_CHANNELS.length).toBe(membersOf(api).length);
    for (const member of functionsOf(api)) expect(typeof member).toBe('function');
  });

  it('sends each request on its own channel with the caller’s arguments', async () => {
    const invoke = vi.fn(async (channel: string) => ok({ channel }));
    const api = buildKioskApi(invoke, () => () => {});
    await expect(api.app.info()).resolves.toEqual({ ok: true, value: { channel: 'app:info' } });
    await api.packs.active();
    await api.packs.import('/media/usb/expo.zip', { activate: true });
    await api.packs.activate('expo@1.2.0');
    await api.settings.all();
    await api.track({ type: 'exhibit.open', exhibitId: 'solar-wall' });
    await api.pledges.submit({ exhibitId: 'wall', text: '节约用水' });
    await api.pledges.list({ exhibitId: 'wall' });
    await api.pledges.walls();
    expect(invoke.mock.calls).toEqual([
      ['app:info', []],
      ['packs:active', []],
      ['packs:import', ['/media/usb/expo.zip', { activate: true }]],
      ['packs:activate', ['expo@1.2.0']],
      ['settings:all', []],
      ['analytics:track', [{ type: 'exhibit.open', exhibitId: 'solar-wall' }]],
      ['pledges:submit', [{ exhibitId: 'wall', text: '节约用水' }]],
      ['pledges:list', [{ exhibitId: 'wall' }]],
      ['pledges:walls', []],
    ]);
  });

  it('subscribes events by channel and hands back a working unsubscribe', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = buildKioskApi(
      async () => ok(null),
      (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    );
    const seen: unknown[] = [];
    const stop = api.packs.onPackChanged((pack) => seen.push(pack));
    listeners.get('packs:changed')?.('pack-b');
    expect(seen).toEqual(['pack-b']);
    stop();
    expect(listeners.has('packs:changed')).toBe(false);
  });

  it('names a request that replays the current state for every event a reconnecting transport may miss', () => {
    // The web client asks `current` again after its event stream reconnects; a wall left showing a
    // pledge staff hid in the meantime would be exactly the stale state this prevents.
    expect(eventChannels['pledges:changed'].current).toBe('pledges:walls');
    expect(eventChannels['settings:changed'].current).toBe('settings:all');
    expect(eventChannels['packs:changed'].current).toBe('packs:active');
  });

  it('delivers pledge wall changes to onChanged subscribers', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = buildKioskApi(
      async () => ok(null),
      (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    );
    const seen: unknown[] = [];
    const stop = api.pledges.onChanged((walls) => seen.push(walls.packId));
    listeners.get('pledges:changed')?.({ packId: 'expo', walls: {} });
    expect(seen).toEqual(['expo']);
    stop();
    expect(listeners.has('pledges:changed')).toBe(false);
  });

  it('refuses a listener that is not a function', () => {
    const api = buildKioskApi(async () => ok(null), () => () => {});
    expect(() => api.settings.onSettingsChanged('nope' as unknown as () => void)).toThrow(/listener must be a function/);
  });
});
