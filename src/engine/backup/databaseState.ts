/**
 * Whole-database checks and clean-ups shared by dump imports and snapshot restores: "is there user data", wiping
 * what an unfinished import or restore left, and detecting such leftovers when a database is opened.
 */
import type { Store } from '../storage/store.ts';
import { STORES } from '../storage/schema.ts';

/**
 * `meta` record written when a dump import starts and deleted when it commits: found at open, it means the import
 * never finished (crash, closed tab) and the database is wiped.
 */
export const DUMP_IMPORT_MARKER = 'dumpImport';

/** `meta` records that survive an aborted import: the format record and the index id counter (ids are never reused). */
const KEPT_ON_ABORT: readonly string[] = ['engine', 'ids'];

/**
 * True when the database holds user data: an index, a task or a batch. A database that only has its format record
 * and default keys counts as empty (it was opened but never used).
 *
 * @example
 * ```ts
 * if (await hasUserData(store)) throw new Error('not empty');
 * ```
 */
export async function hasUserData(store: Store): Promise<boolean> {
  const names = [STORES.indexes, STORES.tasks, STORES.batches];
  const counts = await store.read(names, (tx) => Promise.all(names.map((n) => tx.count(n))));
  return counts.some((n) => n > 0);
}

/**
 * Empties every object store in one transaction. `keepMeta` lists `meta` records to keep.
 *
 * @example
 * ```ts
 * await wipeDatabase(store, ['engine']);
 * ```
 */
export async function wipeDatabase(store: Store, keepMeta: readonly string[] = []): Promise<void> {
  const names = store.storeNames();
  await store.write(names, async (tx) => {
    for (const n of names) if (n !== STORES.meta) tx.clear(n);
    if (!names.includes(STORES.meta)) return;
    if (keepMeta.length === 0) {
      tx.clear(STORES.meta);
      return;
    }
    for (const key of await tx.getAllKeys(STORES.meta)) if (!keepMeta.includes(key as string)) tx.delete(STORES.meta, key);
  });
}

/** Wipes what an aborted dump import wrote (keeping the format record and the index id counter). */
export function wipeAbortedImport(store: Store): Promise<void> {
  return wipeDatabase(store, KEPT_ON_ABORT);
}

/** What {@link recoverUnfinishedRestore} found. */
export type UnfinishedRestore = 'none' | 'dumpImport' | 'snapshotRestore';

/**
 * Detects, at open, a database left half-filled by an import that never finished, and wipes it:
 * - a dump import writes {@link DUMP_IMPORT_MARKER} first and deletes it last;
 * - a snapshot restore writes the `meta` store last, so records without `meta.engine` mean it was cut off.
 * Either way the database was empty before, so empty is the state to go back to.
 *
 * @example
 * ```ts
 * if ((await recoverUnfinishedRestore(store)) !== 'none') console.warn('an unfinished import was discarded');
 * ```
 */
export async function recoverUnfinishedRestore(store: Store): Promise<UnfinishedRestore> {
  const names = store.storeNames();
  if (!names.includes(STORES.meta)) return 'none';
  const [engine, marker] = await store.read([STORES.meta], (tx) => Promise.all([tx.get(STORES.meta, 'engine'), tx.get(STORES.meta, DUMP_IMPORT_MARKER)]));
  if (marker !== undefined) {
    await wipeDatabase(store);
    return 'dumpImport';
  }
  if (engine !== undefined) return 'none';
  const counts = await store.read(names, (tx) => Promise.all(names.map((n) => tx.count(n))));
  if (counts.every((n) => n === 0)) return 'none';
  await wipeDatabase(store);
  return 'snapshotRestore';
}

/** Every `meta` record (to put back if a restore into a used-but-empty database fails). */
export function readMeta(store: Store): Promise<[string, unknown][]> {
  return store.read([STORES.meta], async (tx) => (await tx.entries<unknown>(STORES.meta)).map(([k, v]) => [k as string, v] as [string, unknown]));
}

/** Puts `meta` records back. */
export async function writeMeta(store: Store, records: readonly [string, unknown][]): Promise<void> {
  await store.write([STORES.meta], async (tx) => {
    for (const [k, v] of records) tx.put(STORES.meta, k, v);
  });
}
