/** The per-index API (`engine.index(uid)`), named like the official `meilisearch` client's `Index`. */
import type { Engine, EnqueuedTaskPromise } from './engine.ts';
import type { Document, DocumentOptions, DocumentQuery, DocumentsDeletionQuery, DocumentsQuery, IndexObject, IndexOptions, IndexStats, ResourceResults } from './types/indexes.ts';
import type { ExactSearchParams, FacetSearchParams, FacetSearchResponse, SearchParams, SearchResponse } from './types/search.ts';
import type { Settings, SettingsKey, SettingsUpdate } from './types/settings.ts';
import type { EnqueuedTask } from './types/tasks.ts';
import * as write from './api/writeApi.ts';
import * as read from './api/readApi.ts';
import { checkIndexUid } from './indexes/indexUid.ts';
import { parseSearchParams } from './search/searchParams.ts';
import { searchIndex } from './search/searchIndex.ts';
import { searchFacetValues, selectDocuments } from './search/searchHooks.ts';
import { SETTINGS_KEYS } from './settings/defaults.ts';
import { isPlainObject } from './validation/jsonValidation.ts';
import { SearchSettingsShortcuts } from './settingsShortcuts/searchSettings.ts';

/**
 * A handle on one index, its documents typed `T` (the caller's word: documents are not checked against it).
 * `T` may be any object type, interfaces included (an interface has no index signature, so a
 * `Record<string, …>` bound would refuse it). Read methods take their own type argument, as in Meilisearch's JS
 * client (`search<Other>()`).
 *
 * @example
 * ```ts
 * interface Book { id: number; title: string }
 * const books = engine.index<Book>('books');
 * await books.addDocuments([{ id: 1, title: 'Dune' }]).waitTask();
 * const { hits } = await books.search('dune');
 * hits[0].title; // string
 * ```
 */
export class Index<T extends object = Record<string, unknown>> extends SearchSettingsShortcuts {
  primaryKey: string | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;

  constructor(
    private readonly engine: Engine,
    readonly uid: string,
  ) {
    super();
  }

  private get deps(): write.WriteDeps {
    return { ctx: this.engine.ctx, scheduler: this.engine.scheduler };
  }

  private get ctx() {
    return this.engine.ctx;
  }

  // ─── search ──────────────────────────────────────────────────────────────

  /**
   * Searches the index. `q` may be null/empty for a placeholder search. Hits are typed `D` (the index's `T` unless
   * given); the pagination fields that are surely there follow the type of `params` (`page`/`hitsPerPage` or not).
   *
   * @example
   * ```ts
   * const { hits, estimatedTotalHits } = await engine.index<Book>('books').search('dune', { limit: 5 }); // number
   * const { totalPages } = await engine.index<Book>('books').search('dune', { page: 2, hitsPerPage: 10 }); // number
   * const films = await engine.index<Book>('books').search<Film>('dune'); // hits are Film (S is then SearchParams)
   * const res = await engine.index<Movie>('movies').search('star', {
   *   filter: ['genres = Drama', 'year > 2000'], // attributes in filterableAttributes
   *   sort: ['year:desc'],                       // attributes in sortableAttributes
   *   facets: ['genres'],
   *   attributesToHighlight: ['title'],
   * });
   * console.log(res.facetDistribution?.genres, res.hits[0]._formatted?.title);
   * ```
   * The parameters are Meilisearch's: https://www.meilisearch.com/docs/reference/api/search
   */
  async search<D extends object = T, S extends SearchParams = SearchParams>(q?: string | null, params?: ExactSearchParams<S>): Promise<SearchResponse<D, S>> {
    const given: unknown = params === undefined ? {} : params;
    const body = isPlainObject(given) ? { ...given, ...(q !== undefined ? { q } : {}) } : given;
    const parsed = parseSearchParams(body);
    return (await searchIndex(this.ctx, checkIndexUid(this.uid), parsed)) as SearchResponse<D, S>;
  }

  /**
   * Searches the values of one facet (`facetName` must be filterable with facet search on), with counts.
   *
   * @example
   * ```ts
   * const { facetHits } = await index.searchForFacetValues({ facetName: 'genres', facetQuery: 'dra' });
   * // [{ value: 'Drama', count: 3 }]
   * ```
   */
  searchForFacetValues(params: FacetSearchParams): Promise<FacetSearchResponse> {
    return searchFacetValues(this.ctx, checkIndexUid(this.uid), params);
  }

  // ─── index ───────────────────────────────────────────────────────────────

  /**
   * The index's `{ uid, primaryKey, createdAt, updatedAt }`.
   *
   * @example
   * ```ts
   * const { primaryKey, updatedAt } = await index.getRawInfo();
   * ```
   */
  getRawInfo(): Promise<IndexObject> {
    return read.getIndex(this.ctx, this.uid);
  }

