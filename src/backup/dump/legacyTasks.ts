/**
 * Task history of old dumps converted to pocketsearch task records, with the results Meilisearch's compat
 * chain gives (v1 → v2 → … → v6): statuses from update states or task events, dates, errors (codes
 * converted), details filled from results, `processing` turned back into `enqueued`.
 * - v4/v5: `updates/data.jsonl` lines `{"id","content":{…},"events":[…]}` (v4 has `index_uid` beside).
 * - v2/v3: `updates/data.jsonl` lines `{"uuid","update":{"status",…}}`; uids are the line numbers.
 * - v1: `<index>/updates.jsonl` lines `{"status","updateId","type":{"name",…},…}`.
 */
import type { TaskKind, TaskRecord } from '../../engine/tasks/taskRecord.ts';
import type { SettingsUpdate } from '../../engine/types/settings.ts';
import type { TaskDetails, TaskStatus } from '../../engine/types/tasks.ts';
import type { ErrorObject } from '../../errors/engineError.ts';
import { formatInstant, isRfc3339, parseInstant, subtractSeconds } from './dumpDates.ts';
import { errorFromV2Code, errorFromV3Code, errorFromV5Name } from './legacyErrors.ts';
import { settingsFromLegacy } from './legacySettings.ts';
import { enumTag, expectObject, expectString, isObject, optString, shapeError, type JsonObject } from './jsonShape.ts';

/** What an old task did, before it becomes a kind and its default details. */
type Content =
  | { t: 'addition'; method: 'replace' | 'update'; primaryKey: string | null; documentsCount: number; allowIndexCreation: boolean }
  | { t: 'deleteIds'; ids: string[] }
  | { t: 'clear' }
  | { t: 'settings'; settings: SettingsUpdate; isDeletion: boolean; allowIndexCreation: boolean }
  | { t: 'indexDeletion' }
  | { t: 'indexCreation'; primaryKey: string | null }
  | { t: 'indexUpdate'; primaryKey: string | null }
  | { t: 'dump'; dumpUid: string };

/** The outcome of a succeeded old task. */
type Result = { t: 'addition'; indexed: number } | { t: 'deletion'; deleted: number } | { t: 'clearAll'; deleted: number } | { t: 'other' };

/** A converted task, with the uuid of its update file when it is an enqueued document addition. */
export interface LegacyTask {
  record: TaskRecord;
  contentUuid: string | null;
}

function kindOf(c: Content): TaskKind {
  switch (c.t) {
    case 'addition':
      return { type: 'documentAdditionOrUpdate', method: c.method, primaryKey: c.primaryKey, documentsCount: c.documentsCount, allowIndexCreation: c.allowIndexCreation };
    case 'deleteIds':
      return { type: 'documentDeletion', mode: 'ids', ids: c.ids };
    case 'clear':
      return { type: 'documentDeletion', mode: 'clear' };
    case 'settings':
      return { type: 'settingsUpdate', settings: c.settings, isDeletion: c.isDeletion, allowIndexCreation: c.allowIndexCreation };
    case 'indexDeletion':
      return { type: 'indexDeletion' };
    case 'indexCreation':
      return { type: 'indexCreation', primaryKey: c.primaryKey };
    case 'indexUpdate':
      return { type: 'indexUpdate', primaryKey: c.primaryKey, newIndexUid: null };
    case 'dump':
      return { type: 'dumpCreation' };
  }
}

function defaultDetails(c: Content): TaskDetails {
  switch (c.t) {
    case 'addition':
      return { receivedDocuments: c.documentsCount, indexedDocuments: null };
    case 'deleteIds':
      return { providedIds: c.ids.length, deletedDocuments: null, originalFilter: null };
    case 'clear':
    case 'indexDeletion':
      return { deletedDocuments: null };
    case 'settings':
      return { ...c.settings };
    case 'indexCreation':
    case 'indexUpdate':
      return { primaryKey: c.primaryKey };
    case 'dump':
      return { dumpUid: c.dumpUid };
  }
}

