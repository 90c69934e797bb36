// The kiosk's audio director: the only code that creates or unloads Howls (buses, ducking, scopes, narration control).
//
// Autoplay: the kiosk starts sound without a touch (attract music, a mascot greeting), which Chromium only
// allows with `--autoplay-policy=no-user-gesture-required`: Electron sets `webPreferences.autoplayPolicy`
// (electron/main/window.ts) and the web host's `serve --open` passes the flag (electron/cli/open-browser.ts).
// In a browser started without it, Web Audio plays wait behind a suspended AudioContext until howler's
// own unlock (first touch, click or key) resumes it, and an html5 play that the browser refuses fires
// `playerror`: the director marks the state `blocked` and retries that sound on howler's `unlock` event.
// Nothing here throws at a caller because of audio: failures are dropped and reported in `lastError`.
import type { AudioTimers } from './backend';
import type { AudioDirectorOptions, AudioScope, AudioState, MusicOptions, NarrationEnd, NarrationEndReason, PlayOptions, SoundSource } from './audio-types';
import { BUSES, DEFAULT_BUS_GAIN, DUCK_FADE_MS, RESTORE_FADE_MS, clampUnit, howlGain } from './levels';
import type { BusName } from './levels';
import { Narration } from './narration';
import { SoundRegistry } from './sound-registry';
import type { Sound } from './sound-registry';

const sources = (src: SoundSource): string[] => (typeof src === 'string' ? [src] : [...src]);

const defaultTimers: AudioTimers = {
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};

export class AudioDirector {
  readonly #setMaster: (volume: number) => void;
  readonly #sounds: SoundRegistry;
  readonly #timers: AudioTimers;
  readonly #html5: boolean;
  readonly #tickMs: number;
  readonly #busGain: Record<BusName, number>;
  readonly #changeListeners = new Set<(state: AudioState) => void>();
  readonly #endListeners = new Set<(end: NarrationEnd) => void>();
  #master = 1;
  #music: Sound | null = null;
  #narration: Narration | null = null;
  #ducked = false;
  #ticker: unknown = null;
  #last: string | null = null;
  #lastError: string | null = null;
  #scopeCounter = 0;
  #disposed = false;

