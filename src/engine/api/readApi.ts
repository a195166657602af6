/** Reads of the public API: documents, indexes, stats, tasks and batches. */
import { EngineError } from '../../errors/engineError.ts';
import { STORES } from '../storage/schema.ts';
import type { Document, DocumentQuery, DocumentsQuery, IndexObject, IndexStats, IndexesQuery, ResourceResults, Stats } from '../types/indexes.ts';
import type { Batch, BatchesResults, Task, TasksQuery, TasksResults } from '../types/tasks.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexRecord } from '../indexes/indexRecords.ts';
import { checkIndexUid } from '../indexes/indexUid.ts';
import type { IndexState } from '../indexes/indexState.ts';
import { canonicalDocumentId, invalidIdMessage } from '../documents/documentId.ts';
import { lookupExternalIds } from '../documents/documentStore.ts';
import { compareUtf8 } from '../storage/byteCodec.ts';
import { expectPositiveInteger, expectStringArray, checkKnownFields, isPlainObject, typeError } from '../validation/jsonValidation.ts';
import { readDocuments, shapeDocument } from '../search/documentShape.ts';
import { isEmptyFilter, matchesTask, parsePagination, parseTaskFilter } from '../tasks/taskFilters.ts';
import { taskView, type TaskRecord } from '../tasks/taskRecord.ts';
import type { Scheduler } from '../tasks/scheduler.ts';

export function indexObject(r: IndexRecord): IndexObject {
  return { uid: r.uid, createdAt: r.createdAt, updatedAt: r.updatedAt, primaryKey: r.primaryKey };
}

function pageParams(q: { offset?: unknown; limit?: unknown } | undefined, offsetCode: 'invalid_index_offset' | 'invalid_document_offset', limitCode: 'invalid_index_limit' | 'invalid_document_limit') {
  const offset = q?.offset === undefined || q.offset === null ? 0 : expectPositiveInteger(offsetCode, '.offset', q.offset);
  const limit = q?.limit === undefined || q.limit === null ? 20 : expectPositiveInteger(limitCode, '.limit', q.limit);
  return { offset, limit };
}

export async function getIndexes(ctx: EngineContext, q?: IndexesQuery): Promise<ResourceResults<IndexObject[]>> {
  if (q !== undefined && !isPlainObject(q)) throw typeError('bad_request', '', 'an object', q);
  if (q) checkKnownFields('bad_request', q as Record<string, unknown>, ['offset', 'limit']);
  const { offset, limit } = pageParams(q, 'invalid_index_offset', 'invalid_index_limit');
  const all = await ctx.catalog.list();
  return { results: all.slice(offset, offset + limit).map(indexObject), offset, limit, total: all.length };
}

export async function getIndex(ctx: EngineContext, uid: unknown): Promise<IndexObject> {
  return indexObject(await ctx.catalog.requireRecord(checkIndexUid(uid)));
}

/** `fields` as an array or comma-separated string; `*` or absent = all. */
function fieldsParam(v: unknown): string[] | null {
  if (v === undefined || v === null) return null;
  const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()) : expectStringArray('invalid_document_fields', '.fields', v);
  return list.includes('*') ? null : list;
}

export async function getDocument(ctx: EngineContext, uid: unknown, id: unknown, q: DocumentQuery = {}): Promise<Document> {
  const state = await ctx.catalog.state(checkIndexUid(uid));
  const fields = fieldsParam(q?.fields);
  const key = typeof id === 'number' ? String(id) : String(id);
  const docid = (await ctx.store.read([STORES.externalIds], (tx) => lookupExternalIds(tx, state.ix, [key]))).get(key);
  if (docid === undefined) throw new EngineError('document_not_found', `Document \`${key}\` not found.`);
  const [rec] = await readDocuments(ctx, state, [docid]);
  return shapeDocument(state, rec.doc, fields);
}

