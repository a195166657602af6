/** The per-index API (`engine.index(uid)`), named like the official `meilisearch` client's `Index`. */
import type { Engine, EnqueuedTaskPromise } from './engine.ts';
import type { Document, DocumentOptions, DocumentQuery, DocumentsDeletionQuery, DocumentsQuery, IndexObject, IndexOptions, IndexStats, ResourceResults } from './types/indexes.ts';
import type { FacetSearchParams, FacetSearchResponse, SearchParams, SearchResponse } from './types/search.ts';
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

/** @inline */
type Getter<K extends SettingsKey> = () => Promise<Settings[K]>;
/** @inline */
type Updater<K extends SettingsKey> = (value: Settings[K] | SettingsUpdate[K]) => EnqueuedTaskPromise;

/**
 * An index: its documents, settings and search. Get one with `engine.index(uid)` (or `client.index(uid)` on the
 * page, which has the same methods, forwarded to the worker). Every write returns an {@link EnqueuedTaskPromise}.
 *
 * @example
 * ```ts
 * const movies = engine.index<{ id: number; title: string; genres: string[] }>('movies');
 * await movies.updateSettings({ filterableAttributes: ['genres'] }).waitTask();
 * await movies.addDocuments([{ id: 1, title: 'Carol', genres: ['Drama'] }]).waitTask();
 * const { hits } = await movies.search('carol', { filter: 'genres = Drama' });
 * ```
 */
export class Index<T extends Record<string, unknown> = Record<string, unknown>> {
  primaryKey: string | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;

  constructor(
    private readonly engine: Engine,
    readonly uid: string,
  ) {}

  private get deps(): write.WriteDeps {
    return { ctx: this.engine.ctx, scheduler: this.engine.scheduler };
  }

  private get ctx() {
    return this.engine.ctx;
  }

  // ─── search ──────────────────────────────────────────────────────────────

  /**
   * Searches the index. `q` may be null/empty for a placeholder search (every document, in ranking order).
   * The parameters are Meilisearch's: https://www.meilisearch.com/docs/reference/api/search
   *
   * @example
   * ```ts
   * const { hits, estimatedTotalHits } = await index.search('jurasic park', { limit: 5 }); // typo-tolerant
   * const res = await index.search('star', {
   *   filter: ['genres = Drama', 'year > 2000'], // attributes in filterableAttributes
   *   sort: ['year:desc'],                       // attributes in sortableAttributes
   *   facets: ['genres'],
   *   attributesToHighlight: ['title'],
   *   hitsPerPage: 20, page: 1,                  // exhaustive pagination (totalHits, totalPages)
   * });
   * console.log(res.facetDistribution?.genres, res.hits[0]._formatted?.title);
   * ```
   */
  async search<D extends Record<string, unknown> = T>(q?: string | null, params: SearchParams = {}): Promise<SearchResponse<D>> {
    const body = isPlainObject(params) ? { ...params, ...(q !== undefined ? { q } : {}) } : params;
    const parsed = parseSearchParams(body);
    return (await searchIndex(this.ctx, checkIndexUid(this.uid), parsed)) as SearchResponse<D>;
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
   * Documents, paginated (`offset`, `limit`: default 20), optionally filtered, sorted, by ids, or with some fields only.
   *
   * @example
   * ```ts
   * const { results, total } = await index.getDocuments({ limit: 100, fields: ['id', 'title'], filter: 'year > 2000' });
   * ```
   */
  getDocuments<D extends Record<string, unknown> = T>(query: DocumentsQuery = {}): Promise<ResourceResults<D[]>> {
    return read.getDocuments(this.ctx, this.uid, query, selectDocuments) as Promise<ResourceResults<D[]>>;
  }

  /**
   * One document by id (`document_not_found` otherwise).
   *
   * @example
   * ```ts
   * const movie = await index.getDocument(1, { fields: ['title'] });
   * ```
   */
  getDocument<D extends Record<string, unknown> = T>(documentId: string | number, query: DocumentQuery = {}): Promise<D> {
    return read.getDocument(this.ctx, this.uid, documentId, query) as Promise<D>;
  }

  /**
   * Enqueues a `documentAdditionOrUpdate` task: adds documents, or replaces whole documents with the same id. Creates the
   * index if needed; the primary key is `options.primaryKey`, the index's, or inferred (the one attribute ending in `id`).
   *
   * @example
   * ```ts
   * const task = await index.addDocuments([{ id: 1, title: 'Carol' }, { id: 2, title: 'Moonlight' }], { primaryKey: 'id' }).waitTask();
   * if (task.status === 'failed') console.error(task.error); // e.g. invalid_document_id
   * ```
   */
  addDocuments(documents: T[] | T, options: DocumentOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.addDocuments(this.deps, this.uid, documents, options, 'replace'));
  }

