/**
 * An in-memory test double of the engine for the dump codec: it is both the {@link DumpImportTarget} an
 * import fills and the {@link DumpExportSource} an export reads. Not the engine: just enough behaviour to
 * observe what the codec does (calls, states, documents with checked ids, settings merged over defaults).
 */
import type { DumpExportSource, DumpImportTarget, DumpKey } from '../../../src/backup/dump/dumpContract.ts';
import type { TaskRecord } from '../../../src/engine/tasks/taskRecord.ts';
import type { Document, IndexObject } from '../../../src/engine/types/indexes.ts';
import type { Settings, SettingsUpdate } from '../../../src/engine/types/settings.ts';
import type { Batch } from '../../../src/engine/types/tasks.ts';
import { EngineError } from '../../../src/errors/engineError.ts';

export const DEFAULT_SETTINGS: Settings = {
  displayedAttributes: ['*'],
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
  stopWords: [],
  nonSeparatorTokens: [],
  separatorTokens: [],
  dictionary: [],
  synonyms: {},
  distinctAttribute: null,
  proximityPrecision: 'byWord',
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnWords: [],
    disableOnAttributes: [],
    disableOnNumbers: false,
  },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 1000 },
  embedders: {},
  searchCutoffMs: null,
  localizedAttributes: null,
  facetSearch: true,
  prefixSearch: 'indexingTime',
};

export interface MemoryIndex {
  index: IndexObject;
  /** Settings updates applied, merged (the raw update objects, to assert what the codec sent). */
  settings: SettingsUpdate;
  docs: Map<string, Document>;
}

const ID = /^[A-Za-z0-9_-]{1,511}$/;

/** The test double. `state` tells whether an import is running, committed or aborted. */
export class MemoryDumpEngine implements DumpImportTarget, DumpExportSource {
  readonly dbVersion: string = '1.16.0';
  state: 'empty' | 'importing' | 'committed' | 'aborted' = 'empty';
  keyList: DumpKey[] = [];
  readonly indexMap = new Map<string, MemoryIndex>();
  readonly taskMap = new Map<number, { record: TaskRecord; payload?: Document[] }>();
  batchList: Batch[] = [];
  /** Names of the calls received, in order (`createIndex:movies`, `importTask:3`…). */
  readonly calls: string[] = [];
  /** When set, `addDocuments` throws this once the index got this many documents. */
  failAfterDocuments: number | null = null;
  /** Export side: counts how often each iterable was started. */
  readonly iterations = { documents: 0, tasks: 0, batches: 0 };

  /** True if nothing is stored. */
  isEmpty(): boolean {
    return this.keyList.length === 0 && this.indexMap.size === 0 && this.taskMap.size === 0 && this.batchList.length === 0;
  }

  // ------------------------------------------------------------------ import target

  async begin(): Promise<void> {
    this.calls.push('begin');
    if (!this.isEmpty()) throw new EngineError('invalid_state', 'The database is not empty; a dump can only be imported into an empty database.');
    this.state = 'importing';
  }

  async setKeys(keys: DumpKey[]): Promise<void> {
    this.calls.push('setKeys');
    this.keyList = keys.map((k) => ({ ...k }));
  }

