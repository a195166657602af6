/**
 * Opening an engine's storage and wiring its shared context (store, catalog, queue, caches, coordination).
 * Kept apart from the `Engine` class, which is the public API.
 */
import { EngineError } from '../errors/engineError.ts';
import { ENGINE_VERSION } from '../version.ts';
import { MemoryStore } from './storage/memoryStore.ts';
import { IndexedDbStore } from './storage/indexedDbStore.ts';
import { ALL_STORES, STORAGE_FORMAT, STORES } from './storage/schema.ts';
import type { Store } from './storage/store.ts';
import type { EngineContext } from './engineContext.ts';
import { IndexCatalog } from './indexes/indexCatalog.ts';
import { createCoordinator, type Coordinator } from './coordination/coordinator.ts';
import { TaskQueue } from './tasks/taskQueue.ts';
import { PostingCache } from './search/postingCache.ts';
import { throttleProgress } from './backup/backupProgress.ts';
import { prepareStoreAtOpen } from './backup/startupRestore.ts';
import { wantsImport } from './backup/backupOptions.ts';
import { hasUserData } from './backup/databaseState.ts';
import type { BackupStorage } from './backup/backupStorage.ts';
import type { ResolvedEngineOptions } from './engineOptions.ts';

interface EngineMetaRecord {
  format: string;
  engineVersion: string;
  createdAt: string;
}

/** Coordination keys of in-memory stores, one per store object (see {@link coordinatorFor}). */
const memoryStoreKeys = new WeakMap<Store, string>();
let nextMemoryStore = 0;

/**
 * IndexedDB databases are shared by name across tabs and workers, so their engines coordinate by name. An in-memory
 * store is a database of its own whatever its name: engines coordinate only with those opened over the same object
 * (two `createEngine({ storage: 'memory' })` are two databases, and must not wait for each other's lock).
 */
function coordinatorFor(store: Store): Coordinator {
  if (store.backend === 'indexeddb') return createCoordinator(store.name);
  let key = memoryStoreKeys.get(store);
  if (key === undefined) memoryStoreKeys.set(store, (key = `memory-${nextMemoryStore++}:${store.name}`));
  return createCoordinator(key, { inProcess: true });
}

async function openStore(options: ResolvedEngineOptions): Promise<Store> {
  if (options.store) return options.store;
  return options.storage === 'memory' ? new MemoryStore(options.name, ALL_STORES) : IndexedDbStore.open(options.name);
}

/**
 * Checks (or writes, for a new database) the storage format record. Only an engine alone on the database writes
 * it: another engine may be restoring a snapshot, whose format record comes last (its absence is how a restore cut
 * off by a crash is recognized).
 */
async function checkFormat(store: Store, now: Date, alone: boolean): Promise<void> {
  await store.write([STORES.meta], async (tx) => {
    const meta = await tx.get<EngineMetaRecord>(STORES.meta, 'engine');
    if (!meta) {
      if (alone) tx.put(STORES.meta, 'engine', { format: STORAGE_FORMAT, engineVersion: ENGINE_VERSION, createdAt: now.toISOString() });
      return;
    }
    if (meta.format !== STORAGE_FORMAT) {
      throw new EngineError('invalid_store_file', `The database was written in format \`${meta.format}\`; this engine reads \`${STORAGE_FORMAT}\`. Export a dump with the other version and import it here.`);
    }
  });
}

/** `importSnapshot` while another tab or worker has the database open: refused, unless the database has data to keep. */
async function refuseRestoreWhileShared(store: Store, options: ResolvedEngineOptions): Promise<void> {
  if (!wantsImport(options.importSnapshot)) return;
  if (options.ignoreSnapshotIfDbExists && (await hasUserData(store))) return;
  throw new EngineError('invalid_state', `The database \`${store.name}\` is open in another tab or worker: close it there before restoring a snapshot into it.`);
}

/** Opens the store (restoring a snapshot or wiping an unfinished import first), checks its format, wires the context. */
export async function openEngineContext(options: ResolvedEngineOptions, backupStorage: BackupStorage): Promise<EngineContext> {
  const store = await openStore(options);
  const now = options.now ?? (() => new Date());
  const coordinator = coordinatorFor(store);
  // Alone on the database (nobody holds its scheduler lock), this engine wipes what an interrupted import or backup
  // left and restores `importSnapshot` with the lock held; otherwise the engine holding it does (or is doing) the work.
  let release: (() => void) | null = null;
  try {
    release = await coordinator.tryAcquire();
    if (release) {
      await prepareStoreAtOpen(store, backupStorage, options, throttleProgress(options.onProgress));
      // Temporary files of an interrupted dump or snapshot go before the engine answers: nothing else can be
      // writing them now. (The scheduler cleans again whenever it takes the lock over later.)
      await backupStorage.cleanup(store.name);
    } else await refuseRestoreWhileShared(store, options);
    await checkFormat(store, now(), release !== null);
  } catch (e) {
    coordinator.close();
    if (!options.store) store.close();
    throw e;
  } finally {
    release?.();
  }
  const catalog = new IndexCatalog(store);
  return {
    store,
    catalog,
    queue: new TaskQueue(store, now),
    postings: new PostingCache(options.cacheBytes),
    backups: options.backups ?? {},
    now,
    coordinator,
    segmentPool: options.segmentPool,
    onCommit: (changed) => {
      catalog.invalidate(changed === 'all' ? undefined : changed);
      coordinator.publish({ type: 'committed', indexes: changed });
    },
  };
}
