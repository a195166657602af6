/**
 * The page API: `createClient()` starts a module Web Worker running the engine over IndexedDB and returns an
 * async client with the same methods as the engine (and the official `meilisearch` client).
 */
import * as Comlink from 'comlink';
import type { EnqueuedTaskPromise } from '../engine/engine.ts';
import type { EnqueuedTask, Task, WaitOptions } from '../engine/types/tasks.ts';
import type { DocumentOptions } from '../engine/types/indexes.ts';
import { ENGINE_METHODS, ENGINE_WRITE_METHODS, INDEX_METHODS, INDEX_WRITE_METHODS } from '../shared/methods.ts';
import { registerTransferHandlers } from '../shared/transferHandlers.ts';
import type { WorkerApi } from '../worker/workerApi.ts';
import { spawnEngineWorker } from './spawnWorker.ts';
import { DEFAULT_WORKER_START_TIMEOUT_MS, waitForWorkerStart } from './workerStart.ts';
import { clientBackupMethods, progressProxy, workerBackupOptions, type ClientBackupOptions } from './clientBackups.ts';
import type { ClientIndex, PocketClient } from './clientTypes.ts';

export type { ClientIndex, PocketClient };

/**
 * Options of {@link createClient}. Every option with its type, default and meaning:
 * [client-options.md](../../docs/client-options.md).
 */
export interface ClientOptions extends ClientBackupOptions {
  /** Engine name: one IndexedDB database per name. Default `pocketsearch`. */
  name?: string;
  /**
   * Bring your own worker: it must run the `pocketsearch/worker` entry of the same version, as a module worker
   * (`new Worker(new URL('pocketsearch/worker', import.meta.url), { type: 'module' })`).
   */
  worker?: Worker;
  /** The URL of the `pocketsearch/worker` entry, where the app hosts it itself (instead of the bundled one). */
  workerUrl?: string | URL;
  /** Milliseconds for the worker to load and answer before `createClient` rejects with `worker_unavailable` (default 30,000). */
  workerStartTimeout?: number;
  /** Bound of the worker's postings cache in bytes. */
  cacheBytes?: number;
  /**
   * Ask the browser to keep this origin's storage (`navigator.storage.persist()`): persisted storage is not evicted
   * under storage pressure, best-effort storage may be (IndexedDB and OPFS together). See `client.persisted`.
   */
  persist?: boolean;
}

/** `navigator.storage.persist()`, or null where the browser has no Storage API (or it fails). */
async function requestPersistence(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.persist !== 'function') return null;
  return navigator.storage.persist().catch(() => null);
}

/**
 * Starts pocketsearch in a Web Worker.
 *
 * @example
 * ```ts
 * import { createClient } from 'pocketsearch';
 * const client = await createClient({ name: 'my-app' });
 * await client.index('movies').addDocuments(movies).waitTask();
 * const { hits } = await client.index('movies').search('star wars', { limit: 5 });
 * ```
 */
export async function createClient(options: ClientOptions = {}): Promise<PocketClient> {
  registerTransferHandlers();
  const worker = options.worker ?? spawnEngineWorker(options.workerUrl);
  const remote = Comlink.wrap<WorkerApi>(worker);
  let init;
  try {
    // A worker that cannot start never answers: fail with a coded error instead of waiting forever.
    await waitForWorkerStart(worker, remote, { timeoutMs: options.workerStartTimeout ?? DEFAULT_WORKER_START_TIMEOUT_MS, url: options.worker ? undefined : options.workerUrl });
    init = await remote.init({ name: options.name ?? 'pocketsearch', cacheBytes: options.cacheBytes, backups: workerBackupOptions(options) }, progressProxy(options.onProgress));
  } catch (e) {
    remote[Comlink.releaseProxy]();
    worker.terminate();
    throw e;
  }
  const persisted = options.persist ? await requestPersistence() : null;

  const waitForTask = (uid: number, opts?: WaitOptions) => remote.engineCall('waitForTask', [uid, opts]) as Promise<Task>;
  const enqueued = (p: Promise<unknown>): EnqueuedTaskPromise => {
    const out = p as EnqueuedTaskPromise;
    out.waitTask = (opts?: WaitOptions) => (p as Promise<EnqueuedTask>).then((t) => waitForTask(t.taskUid, opts));
    return out;
  };

  const client: Record<string, unknown> = {
    engineVersion: init.engineVersion,
    persisted,
    terminate: () => worker.terminate(),
    close: async () => {
      await remote.close();
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
    index: (uid: string) => makeIndex(uid),
  };
  for (const m of ENGINE_METHODS) {
    client[m] = (...args: unknown[]) => {
      const p = remote.engineCall(m, args);
      return ENGINE_WRITE_METHODS.has(m) ? enqueued(p) : p;
    };
  }

  function makeIndex(uid: string): ClientIndex {
    const idx: Record<string, unknown> = { uid };
    for (const m of INDEX_METHODS) {
      idx[m] = (...args: unknown[]) => {
        const p = remote.indexCall(uid, m, args);
        return INDEX_WRITE_METHODS.has(m) ? enqueued(p) : p;
      };
    }
    const self = idx as ClientIndex;
    idx.fetchPrimaryKey = async () => (await self.getRawInfo()).primaryKey ?? undefined;
    idx.addDocumentsInBatches = (docs: Record<string, unknown>[], size = 1000, o?: DocumentOptions) => {
      const out: EnqueuedTaskPromise[] = [];
      for (let i = 0; i < docs.length; i += size) out.push(self.addDocuments(docs.slice(i, i + size), o));
      return out;
    };
    idx.updateDocumentsInBatches = (docs: Record<string, unknown>[], size = 1000, o?: DocumentOptions) => {
      const out: EnqueuedTaskPromise[] = [];
      for (let i = 0; i < docs.length; i += size) out.push(self.updateDocuments(docs.slice(i, i + size), o));
      return out;
    };
    return self;
  }

  Object.assign(client, clientBackupMethods(remote, (m, args) => remote.engineCall(m, args)));
  return client as PocketClient;
}