  async createIndex(index: IndexObject): Promise<void> {
    this.calls.push(`createIndex:${index.uid}`);
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(index.uid)) throw new EngineError('invalid_index_uid', `\`${index.uid}\` is not a valid index uid.`);
    if (this.indexMap.has(index.uid)) throw new EngineError('index_already_exists', `Index \`${index.uid}\` already exists.`);
    this.indexMap.set(index.uid, { index: { ...index }, settings: {}, docs: new Map() });
  }

  async applySettings(indexUid: string, settings: SettingsUpdate): Promise<void> {
    this.calls.push(`applySettings:${indexUid}`);
    const i = this.indexMap.get(indexUid);
    if (!i) throw new EngineError('index_not_found', `Index \`${indexUid}\` not found.`);
    i.settings = { ...i.settings, ...settings };
  }

  async addDocuments(indexUid: string, documents: Document[]): Promise<void> {
    this.calls.push(`addDocuments:${indexUid}:${documents.length}`);
    const i = this.indexMap.get(indexUid);
    if (!i) throw new EngineError('index_not_found', `Index \`${indexUid}\` not found.`);
    let pk = i.index.primaryKey;
    for (const doc of documents) {
      if (this.failAfterDocuments !== null && i.docs.size >= this.failAfterDocuments) {
        throw new EngineError('internal', 'Simulated engine failure.');
      }
      if (pk === null) {
        const candidates = Object.keys(doc).filter((k) => k.toLowerCase().endsWith('id'));
        if (candidates.length !== 1) throw new EngineError('index_primary_key_no_candidate_found', 'The primary key inference failed.');
        pk = candidates[0];
        i.index.primaryKey = pk;
      }
      const id = doc[pk];
      if (id === undefined) throw new EngineError('missing_document_id', `Document doesn't have a \`${pk}\` attribute: \`${JSON.stringify(doc)}\`.`);
      const ok = (typeof id === 'number' && Number.isInteger(id)) || (typeof id === 'string' && ID.test(id));
      if (!ok) throw new EngineError('invalid_document_id', `Document identifier \`${JSON.stringify(id)}\` is invalid.`);
      i.docs.set(String(id), doc);
    }
  }

  async importTask(task: TaskRecord, payload?: Document[]): Promise<void> {
    this.calls.push(`importTask:${task.uid}`);
    if (this.taskMap.has(task.uid)) throw new EngineError('invalid_state', `Task ${task.uid} imported twice.`);
    this.taskMap.set(task.uid, payload === undefined ? { record: task } : { record: task, payload });
  }

  async importBatch(batch: Batch): Promise<void> {
    this.calls.push(`importBatch:${batch.uid}`);
    this.batchList.push(batch);
  }

  async commit(): Promise<void> {
    this.calls.push('commit');
    this.state = 'committed';
  }

  async abort(): Promise<void> {
    this.calls.push('abort');
    this.keyList = [];
    this.indexMap.clear();
    this.taskMap.clear();
    this.batchList = [];
    this.state = 'aborted';
  }

  // ------------------------------------------------------------------ export source

  async keys(): Promise<DumpKey[]> {
    return this.keyList;
  }

  async indexes(): Promise<IndexObject[]> {
    return [...this.indexMap.values()].map((i) => i.index).sort((a, b) => (a.uid < b.uid ? -1 : 1));
  }

  async settings(indexUid: string): Promise<Settings> {
    const i = this.indexMap.get(indexUid);
    if (!i) throw new EngineError('index_not_found', `Index \`${indexUid}\` not found.`);
    return { ...DEFAULT_SETTINGS, ...(i.settings as Partial<Settings>) };
  }

  async *documents(indexUid: string, chunkSize: number): AsyncIterable<Document[]> {
    this.iterations.documents++;
    const docs = [...(this.indexMap.get(indexUid)?.docs.values() ?? [])];
    for (let i = 0; i < docs.length; i += chunkSize) yield docs.slice(i, i + chunkSize);
  }

  async *tasks(chunkSize: number): AsyncIterable<TaskRecord[]> {
    this.iterations.tasks++;
    const all = [...this.taskMap.values()].map((t) => t.record).sort((a, b) => a.uid - b.uid);
    for (let i = 0; i < all.length; i += chunkSize) yield all.slice(i, i + chunkSize);
  }

  async taskPayload(taskUid: number): Promise<Document[] | undefined> {
    return this.taskMap.get(taskUid)?.payload;
  }

  async *batches(): AsyncIterable<Batch[]> {
    this.iterations.batches++;
    yield [...this.batchList].sort((a, b) => a.uid - b.uid);
  }
}
