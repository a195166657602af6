/**
 * A byte-bounded LRU of decoded posting lists and facet columns, shared by every index of an engine.
 * Entries are keyed by immutable segment data (`ix/seg/word`), so they never go stale; tombstones are applied
 * by the reader, not cached here.
 */
export class PostingCache {
  private readonly map = new Map<string, { value: unknown; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 8 * 1024 * 1024) {}

  get<T>(key: string): T | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value as T;
  }

  set(key: string, value: unknown, bytes: number): void {
    if (bytes > this.maxBytes / 4) return; // one entry never evicts most of the cache
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.map.delete(key);
    }
    this.map.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) {
      const oldest = this.map.keys().next().value as string;
      this.bytes -= this.map.get(oldest)!.bytes;
      this.map.delete(oldest);
    }
  }

  /** Drops every entry of an index (its segments were deleted). */
  dropIndex(ix: number): void {
    const prefix = `${ix}/`;
    for (const [k, e] of this.map) {
      if (k.startsWith(prefix)) {
        this.bytes -= e.bytes;
        this.map.delete(k);
      }
    }
  }

  get size(): number {
    return this.bytes;
  }
}
