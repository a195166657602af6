/**
 * A byte-bounded cache (CLOCK, an approximate LRU) of decoded posting lists and facet columns, shared by every
 * index of an engine. Entries are keyed by immutable segment data (`ix/seg/word`), so they never go stale; tombstones are applied
 * by the reader, not cached here.
 */
export class PostingCache {
  private readonly map = new Map<string, { value: unknown; bytes: number; used: boolean }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 8 * 1024 * 1024) {}

  get<T>(key: string): T | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    e.used = true; // second chance at eviction: cheaper than moving the entry to the end on every hit
    return e.value as T;
  }

  set(key: string, value: unknown, bytes: number): void {
    if (bytes > this.maxBytes / 4) return; // one entry never evicts most of the cache
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.map.delete(key);
    }
    // Room is made before the entry goes in, so the entry being added is never the one evicted.
    if (this.bytes + bytes > this.maxBytes) this.evict(this.maxBytes - (this.maxBytes >> 3) - bytes);
    this.map.set(key, { value, bytes, used: false });
    this.bytes += bytes;
  }

  /**
   * Drops the oldest entries not read since they were last passed over (CLOCK: a read entry is moved to the end
   * once, unmarked) down to `target` bytes (7/8 of the budget with the new entry), walking one iterator: a fresh `keys().next()` per eviction skips
   * every deleted slot still at the front of the Map (V8 compacts it only when it rehashes), which made a prefix
   * query that loads a thousand lists spend a tenth of its time here.
   */
  private evict(target: number): void {
    let spared = 0;
    const entries = this.map.size;
    for (const [k, e] of this.map) {
      if (this.bytes <= target) break;
      this.map.delete(k);
      if (e.used && spared++ < entries) {
        e.used = false;
        this.map.set(k, e); // visited again by this iterator only after every older entry
      } else this.bytes -= e.bytes;
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
