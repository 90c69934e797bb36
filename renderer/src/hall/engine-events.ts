// A small typed listener registry: `on` returns its own unsubscribe, `emit` tolerates listeners leaving mid-loop.

type Listener = (...args: never[]) => void;

export class EventRegistry<Events extends { [K in keyof Events]: Listener }> {
  readonly #listeners = new Map<keyof Events, Set<Listener>>();

  on<K extends keyof Events>(event: K, listener: Events[K]): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    // Copy first: a listener may unsubscribe while we iterate.
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (...a: Parameters<Events[K]>) => void)(...args);
  }

  clear(): void {
    this.#listeners.clear();
  }
}
