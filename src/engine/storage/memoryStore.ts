import { EngineError } from '../../errors/engineError.ts';
import {
  compareKeys,
  isValidKey,
  keyInRange,
  type Durability,
  type KeyRange,
  type ReadTx,
  type ScanOptions,
  type Store,
  type StoreKey,
  type WriteTx,
} from './store.ts';

/** Binary search: index of the first key ≥ `key` in the sorted array. */
function lowerBound(keys: StoreKey[], key: StoreKey): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keys[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Stable string identity of a key, for the hash map. */
function keyId(key: StoreKey): string {
  return typeof key === 'string' ? 's' + key : typeof key === 'number' ? 'n' + key : 'a' + JSON.stringify(key);
}

/** One object store: a hash map for point access plus a lazily re-sorted key list for scans. */
class MemoryObjectStore {
  readonly map = new Map<string, { key: StoreKey; value: unknown }>();
  private sorted: StoreKey[] | null = [];

  get(key: StoreKey): unknown {
    return this.map.get(keyId(key))?.value;
  }

  set(key: StoreKey, value: unknown): void {
    const id = keyId(key);
    if (!this.map.has(id)) this.sorted = null;
    this.map.set(id, { key, value });
  }

  remove(key: StoreKey): void {
    if (this.map.delete(keyId(key))) this.sorted = null;
  }

  keysInRange(options: ScanOptions | undefined): StoreKey[] {
    if (!this.sorted) this.sorted = [...this.map.values()].map((e) => e.key).sort(compareKeys);
    const keys = this.sorted;
    const range = options?.range;
    let from = range?.lower !== undefined ? lowerBound(keys, range.lower) : 0;
    const out: StoreKey[] = [];
    for (let i = from; i < keys.length; i++) {
      const k = keys[i];
      if (!keyInRange(k, range)) {
        if (range?.upper !== undefined && compareKeys(k, range.upper) > 0) break;
        continue;
      }
      out.push(k);
    }
    if (options?.reverse) out.reverse();
    return options?.limit !== undefined ? out.slice(0, options.limit) : out;
  }
}

const clone: <T>(v: T) => T = (v) => (v === undefined ? v : structuredClone(v));

function checkKey(key: unknown): asserts key is StoreKey {
  if (!isValidKey(key)) throw new EngineError('internal', `Invalid storage key: ${String(key)}`);
}

/**
 * In-memory {@link Store}. Values are structured-cloned on the way in and out (as IndexedDB does), writes of a
 * transaction are undone if it throws, and a write transaction excludes every other transaction.
 */
export class MemoryStore implements Store {
  readonly backend = 'memory' as const;
  private readonly stores = new Map<string, MemoryObjectStore>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly name: string,
    storeNames: readonly string[],
  ) {
    for (const s of storeNames) this.stores.set(s, new MemoryObjectStore());
  }

  storeNames(): readonly string[] {
    return [...this.stores.keys()];
  }

  private os(name: string): MemoryObjectStore {
    const s = this.stores.get(name);
    if (!s) throw new EngineError('internal', `Unknown object store \`${name}\`.`);
    return s;
  }

  private reader(allowed: readonly string[]): ReadTx {
    const check = (store: string) => {
      if (!allowed.includes(store)) throw new EngineError('internal', `Store \`${store}\` is not in this transaction.`);
      return this.os(store);
    };
    return {
      get: async <T>(store: string, key: StoreKey) => {
        checkKey(key);
        return clone(check(store).get(key)) as T | undefined;
      },
      getMany: async <T>(store: string, keys: readonly StoreKey[]) => {
        const os = check(store);
        return keys.map((k) => clone(os.get(k))) as (T | undefined)[];
      },
      getAll: async <T>(store: string, options?: ScanOptions) => {
        const os = check(store);
        return os.keysInRange(options).map((k) => clone(os.get(k))) as T[];
      },
      getAllKeys: async (store: string, options?: ScanOptions) => clone(check(store).keysInRange(options)),
      entries: async <T>(store: string, options?: ScanOptions) => {
        const os = check(store);
        return os.keysInRange(options).map((k) => [clone(k), clone(os.get(k))] as [StoreKey, T]);
      },
      count: async (store: string, range?: KeyRange) => check(store).keysInRange({ range }).length,
    };
  }

  /** Serializes transactions: simple and enough for a single-threaded engine. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new EngineError('internal', 'The store is closed.'));
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async read<T>(stores: readonly string[], fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    for (const s of stores) this.os(s);
    return this.exclusive(() => fn(this.reader(stores)));
  }

  async write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, _durability?: Durability): Promise<T> {
    for (const s of stores) this.os(s);
    return this.exclusive(async () => {
      // Undo log: the previous value (or absence) of every key touched, to roll back on error.
      const undo: (() => void)[] = [];
      const remember = (os: MemoryObjectStore, key: StoreKey) => {
        const prev = os.map.get(keyId(key));
        undo.push(prev ? () => os.set(prev.key, prev.value) : () => os.remove(key));
      };
      const base = this.reader(stores);
      const check = (store: string) => {
        if (!stores.includes(store)) throw new EngineError('internal', `Store \`${store}\` is not in this transaction.`);
        return this.os(store);
      };
      const tx: WriteTx = {
        ...base,
        put: (store, key, value) => {
          checkKey(key);
          const os = check(store);
          remember(os, key);
          os.set(key, clone(value));
        },
        delete: (store, keyOrRange) => {
          const os = check(store);
          const keys = isValidKey(keyOrRange) ? [keyOrRange] : os.keysInRange({ range: keyOrRange as KeyRange });
          for (const k of keys) {
            remember(os, k);
            os.remove(k);
          }
        },
        clear: (store) => {
          const os = check(store);
          for (const k of os.keysInRange(undefined)) {
            remember(os, k);
            os.remove(k);
          }
        },
      };
      try {
        return await fn(tx);
      } catch (e) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]();
        throw e;
      }
    });
  }

  close(): void {
    this.closed = true;
  }

  async destroy(): Promise<void> {
    this.closed = true;
    for (const s of this.stores.values()) s.map.clear();
  }
}
