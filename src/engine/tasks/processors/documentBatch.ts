/**
 * Processes a batch of document tasks of one index (additions/replacements, partial updates, deletions by id,
 * clear). Tasks are applied in order to an in-memory change set; a task that fails (bad id, primary key…)
 * is rolled back alone. Then every surviving change is indexed at once into new segments.
 */
import { EngineError, toEngineError } from '../../../errors/engineError.ts';
import { STORES } from '../../storage/schema.ts';
import { utf8Length } from '../../storage/byteCodec.ts';
import type { Document } from '../../types/indexes.ts';
import { extractDocumentId } from '../../documents/documentId.ts';
import { inferPrimaryKey, primaryKeyAlreadyExists } from '../../documents/primaryKey.ts';
import { documentFieldPaths } from '../../documents/flatten.ts';
import { isPlainObject } from '../../validation/jsonValidation.ts';
import type { DocumentRecord } from '../../indexes/indexRecords.ts';
import { lookupExternalIds, parseStored, readStoredDocs } from '../../documents/documentStore.ts';
import type { DocToIndex, IndexWriter } from '../../indexer/indexWriter.ts';
import { failedDetails } from '../taskDetails.ts';
import type { TaskRecord } from '../taskRecord.ts';
import { BatchAborted, failed, succeeded, type BatchOutcome, type BatchRun, type TaskResult } from '../batch.ts';
import { openIndexWriter } from './openIndexWriter.ts';
import { indexNotFound } from '../../indexes/indexUid.ts';
import { mergeDocuments } from '../../documents/mergeDocuments.ts';

/** The pending state of one external id after the tasks applied so far. */
interface Pending {
  /** new content, or null when deleted */
  doc: Document | null;
  /** field paths of `doc` */
  paths: string[];
}

class ChangeSet {
  readonly pending = new Map<string, Pending>();
  /** stored docid of external ids (undefined = not stored), cached */
  private readonly stored = new Map<string, number | undefined>();
  private undo: [string, Pending | undefined][] | null = null;
  private pkBefore: string | null = null;
  private fieldsBefore = 0;

  constructor(private readonly writer: IndexWriter) {}

  begin(): void {
    this.undo = [];
    this.pkBefore = this.writer.record.primaryKey;
    this.fieldsBefore = this.writer.fields.size;
  }

  set(id: string, p: Pending): void {
    this.undo!.push([id, this.pending.get(id)]);
    this.pending.set(id, p);
  }

  rollback(): void {
    for (let i = this.undo!.length - 1; i >= 0; i--) {
      const [id, prev] = this.undo![i];
      if (prev === undefined) this.pending.delete(id);
      else this.pending.set(id, prev);
    }
    this.writer.record = { ...this.writer.record, primaryKey: this.pkBefore };
    this.writer.fields.truncate(this.fieldsBefore);
    this.undo = null;
  }

  /** Loads the stored docids of ids not seen yet. */
  async lookup(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids.filter((id) => !this.stored.has(id)))];
    if (missing.length === 0) return;
    // Nothing stored (new, cleared or empty index): no id can exist, skip reading the id buckets.
    if (this.writer.cleared || this.writer.isNew || this.writer.stats.numberOfDocuments === 0) {
      for (const id of missing) this.stored.set(id, undefined);
      return;
    }
    const ix = this.writer.ix;
    const found = await this.writer.store.read([STORES.externalIds], (tx) => lookupExternalIds(tx, ix, missing, this.writer.changes.idBuckets));
    for (const id of missing) this.stored.set(id, found.get(id));
  }

  storedDocid(id: string): number | undefined {
    return this.stored.get(id);
  }

  /** Current content of an id (pending change first, else stored), or null if absent. */
  exists(id: string): boolean {
    const p = this.pending.get(id);
    if (p) return p.doc !== null;
    return this.stored.get(id) !== undefined;
  }

  async storedDocuments(ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
    const docids = ids.map((id) => this.stored.get(id)).filter((d): d is number => d !== undefined);
    const ix = this.writer.ix;
    const recs = await this.writer.store.read([STORES.documents], (tx) => readStoredDocs(tx, ix, docids));
    const out = new Map<string, DocumentRecord>();
    for (const r of recs.values()) out.set(r.id, { id: r.id, doc: parseStored(r), size: r.size });
    return out;
  }

  /** Forget everything stored (after a clear): later lookups see an empty index. */
  forgetStored(): void {
    for (const k of this.stored.keys()) this.stored.set(k, undefined);
  }
}

