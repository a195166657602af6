/**
 * The storage interface every backend implements (IndexedDB in browsers, memory in Node and tests).
 * Records live in named object stores; keys follow IndexedDB's ordering (see {@link compareKeys}).
 * Snapshots use only this interface, so they copy every store without knowing what it holds.
 */

/** A record key: a number, a string, or an array of keys (compared element-wise, like IndexedDB). */
export type StoreKey = number | string | StoreKey[];

/** A key range; bounds are inclusive unless marked open. Omitted bounds are unbounded. */
export interface KeyRange {
  lower?: StoreKey;
  upper?: StoreKey;
  lowerOpen?: boolean;
  upperOpen?: boolean;
}

export interface ScanOptions {
  range?: KeyRange;
  limit?: number;
  reverse?: boolean;
}

/** Reads inside a transaction. Every method resolves with data committed before the transaction began. */
export interface ReadTx {
  get<T>(store: string, key: StoreKey): Promise<T | undefined>;
  getMany<T>(store: string, keys: readonly StoreKey[]): Promise<(T | undefined)[]>;
  /** Values in key order. */
  getAll<T>(store: string, options?: ScanOptions): Promise<T[]>;
  getAllKeys(store: string, options?: ScanOptions): Promise<StoreKey[]>;
  /** `[key, value]` pairs in key order. */
  entries<T>(store: string, options?: ScanOptions): Promise<[StoreKey, T][]>;
  count(store: string, range?: KeyRange): Promise<number>;
}

/**
 * Writes inside a transaction. Writes are queued, not awaited: the transaction commits them all or none.
 * Inside a transaction, await only this transaction's reads (IndexedDB commits when idle).
 */
export interface WriteTx extends ReadTx {
  put(store: string, key: StoreKey, value: unknown): void;
  delete(store: string, keyOrRange: StoreKey | KeyRange): void;
  clear(store: string): void;
}

export type Durability = 'default' | 'strict' | 'relaxed';

export interface Store {
  readonly backend: 'memory' | 'indexeddb';
  /** Database name. */
  readonly name: string;
  /** Every object store of the database, in schema order. */
  storeNames(): readonly string[];
  /** Runs `fn` in a read-only transaction over `stores`. */
  read<T>(stores: readonly string[], fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a read-write transaction over `stores`: all its writes commit together when `fn`
   * resolves, none if it throws (the error is rethrown).
   */
  write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, durability?: Durability): Promise<T>;
  /** Releases connections. The store is unusable afterwards. */
  close(): void;
  /** Closes and deletes the whole database. */
  destroy(): Promise<void>;
}

/** Convenience: `[lower, upper]` range of every key starting with the array `prefix`. */
export function prefixRange(prefix: StoreKey[]): KeyRange {
  return { lower: prefix, upper: [...prefix, MAX_KEY_SENTINEL] };
}

/**
 * An array compares above every number or string, so `[...prefix, []]` is above any key
 * `[...prefix, x]` where x is a number or string; we use it as an upper bound.
 */
export const MAX_KEY_SENTINEL: StoreKey = [];

/** Key type rank in IndexedDB order: number < string < array. */
function rank(k: StoreKey): number {
  return typeof k === 'number' ? 1 : typeof k === 'string' ? 2 : 3;
}

/** Compares two keys the way IndexedDB does (numbers < strings < arrays; strings by UTF-16 code units). */
export function compareKeys(a: StoreKey, b: StoreKey): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  if (ra === 2) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  const xa = a as StoreKey[];
  const xb = b as StoreKey[];
  const n = Math.min(xa.length, xb.length);
  for (let i = 0; i < n; i++) {
    const c = compareKeys(xa[i], xb[i]);
    if (c !== 0) return c;
  }
  return xa.length - xb.length;
}

export function keyInRange(key: StoreKey, range: KeyRange | undefined): boolean {
  if (!range) return true;
  if (range.lower !== undefined) {
    const c = compareKeys(key, range.lower);
    if (c < 0 || (c === 0 && range.lowerOpen)) return false;
  }
  if (range.upper !== undefined) {
    const c = compareKeys(key, range.upper);
    if (c > 0 || (c === 0 && range.upperOpen)) return false;
  }
  return true;
}

/** Checks that `key` is a valid key (finite numbers, strings, arrays of keys). */
export function isValidKey(key: unknown): key is StoreKey {
  if (typeof key === 'number') return !Number.isNaN(key);
  if (typeof key === 'string') return true;
  if (Array.isArray(key)) return key.every(isValidKey);
  return false;
}
