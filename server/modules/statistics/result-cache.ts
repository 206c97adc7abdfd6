import type { DataChanges } from '../../db/data-changes.ts';

// Results of whole statistics (dashboard, quality report) per counted unit and date. A result is
// served again only while no write to the counted tables has committed since it was computed
// (DataChanges), and for at most maxAgeMs, which bounds what another server process on the same
// database could leave unseen. Callers check the viewer's access before asking, because the key
// contains no viewer: the result of a unit is the same for everyone allowed to see it.

export interface ResultCacheOptions {
  maxEntries: number;
  maxAgeMs: number;
}

interface Entry<T> {
  generation: number;
  storedAt: number;
  value: T;
}

export class ResultCache<T> {
  readonly #changes: DataChanges | undefined;
  readonly #options: ResultCacheOptions;
  /** In least recently used order: Map keeps insertion order, and a hit is moved to the end. */
  readonly #entries = new Map<string, Entry<T>>();
  /** Computations under way, so that a burst of equal requests runs the query once. */
  readonly #pending = new Map<string, { generation: number; promise: Promise<T> }>();

  constructor(changes: DataChanges | undefined, options: ResultCacheOptions) {
    this.#changes = changes;
    this.#options = options;
  }

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const changes = this.#changes;
    if (!changes) return compute();

    const generation = changes.generation;
    const entry = this.#entries.get(key);
    if (entry && entry.generation === generation && Date.now() - entry.storedAt < this.#options.maxAgeMs) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }

    const pending = this.#pending.get(key);
    if (pending && pending.generation === generation) return pending.promise;

    const promise = compute();
    this.#pending.set(key, { generation, promise });
    try {
      const value = await promise;
      // A write that committed while the query ran may be missing from it: such a result is
      // returned to this caller, who asked before the write, but not kept.
      if (changes.generation === generation) this.#store(key, { generation, storedAt: Date.now(), value });
      return value;
    } finally {
      if (this.#pending.get(key)?.promise === promise) this.#pending.delete(key);
    }
  }

  #store(key: string, entry: Entry<T>): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}