async function applyAddition(run: BatchRun, task: TaskRecord, changes: ChangeSet, writer: IndexWriter): Promise<TaskResult> {
  const kind = task.kind;
  if (kind.type !== 'documentAdditionOrUpdate') throw new EngineError('internal', 'not an addition');
  let pk = writer.record.primaryKey;
  if (pk !== null) {
    if (kind.primaryKey !== null && kind.primaryKey !== pk) throw primaryKeyAlreadyExists(pk);
  } else if (kind.primaryKey !== null) pk = kind.primaryKey;
  const indexed = new Set<string>();
  let received = 0;
  for await (const chunk of run.ctx.queue.payload(task.uid)) {
    run.checkpoint();
    if (chunk.length === 0) continue;
    if (pk === null) pk = inferPrimaryKey(chunk[0]);
    writer.record = { ...writer.record, primaryKey: pk };
    const ids: string[] = [];
    for (const doc of chunk) {
      if (!isPlainObject(doc)) throw new EngineError('malformed_payload', 'The `json` payload provided is malformed. `Couldn\'t serialize document value: data are neither an object nor a list of objects`.');
      ids.push(extractDocumentId(doc, pk));
    }
    received += chunk.length;
    await changes.lookup(ids);
    const needStored = kind.method === 'update' ? ids.filter((id) => !changes.pending.has(id) && changes.storedDocid(id) !== undefined) : [];
    const storedDocs = needStored.length ? await changes.storedDocuments(needStored) : new Map<string, DocumentRecord>();
    chunk.forEach((doc, i) => {
      const id = ids[i];
      if (kind.skipCreation && !changes.exists(id)) return;
      let next = doc;
      if (kind.method === 'update') {
        const base = changes.pending.get(id)?.doc ?? storedDocs.get(id)?.doc ?? null;
        if (base) next = mergeDocuments(base, doc);
      }
      const paths = documentFieldPaths(next);
      for (const p of paths) writer.fields.idOrInsert(p);
      changes.set(id, { doc: next, paths });
      indexed.add(id);
    });
  }
  return succeeded({ receivedDocuments: received || kind.documentsCount, indexedDocuments: indexed.size });
}

async function applyDeletion(task: TaskRecord, changes: ChangeSet, writer: IndexWriter): Promise<TaskResult> {
  const kind = task.kind;
  if (kind.type !== 'documentDeletion') throw new EngineError('internal', 'not a deletion');
  if (kind.mode === 'clear') {
    const deleted = writer.stats.numberOfDocuments + [...changes.pending.values()].filter((p) => p.doc !== null).length;
    return succeeded({ deletedDocuments: deleted });
  }
  if (kind.mode !== 'ids') throw new EngineError('internal', 'deletion by filter is processed alone');
  await changes.lookup(kind.ids);
  let deleted = 0;
  for (const id of new Set(kind.ids)) {
    if (!changes.exists(id)) continue;
    deleted++;
    changes.set(id, { doc: null, paths: [] });
  }
  return succeeded({ providedIds: kind.ids.length, deletedDocuments: deleted, originalFilter: null });
}

