/**
 * The engine: Meilisearch's API over a {@link Store}. Environment-agnostic (no DOM, no Worker API):
 * it runs in a Web Worker, a service worker, or Node.
 */
import { EngineError } from '../errors/engineError.ts';
import { ENGINE_VERSION, MEILISEARCH_COMPAT_VERSION } from '../version.ts';
import { openEngineContext } from './engineSetup.ts';
import { resolveEngineOptions, type EngineOptions } from './engineOptions.ts';
import type { EngineContext } from './engineContext.ts';
import { Scheduler } from './tasks/scheduler.ts';
import { taskView } from './tasks/taskRecord.ts';
import type { Health, IndexObject, IndexOptions, IndexSwap, IndexesQuery, ResourceResults, Stats, Version } from './types/indexes.ts';
import type { EnqueuedTask, Task, WaitOptions } from './types/tasks.ts';
import * as write from './api/writeApi.ts';
import * as read from './api/readApi.ts';
import { Index } from './indexHandle.ts';
import { defaultKeys, type ApiKey } from './api/keys.ts';
import type { Federation, FederatedSearchResponse, MultiSearchParams, MultiSearchResponse } from './types/search.ts';
import { multiSearch } from './search/multi/multiSearch.ts';
import { experimentalFeatures, updateExperimentalFeatures, type ExperimentalFeatures } from './search/filters/experimentalFeatures.ts';
import { checkBackupOptions } from './backup/backupOptions.ts';
import { MemoryBackupStorage } from './backup/backupStorage.ts';
import { EngineBackups } from './backup/engineBackups.ts';
import { EngineBackupMethods } from './engineMethods/backupMethods.ts';

export type { EngineOptions } from './engineOptions.ts';

/** A write's result: the summarized task, plus `waitTask()` like the official client's `EnqueuedTaskPromise`. */
export type EnqueuedTaskPromise = Promise<EnqueuedTask> & { waitTask(options?: WaitOptions): Promise<Task> };


/**
 * The search engine. Its task methods are declared by {@link EngineTaskMethods}, its dump and snapshot methods by
 * {@link EngineBackupMethods}, which it extends.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: 'memory' });
 * await engine.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
 * const { hits } = await engine.index('movies').search('carol');
 * ```
 */
export class Engine extends EngineBackupMethods {
  /** @internal */
  override readonly ctx: EngineContext;
  /** @internal */
  override readonly scheduler: Scheduler;
  /** @internal dumps and snapshots (src/engine/backup/) */
  readonly backups: EngineBackups;
  private closed = false;

  private constructor(ctx: EngineContext, options: EngineOptions) {
    super();
    this.ctx = ctx;
    this.scheduler = new Scheduler(ctx);
    this.backups = new EngineBackups(ctx, this.scheduler, options);
  }

  /** @internal use {@link createEngine} */
  static async open(given?: EngineOptions): Promise<Engine> {
    const options = resolveEngineOptions(given);
    checkBackupOptions(options);
    const backupStorage = options.backupStorage ?? new MemoryBackupStorage();
    const ctx = await openEngineContext(options, backupStorage);
    const { catalog, coordinator } = ctx;
    const engine = new Engine(ctx, { ...options, backupStorage });
    // Another engine on this database registered a task (wake our scheduler if we hold the lock) or committed.
    coordinator.subscribe((event) => {
      if (event.type === 'registered') engine.scheduler.wake();
      else catalog.invalidate(event.indexes === 'all' ? undefined : event.indexes);
    });
    // Another tab upgraded or deleted the database: give the scheduler lock up so that its engine runs the tasks;
    // every call here now answers `invalid_state` (reload the page).
    (ctx.store as { onClosedElsewhere?(listener: () => void): void }).onClosedElsewhere?.(() => void engine.scheduler.stop());
    await engine.scheduler.start();
    try {
      await engine.backups.start(options);
    } catch (e) {
      await engine.close();
      throw e;
    }
    catalog.prefetch();
    return engine;
  }

  /** @internal */
  protected override get deps(): write.WriteDeps {
    if (this.closed) throw new EngineError('internal', 'The engine is closed.');
    return { ctx: this.ctx, scheduler: this.scheduler };
  }

  /** @internal */
  protected override get live(): EngineBackups {
    if (this.closed) throw new EngineError('internal', 'The engine is closed.');
    return this.backups;
  }

  /**
   * A handle on an index (it need not exist yet: writes create it), its documents typed `T`.
   *
   * @example
   * ```ts
   * interface Book { id: number; title: string }
   * const { hits } = await engine.index<Book>('books').search('dune'); // hits[0].title: string
   * ```
   */
  index<T extends object = Record<string, unknown>>(uid: string): Index<T> {
    return new Index<T>(this, uid);
  }

