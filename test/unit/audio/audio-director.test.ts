// AudioDirector under Node with a recording fake backend: ducking, one narration at a time, scopes, volume, disposal.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AudioDirector } from '../../../renderer/src/audio/audio-director';
import type { AudioState, NarrationEnd } from '../../../renderer/src/audio/audio-types';
import { DEFAULT_BUS_GAIN, DUCK_FADE_MS, RESTORE_FADE_MS, toDecibels } from '../../../renderer/src/audio/levels';
import { FakeBackend, FakeTimers } from './fake-audio-backend';

let backend: FakeBackend;
let timers: FakeTimers;
let director: AudioDirector;
let ends: NarrationEnd[];

beforeEach(() => {
  backend = new FakeBackend();
  timers = new FakeTimers();
  director = new AudioDirector({ backend, timers });
  ends = [];
  director.onNarrationEnd((end) => ends.push(end));
});

/** Starts music and narration in `scope` and lets both actually play (howler's `play` events). */
function musicAndNarration(scope = 'hall'): void {
  director.playMusic('music.opus', { scope });
  backend.bySrc('music.opus').fire('play', 1);
  director.playNarration('voice.opus', { scope });
  backend.bySrc('voice.opus').fire('play', 1);
}

describe('ducking', () => {
  it('fades music to at least 20 dB under its level and under the narration while a narration plays, then restores it', () => {
    director.playMusic('music.opus', { scope: 'hall' });
    const music = backend.bySrc('music.opus');
    expect(music.spec.loop).toBe(true);
    expect(music.volume()).toBe(DEFAULT_BUS_GAIN.music);
    music.fire('play', 1);

    director.playNarration(['voice.opus', 'voice.mp3'], { scope: 'hall' });
    const voice = backend.bySrc('voice.opus');
    expect(voice.spec.src).toEqual(['voice.opus', 'voice.mp3']);
    expect(music.fades).toEqual([]); // still loading: nothing to duck yet
    voice.fire('play', 1);

    expect(music.fades).toEqual([{ from: DEFAULT_BUS_GAIN.music, to: music.volume(), ms: DUCK_FADE_MS }]);
    expect(toDecibels(music.volume() / DEFAULT_BUS_GAIN.music)).toBeLessThanOrEqual(-20 + 1e-9);
    expect(toDecibels(music.volume() / voice.volume())).toBeLessThanOrEqual(-20 + 1e-9);

    voice.fire('end', 1);
    expect(music.fades[1]).toEqual({ from: music.fades[0]?.to, to: DEFAULT_BUS_GAIN.music, ms: RESTORE_FADE_MS });
    expect(ends).toEqual([{ src: 'voice.opus', scope: 'hall', reason: 'ended' }]);
  });

  it('keeps music 20 dB under the narration even when the music bus is set louder than the narration bus', () => {
    director = new AudioDirector({ backend, timers, busGain: { music: 1, narration: 0.4 } });
    musicAndNarration();
    const ratio = backend.bySrc('music.opus').volume() / backend.bySrc('voice.opus').volume();
    expect(toDecibels(ratio)).toBeLessThanOrEqual(-20 + 1e-9);
  });

  it('restores music while the narration is paused and ducks it again on resume', () => {
    musicAndNarration();
    const music = backend.bySrc('music.opus');
    const voice = backend.bySrc('voice.opus');
    director.pauseNarration();
    expect(voice.calls).toContain('pause:1');
    expect(music.volume()).toBe(DEFAULT_BUS_GAIN.music);
    expect(director.state.narration).toMatchObject({ playing: false, paused: true });
    director.resumeNarration();
    expect(voice.calls.at(-1)).toBe('play:1');
    voice.fire('play', 1);
    expect(music.volume()).toBeCloseTo(DEFAULT_BUS_GAIN.music * 0.1);
    expect(music.fades.map((f) => f.ms)).toEqual([DUCK_FADE_MS, RESTORE_FADE_MS, DUCK_FADE_MS]);
  });

  it('starts music at the ducked level when a narration is already speaking, with no fade', () => {
    director.playNarration('voice.opus', { scope: 'hall' });
    backend.bySrc('voice.opus').fire('play', 1);
    director.playMusic('music.opus', { scope: 'hall' });
    expect(backend.bySrc('music.opus').volume()).toBeCloseTo(DEFAULT_BUS_GAIN.music * 0.1);
    expect(backend.bySrc('music.opus').fades).toEqual([]);
  });
});