async function docidsForIds(ctx: EngineContext, state: IndexState, ids: unknown): Promise<number[]> {
  const list = typeof ids === 'string' ? ids.split(',').map((s) => s.trim()) : Array.isArray(ids) ? ids : null;
  if (!list) throw typeError('invalid_document_ids', '.ids', 'an array', ids);
  const canon = list.map((v, i) => {
    const c = canonicalDocumentId(v);
    if (c === undefined) throw new EngineError('invalid_document_ids', `In \`.ids[${i}]\`: ${invalidIdMessage(v)}`);
    return c;
  });
  const found = await ctx.store.read([STORES.externalIds], (tx) => lookupExternalIds(tx, state.ix, canon));
  return [...new Set(found.values())].sort((a, b) => a - b);
}

/** Hook for filtered/sorted document listing (filters issue); returns the ordered matching docids. */
export type DocumentSelector = (ctx: EngineContext, state: IndexState, q: DocumentsQuery, base: Uint32Array) => Promise<Uint32Array>;

export async function getDocuments(ctx: EngineContext, uid: unknown, q: DocumentsQuery = {}, select?: DocumentSelector): Promise<ResourceResults<Document[]>> {
  if (!isPlainObject(q)) throw typeError('bad_request', '', 'an object', q);
  checkKnownFields('bad_request', q as Record<string, unknown>, ['offset', 'limit', 'fields', 'filter', 'sort', 'ids', 'retrieveVectors']);
  const state = await ctx.catalog.state(checkIndexUid(uid));
  const { offset, limit } = pageParams(q, 'invalid_document_offset', 'invalid_document_limit');
  const fields = fieldsParam(q.fields);
  let docids: Uint32Array = state.liveDocs();
  if (q.ids !== undefined && q.ids !== null) docids = Uint32Array.from(await docidsForIds(ctx, state, q.ids));
  if ((q.filter !== undefined && q.filter !== null) || (q.sort !== undefined && q.sort !== null)) {
    if (!select) throw new EngineError('feature_not_enabled', 'Filtering and sorting documents are not available in this build.');
    docids = await select(ctx, state, q, docids);
  }
  const page = Array.from(docids.subarray(offset, offset + limit));
  const recs = await readDocuments(ctx, state, page);
  const withVectors = (q as Record<string, unknown>).retrieveVectors === true;
  return { results: recs.map((r) => shapeDocument(state, r.doc, fields, withVectors)), offset, limit, total: docids.length };
}

export async function indexStats(ctx: EngineContext, scheduler: Scheduler, state: IndexState): Promise<IndexStats> {
  const s = state.stats;
  const enqueued = await ctx.queue.enqueuedSummaries();
  const fd: Record<string, number> = {};
  for (const k of Object.keys(s.fieldDistribution).sort(compareUtf8)) fd[k] = s.fieldDistribution[k];
  return {
    numberOfDocuments: s.numberOfDocuments,
    rawDocumentDbSize: s.rawDocumentDbSize,
    avgDocumentSize: s.numberOfDocuments ? Math.floor(s.rawDocumentDbSize / s.numberOfDocuments) : 0,
    isIndexing: scheduler.isIndexing(state.uid) || enqueued.some((t) => t.indexUid === state.uid),
    numberOfEmbeddings: 0,
    numberOfEmbeddedDocuments: 0,
    fieldDistribution: fd,
  };
}

export async function getTask(ctx: EngineContext, uid: unknown): Promise<Task> {
  const n = typeof uid === 'string' && /^\d+$/.test(uid) ? Number(uid) : uid;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new EngineError('invalid_task_uids', `Invalid value in parameter \`taskUid\`: could not parse \`${String(uid)}\` as a positive integer`);
  }
  const t = await ctx.queue.get(n);
  if (!t) throw new EngineError('task_not_found', `Task \`${n}\` not found.`);
  return taskView(t);
}

