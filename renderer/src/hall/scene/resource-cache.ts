// A reference-counted cache of GPU resources (geometries, materials, textures) so each is disposed exactly once.

/** Anything with a dispose(): three's BufferGeometry, Material and Texture all qualify. */
export interface Disposable {
  dispose(): void;
}

export interface CacheStats {
  /** Live entries. */
  readonly entries: number;
  /** Sum of all reference counts. */
  readonly references: number;
  /** Entries disposed since the cache was created. */
  readonly disposed: number;
}

interface Entry {
  readonly value: Disposable;
  refs: number;
}

/**
 * `acquire(key, create)` returns the shared value for `key` (creating it on first use) and adds a
 * reference; `release(key)` drops one and disposes the value when none remain. A hall acquires what it
 * uses and releases it on teardown, so resources shared across pack switches live exactly as long as a user.
 */
export class ResourceCache {
  readonly #entries = new Map<string, Entry>();
  #disposed = 0;

  acquire<T extends Disposable>(key: string, create: () => T): T {
    const found = this.#entries.get(key);
    if (found) {
      found.refs += 1;
      return found.value as T;
    }
    const value = create();
    this.#entries.set(key, { value, refs: 1 });
    return value;
  }

  /** The current value for `key` without taking a reference. */
  peek(key: string): Disposable | undefined {
    return this.#entries.get(key)?.value;
  }

  /** Drops one reference; disposes and forgets the value at zero. Unknown keys are ignored (returns false). */
  release(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    entry.refs -= 1;
    if (entry.refs > 0) return true;
    this.#entries.delete(key);
    entry.value.dispose();
    this.#disposed += 1;
    return true;
  }

  /** Disposes everything regardless of reference counts (engine teardown). */
  disposeAll(): void {
    const values = [...this.#entries.values()];
    this.#entries.clear();
    for (const { value } of values) {
      value.dispose();
      this.#disposed += 1;
    }
  }

  stats(): CacheStats {
    let references = 0;
    for (const entry of this.#entries.values()) references += entry.refs;
    return { entries: this.#entries.size, references, disposed: this.#disposed };
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }
}

/**
 * One hall's view of a cache: remembers every key it acquired so `releaseAll()` gives back exactly
 * those. `shared` keys are reused across halls (a unit box); `own` keys are prefixed with the scope's
 * id, so two halls alive during a pack switch never share per-pack textures.
 */
export class ResourceScope {
  readonly #held: string[] = [];

  constructor(
    readonly cache: ResourceCache,
    readonly prefix: string,
  ) {}

  shared<T extends Disposable>(key: string, create: () => T): T {
    this.#held.push(key);
    return this.cache.acquire(key, create);
  }

  own<T extends Disposable>(name: string, create: () => T): T {
    return this.shared(`${this.prefix}/${name}`, create);
  }

  /** Gives back one `own` resource before the scope ends (a texture being replaced). */
  drop(name: string): void {
    const key = `${this.prefix}/${name}`;
    const index = this.#held.lastIndexOf(key);
    if (index < 0) return;
    this.#held.splice(index, 1);
    this.cache.release(key);
  }

  releaseAll(): void {
    for (const key of this.#held.splice(0).reverse()) this.cache.release(key);
  }
}
