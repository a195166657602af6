/**
 * What the HTTP handler needs from an engine: the method names shared by {@link Engine} (Node, worker, service
 * worker) and the page's `PocketClient` (the same methods over Comlink). Either one can be handed to
 * `createFetchHandler`.
 */
import type { Document, DocumentOptions, DocumentQuery, DocumentsDeletionQuery, DocumentsQuery, IndexObject, IndexOptions, IndexStats, IndexSwap, IndexesQuery, ResourceResults, Stats, Version, Health } from '../engine/types/indexes.ts';
import type { FacetSearchParams, FacetSearchResponse, FederatedSearchResponse, MultiSearchParams, MultiSearchResponse, SearchParams, SearchResponse } from '../engine/types/search.ts';
import type { Settings, SettingsKey, SettingsUpdate } from '../engine/types/settings.ts';
import type { ApiKey } from '../engine/api/keys.ts';
import type { Batch, BatchesResults, EnqueuedTask, Task, TasksFilter, TasksQuery, TasksResults } from '../engine/types/tasks.ts';

/** An API key as `GET /keys` lists it. */
export type ApiKeyView = ApiKey;

/** `GET /dumps/{dumpUid}/status` (product owner's route). */
export interface DumpStatus {
  uid: string;
  status: 'in_progress' | 'failed' | 'done';
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * Experimental features an engine acts on.
 *
 * @inline
 */
export interface EngineFeatures {
  containsFilter?: boolean;
}

/** The per-index methods the handler calls (`engine.index(uid)`). */
export interface IndexLike {
  search(q?: string | null, params?: SearchParams): Promise<SearchResponse>;
  searchForFacetValues(params: FacetSearchParams): Promise<FacetSearchResponse>;
  getRawInfo(): Promise<IndexObject>;
  update(options: IndexOptions): Promise<EnqueuedTask>;
  delete(): Promise<EnqueuedTask>;
  getStats(): Promise<IndexStats>;
  getDocuments(query: DocumentsQuery): Promise<ResourceResults<Document[]>>;
  getDocument(documentId: string | number, query: DocumentQuery): Promise<Document>;
  addDocuments(documents: Document[], options: DocumentOptions): Promise<EnqueuedTask>;
  updateDocuments(documents: Document[], options: DocumentOptions): Promise<EnqueuedTask>;
  deleteDocument(documentId: string | number, options: { customMetadata?: string }): Promise<EnqueuedTask>;
  deleteDocuments(params: (string | number)[] | DocumentsDeletionQuery, options: { customMetadata?: string }): Promise<EnqueuedTask>;
  deleteAllDocuments(options: { customMetadata?: string }): Promise<EnqueuedTask>;
  getSettings(): Promise<Settings>;
  updateSettings(settings: SettingsUpdate): Promise<EnqueuedTask>;
  resetSettings(): Promise<EnqueuedTask>;
  getSetting(key: SettingsKey): Promise<unknown>;
  updateSetting(key: SettingsKey, value: unknown): Promise<EnqueuedTask>;
  resetSetting(key: SettingsKey): Promise<EnqueuedTask>;
}

/**
 * The engine-level methods the handler calls. Methods marked optional land with other features (multi-search,
 * dumps, snapshots, task documents); the routes that need them answer `feature_not_enabled` while absent.
 */
export interface EngineLike {
  index(uid: string): IndexLike;
  createIndex(uid: string, options?: IndexOptions): Promise<EnqueuedTask>;
  getIndexes(query?: IndexesQuery): Promise<ResourceResults<IndexObject[]>>;
  swapIndexes(swaps: IndexSwap[]): Promise<EnqueuedTask>;
  getTask(uid: number): Promise<Task>;
  getTasks(query?: TasksQuery): Promise<TasksResults>;
  getBatch(uid: number): Promise<Batch>;
  getBatches(query?: TasksQuery): Promise<BatchesResults>;
  cancelTasks(filter: TasksFilter, queryString?: string): Promise<EnqueuedTask>;
  deleteTasks(filter: TasksFilter, queryString?: string): Promise<EnqueuedTask>;
  getStats(): Promise<Stats>;
  health(): Promise<Health>;
  getVersion(): Promise<Version>;
  getKeys(query?: { offset?: number; limit?: number }): Promise<ResourceResults<ApiKeyView[]>>;
  multiSearch?(params: MultiSearchParams): Promise<MultiSearchResponse | FederatedSearchResponse>;
  createDump?(): Promise<EnqueuedTask>;
  getDumpStatus?(dumpUid: string): Promise<DumpStatus>;
  createSnapshot?(): Promise<EnqueuedTask>;
  getTaskDocuments?(taskUid: number): Promise<Document[]>;
  /** Experimental features the engine acts on (`containsFilter`). */
  getExperimentalFeatures?(): Promise<EngineFeatures>;
  updateExperimentalFeatures?(features: EngineFeatures): Promise<EngineFeatures>;
}
