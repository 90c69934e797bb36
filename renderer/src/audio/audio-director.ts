// The kiosk's audio director: the only code that creates or unloads Howls (buses, ducking, scopes, narration control).
//
// Autoplay: the kiosk starts sound without a touch (attract music, a mascot greeting), which Chromium only
// allows with `--autoplay-policy=no-user-gesture-required`: Electron sets `webPreferences.autoplayPolicy`
// (electron/main/window.ts) and the web host's `serve --open` passes the flag (electron/cli/open-browser.ts).
// In a browser started without it, Web Audio plays wait behind a suspended AudioContext until howler's
// own unlock (first touch, click or key) resumes it, and an html5 play that the browser refuses fires
// `playerror`: the director marks the state `blocked` and retries that sound on howler's `unlock` event.
// Nothing here throws at a caller because of audio: failures are dropped and reported in `lastError`.
import type { AudioBackend, AudioTimers, HowlLike } from './backend';
import type { AudioDirectorOptions, AudioScope, AudioState, MusicOptions, NarrationEnd, NarrationEndReason, NarrationState, PlayOptions, SoundSource } from './audio-types';
import { BUSES, DEFAULT_BUS_GAIN, DUCK_FADE_MS, RESTORE_FADE_MS, clampUnit, howlGain } from './levels';
import type { BusName } from './levels';

/** One Howl and what the director knows about it. */
interface Entry {
  readonly howl: HowlLike;
  readonly bus: BusName;
  readonly scope: string;
  /** All candidate URLs joined: effects of one scope share a Howl per sound. */
  readonly key: string;
  /** First candidate URL: what reports call the sound. */
  readonly src: string;
  readonly loop: boolean;
  readonly volume: number;
  /** Sound ids audible now (added on `play`, removed on `end`/`pause`/`stop`). */
  readonly active: Set<number>;
  dead: boolean;
}

interface Narration {
  readonly entry: Entry;
  id: number;
  paused: boolean;
  ended: boolean;
  /** A seek made after the end, applied when it plays again. */
  pendingSeek: number | null;
}

const sources = (src: SoundSource): string[] => (typeof src === 'string' ? [src] : [...src]);

const defaultTimers: AudioTimers = {
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};

export class AudioDirector {
  readonly #backend: AudioBackend;
  readonly #timers: AudioTimers;
  readonly #html5: boolean;
  readonly #tickMs: number;
  readonly #busGain: Record<BusName, number>;
  readonly #entries = new Set<Entry>();
  readonly #changeListeners = new Set<(state: AudioState) => void>();
  readonly #endListeners = new Set<(end: NarrationEnd) => void>();
  #master = 1;
  #music: Entry | null = null;
  #narration: Narration | null = null;
  #ducked = false;
  #ticker: unknown = null;
  #last: string | null = null;
  #blocked = 0;
  #lastError: string | null = null;
  #scopeCounter = 0;
  #disposed = false;

  constructor(options: AudioDirectorOptions) {
    this.#backend = options.backend;
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
    this.#narration = { entry, id: entry.howl.play(), paused: false, ended: false, pendingSeek: null };
    this.#sync();
  }

