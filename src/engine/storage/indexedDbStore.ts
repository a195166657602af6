import { openDB, deleteDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import { EngineError, toEngineError } from '../../errors/engineError.ts';
import { ALL_STORES, SCHEMA_VERSION, type StoreName } from './schema.ts';
import { isValidKey, type Durability, type KeyRange, type ReadTx, type ScanOptions, type Store, type StoreKey, type WriteTx } from './store.ts';

/** Typed schema for `idb`. Values are typed where they are read (records are versioned, see schema.ts). */
type PocketSchema = DBSchema & {
  [K in StoreName]: { key: IDBValidKey; value: unknown };
};

/** All migrations, one step per version. IndexedDB runs this in a versionchange transaction. */
function upgradeSchema(db: IDBPDatabase<PocketSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    for (const name of ALL_STORES) db.createObjectStore(name);
  }
  // Future versions: `if (oldVersion < 2) { … }` — never edit a past step.
}

function toIdbRange(range: KeyRange | undefined): IDBKeyRange | undefined {
  if (!range) return undefined;
  const { lower, upper, lowerOpen = false, upperOpen = false } = range;
  if (lower !== undefined && upper !== undefined) return IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower, lowerOpen);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper, upperOpen);
  return undefined;
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Walks a cursor, collecting up to `limit` results (used for reverse scans, which getAll cannot do). */
function cursorCollect<T>(
  os: IDBObjectStore,
  options: ScanOptions,
  pick: (c: IDBCursorWithValue) => T,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    const r = os.openCursor(toIdbRange(options.range), options.reverse ? 'prev' : 'next');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const c = r.result;
      if (!c || (options.limit !== undefined && out.length >= options.limit)) return resolve(out);
      out.push(pick(c));
      c.continue();
    };
  });
}

function makeReader(tx: IDBTransaction): ReadTx {
  const os = (name: string) => tx.objectStore(name);
  return {
    get: <T>(store: string, key: StoreKey) => req(os(store).get(key)) as Promise<T | undefined>,
    getMany: <T>(store: string, keys: readonly StoreKey[]) => {
      const s = os(store);
      return Promise.all(keys.map((k) => req(s.get(k)))) as Promise<(T | undefined)[]>;
    },
    getAll: <T>(store: string, options: ScanOptions = {}) =>
      options.reverse
        ? cursorCollect(os(store), options, (c) => c.value as T)
        : (req(os(store).getAll(toIdbRange(options.range), options.limit)) as Promise<T[]>),
    getAllKeys: (store: string, options: ScanOptions = {}) =>
      options.reverse
        ? cursorCollect(os(store), options, (c) => c.key as StoreKey)
        : (req(os(store).getAllKeys(toIdbRange(options.range), options.limit)) as Promise<StoreKey[]>),
    entries: async <T>(store: string, options: ScanOptions = {}) => {
      if (options.reverse) return cursorCollect(os(store), options, (c) => [c.key as StoreKey, c.value as T] as [StoreKey, T]);
      const s = os(store);
      const range = toIdbRange(options.range);
      const [keys, values] = await Promise.all([req(s.getAllKeys(range, options.limit)), req(s.getAll(range, options.limit))]);
      return keys.map((k, i) => [k as StoreKey, values[i] as T] as [StoreKey, T]);
    },
    count: (store: string, range?: KeyRange) => req(os(store).count(toIdbRange(range))),
  };
}

export interface IndexedDbStoreOptions {
  /** Called when another context upgrades or deletes the database: we close, and the owner may reopen. */
  onVersionChange?: () => void;
}

/** The error of every call once another context upgraded or deleted the database (or the browser closed it). */
function closedElsewhere(name: string, why: 'versionchange' | 'terminated'): EngineError {
  return new EngineError(
    'invalid_state',
    why === 'versionchange'
      ? `The database \`${name}\` was upgraded or deleted in another tab or worker (a newer version of pocketsearch, or site data cleared): this engine closed its connection so as not to block it. Reload the page.`
      : `The browser closed the database \`${name}\` (site data cleared, or storage failure). Reload the page.`,
  );
}