  /**
   * Enqueues an `indexCreation` task (`index_already_exists` on the task if it exists).
   *
   * @example
   * ```ts
   * await engine.createIndex('movies', { primaryKey: 'id' }).waitTask();
   * ```
   */
  createIndex(uid: string, options?: IndexOptions): EnqueuedTaskPromise {
    return this.enqueued(write.createIndex(this.deps, uid, options));
  }

  /**
   * Enqueues an `indexUpdate` task: sets the primary key of an index without documents, or renames it (`{ uid }`).
   *
   * @example
   * ```ts
   * await engine.updateIndex('movies', { primaryKey: 'movie_id' }).waitTask();
   * await engine.updateIndex('movies', { uid: 'films' }).waitTask(); // rename
   * ```
   */
  updateIndex(uid: string, options?: IndexOptions): EnqueuedTaskPromise {
    return this.enqueued(write.updateIndex(this.deps, uid, options));
  }

  /**
   * Enqueues an `indexDeletion` task: the index, its documents and settings go.
   *
   * @example
   * ```ts
   * const task = await engine.deleteIndex('movies').waitTask();
   * console.log(task.status); // 'succeeded', or 'failed' with `index_not_found`
   * ```
   */
  deleteIndex(uid: string): EnqueuedTaskPromise {
    return this.enqueued(write.deleteIndex(this.deps, uid));
  }

  /**
   * Deletes the index if it exists; resolves with whether it existed (after the deletion task finished).
   *
   * @example
   * ```ts
   * if (await engine.deleteIndexIfExists('movies')) console.log('deleted');
   * ```
   */
  async deleteIndexIfExists(uid: string): Promise<boolean> {
    try {
      await this.getIndex(uid);
    } catch (e) {
      if (e instanceof EngineError && e.code === 'index_not_found') return false;
      throw e;
    }
    const task = await this.deleteIndex(uid).waitTask();
    return task.status === 'succeeded';
  }

  /**
   * Enqueues an `indexSwap` task: each pair exchanges names atomically (or, with `rename: true`, the first is renamed to the second).
   *
   * @example
   * ```ts
   * // Rebuild 'movies' aside, then swap it in at once:
   * await engine.index('movies_new').addDocuments(movies).waitTask({ timeout: 60_000 });
   * await engine.swapIndexes([{ indexes: ['movies', 'movies_new'] }]).waitTask();
   * ```
   */
  swapIndexes(swaps: IndexSwap[]): EnqueuedTaskPromise {
    return this.enqueued(write.swapIndexes(this.deps, swaps));
  }

  /**
   * An index's `{ uid, primaryKey, createdAt, updatedAt }` (`index_not_found` otherwise).
   *
   * @example
   * ```ts
   * const { primaryKey } = await engine.getIndex('movies');
   * ```
   */
  getIndex(uid: string): Promise<IndexObject> {
    return read.getIndex(this.ctx, uid);
  }

  /**
   * Same as {@link Engine.getIndex} (the official client's name).
   *
   * @example
   * ```ts
   * const info = await engine.getRawIndex('movies');
   * ```
   */
  getRawIndex(uid: string): Promise<IndexObject> {
    return this.getIndex(uid);
  }

  /**
   * The indexes, paginated (`offset`, `limit`: default 20).
   *
   * @example
   * ```ts
   * const { results, total } = await engine.getIndexes({ limit: 100 });
   * ```
   */
  getIndexes(query?: IndexesQuery): Promise<ResourceResults<IndexObject[]>> {
    return read.getIndexes(this.ctx, query);
  }

  /**
   * Same as {@link Engine.getIndexes} (the official client's name).
   *
   * @example
   * ```ts
   * const { results } = await engine.getRawIndexes();
   * ```
   */
  getRawIndexes(query?: IndexesQuery): Promise<ResourceResults<IndexObject[]>> {
    return this.getIndexes(query);
  }

  /**
   * Database size, last update and per-index document counts (`GET /stats`).
   *
   * @example
   * ```ts
   * const { indexes } = await engine.getStats();
   * console.log(indexes.movies?.numberOfDocuments);
   * ```
   */
  getStats(): Promise<Stats> {
    return read.engineStats(this.ctx, this.scheduler);
  }

  /**
   * Always `{ status: 'available' }` (`GET /health`).
   *
   * @example
   * ```ts
   * await engine.health(); // { status: 'available' }
   * ```
   */
  async health(): Promise<Health> {
    return { status: 'available' };
  }

