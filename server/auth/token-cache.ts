/**
 * Remembers verified tokens until they expire, bounded in size. A Map keeps insertion order, so
 * the first key is the oldest: when full, the oldest entry goes.
 */
export class TokenCache<T> {
  readonly #entries = new Map<string, { value: T; expiresAtMs: number }>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) {
      throw new TypeError('TokenCache: maxEntries must be a whole number >= 0');
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value for `token` if it is still valid at `nowMs`; an expired entry is dropped. */
  get(token: string, nowMs: number): T | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: T, expiresAtMs: number): void {
    if (this.maxEntries === 0) return;
    this.#entries.delete(token);
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { value, expiresAtMs });
  }
}