describe('one narration at a time', () => {
  it('stops and unloads the previous narration when a new one starts', () => {
    director.playNarration('a.opus', { scope: 'panel' });
    backend.bySrc('a.opus').fire('play', 1);
    director.playNarration('b.opus', { scope: 'panel' });
    expect(backend.bySrc('a.opus').unloaded).toBe(true);
    expect(ends).toEqual([{ src: 'a.opus', scope: 'panel', reason: 'replaced' }]);
    expect(director.state.narration).toMatchObject({ src: 'b.opus', playing: false });
    backend.bySrc('b.opus').fire('play', 1);
    expect(director.state.narration).toMatchObject({ src: 'b.opus', playing: true });
    expect(backend.live().map((h) => h.spec.src[0])).toEqual(['b.opus']);
  });

  it('seeks within the narration, clamped to its length, and replays an ended one from a seek', () => {
    director.playNarration('a.opus', { scope: 'panel' });
    const voice = backend.bySrc('a.opus');
    voice.fire('play', 1);
    director.seekNarration(99);
    expect(voice.calls.at(-1)).toBe('seek:12:1');
    director.seekNarration(-3);
    expect(voice.calls.at(-1)).toBe('seek:0:1');
    voice.fire('end', 1);
    expect(director.state.narration).toMatchObject({ ended: true, playing: false, position: 12 });
    director.seekNarration(4);
    expect(director.state.narration?.position).toBe(4);
    director.resumeNarration();
    expect(voice.calls.slice(-2)).toEqual(['play:2', 'seek:4:2']);
    voice.fire('play', 2);
    expect(director.state.narration).toMatchObject({ ended: false, playing: true, position: 4 });
  });

  it('reports the position while speaking through a ticker that stops when it stops', () => {
    const states: AudioState[] = [];
    director.onChange((s) => states.push(s));
    director.playNarration('a.opus', { scope: 'panel' });
    const voice = backend.bySrc('a.opus');
    expect(timers.count).toBe(0);
    voice.fire('play', 1);
    expect(timers.count).toBe(1);
    voice.positions.set(1, 3.5);
    timers.tick();
    expect(states.at(-1)?.narration).toMatchObject({ position: 3.5, duration: 12, playing: true });
    director.stopNarration();
    expect(timers.count).toBe(0);
    expect(states.at(-1)?.narration).toBeNull();
    expect(ends.at(-1)?.reason).toBe('stopped');
  });
});

describe('scopes', () => {
  it('releaseScope unloads every Howl that scope started and nothing else', () => {
    director.playMusic('attract.opus', { scope: 'attract' });
    director.playEffect('tap.opus', { scope: 'panel' });
    director.playEffect('tap.opus', { scope: 'panel' });
    director.playNarration('voice.opus', { scope: 'panel' });
    expect(backend.howls).toHaveLength(3); // the two taps share one Howl
    expect(backend.bySrc('tap.opus').calls.filter((c) => c.startsWith('play'))).toHaveLength(2);

    director.releaseScope('panel');
    expect(backend.live().map((h) => h.spec.src[0])).toEqual(['attract.opus']);
    expect(ends).toEqual([{ src: 'voice.opus', scope: 'panel', reason: 'released' }]);
    expect(director.state.narration).toBeNull();
    director.releaseScope('attract');
    expect(backend.live()).toEqual([]);
  });

  it('scope() hands out unique tokens whose release unloads their sounds, and releasing twice is harmless', () => {
    const a = director.scope('exhibit');
    const b = director.scope('exhibit');
    expect(a.token).not.toBe(b.token);
    a.playEffect('x.opus');
    b.playEffect('x.opus');
    a.release();
    a.release();
    expect(backend.live()).toHaveLength(1);
    expect(backend.live()[0]).toBe(backend.howls[1]);
  });

  it('unducks the music when the speaking narration is released with its scope', () => {
    director.playMusic('music.opus', { scope: 'hall' });
    backend.bySrc('music.opus').fire('play', 1);
    director.playNarration('voice.opus', { scope: 'panel' });
    backend.bySrc('voice.opus').fire('play', 1);
    director.releaseScope('panel');
    expect(backend.bySrc('music.opus').volume()).toBe(DEFAULT_BUS_GAIN.music);
  });
});

describe('music', () => {
  it('replaces a different track, and ignores the same track asked for again', () => {
    director.playMusic('a.opus', { scope: 'hall' });
    backend.bySrc('a.opus').fire('play', 1);
    director.playMusic('a.opus', { scope: 'hall' });
    expect(backend.howls).toHaveLength(1);
    director.playMusic('b.opus', { scope: 'hall', loop: false });
    expect(backend.bySrc('a.opus').unloaded).toBe(true);
    expect(backend.bySrc('b.opus').spec.loop).toBe(false);
    director.stopMusic();
    expect(backend.live()).toEqual([]);
  });
});