  /**
   * Whether the engine is open.
   *
   * @example
   * ```ts
   * await engine.close();
   * await engine.isHealthy(); // false
   * ```
   */
  async isHealthy(): Promise<boolean> {
    return !this.closed;
  }

  /**
   * `GET /version`: `pkgVersion` is the Meilisearch version whose behaviour pocketsearch reproduces.
   *
   * @example
   * ```ts
   * const { pkgVersion } = await engine.getVersion(); // '1.50.0'
   * ```
   */
  async getVersion(): Promise<Version> {
    return { commitSha: 'pocketsearch', commitDate: 'unknown', pkgVersion: MEILISEARCH_COMPAT_VERSION };
  }

  /** pocketsearch's own version (the Meilisearch version it mimics is `getVersion().pkgVersion`). */
  get engineVersion(): string {
    return ENGINE_VERSION;
  }

  /**
   * The default admin and search keys (no authorization is enforced inside one page).
   *
   * @example
   * ```ts
   * const { results } = await engine.getKeys(); // [{ name: 'Default Search API Key', key, actions: ['search'], … }, …]
   * ```
   */
  async getKeys(query: { offset?: number; limit?: number } = {}): Promise<ResourceResults<ApiKey[]>> {
    const keys = await defaultKeys(this.ctx);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    return { results: keys.slice(offset, offset + limit), offset, limit, total: keys.length };
  }

  /**
   * Several searches in one call (`POST /multi-search`): results per query, or merged into one list when
   * `federation` is given. Hits are typed `D` (one type for every query; give a union for several indexes).
   *
   * @example
   * ```ts
   * const { results } = await engine.multiSearch({ queries: [{ indexUid: 'movies', q: 'carol' }] });
   * const merged = await engine.multiSearch({ federation: {}, queries: [{ indexUid: 'movies', q: 'carol' }, { indexUid: 'books', q: 'carol' }] });
   * ```
   */
  multiSearch<D extends object = Record<string, unknown>>(params: MultiSearchParams & { federation: Federation }): Promise<FederatedSearchResponse<D>>;
  multiSearch<D extends object = Record<string, unknown>>(params: MultiSearchParams & { federation?: null }): Promise<MultiSearchResponse<D>>;
  multiSearch<D extends object = Record<string, unknown>>(params: MultiSearchParams): Promise<MultiSearchResponse<D> | FederatedSearchResponse<D>>;
  multiSearch(params: MultiSearchParams): Promise<MultiSearchResponse | FederatedSearchResponse> {
    return multiSearch(this.ctx, params);
  }

  /**
   * Experimental features of this engine (Meilisearch's `GET /experimental-features`): `containsFilter`.
   *
   * @example
   * ```ts
   * const { containsFilter } = await engine.getExperimentalFeatures();
   * ```
   */
  async getExperimentalFeatures(): Promise<ExperimentalFeatures> {
    return experimentalFeatures(this.ctx);
  }

  /**
   * Turns experimental features on or off for this engine's lifetime (`PATCH /experimental-features`).
   *
   * @example
   * ```ts
   * await engine.updateExperimentalFeatures({ containsFilter: true });
   * await engine.index('movies').search('', { filter: 'title CONTAINS car' }); // title must be filterable
   * ```
   */
  async updateExperimentalFeatures(features: Partial<ExperimentalFeatures>): Promise<ExperimentalFeatures> {
    return updateExperimentalFeatures(this.ctx, features);
  }

  /**
   * Stops the scheduler after the current batch and closes the store. Unfinished tasks stay enqueued and run at
   * the next start (of a persistent database).
   *
   * @example
   * ```ts
   * await engine.index('movies').addDocuments(movies).waitTask();
   * await engine.close();
   * ```
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.backups.dispose();
    await this.scheduler.stop();
    this.ctx.coordinator.close();
    this.ctx.store.close();
  }

  /** @internal task view used by edges (dump export). */
  static taskView = taskView;
}

/**
 * Opens (or creates) an engine. Without options: the database `pocketsearch` in IndexedDB where `indexedDB`
 * exists (browsers, workers), else in memory (Node). In-memory engines are separate databases, whatever their
 * `name`. An idle engine holds no timer or channel that keeps a Node process alive: a script exits once its work
 * is done (tasks already enqueued are processed first), without `close()`. Invalid options reject with a
 * `bad_request` {@link EngineError} naming the option.
 *
 * @example
 * ```ts
 * import { createEngine } from 'pocketsearch/engine';
 * const engine = await createEngine(); // memory in Node, IndexedDB in a browser
 * const movies = await createEngine({ storage: 'indexeddb', name: 'movies' });
 * ```
 */
export function createEngine(options?: EngineOptions): Promise<Engine> {
  return Engine.open(options);
}
