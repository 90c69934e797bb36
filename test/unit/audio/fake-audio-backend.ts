// A recording fake of the audio backend: Howls that log every call and fire events only when a test says so.
import type { AudioBackend, AudioTimers, HowlEventName, HowlLike, HowlListener, HowlSpec } from '../../../renderer/src/audio/backend';

export class FakeHowl implements HowlLike {
  readonly calls: string[] = [];
  readonly fades: { from: number; to: number; ms: number }[] = [];
  readonly positions = new Map<number, number>();
  durationSeconds = 12;
  unloaded = false;
  #volume: number;
  #nextId = 1;
  readonly #listeners = new Map<HowlEventName, { listener: HowlListener; once: boolean }[]>();

  constructor(readonly spec: HowlSpec) {
    this.#volume = spec.volume;
  }

  play(id?: number): number {
    const sound = id ?? this.#nextId++;
    this.calls.push(`play:${sound}`);
    return sound;
  }
  pause(id: number): void {
    this.calls.push(`pause:${id}`);
  }
  stop(id?: number): void {
    this.calls.push(`stop:${id ?? 'all'}`);
  }
  position(id: number): number {
    return this.positions.get(id) ?? 0;
  }
  seek(seconds: number, id: number): void {
    this.calls.push(`seek:${seconds}:${id}`);
    this.positions.set(id, seconds);
  }
  duration(): number {
    return this.durationSeconds;
  }
  volume(): number {
    return this.#volume;
  }
  setVolume(volume: number): void {
    this.calls.push(`volume:${volume}`);
    this.#volume = volume;
  }
  /** Records the fade and jumps to its end value: the tests check targets, not the ramp. */
  fade(from: number, to: number, ms: number): void {
    this.fades.push({ from, to, ms });
    this.#volume = to;
  }
  on(event: HowlEventName, listener: HowlListener): void {
    this.#add(event, listener, false);
  }
  once(event: HowlEventName, listener: HowlListener): void {
    this.#add(event, listener, true);
  }
  /** Like howler: unload stops what plays (firing `stop`), then drops every listener. */
  unload(): void {
    this.calls.push('unload');
    this.fire('stop', 0);
    this.unloaded = true;
    this.#listeners.clear();
  }

  /** Fires a howler event at the director, as the browser would. */
  fire(event: HowlEventName, id = 0, detail?: unknown): void {
    const list = this.#listeners.get(event) ?? [];
    this.#listeners.set(event, list.filter((l) => !l.once));
    for (const { listener } of list) listener(id, detail);
  }

  listenerCount(): number {
    return [...this.#listeners.values()].reduce((sum, list) => sum + list.length, 0);
  }

  #add(event: HowlEventName, listener: HowlListener, once: boolean): void {
    const list = this.#listeners.get(event) ?? [];
    list.push({ listener, once });
    this.#listeners.set(event, list);
  }
}

export class FakeBackend implements AudioBackend {
  readonly howls: FakeHowl[] = [];
  readonly masterVolumes: number[] = [];

  createHowl(spec: HowlSpec): FakeHowl {
    const howl = new FakeHowl(spec);
    this.howls.push(howl);
    return howl;
  }
  setMasterVolume(volume: number): void {
    this.masterVolumes.push(volume);
  }
  /** Howls not yet unloaded. */
  live(): FakeHowl[] {
    return this.howls.filter((h) => !h.unloaded);
  }
  /** The Howl whose first source is `src` (the newest, if several). */
  bySrc(src: string): FakeHowl {
    const howl = [...this.howls].reverse().find((h) => h.spec.src[0] === src);
    if (!howl) throw new Error(`no Howl for ${src}`);
    return howl;
  }
}

export class FakeTimers implements AudioTimers {
  readonly #active = new Map<number, () => void>();
  #next = 1;

  setInterval(callback: () => void): unknown {
    const handle = this.#next++;
    this.#active.set(handle, callback);
    return handle;
  }
  clearInterval(handle: unknown): void {
    this.#active.delete(handle as number);
  }
  get count(): number {
    return this.#active.size;
  }
  tick(): void {
    for (const callback of [...this.#active.values()]) callback();
  }
}