describe('state', () => {
  it('counts what plays, names the last sound, and is busy for narration or one-shot sounds but not looping music', () => {
    director.playMusic('music.opus', { scope: 'hall' });
    backend.bySrc('music.opus').fire('play', 1);
    expect(director.state).toMatchObject({ playing: 1, last: 'music.opus', busy: false });
    expect(director.isAnyPlaying()).toBe(true);
    director.playEffect('tap.opus', { scope: 'hall' });
    backend.bySrc('tap.opus').fire('play', 1);
    expect(director.state).toMatchObject({ playing: 2, last: 'tap.opus', busy: true });
    backend.bySrc('tap.opus').fire('end', 1);
    expect(director.busy).toBe(false);
    director.playNarration('voice.opus', { scope: 'hall' });
    backend.bySrc('voice.opus').fire('play', 1);
    expect(director.state).toMatchObject({ playing: 2, last: 'voice.opus', busy: true });
    director.stopAll();
    expect(director.state).toMatchObject({ playing: 0, busy: false, narration: null });
    expect(director.isAnyPlaying()).toBe(false);
  });

  it('calls onChange at once and on changes; a throwing listener does not break the others', () => {
    const seen: number[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    director.onChange(() => {
      throw new Error('listener bug');
    });
    const off = director.onChange((s) => seen.push(s.playing));
    director.playEffect('tap.opus', { scope: 'hall' });
    backend.bySrc('tap.opus').fire('play', 1);
    off();
    backend.bySrc('tap.opus').fire('end', 1);
    expect(seen).toEqual([0, 0, 1]);
    expect(logged).toHaveBeenCalledTimes(4); // at once, on play request, on `play`, on `end`
  });
});

describe('failures never throw', () => {
  it('drops a sound that fails to load and reports it', () => {
    director.playNarration('missing.opus', { scope: 'panel' });
    backend.bySrc('missing.opus').fire('loaderror', 0, 'No codec support for selected audio sources.');
    expect(backend.live()).toEqual([]);
    expect(director.state.lastError).toBe('missing.opus: No codec support for selected audio sources.');
    expect(ends).toEqual([{ src: 'missing.opus', scope: 'panel', reason: 'error' }]);
  });

  it('retries a blocked narration or music on unlock, but not a momentary effect or a paused narration', () => {
    director.playMusic('music.opus', { scope: 'hall' });
    director.playEffect('tap.opus', { scope: 'hall' });
    const music = backend.bySrc('music.opus');
    const tap = backend.bySrc('tap.opus');
    music.fire('playerror', 1, 'NotAllowedError');
    tap.fire('playerror', 1, 'NotAllowedError');
    expect(director.state.blocked).toBe(true);
    music.fire('unlock');
    tap.fire('unlock');
    expect(director.state.blocked).toBe(false);
    expect(music.calls).toEqual(['play:1', 'play:1']);
    expect(tap.calls).toEqual(['play:1']);

    director.playNarration('voice.opus', { scope: 'hall' });
    const voice = backend.bySrc('voice.opus');
    voice.fire('playerror', 1, 'NotAllowedError');
    director.pauseNarration();
    voice.fire('unlock');
    expect(voice.calls).toEqual(['play:1', 'pause:1']);
  });

  it('stops reporting a block once the blocked sound is released (its unlock listener went with it)', () => {
    director.playMusic('music.opus', { scope: 'attract' });
    backend.bySrc('music.opus').fire('playerror', 1, 'NotAllowedError');
    expect(director.state.blocked).toBe(true);
    director.releaseScope('attract');
    expect(director.state.blocked).toBe(false);
  });

  it('reports a backend that throws on create instead of throwing', () => {
    backend.createHowl = () => {
      throw new Error('no audio hardware');
    };
    expect(() => director.playEffect('tap.opus', { scope: 'hall' })).not.toThrow();
    expect(director.state.lastError).toBe('tap.opus: Error: no audio hardware');
  });
});

describe('volume and disposal', () => {
  it('sets the master volume through the backend, clamped to 0–1', () => {
    director.setMasterVolume(0.3);
    director.setMasterVolume(2);
    director.setMasterVolume(Number.NaN);
    expect(backend.masterVolumes).toEqual([1, 0.3, 1, 0]);
    expect(director.masterVolume).toBe(0);
  });

  it('applies a bus level to the Howls on that bus', () => {
    director.playEffect('tap.opus', { scope: 'hall', volume: 0.5 });
    director.setBusVolume('effects', 0.4);
    expect(backend.bySrc('tap.opus').volume()).toBeCloseTo(0.2);
  });

  it('dispose unloads everything, stops the ticker, forgets listeners and ignores later calls', () => {
    const states: AudioState[] = [];
    director.onChange((s) => states.push(s));
    musicAndNarration();
    expect(timers.count).toBe(1);
    director.dispose();
    expect(backend.live()).toEqual([]);
    expect(backend.howls.every((h) => h.listenerCount() === 0)).toBe(true);
    expect(timers.count).toBe(0);
    const seen = states.length;
    director.playNarration('again.opus', { scope: 'hall' });
    director.playEffect('tap.opus', { scope: 'hall' });
    director.dispose();
    expect(backend.howls).toHaveLength(2);
    expect(states).toHaveLength(seen);
  });
});