  /**
   * {@link Index.addDocuments} in tasks of `batchSize` documents (default 1000), for large arrays.
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
   * Enqueues a `documentAdditionOrUpdate` task that adds documents or updates those with the same id (shallow merge of top-level fields).
   *
   * @example
   * ```ts
   * await index.updateDocuments([{ id: 1, rating: 4.5 }]).waitTask(); // keeps the title of document 1
   * ```
   */
  updateDocuments(documents: Partial<T>[] | Partial<T>, options: DocumentOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.addDocuments(this.deps, this.uid, documents, options, 'update'));
  }

  /**
   * {@link Index.updateDocuments} in tasks of `batchSize` documents (default 1000).
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
   * Reads one setting (the `getXxx` methods below are shortcuts: `getSynonyms()` is `getSetting('synonyms')`).
   *
   * @example
   * ```ts
   * const rules = await index.getSetting('rankingRules');
   * ```
   */
  async getSetting<K extends SettingsKey>(key: K): Promise<Settings[K]> {
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
  updateSetting<K extends SettingsKey>(key: K, value: Settings[K] | SettingsUpdate[K] | null): EnqueuedTaskPromise {
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
  resetSetting(key: SettingsKey): EnqueuedTaskPromise {
    return this.updateSetting(key, null);
  }

  private g<K extends SettingsKey>(key: K): Getter<K> {
    return () => this.getSetting(key);
  }

  private u<K extends SettingsKey>(key: K): Updater<K> {
    return (value) => this.updateSetting(key, value);
  }

  private r(key: SettingsKey): () => EnqueuedTaskPromise {
    return () => this.resetSetting(key);
  }

  getDisplayedAttributes = this.g('displayedAttributes');
  updateDisplayedAttributes = this.u('displayedAttributes');
  resetDisplayedAttributes = this.r('displayedAttributes');
  getSearchableAttributes = this.g('searchableAttributes');
  updateSearchableAttributes = this.u('searchableAttributes');
  resetSearchableAttributes = this.r('searchableAttributes');
  getFilterableAttributes = this.g('filterableAttributes');
  updateFilterableAttributes = this.u('filterableAttributes');
  resetFilterableAttributes = this.r('filterableAttributes');
  getSortableAttributes = this.g('sortableAttributes');
  updateSortableAttributes = this.u('sortableAttributes');
  resetSortableAttributes = this.r('sortableAttributes');
  getRankingRules = this.g('rankingRules');
  updateRankingRules = this.u('rankingRules');
  resetRankingRules = this.r('rankingRules');
  getStopWords = this.g('stopWords');
  updateStopWords = this.u('stopWords');
  resetStopWords = this.r('stopWords');
  getNonSeparatorTokens = this.g('nonSeparatorTokens');
  updateNonSeparatorTokens = this.u('nonSeparatorTokens');
  resetNonSeparatorTokens = this.r('nonSeparatorTokens');
  getSeparatorTokens = this.g('separatorTokens');
  updateSeparatorTokens = this.u('separatorTokens');
  resetSeparatorTokens = this.r('separatorTokens');
  getDictionary = this.g('dictionary');
  updateDictionary = this.u('dictionary');
  resetDictionary = this.r('dictionary');
  getSynonyms = this.g('synonyms');
  updateSynonyms = this.u('synonyms');
  resetSynonyms = this.r('synonyms');
  getDistinctAttribute = this.g('distinctAttribute');
  updateDistinctAttribute = this.u('distinctAttribute');
  resetDistinctAttribute = this.r('distinctAttribute');
  getProximityPrecision = this.g('proximityPrecision');
  updateProximityPrecision = this.u('proximityPrecision');
  resetProximityPrecision = this.r('proximityPrecision');
  getTypoTolerance = this.g('typoTolerance');
  updateTypoTolerance = this.u('typoTolerance');
  resetTypoTolerance = this.r('typoTolerance');
  getFaceting = this.g('faceting');
  updateFaceting = this.u('faceting');
  resetFaceting = this.r('faceting');
  getPagination = this.g('pagination');
  updatePagination = this.u('pagination');
  resetPagination = this.r('pagination');
  getEmbedders = this.g('embedders');
  updateEmbedders = this.u('embedders');
  resetEmbedders = this.r('embedders');
  getSearchCutoffMs = this.g('searchCutoffMs');
  updateSearchCutoffMs = this.u('searchCutoffMs');
  resetSearchCutoffMs = this.r('searchCutoffMs');
  getLocalizedAttributes = this.g('localizedAttributes');
  updateLocalizedAttributes = this.u('localizedAttributes');
  resetLocalizedAttributes = this.r('localizedAttributes');
  getFacetSearch = this.g('facetSearch');
  updateFacetSearch = this.u('facetSearch');
  resetFacetSearch = this.r('facetSearch');
  getPrefixSearch = this.g('prefixSearch');
  updatePrefixSearch = this.u('prefixSearch');
  resetPrefixSearch = this.r('prefixSearch');
}

export type { Document, EnqueuedTask };