/** {@link Store} over IndexedDB (browsers, workers, service workers; fake-indexeddb in Node tests). */
export class IndexedDbStore implements Store {
  readonly backend = 'indexeddb' as const;

  /** The native database: raw requests are much cheaper than promise wrappers in hot paths. */
  private readonly native: IDBDatabase;
  /** Set when the connection was closed from outside: every later call throws it. */
  private closedBy: EngineError | null = null;
  private readonly closeListeners: (() => void)[] = [];

  private constructor(
    readonly name: string,
    private readonly db: IDBPDatabase<PocketSchema>,
  ) {
    this.native = unwrap(db) as IDBDatabase;
  }

  static async open(name: string, options: IndexedDbStoreOptions = {}): Promise<IndexedDbStore> {
    if (typeof indexedDB === 'undefined') {
      throw new EngineError('internal', 'IndexedDB is not available here: use `storage: "memory"` or load fake-indexeddb.');
    }
    let store: IndexedDbStore | undefined;
    const closed = (why: 'versionchange' | 'terminated') => {
      if (store) store.closedBy ??= closedElsewhere(name, why);
      store?.close();
      options.onVersionChange?.();
      for (const l of store?.closeListeners.splice(0) ?? []) l();
    };
    let db: IDBPDatabase<PocketSchema>;
    try {
      db = await openDB<PocketSchema>(name, SCHEMA_VERSION, {
        upgrade: (database, oldVersion) => upgradeSchema(database, oldVersion),
        // A newer schema (or a deletion) wants the database: let it proceed rather than block it forever.
        blocking: () => closed('versionchange'),
        terminated: () => closed('terminated'),
      });
    } catch (e) {
      if ((e as { name?: string } | null)?.name === 'VersionError') {
        throw new EngineError(
          'invalid_store_file',
          `The database \`${name}\` has a newer schema than this version of pocketsearch reads (${SCHEMA_VERSION}): a newer version opened it, in another tab or before an update was rolled back. Reload the page to run the newer version.`,
        );
      }
      throw toEngineError(e);
    }
    store = new IndexedDbStore(name, db);
    return store;
  }

  /** Calls `listener` once if another context upgrades or deletes the database, or the browser closes it. */
  onClosedElsewhere(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  storeNames(): readonly string[] {
    return [...this.db.objectStoreNames];
  }

  private tx(stores: readonly string[], mode: IDBTransactionMode, durability?: Durability): IDBTransaction {
    if (this.closedBy) throw this.closedBy;
    try {
      return durability && durability !== 'default'
        ? this.native.transaction(stores as string[], mode, { durability })
        : this.native.transaction(stores as string[], mode);
    } catch (e) {
      throw toEngineError(e);
    }
  }

  async read<T>(stores: readonly string[], fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    const tx = this.tx(stores, 'readonly');
    try {
      return await fn(makeReader(tx));
    } catch (e) {
      throw toEngineError(e);
    }
  }

  async write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, durability?: Durability): Promise<T> {
    const tx = this.tx(stores, 'readwrite', durability);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
      tx.onerror = (ev) => ev.preventDefault(); // surfaced through onabort
    });
    done.catch(() => undefined);
    const reader = makeReader(tx);
    const writer: WriteTx = {
      ...reader,
      put: (store, key, value) => {
        tx.objectStore(store).put(value, key);
      },
      delete: (store, keyOrRange) => {
        tx.objectStore(store).delete(isValidKey(keyOrRange) ? keyOrRange : toIdbRange(keyOrRange as KeyRange)!);
      },
      clear: (store) => {
        tx.objectStore(store).clear();
      },
    };
    let result: T;
    try {
      result = await fn(writer);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      throw toEngineError(e);
    }
    try {
      tx.commit?.();
    } catch {
      /* commit() throws if the transaction already finished; `done` tells the truth */
    }
    try {
      await done;
    } catch (e) {
      throw toEngineError(e);
    }
    return result;
  }

  close(): void {
    this.db.close();
  }

  async destroy(): Promise<void> {
    this.db.close();
    await deleteDB(this.name);
  }
}