  /** A short sound; several may overlap. A scope's Howl per sound is kept (and reused) until the scope is released. */
  playEffect(src: SoundSource, options: PlayOptions): void {
    if (this.#disposed) return;
    const files = sources(src);
    const key = files.join('|');
    let entry = [...this.#entries].find((e) => e.bus === 'effects' && e.scope === options.scope && e.key === key);
    if (!entry) entry = this.#create('effects', files, options, false) ?? undefined;
    if (!entry) return;
    this.#last = entry.src;
    entry.howl.play();
    this.#sync();
  }

  // ── Narration control (for the narration player) ───────────────────────────

  pauseNarration(): void {
    const n = this.#narration;
    if (!n || n.paused || n.ended) return;
    n.paused = true;
    n.entry.howl.pause(n.id);
    n.entry.active.delete(n.id);
    this.#sync();
  }

  /** Resumes a paused narration, or plays an ended one again (from the start, or from a seek made since). */
  resumeNarration(): void {
    const n = this.#narration;
    if (!n || this.#disposed) return;
    if (n.ended) {
      n.id = n.entry.howl.play();
      if (n.pendingSeek !== null) n.entry.howl.seek(n.pendingSeek, n.id);
      n.ended = false;
      n.pendingSeek = null;
    } else if (n.paused) {
      n.entry.howl.play(n.id);
    }
    n.paused = false;
    this.#sync();
  }

  /** Moves the narration to `seconds` (clamped to its length); keeps it paused or playing as it was. */
  seekNarration(seconds: number): void {
    const n = this.#narration;
    if (!n || !Number.isFinite(seconds)) return;
    const duration = n.entry.howl.duration();
    const target = Math.max(0, duration > 0 ? Math.min(seconds, duration) : seconds);
    if (n.ended) n.pendingSeek = target;
    else n.entry.howl.seek(target, n.id);
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
    this.#backend.setMasterVolume(this.#master);
  }

  get masterVolume(): number {
    return this.#master;
  }

  /** A bus level 0–1 before master volume (e.g. a staff "music" slider). */
  setBusVolume(bus: BusName, volume: number): void {
    this.#busGain[bus] = clampUnit(volume);
    for (const entry of this.#entries) entry.howl.setVolume(this.#gain(entry));
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
    if (this.#narration?.entry.scope === scope) this.#endNarration('released');
    for (const entry of [...this.#entries]) if (entry.scope === scope) this.#unload(entry);
    this.#sync();
  }

  /** End of visit: stops and unloads every sound of every scope. The director stays usable. */
  stopAll(): void {
    this.#endNarration('stopped');
    for (const entry of [...this.#entries]) this.#unload(entry);
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
    for (const entry of this.#entries) {
      playing += entry.active.size;
      if (entry.active.size > 0 && !entry.loop) busy = true;
    }
    const narration = this.#narrationState();
    return { playing, last: this.#last, narration, busy: busy || (narration?.playing ?? false), blocked: this.#blocked > 0, lastError: this.#lastError };
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

  #gain(entry: Entry): number {
    return howlGain(entry.bus, entry.volume, this.#busGain, this.#ducked);
  }

  #create(bus: BusName, src: string[], options: PlayOptions, loop: boolean): Entry | null {
    const first = src[0];
    if (first === undefined) return null;
    this.#last = first;
    let howl: HowlLike;
    const volume = clampUnit(options.volume ?? 1);
    try {
      howl = this.#backend.createHowl({
        src,
        loop,
        volume: howlGain(bus, volume, this.#busGain, this.#ducked),
        html5: options.html5 ?? this.#html5,
        ...(options.format ? { format: options.format } : {}),
      });
    } catch (error) {
      this.#lastError = `${first}: ${String(error)}`;
      this.#emit();
      return null;
    }
    const entry: Entry = { howl, bus, scope: options.scope, key: src.join('|'), src: first, loop, volume, active: new Set(), dead: false };
    this.#entries.add(entry);
    this.#listen(entry);
    return entry;
  }

  #listen(entry: Entry): void {
    const { howl } = entry;
    const live = (handler: (id: number, detail?: unknown) => void) => (id: number, detail?: unknown) => {
      if (!entry.dead && !this.#disposed) handler(id, detail);
    };
    howl.on('play', live((id) => {
      entry.active.add(id);
      this.#sync();
    }));
    const stopped = live((id) => {
      entry.active.delete(id);
      this.#sync();
    });
    howl.on('pause', stopped);
    howl.on('stop', stopped);
    howl.on('end', live((id) => {
      if (entry.loop) return;
      entry.active.delete(id);
      const n = this.#narration;
      if (n && n.entry === entry && n.id === id) {
        n.ended = true;
        this.#notifyEnd(entry, 'ended');
      }
      this.#sync();
    }));
    howl.on('loaderror', live((_id, detail) => {
      this.#lastError = `${entry.src}: ${String(detail)}`;
      if (this.#narration?.entry === entry) this.#endNarration('error');
      this.#unload(entry);
      this.#sync();
    }));
    howl.on('playerror', live((id) => {
      this.#blocked += 1;
      // Retry on the next user gesture (howler fires `unlock` then) — unless the sound is no longer
      // wanted by then: effects are momentary, and a narration may have been paused or replaced.
      howl.once('unlock', () => {
        this.#blocked = Math.max(0, this.#blocked - 1);
        const n = this.#narration;
        const wanted = !entry.dead && !this.#disposed && (entry === this.#music || (n?.entry === entry && n.id === id && !n.paused && !n.ended));
        if (wanted) howl.play(id);
        this.#sync();
      });
      this.#sync();
    }));
  }

  #unload(entry: Entry): void {
    if (entry.dead) return;
    entry.dead = true;
    this.#entries.delete(entry);
    if (this.#music === entry) this.#music = null;
    entry.active.clear();
    try {
      entry.howl.unload();
    } catch (error) {
      this.#lastError = `${entry.src}: ${String(error)}`;
    }
  }

  #endNarration(reason: NarrationEndReason): void {
    const n = this.#narration;
    if (!n) return;
    this.#narration = null;
    this.#unload(n.entry);
    if (!n.ended) this.#notifyEnd(n.entry, reason);
  }

  #notifyEnd(entry: Entry, reason: NarrationEndReason): void {
    const end: NarrationEnd = { src: entry.src, scope: entry.scope, reason };
    for (const listener of [...this.#endListeners]) this.#call(listener, end);
  }

  #narrationState(): NarrationState | null {
    const n = this.#narration;
    if (!n) return null;
    const { howl } = n.entry;
    const duration = howl.duration();
    const position = n.ended ? (n.pendingSeek ?? duration) : howl.position(n.id);
    const playing = !n.paused && !n.ended && n.entry.active.has(n.id);
    return { src: n.entry.src, scope: n.entry.scope, position, duration, playing, paused: n.paused, ended: n.ended };
  }

  /** Brings ducking and the position ticker in line with what plays, then reports. */
  #sync(): void {
    const n = this.#narration;
    const speaking = n !== null && !n.paused && !n.ended && n.entry.active.has(n.id);
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