export async function getTasks(ctx: EngineContext, q: TasksQuery = {}): Promise<TasksResults> {
  const raw = { ...(q ?? {}) } as Record<string, unknown>;
  const { limit, from, reverse } = parsePagination(raw);
  delete raw.limit;
  delete raw.from;
  delete raw.reverse;
  const filter = parseTaskFilter(raw);
  const all = await ctx.queue.list(filter, reverse);
  const start = from === undefined ? 0 : all.findIndex((t) => (reverse ? t.uid >= from : t.uid <= from));
  const slice = start < 0 ? [] : all.slice(start, start + limit);
  const nextTask = start < 0 ? undefined : all[start + limit];
  return {
    results: slice.map(taskView),
    total: all.length,
    limit,
    from: slice.length ? slice[0].uid : null,
    next: nextTask ? nextTask.uid : null,
  };
}

export async function getBatch(ctx: EngineContext, scheduler: Scheduler, uid: unknown): Promise<Batch> {
  const n = typeof uid === 'string' && /^\d+$/.test(uid) ? Number(uid) : uid;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new EngineError('invalid_batch_uids', `Invalid value in parameter \`batchUid\`: could not parse \`${String(uid)}\` as a positive integer`);
  }
  const current = scheduler.currentBatch();
  if (current && current.uid === n) return current;
  const b = await ctx.store.read([STORES.batches], (tx) => tx.get<Batch>(STORES.batches, n));
  if (!b) throw new EngineError('batch_not_found', `Batch \`${n}\` not found.`);
  return b;
}

export async function getBatches(ctx: EngineContext, scheduler: Scheduler, q: TasksQuery = {}): Promise<BatchesResults> {
  const raw = { ...(q ?? {}) } as Record<string, unknown>;
  const { limit, from, reverse } = parsePagination(raw);
  delete raw.limit;
  delete raw.from;
  delete raw.reverse;
  const filter = parseTaskFilter(raw);
  const [batches, tasks] = await ctx.store.read([STORES.batches, STORES.tasks], async (tx) => [await tx.getAll<Batch>(STORES.batches), await tx.getAll<TaskRecord>(STORES.tasks)] as const);
  const current = scheduler.currentBatch();
  const all = current ? [...batches, current] : [...batches];
  let list: Batch[];
  if (isEmptyFilter(filter, raw)) {
    // Unfiltered: every batch, even one whose tasks were deleted or imported without batch uids.
    list = all;
  } else {
    const views = tasks.map((t) => ctx.queue.view(t));
    const matching = new Set(views.filter((t) => t.batchUid !== null && matchesTask(filter, t)).map((t) => t.batchUid));
    list = all.filter((b) => matching.has(b.uid) || (current && b.uid === current.uid && matchesCurrent(filter, views, b.uid)));
  }
  list = list.sort((a, b) => (reverse ? a.uid - b.uid : b.uid - a.uid));
  const start = from === undefined ? 0 : list.findIndex((b) => (reverse ? b.uid >= from : b.uid <= from));
  const slice = start < 0 ? [] : list.slice(start, start + limit);
  const nextB = start < 0 ? undefined : list[start + limit];
  return { results: slice, total: list.length, limit, from: slice.length ? slice[0].uid : null, next: nextB ? nextB.uid : null };
}

function matchesCurrent(filter: ReturnType<typeof parseTaskFilter>, views: TaskRecord[], batchUid: number): boolean {
  return views.some((t) => t.batchUid === batchUid && matchesTask(filter, t));
}

/** `GET /stats`: every index's stats; the database size from the browser's storage estimate when available. */
export async function engineStats(ctx: EngineContext, scheduler: Scheduler): Promise<Stats> {
  const records = await ctx.catalog.list();
  const indexes: Stats['indexes'] = {};
  let lastUpdate: string | null = null;
  let size = 0;
  for (const r of records) {
    const state = await ctx.catalog.state(r.uid);
    indexes[r.uid] = await indexStats(ctx, scheduler, state);
    size += state.stats.rawDocumentDbSize;
    if (lastUpdate === null || r.updatedAt > lastUpdate) lastUpdate = r.updatedAt;
  }
  let databaseSize = size;
  const est = typeof navigator !== 'undefined' && navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null;
  if (est?.usage) databaseSize = est.usage;
  return { databaseSize, usedDatabaseSize: databaseSize, lastUpdate, indexes };
}