/** Applies the final change set to the writer: ids, tombstones, stats, new segments. */
async function finalize(run: BatchRun, changes: ChangeSet, writer: IndexWriter): Promise<void> {
  const entries = [...changes.pending];
  const replacedOrDeleted = entries.filter(([id]) => changes.storedDocid(id) !== undefined).map(([id]) => id);
  const old = new Map<string, DocumentRecord>();
  for (let i = 0; i < replacedOrDeleted.length; i += 2000) {
    for (const [k, v] of await changes.storedDocuments(replacedOrDeleted.slice(i, i + 2000))) old.set(k, v);
  }
  const toIndex: DocToIndex[] = [];
  for (const [id, p] of entries) {
    const storedDocid = changes.storedDocid(id);
    const prev = old.get(id);
    if (storedDocid !== undefined) {
      writer.removeDocid(storedDocid);
      if (prev) {
        writer.countFields(documentFieldPaths(prev.doc), -1);
        writer.stats.rawDocumentDbSize -= prev.size;
      }
      writer.stats.numberOfDocuments--;
    }
    if (p.doc === null) {
      if (storedDocid !== undefined) writer.changes.setId(id, null);
      continue;
    }
    let docid: number;
    if (storedDocid !== undefined) {
      docid = storedDocid;
      writer.docids.add(docid);
    } else {
      docid = writer.docids.allocate();
      writer.changes.setId(id, docid);
    }
    const json = JSON.stringify(p.doc);
    const size = utf8Length(json);
    writer.changes.setDoc(docid, { id, json, size });
    writer.countFields(p.paths, 1);
    writer.stats.rawDocumentDbSize += size;
    writer.stats.numberOfDocuments++;
    toIndex.push({ docid, id, doc: p.doc });
  }
  toIndex.sort((a, b) => a.docid - b.docid);
  const total = toIndex.length;
  await writer.indexDocuments(
    toIndex,
    (done) => {
      run.progress({ currentStep: 'indexing documents', finished: done, total });
      run.checkpoint();
    },
    run.trace,
  );
}

export async function processDocumentBatch(run: BatchRun, indexUid: string): Promise<BatchOutcome> {
  const results = new Map<number, TaskResult>();
  let writer: IndexWriter | null = await openIndexWriter(run.ctx, indexUid, null);
  let changes = writer ? new ChangeSet(writer) : null;
  const documents = run.tasks.reduce((n, t) => n + (t.kind.type === 'documentAdditionOrUpdate' ? t.kind.documentsCount : 0), 0);
  writer?.expectDocuments(documents);
  const applyStart = performance.now();
  for (const task of run.tasks) {
    run.checkpoint();
    const kind = task.kind;
    try {
      if (!writer) {
        const allow = kind.type === 'documentAdditionOrUpdate' && kind.allowIndexCreation;
        if (!allow) throw indexNotFound(indexUid);
        writer = await openIndexWriter(run.ctx, indexUid, { primaryKey: null });
        writer!.expectDocuments(documents);
        changes = new ChangeSet(writer!);
      }
      changes!.begin();
      let result: TaskResult;
      if (kind.type === 'documentAdditionOrUpdate') result = await applyAddition(run, task, changes!, writer!);
      else if (kind.type === 'documentDeletion' && kind.mode === 'clear') {
        result = await applyDeletion(task, changes!, writer!);
        // A clear wipes the stored index and every change before it.
        writer!.cleared = true;
        writer!.dropAllSegments();
        writer!.docids.clear();
        writer!.changes.clear();
        writer!.stats = { numberOfDocuments: 0, rawDocumentDbSize: 0, fieldDistribution: {} };
        changes!.pending.clear();
        changes!.forgetStored();
      } else result = await applyDeletion(task, changes!, writer!);
      results.set(task.uid, result);
    } catch (e) {
      if (e instanceof BatchAborted) throw e;
      changes?.rollback();
      results.set(task.uid, failed(failedDetails(task.details), toEngineError(e).toJSON()));
    }
  }
  run.trace('applying tasks', performance.now() - applyStart);
  if (writer && changes) await finalize(run, changes, writer);
  // Like Meilisearch, an index created by the batch exists afterwards even if its tasks failed; an existing index
  // is left untouched (not even `updatedAt`) when every task failed.
  const anySucceeded = [...results.values()].some((r) => r.status === 'succeeded');
  return { results, writers: writer && (anySucceeded || writer.isNew) ? [writer] : [], changed: [indexUid] };
}