  /**
   * Reads the index's info into this handle's `primaryKey`, `createdAt` and `updatedAt`.
   *
   * @example
   * ```ts
   * const { primaryKey, createdAt } = await engine.index('movies').fetchInfo();
   * ```
   */
  async fetchInfo(): Promise<this> {
    const info = await this.getRawInfo();
    this.primaryKey = info.primaryKey ?? undefined;
    this.createdAt = new Date(info.createdAt);
    this.updatedAt = new Date(info.updatedAt);
    return this;
  }

  /**
   * The index's primary key (`undefined` until set or inferred from the first documents).
   *
   * @example
   * ```ts
   * const pk = await index.fetchPrimaryKey(); // 'id'
   * ```
   */
  async fetchPrimaryKey(): Promise<string | undefined> {
    return (await this.fetchInfo()).primaryKey;
  }

  /**
   * Enqueues an `indexUpdate` task: sets the primary key (only while the index has no documents) or renames the index (`{ uid }`).
   *
   * @example
   * ```ts
   * await index.update({ primaryKey: 'movie_id' }).waitTask();
   * ```
   */
  update(options: IndexOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.updateIndex(this.deps, this.uid, options));
  }

  /**
   * Enqueues an `indexDeletion` task.
   *
   * @example
   * ```ts
   * await engine.index('movies').delete().waitTask();
   * ```
   */
  delete(): EnqueuedTaskPromise {
    return this.engine.enqueued(write.deleteIndex(this.deps, this.uid));
  }

  /**
   * `numberOfDocuments`, `isIndexing`, `fieldDistribution` and sizes.
   *
   * @example
   * ```ts
   * const { numberOfDocuments, isIndexing } = await index.getStats();
   * ```
   */
  async getStats(): Promise<IndexStats> {
    return read.indexStats(this.ctx, this.engine.scheduler, await this.ctx.catalog.state(checkIndexUid(this.uid)));
  }

  // ─── documents ───────────────────────────────────────────────────────────

  /**
   * Lists documents, typed `D` (the index's `T` unless given); with `fields`, each holds only some fields
   * (`Partial<D>`).
   *
   * @example
   * ```ts
   * const { results, total } = await engine.index<Book>('books').getDocuments({ limit: 10 }); // Book[]
   * const titles = await engine.index<Book>('books').getDocuments({ fields: ['title'] }); // Partial<Book>[]
   * ```
   */
  getDocuments<D extends object = T>(query?: DocumentsQuery & { fields?: undefined }): Promise<ResourceResults<D[]>>;
  getDocuments<D extends object = T>(query?: DocumentsQuery): Promise<ResourceResults<Partial<D>[]>>;
  getDocuments(query: DocumentsQuery = {}): Promise<ResourceResults<Document[]>> {
    return read.getDocuments(this.ctx, this.uid, query, selectDocuments);
  }

  /**
   * One document by id, typed `D` (the index's `T` unless given); with `fields`, only some of its fields
   * (`Partial<D>`).
   *
   * @example
   * ```ts
   * const book = await engine.index<Book>('books').getDocument(1); // Book
   * const { title } = await engine.index<Book>('books').getDocument(1, { fields: ['title'] }); // string | undefined
   * ```
   */
  getDocument<D extends object = T>(documentId: string | number, query?: DocumentQuery & { fields?: undefined }): Promise<D>;
  getDocument<D extends object = T>(documentId: string | number, query?: DocumentQuery): Promise<Partial<D>>;
  getDocument(documentId: string | number, query: DocumentQuery = {}): Promise<Document> {
    return read.getDocument(this.ctx, this.uid, documentId, query);
  }

  /**
   * Adds documents or replaces those with the same id. They must be `T`s: the handle's type is checked here.
   *
   * @example
   * ```ts
   * await engine.index<Book>('books').addDocuments([{ id: 1, title: 'Dune' }]).waitTask();
   * ```
   */
  addDocuments(documents: T[] | T, options: DocumentOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.addDocuments(this.deps, this.uid, documents, options, 'replace'));
  }

  /**
   * {@link addDocuments} in tasks of `batchSize` documents (default 1000), for large arrays.
   *
   * @example
   * ```ts
   * const enqueued = await Promise.all(index.addDocumentsInBatches(movies, 10_000));
   * await engine.waitForTasks(enqueued, { timeout: 120_000 });
   * ```
   */
  addDocumentsInBatches(documents: T[], batchSize = 1000, options: DocumentOptions = {}): EnqueuedTaskPromise[] {
    const out: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < documents.length; i += batchSize) out.push(this.addDocuments(documents.slice(i, i + batchSize), options));
    return out;
  }

  /**
   * Adds documents or updates those with the same id (shallow merge of top-level fields): any subset of `T`'s fields.
   *
   * @example
   * ```ts
   * await engine.index<Book>('books').updateDocuments([{ id: 1, title: 'Dune Messiah' }]).waitTask();
   * ```
   */
  updateDocuments(documents: Partial<T>[] | Partial<T>, options: DocumentOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.addDocuments(this.deps, this.uid, documents, options, 'update'));
  }

  /**
   * {@link updateDocuments} in tasks of `batchSize` documents (default 1000).
   *
   * @example
   * ```ts
   * await Promise.all(index.updateDocumentsInBatches(changes, 5000).map((t) => t.waitTask()));
   * ```
   */
  updateDocumentsInBatches(documents: Partial<T>[], batchSize = 1000, options: DocumentOptions = {}): EnqueuedTaskPromise[] {
    const out: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < documents.length; i += batchSize) out.push(this.updateDocuments(documents.slice(i, i + batchSize), options));
    return out;
  }

  /**
   * Enqueues a `documentDeletion` task for one id.
   *
   * @example
   * ```ts
   * await index.deleteDocument(1).waitTask();
   * ```
   */
  deleteDocument(documentId: string | number, options: { customMetadata?: string } = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.deleteDocuments(this.deps, this.uid, [documentId], options.customMetadata));
  }

  /**
   * Enqueues a `documentDeletion` task: by ids, or by filter with `{ filter }` (on filterable attributes).
   *
   * @example
   * ```ts
   * await index.deleteDocuments([1, 2, 3]).waitTask();
   * await index.deleteDocuments({ filter: 'year < 1950' }).waitTask();
   * ```
   */
  deleteDocuments(params: (string | number)[] | DocumentsDeletionQuery, options: { customMetadata?: string } = {}): EnqueuedTaskPromise {
    if (Array.isArray(params)) return this.engine.enqueued(write.deleteDocuments(this.deps, this.uid, params, options.customMetadata));
    return this.engine.enqueued(write.deleteDocumentsByFilter(this.deps, this.uid, params, options.customMetadata));
  }

  /**
   * Enqueues a `documentDeletion` task that empties the index (settings are kept).
   *
   * @example
   * ```ts
   * await index.deleteAllDocuments().waitTask();
   * ```
   */
  deleteAllDocuments(options: { customMetadata?: string } = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.deleteAllDocuments(this.deps, this.uid, options.customMetadata));
  }

  // ─── settings ────────────────────────────────────────────────────────────

  /**
   * Every setting of the index, defaults included.
   *
   * @example
   * ```ts
   * const { searchableAttributes, rankingRules } = await index.getSettings();
   * ```
   */
  async getSettings(): Promise<Settings> {
    return structuredClone((await this.ctx.catalog.state(checkIndexUid(this.uid))).settings);
  }

  /**
   * Enqueues a `settingsUpdate` task: only the keys given change (`null` resets one). Re-indexes when needed.
   * The settings are Meilisearch's: https://www.meilisearch.com/docs/reference/api/settings
   *
   * @example
   * ```ts
   * await index.updateSettings({
   *   searchableAttributes: ['title', 'overview'], // order matters: matches in title rank higher
   *   filterableAttributes: ['genres', 'year'],
   *   sortableAttributes: ['year'],
   *   synonyms: { sf: ['science fiction'] },
   *   typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
   * }).waitTask({ timeout: 60_000 });
   * ```
   */
  updateSettings(settings: SettingsUpdate): EnqueuedTaskPromise {
    return this.engine.enqueued(write.updateSettings(this.deps, this.uid, settings));
  }

  /**
   * Enqueues a `settingsUpdate` task that resets every setting to its default.
   *
   * @example
   * ```ts
   * await index.resetSettings().waitTask();
   * ```
   */
  resetSettings(): EnqueuedTaskPromise {
    const all = Object.fromEntries(SETTINGS_KEYS.map((k) => [k, null])) as SettingsUpdate;
    return this.engine.enqueued(write.updateSettings(this.deps, this.uid, all, true));
  }

  /**
   * Reads one setting; the per-setting shortcuts call it ({@link getSynonyms} is `getSetting('synonyms')`).
   *
   * @example
   * ```ts
   * const rules = await index.getSetting('rankingRules');
   * ```
   */
  override async getSetting<K extends SettingsKey>(key: K): Promise<Settings[K]> {
    return (await this.getSettings())[key];
  }

  /**
   * Updates one setting (`null` resets it); `updateXxx` are shortcuts.
   *
   * @example
   * ```ts
   * await index.updateSetting('stopWords', ['the', 'a']).waitTask();
   * await index.updateStopWords(['the', 'a']).waitTask(); // the same
   * ```
   */
  override updateSetting<K extends SettingsKey>(key: K, value: Settings[K] | SettingsUpdate[K] | null): EnqueuedTaskPromise {
    return this.engine.enqueued(write.updateSetting(this.deps, this.uid, key, value));
  }

  /**
   * Resets one setting to its default; `resetXxx` are shortcuts.
   *
   * @example
   * ```ts
   * await index.resetSetting('synonyms').waitTask();
   * ```
   */
  override resetSetting(key: SettingsKey): EnqueuedTaskPromise {
    return this.updateSetting(key, null);
  }
}

export type { Document, EnqueuedTask };