/** Fills details from a result the way v5's task view did: only a result of the matching sort counts. */
function applyResult(c: Content, d: TaskDetails, r: Result): void {
  if (r.t === 'addition' && c.t === 'addition') d.indexedDocuments = r.indexed;
  else if (r.t === 'deletion' && c.t === 'deleteIds') d.deletedDocuments = r.deleted;
  else if (r.t === 'clearAll' && (c.t === 'clear' || c.t === 'indexDeletion')) d.deletedDocuments = r.deleted;
}

function applyFailure(c: Content, d: TaskDetails): void {
  if (c.t === 'addition') d.indexedDocuments = 0;
  else if (c.t === 'deleteIds' || c.t === 'clear' || c.t === 'indexDeletion') d.deletedDocuments = 0;
}

interface Outcome {
  status: TaskStatus;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: ErrorObject | null;
  result: Result | null;
}

function build(uid: number, indexUid: string | null, c: Content, o: Outcome): TaskRecord {
  const details = defaultDetails(c);
  if (o.status === 'succeeded' && o.result) applyResult(c, details, o.result);
  if (o.status === 'failed') applyFailure(c, details);
  return {
    uid,
    batchUid: null,
    indexUid: c.t === 'dump' ? null : indexUid,
    status: o.status,
    kind: kindOf(c),
    details,
    error: o.error,
    canceledBy: null,
    enqueuedAt: o.enqueuedAt,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
  };
}

