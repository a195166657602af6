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

  /** Searches the index. `q` may be null/empty for a placeholder search. */
  async search<D extends Record<string, unknown> = T>(q?: string | null, params: SearchParams = {}): Promise<SearchResponse<D>> {
    const body = isPlainObject(params) ? { ...params, ...(q !== undefined ? { q } : {}) } : params;
    const parsed = parseSearchParams(body);
    return (await searchIndex(this.ctx, checkIndexUid(this.uid), parsed)) as SearchResponse<D>;
  }

  searchForFacetValues(params: FacetSearchParams): Promise<FacetSearchResponse> {
    return searchFacetValues(this.ctx, checkIndexUid(this.uid), params);
  }

  // ─── index ───────────────────────────────────────────────────────────────

  getRawInfo(): Promise<IndexObject> {
    return read.getIndex(this.ctx, this.uid);
  }

  async fetchInfo(): Promise<this> {
    const info = await this.getRawInfo();
    this.primaryKey = info.primaryKey ?? undefined;
    this.createdAt = new Date(info.createdAt);
    this.updatedAt = new Date(info.updatedAt);
    return this;
  }

  async fetchPrimaryKey(): Promise<string | undefined> {
    return (await this.fetchInfo()).primaryKey;
  }

  update(options: IndexOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.updateIndex(this.deps, this.uid, options));
  }

  delete(): EnqueuedTaskPromise {
    return this.engine.enqueued(write.deleteIndex(this.deps, this.uid));
  }

  async getStats(): Promise<IndexStats> {
    return read.indexStats(this.ctx, this.engine.scheduler, await this.ctx.catalog.state(checkIndexUid(this.uid)));
  }

  // ─── documents ───────────────────────────────────────────────────────────

  getDocuments<D extends Record<string, unknown> = T>(query: DocumentsQuery = {}): Promise<ResourceResults<D[]>> {
    return read.getDocuments(this.ctx, this.uid, query, selectDocuments) as Promise<ResourceResults<D[]>>;
  }

  getDocument<D extends Record<string, unknown> = T>(documentId: string | number, query: DocumentQuery = {}): Promise<D> {
    return read.getDocument(this.ctx, this.uid, documentId, query) as Promise<D>;
  }

  /** Adds documents or replaces those with the same id. */
  addDocuments(documents: T[] | T, options: DocumentOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.addDocuments(this.deps, this.uid, documents, options, 'replace'));
  }

  addDocumentsInBatches(documents: T[], batchSize = 1000, options: DocumentOptions = {}): EnqueuedTaskPromise[] {
    const out: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < documents.length; i += batchSize) out.push(this.addDocuments(documents.slice(i, i + batchSize), options));
    return out;
  }

  /** Adds documents or updates those with the same id (shallow merge of top-level fields). */
  updateDocuments(documents: Partial<T>[] | Partial<T>, options: DocumentOptions = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.addDocuments(this.deps, this.uid, documents, options, 'update'));
  }

  updateDocumentsInBatches(documents: Partial<T>[], batchSize = 1000, options: DocumentOptions = {}): EnqueuedTaskPromise[] {
    const out: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < documents.length; i += batchSize) out.push(this.updateDocuments(documents.slice(i, i + batchSize), options));
    return out;
  }

  deleteDocument(documentId: string | number, options: { customMetadata?: string } = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.deleteDocuments(this.deps, this.uid, [documentId], options.customMetadata));
  }

  /** Deletes documents by ids, or by filter with `{ filter }`. */
  deleteDocuments(params: (string | number)[] | DocumentsDeletionQuery, options: { customMetadata?: string } = {}): EnqueuedTaskPromise {
    if (Array.isArray(params)) return this.engine.enqueued(write.deleteDocuments(this.deps, this.uid, params, options.customMetadata));
    return this.engine.enqueued(write.deleteDocumentsByFilter(this.deps, this.uid, params, options.customMetadata));
  }

  deleteAllDocuments(options: { customMetadata?: string } = {}): EnqueuedTaskPromise {
    return this.engine.enqueued(write.deleteAllDocuments(this.deps, this.uid, options.customMetadata));
  }

  // ─── settings ────────────────────────────────────────────────────────────

  async getSettings(): Promise<Settings> {
    return structuredClone((await this.ctx.catalog.state(checkIndexUid(this.uid))).settings);
  }

  updateSettings(settings: SettingsUpdate): EnqueuedTaskPromise {
    return this.engine.enqueued(write.updateSettings(this.deps, this.uid, settings));
  }

  resetSettings(): EnqueuedTaskPromise {
    const all = Object.fromEntries(SETTINGS_KEYS.map((k) => [k, null])) as SettingsUpdate;
    return this.engine.enqueued(write.updateSettings(this.deps, this.uid, all, true));
  }

  /** Reads one setting. */
  async getSetting<K extends SettingsKey>(key: K): Promise<Settings[K]> {
    return (await this.getSettings())[key];
  }

  /** Updates one setting (`null` resets it). */
  updateSetting<K extends SettingsKey>(key: K, value: Settings[K] | SettingsUpdate[K] | null): EnqueuedTaskPromise {
    return this.engine.enqueued(write.updateSetting(this.deps, this.uid, key, value));
  }

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
