/**
 * A read-only view of a {@link Store} for snapshots, which leaves out the snapshot's own tasks (as Meilisearch
 * does, so a restored database does not take the snapshot again) and every task registered after the snapshot
 * started (tasks still enqueue while a snapshot is written; they must not change what is being copied).
 */
import { EngineError } from '../../errors/engineError.ts';
import { STORES } from '../storage/schema.ts';
import { compareKeys, type KeyRange, type ReadTx, type ScanOptions, type Store, type StoreKey } from '../storage/store.ts';

export interface SnapshotViewOptions {
  /** Task uids left out (the snapshot tasks being processed). */
  excludeTasks: ReadonlySet<number>;
  /** Highest task uid copied. */
  maxTaskUid: number;
}

/** Stores keyed by task uid, and the one keyed by `[task uid, chunk]`. */
const BY_UID: readonly string[] = [STORES.tasks, STORES.enqueued];
const BY_UID_PREFIX: readonly string[] = [STORES.taskPayloads];

/** `range` with its upper bound lowered to `upper` (inclusive); `null` when nothing is left. */
function clampUpper(range: KeyRange | undefined, upper: StoreKey): KeyRange | null {
  const r: KeyRange = { ...(range ?? {}) };
  if (r.upper === undefined || compareKeys(r.upper, upper) > 0) {
    r.upper = upper;
    r.upperOpen = false;
  }
  if (r.lower !== undefined) {
    const c = compareKeys(r.lower, r.upper);
    if (c > 0 || (c === 0 && (r.lowerOpen || r.upperOpen))) return null;
  }
  return r;
}

function taskUidOf(store: string, key: StoreKey): number | undefined {
  if (BY_UID.includes(store)) return key as number;
  if (BY_UID_PREFIX.includes(store)) return (key as StoreKey[])[0] as number;
  return undefined;
}

/**
 * The snapshot view of `store`.
 *
 * @example
 * ```ts
 * await writeSnapshot(snapshotView(store, { excludeTasks: new Set([41]), maxTaskUid: 41 }), sink);
 * ```
 */
export function snapshotView(store: Store, options: SnapshotViewOptions): Store {
  const { excludeTasks, maxTaskUid } = options;
  const filtered = (s: string) => BY_UID.includes(s) || BY_UID_PREFIX.includes(s);
  const upperOf = (s: string): StoreKey => (BY_UID.includes(s) ? maxTaskUid : [maxTaskUid, []]);
  const keep = (s: string, key: StoreKey) => {
    const uid = taskUidOf(s, key);
    return uid === undefined || (uid <= maxTaskUid && !excludeTasks.has(uid));
  };

  const wrap = (tx: ReadTx): ReadTx => {
    /** Runs a scan on the clamped range, asking for enough extra records to make up for the excluded ones. */
    const scan = async <R>(s: string, options: ScanOptions | undefined, run: (o: ScanOptions) => Promise<R[]>, keyOf: (r: R) => StoreKey): Promise<R[]> => {
      if (!filtered(s)) return run(options ?? {});
      const range = clampUpper(options?.range, upperOf(s));
      if (!range) return [];
      const limit = options?.limit === undefined ? undefined : options.limit + excludeTasks.size;
      const out = (await run({ ...options, range, limit })).filter((r) => keep(s, keyOf(r)));
      return options?.limit === undefined ? out : out.slice(0, options.limit);
    };
    return {
      get: async <T>(s: string, key: StoreKey) => (keep(s, key) ? tx.get<T>(s, key) : undefined),
      getMany: async <T>(s: string, keys: readonly StoreKey[]) => {
        const values = await tx.getMany<T>(s, keys);
        return values.map((v, i) => (keep(s, keys[i]) ? v : undefined));
      },
      entries: <T>(s: string, o?: ScanOptions) => scan(s, o, (x) => tx.entries<T>(s, x), (e) => e[0]),
      getAllKeys: (s: string, o?: ScanOptions) => scan(s, o, (x) => tx.getAllKeys(s, x), (k) => k),
      getAll: async <T>(s: string, o?: ScanOptions) => (await scan(s, o, (x) => tx.entries<T>(s, x), (e) => e[0])).map((e) => e[1]),
      count: async (s: string, range?: KeyRange) => {
        if (!filtered(s)) return tx.count(s, range);
        const clamped = clampUpper(range, upperOf(s));
        if (!clamped) return 0;
        // A bounded range (never asked by the snapshot writer): count what is kept, key by key.
        if (range !== undefined) return (await tx.getAllKeys(s, { range: clamped })).filter((k) => keep(s, k)).length;
        let n = await tx.count(s, clamped);
        for (const uid of excludeTasks) {
          if (uid <= maxTaskUid) n -= await tx.count(s, BY_UID.includes(s) ? { lower: uid, upper: uid } : { lower: [uid], upper: [uid, []] });
        }
        return n;
      },
    };
  };

  const readOnly = (): never => {
    throw new EngineError('internal', 'A snapshot view is read-only.');
  };
  return {
    backend: store.backend,
    name: store.name,
    storeNames: () => store.storeNames(),
    read: (stores, fn) => store.read(stores, (tx) => fn(wrap(tx))),
    write: async () => readOnly(),
    close: () => undefined,
    destroy: async () => readOnly(),
  };
}