function dateOf(v: unknown, where: string): string {
  if (!isRfc3339(v)) throw shapeError(where, `expected an RFC 3339 date, found ${JSON.stringify(v)}`);
  return v;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function method(v: unknown): 'replace' | 'update' {
  return v === 'UpdateDocuments' ? 'update' : 'replace';
}

// ---------------------------------------------------------------- v4 / v5

function v5Content(content: unknown, version: 4 | 5, where: string): { c: Content; indexUid: string | null; uuid: string | null } {
  const [tag, body] = enumTag(content, `${where} \`content\``);
  const o: JsonObject = isObject(body) ? body : {};
  const indexUid = version === 5 ? optString(o, 'index_uid', where) : null;
  switch (tag) {
    case 'DocumentAddition':
      return {
        c: { t: 'addition', method: method(o.merge_strategy), primaryKey: optString(o, 'primary_key', where), documentsCount: num(o.documents_count), allowIndexCreation: o.allow_index_creation !== false },
        indexUid,
        uuid: typeof o.content_uuid === 'string' ? o.content_uuid : null,
      };
    case 'DocumentDeletion': {
      const deletion = version === 5 ? o.deletion : body;
      const [dtag, ids] = enumTag(deletion, `${where} deletion`);
      const c: Content = dtag === 'Clear' ? { t: 'clear' } : { t: 'deleteIds', ids: Array.isArray(ids) ? ids.map(String) : [] };
      return { c, indexUid, uuid: null };
    }
    case 'SettingsUpdate': {
      const settings = settingsFromLegacy(expectObject(o.settings ?? {}, `${where} settings`), { version, place: 'task' }).settings;
      return { c: { t: 'settings', settings, isDeletion: o.is_deletion === true, allowIndexCreation: o.allow_index_creation !== false }, indexUid, uuid: null };
    }
    case 'IndexDeletion':
      return { c: { t: 'indexDeletion' }, indexUid, uuid: null };
    case 'IndexCreation':
      return { c: { t: 'indexCreation', primaryKey: optString(o, 'primary_key', where) }, indexUid, uuid: null };
    case 'IndexUpdate':
      return { c: { t: 'indexUpdate', primaryKey: optString(o, 'primary_key', where) }, indexUid, uuid: null };
    case 'Dump':
      return { c: { t: 'dump', dumpUid: typeof o.uid === 'string' ? o.uid : '' }, indexUid: null, uuid: null };
    default:
      throw shapeError(where, `unknown task content \`${tag}\``);
  }
}

function v5Result(v: unknown): Result {
  const [tag, body] = enumTag(v, 'result');
  const o: JsonObject = isObject(body) ? body : {};
  if (tag === 'DocumentAddition') return { t: 'addition', indexed: num(o.indexed_documents) };
  if (tag === 'DocumentDeletion') return { t: 'deletion', deleted: num(o.deleted_documents) };
  if (tag === 'ClearAll') return { t: 'clearAll', deleted: num(o.deleted_documents) };
  return { t: 'other' };
}

/** Facts about a v4/v5 task that index dates are computed from. */
export interface V5TaskFacts {
  id: number;
  indexUid: string | null;
  /** Date of the first event if the task could create an index (creation, addition, settings). */
  createdAt: string | null;
  /** Date of the success event if the task succeeded. */
  processedAt: string | null;
}

/** Converts one task line of a v4 or v5 dump. */
export function taskFromV5(value: unknown, version: 4 | 5, where: string): { task: LegacyTask; facts: V5TaskFacts } {
  const o = expectObject(value, where);
  const id = o.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw shapeError(where, '`id` must be a non-negative integer');
  const { c, indexUid: inner, uuid } = v5Content(o.content, version, where);
  const indexUid = version === 4 ? expectString(o, 'index_uid', where) : inner;
  const events = o.events;
  if (!Array.isArray(events) || events.length === 0) throw shapeError(where, '`events` must be a non-empty array');
  const [firstTag, firstBody] = enumTag(events[0], `${where} events[0]`);
  if (firstTag !== 'Created') throw shapeError(where, 'the first event must be `Created`');
  const enqueuedAt = dateOf(firstBody, `${where} events[0]`);
  let startedAt: string | null = null;
  for (const e of events) {
    const [tag, body] = enumTag(e, `${where} event`);
    if (tag === 'Processing') {
      startedAt = dateOf(body, `${where} Processing event`);
      break;
    }
  }
  const [lastTag, lastBody] = enumTag(events[events.length - 1], `${where} last event`);
  const last: JsonObject = isObject(lastBody) ? lastBody : {};
  let outcome: Outcome;
  if (lastTag === 'Succeeded' || lastTag === 'Succeded') {
    outcome = { status: 'succeeded', enqueuedAt, startedAt, finishedAt: dateOf(last.timestamp, `${where} success event`), error: null, result: v5Result(last.result) };
  } else if (lastTag === 'Failed') {
    const err = expectObject(last.error, `${where} error`);
    const error = errorFromV5Name(typeof err.message === 'string' ? err.message : '', typeof err.code === 'string' ? err.code : '');
    outcome = { status: 'failed', enqueuedAt, startedAt, finishedAt: dateOf(last.timestamp, `${where} failure event`), error, result: null };
  } else {
    // Created, Batched or Processing: not finished; a processing task starts over as enqueued.
    outcome = { status: 'enqueued', enqueuedAt, startedAt: null, finishedAt: null, error: null, result: null };
  }
  const record = build(id, indexUid, c, outcome);
  const canCreate = c.t === 'addition' || c.t === 'settings' || c.t === 'indexCreation';
  return {
    task: { record, contentUuid: outcome.status === 'enqueued' && c.t === 'addition' ? uuid : null },
    facts: { id, indexUid: record.indexUid, createdAt: canCreate ? enqueuedAt : null, processedAt: outcome.status === 'succeeded' ? outcome.finishedAt : null },
  };
}

// ---------------------------------------------------------------- v2 / v3

/** Facts about a v2/v3 update that index dates are computed from. */
export interface V3UpdateFacts {
  uuid: string;
  /** True once the update is over (processed, failed, aborted). */
  finished: boolean;
  /** Finish date of a processed or failed update; `null` otherwise (aborted updates have none). */
  finishedAt: string | null;
  /** True for document additions and settings updates (the ones an index creation date is taken from). */
  creates: boolean;
}

function v3Content(meta: unknown, version: 2 | 3, where: string): Content {
  if (version === 2) {
    const m = expectObject(meta, `${where} meta`);
    switch (m.type) {
      case 'DocumentsAddition':
        return { t: 'addition', method: method(m.method), primaryKey: optString(m, 'primary_key', where), documentsCount: 0, allowIndexCreation: true };
      case 'ClearDocuments':
        return { t: 'clear' };
      case 'DeleteDocuments':
        return { t: 'deleteIds', ids: Array.isArray(m.ids) ? m.ids.map(String) : [] };
      case 'Settings':
        return { t: 'settings', settings: settingsFromLegacy(m, { version: 2, place: 'task' }).settings, isDeletion: false, allowIndexCreation: true };
      default:
        throw shapeError(where, `unknown update type ${JSON.stringify(m.type)}`);
    }
  }
  const [tag, body] = enumTag(meta, `${where} meta`);
  const o: JsonObject = isObject(body) ? body : {};
  switch (tag) {
    case 'DocumentAddition':
      return { t: 'addition', method: method(o.method), primaryKey: optString(o, 'primary_key', where), documentsCount: 0, allowIndexCreation: true };
    case 'DeleteDocuments':
      return { t: 'deleteIds', ids: Array.isArray(body) ? body.map(String) : [] };
    case 'ClearDocuments':
      return { t: 'clear' };
    case 'Settings':
      return { t: 'settings', settings: settingsFromLegacy(o, { version: 3, place: 'task' }).settings, isDeletion: false, allowIndexCreation: true };
    default:
      throw shapeError(where, `unknown update \`${tag}\``);
  }
}

function v3Result(v: unknown): Result {
  const [tag, body] = enumTag(v, 'success');
  const o: JsonObject = isObject(body) ? body : {};
  if (tag === 'DocumentsAddition') return { t: 'addition', indexed: num(o.nb_documents) };
  if (tag === 'DocumentDeletion') return { t: 'deletion', deleted: num(o.deleted) };
  return { t: 'other' };
}

/**
 * Converts one line of a v2/v3 `updates/data.jsonl`. `uid` is its 0-based line number; `indexUid` the uid
 * of its index (`null` if `index_uuids` does not know the uuid). Returns `task: null` for an unfinished
 * update of an unknown index (Meilisearch drops those); finished ones go to an index named `unknown`.
 */
export function taskFromV3(value: unknown, version: 2 | 3, uid: number, indexUid: string | null, now: string, where: string): { task: LegacyTask | null; facts: V3UpdateFacts } {
  const o = expectObject(value, where);
  const uuid = expectString(o, 'uuid', where);
  const u = expectObject(o.update, `${where} update`);
  const status = u.status;
  const c = v3Content(u.meta, version, where);
  const enqueuedAt = dateOf(u.enqueuedAt, `${where} enqueuedAt`);
  const finished = status === 'processed' || status === 'failed' || status === 'aborted';
  let contentUuid: string | null = null;
  if (!finished && c.t === 'addition') {
    const m = isObject(u.meta) ? u.meta : {};
    contentUuid = version === 2 ? optString(u, 'content', where) : optString(isObject(m.DocumentAddition) ? m.DocumentAddition : {}, 'content_uuid', where);
  }
  let outcome: Outcome;
  let finishedAt: string | null = null;
  if (status === 'processed') {
    finishedAt = dateOf(u.processedAt, `${where} processedAt`);
    outcome = { status: 'succeeded', enqueuedAt, startedAt: dateOf(u.startedProcessingAt, `${where} startedProcessingAt`), finishedAt, error: null, result: v3Result(u.success) };
  } else if (status === 'failed') {
    finishedAt = dateOf(u.failedAt, `${where} failedAt`);
    let error: ErrorObject;
    if (version === 3) {
      error = errorFromV3Code(typeof u.msg === 'string' ? u.msg : '', typeof u.code === 'string' ? u.code : '');
    } else {
      const e = isObject(u.error) ? u.error : {};
      error = errorFromV2Code(typeof e.message === 'string' ? e.message : '', typeof e.errorCode === 'string' ? e.errorCode : '');
    }
    outcome = { status: 'failed', enqueuedAt, startedAt: dateOf(u.startedProcessingAt, `${where} startedProcessingAt`), finishedAt, error, result: null };
  } else if (status === 'aborted') {
    const abortedAt = dateOf(u.abortedAt, `${where} abortedAt`);
    const error = errorFromV5Name('Task was aborted in a previous version of meilisearch.', 'unretrievable_error_code');
    outcome = { status: 'failed', enqueuedAt, startedAt: null, finishedAt: abortedAt, error, result: null };
  } else if (status === 'enqueued' || status === 'processing') {
    if (version === 2 && c.t === 'addition' && contentUuid === null) {
      // A v2 document addition without its content cannot run again: Meilisearch marks it failed.
      const startedAt = status === 'processing' && isRfc3339(u.startedProcessingAt) ? u.startedProcessingAt : now;
      const error = errorFromV5Name('Malformed task.', 'malformed_dump');
      outcome = { status: 'failed', enqueuedAt, startedAt, finishedAt: now, error, result: null };
    } else {
      outcome = { status: 'enqueued', enqueuedAt, startedAt: null, finishedAt: null, error: null, result: null };
    }
  } else {
    throw shapeError(where, `unknown update status ${JSON.stringify(status)}`);
  }
  const facts: V3UpdateFacts = { uuid, finished, finishedAt, creates: c.t === 'addition' || c.t === 'settings' };
  if (indexUid === null && !finished) return { task: null, facts };
  const record = build(uid, indexUid ?? 'unknown', c, outcome);
  return { task: { record, contentUuid: record.status === 'enqueued' ? contentUuid : null }, facts };
}

// ---------------------------------------------------------------- v1

/**
 * Converts one line of a v1 `<index>/updates.jsonl`. Returns `null` for the updates Meilisearch drops:
 * enqueued ones (v1 dumps have no payloads) and `Customs`.
 */
export function taskFromV1(value: unknown, uid: number, indexUid: string, where: string): TaskRecord | null {
  const o = expectObject(value, where);
  if (o.status !== 'processed' && o.status !== 'failed') return null;
  const type = expectObject(o.type, `${where} type`);
  let c: Content;
  let result: Result;
  switch (type.name) {
    case 'ClearAll':
      c = { t: 'clear' };
      result = { t: 'deletion', deleted: Number.MAX_SAFE_INTEGER };
      break;
    case 'DocumentsAddition':
    case 'DocumentsPartial':
      c = { t: 'addition', method: type.name === 'DocumentsPartial' ? 'update' : 'replace', primaryKey: null, documentsCount: 0, allowIndexCreation: true };
      result = { t: 'addition', indexed: num(type.number) };
      break;
    case 'DocumentsDeletion':
      c = { t: 'deleteIds', ids: [] };
      result = { t: 'deletion', deleted: num(type.number) };
      break;
    case 'Settings':
      c = { t: 'settings', settings: settingsFromLegacy(expectObject(type.settings, `${where} settings`), { version: 1, place: 'task' }).settings, isDeletion: false, allowIndexCreation: true };
      result = { t: 'other' };
      break;
    default:
      return null;
  }
  const enqueuedAt = dateOf(o.enqueuedAt, `${where} enqueuedAt`);
  const processedAt = dateOf(o.processedAt, `${where} processedAt`);
  const start = parseInstant(processedAt);
  const startedAt = start ? formatInstant(subtractSeconds(start, num(o.duration))) : processedAt;
  const outcome: Outcome =
    o.status === 'processed'
      ? { status: 'succeeded', enqueuedAt, startedAt, finishedAt: processedAt, error: null, result }
      : {
          status: 'failed',
          enqueuedAt,
          startedAt,
          finishedAt: processedAt,
          error: errorFromV2Code(typeof o.error === 'string' ? o.error : '', typeof o.errorCode === 'string' ? o.errorCode : ''),
          result: null,
        };
  return build(uid, indexUid, c, outcome);
}