  constructor(options: AudioDirectorOptions) {
    this.#setMaster = (volume) => options.backend.setMasterVolume(volume);
    this.#sounds = new SoundRegistry(options.backend, {
      play: () => this.#sync(),
      halt: () => this.#sync(),
      end: (sound, id) => this.#ended(sound, id),
      loadError: (sound, detail) => this.#failed(sound, detail),
      blocked: () => this.#sync(),
      unlocked: (sound, id) => this.#unlocked(sound, id),
    });
    this.#timers = options.timers ?? defaultTimers;
    this.#html5 = options.html5 ?? false;
    this.#tickMs = options.tickMs ?? 250;
    this.#busGain = { ...DEFAULT_BUS_GAIN };
    for (const bus of BUSES) {
      const gain = options.busGain?.[bus];
      if (gain !== undefined) this.#busGain[bus] = clampUnit(gain);
    }
    this.setMasterVolume(options.masterVolume ?? 1);
  }

  // ── Starting sounds ────────────────────────────────────────────────────────

  /** Background music: one track at a time; a different track replaces (unloads) the current one. Same track again: no-op. */
  playMusic(src: SoundSource, options: MusicOptions): void {
    if (this.#disposed) return;
    const files = sources(src);
    const current = this.#music;
    if (current && !current.dead && current.key === files.join('|') && current.scope === options.scope) {
      if (current.active.size === 0) current.howl.play();
      return;
    }
    if (current) this.#unload(current);
    const entry = this.#create('music', files, options, options.loop ?? true);
    if (!entry) return;
    this.#music = entry;
    entry.howl.play();
    this.#sync();
  }

  stopMusic(): void {
    if (this.#music) this.#unload(this.#music);
    this.#sync();
  }

  /** Starts a narration; the current one (if any) stops and is unloaded. Music ducks while it is audible. */
  playNarration(src: SoundSource, options: PlayOptions): void {
    if (this.#disposed) return;
    this.#endNarration('replaced');
    const entry = this.#create('narration', sources(src), options, false);
    if (!entry) return;
    this.#narration = new Narration(entry);
    this.#sync();
  }

  /** A short sound; several may overlap. A scope's Howl per sound is kept (and reused) until the scope is released. */
  playEffect(src: SoundSource, options: PlayOptions): void {
    if (this.#disposed) return;
    const files = sources(src);
    const key = files.join('|');
    let entry = this.#sounds.find('effects', options.scope, key);
    entry ??= this.#create('effects', files, options, false) ?? undefined;
    if (!entry) return;
    this.#last = entry.src;
    entry.howl.play();
    this.#sync();
  }

  // ── Narration control (for the narration player) ───────────────────────────

  pauseNarration(): void {
    if (this.#narration?.pause()) this.#sync();
  }

  /** Resumes a paused narration, or plays an ended one again (from the start, or from a seek made since). */
  resumeNarration(): void {
    if (!this.#narration || this.#disposed) return;
    this.#narration.resume();
    this.#sync();
  }

  /** Moves the narration to `seconds` (clamped to its length); keeps it paused or playing as it was. */
  seekNarration(seconds: number): void {
    if (!this.#narration || !Number.isFinite(seconds)) return;
    this.#narration.seek(seconds);
    this.#emit();
  }

  /** Stops and unloads the narration (reason `stopped`). */
  stopNarration(): void {
    this.#endNarration('stopped');
    this.#sync();
  }

  // ── Levels ──────────────────────────────────────────────────────────────────

  /** Master volume 0–1 (the `audio.volume` setting); 0 mutes. Non-numbers count as 0. */
  setMasterVolume(volume: number): void {
    this.#master = clampUnit(volume);
    this.#setMaster(this.#master);
  }

  get masterVolume(): number {
    return this.#master;
  }

  /** A bus level 0–1 before master volume (e.g. a staff "music" slider). */
  setBusVolume(bus: BusName, volume: number): void {
    this.#busGain[bus] = clampUnit(volume);
    for (const entry of this.#sounds.all()) entry.howl.setVolume(this.#gain(entry));
  }

  // ── Ownership and lifetime ──────────────────────────────────────────────────

  /** A fresh scope for a screen or component, with a unique token built from `name`. */
  scope(name: string): AudioScope {
    const token = `${name}#${++this.#scopeCounter}`;
    return {
      token,
      playMusic: (src, options) => this.playMusic(src, { ...options, scope: token }),
      playNarration: (src, options) => this.playNarration(src, { ...options, scope: token }),
      playEffect: (src, options) => this.playEffect(src, { ...options, scope: token }),
      release: () => this.releaseScope(token),
    };
  }

  /** Unloads every Howl started with `scope` (a narration of it ends with reason `released`). */
  releaseScope(scope: string): void {
    if (this.#narration?.sound.scope === scope) this.#endNarration('released');
    for (const entry of this.#sounds.all()) if (entry.scope === scope) this.#unload(entry);
    this.#sync();
  }

  /** End of visit: stops and unloads every sound of every scope. The director stays usable. */
  stopAll(): void {
    this.#endNarration('stopped');
    for (const entry of this.#sounds.all()) this.#unload(entry);
    this.#sync();
  }

  /** stopAll, then drops every listener and timer; later calls do nothing. */
  dispose(): void {
    if (this.#disposed) return;
    this.stopAll();
    this.#disposed = true;
    this.#stopTicker();
    this.#changeListeners.clear();
    this.#endListeners.clear();
  }

  // ── Reports ─────────────────────────────────────────────────────────────────

  get state(): AudioState {
    let playing = 0;
    let busy = false;
    let blocked = false;
    for (const entry of this.#sounds.all()) {
      playing += entry.active.size;
      if (entry.active.size > 0 && !entry.loop) busy = true;
      if (entry.blocked) blocked = true;
    }
    const narration = this.#narration?.state() ?? null;
    return { playing, last: this.#last, narration, busy: busy || (narration?.playing ?? false), blocked, lastError: this.#lastError };
  }

  /** Something is audible (including looping music). */
  isAnyPlaying(): boolean {
    return this.state.playing > 0;
  }

  /** What should hold the idle timer: see AudioState.busy. */
  get busy(): boolean {
    return this.state.busy;
  }

  /** Calls `listener` now and on every change (and every `tickMs` while a narration plays). Returns the unsubscribe. */
  onChange(listener: (state: AudioState) => void): () => void {
    if (this.#disposed) return () => {};
    this.#changeListeners.add(listener);
    this.#call(listener, this.state);
    return () => this.#changeListeners.delete(listener);
  }

  /** Calls `listener` whenever a narration stops, with why (`ended` = played to the end). Returns the unsubscribe. */
  onNarrationEnd(listener: (end: NarrationEnd) => void): () => void {
    if (this.#disposed) return () => {};
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  // ── Internals ───────────────────────────────────────────────────────────────

  #gain(entry: Sound): number {
    return howlGain(entry.bus, entry.volume, this.#busGain, this.#ducked);
  }

  #create(bus: BusName, src: string[], options: PlayOptions, loop: boolean): Sound | null {
    const first = src[0];
    if (first === undefined) return null;
    this.#last = first;
    const volume = clampUnit(options.volume ?? 1);
    try {
      return this.#sounds.create({
        bus,
        src,
        scope: options.scope,
        loop,
        volume,
        gain: howlGain(bus, volume, this.#busGain, this.#ducked),
        html5: options.html5 ?? this.#html5,
        ...(options.format ? { format: options.format } : {}),
      });
    } catch (error) {
      this.#lastError = `${first}: ${String(error)}`;
      this.#emit();
      return null;
    }
  }

  #ended(sound: Sound, id: number): void {
    if (this.#narration?.sound === sound && this.#narration.markEnded(id)) this.#notifyEnd(sound, 'ended');
    this.#sync();
  }

  #failed(sound: Sound, detail: unknown): void {
    this.#lastError = `${sound.src}: ${String(detail)}`;
    if (this.#narration?.sound === sound) this.#endNarration('error');
    this.#unload(sound);
    this.#sync();
  }

  /** After a refused play, the next gesture retries it — if it is still wanted: effects are momentary, and a narration may have been paused or replaced. */
  #unlocked(sound: Sound, id: number): void {
    const n = this.#narration;
    const wanted = !this.#disposed && (sound === this.#music || (n?.sound === sound && n.wantsRetry(id)));
    if (wanted) sound.howl.play(id);
    this.#sync();
  }

  #unload(entry: Sound): void {
    if (this.#music === entry) this.#music = null;
    const error = this.#sounds.unload(entry);
    if (error) this.#lastError = error;
  }

  #endNarration(reason: NarrationEndReason): void {
    const n = this.#narration;
    if (!n) return;
    this.#narration = null;
    this.#unload(n.sound);
    if (!n.ended) this.#notifyEnd(n.sound, reason);
  }

  #notifyEnd(entry: Sound, reason: NarrationEndReason): void {
    const end: NarrationEnd = { src: entry.src, scope: entry.scope, reason };
    for (const listener of [...this.#endListeners]) this.#call(listener, end);
  }

  /** Brings ducking and the position ticker in line with what plays, then reports. */
  #sync(): void {
    const speaking = this.#narration?.speaking ?? false;
    if (speaking !== this.#ducked) {
      this.#ducked = speaking;
      const music = this.#music;
      if (music) {
        const target = this.#gain(music);
        if (music.active.size > 0) music.howl.fade(music.howl.volume(), target, speaking ? DUCK_FADE_MS : RESTORE_FADE_MS);
        else music.howl.setVolume(target);
      }
    }
    if (speaking && this.#ticker === null) this.#ticker = this.#timers.setInterval(() => this.#emit(), this.#tickMs);
    if (!speaking) this.#stopTicker();
    this.#emit();
  }

  #stopTicker(): void {
    if (this.#ticker === null) return;
    this.#timers.clearInterval(this.#ticker);
    this.#ticker = null;
  }

  #emit(): void {
    if (this.#changeListeners.size === 0) return;
    const state = this.state;
    for (const listener of [...this.#changeListeners]) this.#call(listener, state);
  }

  /** A listener's exception must not break audio bookkeeping (or reach howler's event loop). */
  #call<T>(listener: (value: T) => void, value: T): void {
    try {
      listener(value);
    } catch (error) {
      console.error('audio listener failed', error);
    }
  }
}

/** Creates a director on `backend` (production: `howlerBackend()`, see kiosk-audio.ts). */
export function createAudioDirector(options: AudioDirectorOptions): AudioDirector {
  return new AudioDirector(options);
}
