/**
 * The JSON records of a v6 dump — task lines (`TaskDump`), batch lines, API keys, index metadata — and their
 * conversion to and from pocketsearch's records. Shapes checked against Meilisearch's `dump` crate
 * (`TaskDump`, `KindDump`) and `meilisearch-types` (`Details`, `Batch`, `Key`).
 */
import type { TaskRecord } from '../../engine/tasks/taskRecord.ts';
import type { IndexObject } from '../../engine/types/indexes.ts';
import type { Batch, BatchStats, TaskStatus } from '../../engine/types/tasks.ts';
import type { ErrorObject } from '../../errors/engineError.ts';
import type { DumpKey } from './dumpContract.ts';
import { isRfc3339 } from './dumpDates.ts';
import { detailsFromDump, detailsToDump } from './v6Details.ts';
import { kindFromDump, kindToDump } from './v6Kinds.ts';
import {
  expectObject,
  expectString,
  expectStrings,
  expectUint,
  isObject,
  optString,
  optUint,
  shapeError,
  type JsonObject,
} from './jsonShape.ts';

const STATUSES: readonly TaskStatus[] = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'];

/** How the task of the dump being written appears in it: succeeded, with these dates and uid. */
export interface OwnDumpTask {
  uid: number;
  startedAt: string;
  finishedAt: string;
  dumpUid: string;
}

/**
 * A task as one line of `tasks/queue.jsonl` (key order of Meilisearch's `TaskDump`; absent = null).
 * `keys` are the API keys in their `keys.jsonl` form ({@link keyToDump}), for `dumpCreation` kinds.
 */
export function taskToDump(t: TaskRecord, keys: readonly JsonObject[], own: OwnDumpTask | null): JsonObject {
  const isOwn = own !== null && own.uid === t.uid;
  const o: JsonObject = {
    uid: t.uid,
    batchUid: t.batchUid,
    indexUid: t.indexUid,
    status: isOwn ? 'succeeded' : t.status,
    type: kindToDump(t.kind, t.indexUid, keys),
  };
  if (t.canceledBy !== null && !isOwn) o.canceledBy = t.canceledBy;
  const details = isOwn ? { Dump: { dump_uid: own.dumpUid } } : detailsToDump(t.kind, t.details, t.indexUid);
  if (details !== undefined) o.details = details;
  if (t.error && !isOwn) o.error = { message: t.error.message, code: t.error.code, type: t.error.type, link: t.error.link };
  o.enqueuedAt = t.enqueuedAt;
  const startedAt = isOwn ? own.startedAt : t.startedAt;
  const finishedAt = isOwn ? own.finishedAt : t.finishedAt;
  if (startedAt !== null) o.startedAt = startedAt;
  if (finishedAt !== null) o.finishedAt = finishedAt;
  if (t.customMetadata !== undefined) o.customMetadata = t.customMetadata;
  return o;
}

function date(o: JsonObject, key: string, where: string, required: true): string;
function date(o: JsonObject, key: string, where: string, required: false): string | null;
function date(o: JsonObject, key: string, where: string, required: boolean): string | null {
  const v = o[key];
  if ((v === undefined || v === null) && !required) return null;
  if (!isRfc3339(v)) throw shapeError(where, `\`${key}\` must be an RFC 3339 date, found ${JSON.stringify(v)}`);
  return v;
}

function readError(v: unknown, where: string): ErrorObject {
  const o = expectObject(v, `${where} \`error\``);
  return {
    message: expectString(o, 'message', `${where} \`error\``),
    code: expectString(o, 'code', `${where} \`error\``),
    type: expectString(o, 'type', `${where} \`error\``),
    link: typeof o.link === 'string' ? o.link : `https://docs.meilisearch.com/errors#${String(o.code)}`,
  };
}

/** A task line read back: the record, or why it is skipped (a kind pocketsearch has no equivalent for). */
export type TaskRead = { record: TaskRecord } | { skip: string };

/** Reads one line of a v6 `tasks/queue.jsonl`. */
export function taskFromDump(value: unknown, where: string): TaskRead {
  const o = expectObject(value, where);
  const uid = expectUint(o, 'uid', where);
  const indexUid = optString(o, 'indexUid', where);
  if (indexUid !== null && indexUid.startsWith('.')) return { skip: `task ${uid} concerns the internal index \`${indexUid}\`` };
  const status = o.status;
  if (typeof status !== 'string' || !STATUSES.includes(status as TaskStatus)) {
    throw shapeError(where, `unknown task status ${JSON.stringify(status)}`);
  }
  const kind = kindFromDump(o.type, indexUid, where);
  if ('skip' in kind) return { skip: `task ${uid}: ${kind.skip}` };
  const record: TaskRecord = {
    uid,
    batchUid: optUint(o, 'batchUid', where),
    indexUid,
    status: status as TaskStatus,
    kind: kind.kind,
    details: o.details === undefined || o.details === null ? null : detailsFromDump(o.details, `${where} \`details\``),
    error: o.error === undefined || o.error === null ? null : readError(o.error, where),
    canceledBy: optUint(o, 'canceledBy', where),
    enqueuedAt: date(o, 'enqueuedAt', where, true),
    startedAt: date(o, 'startedAt', where, false),
    finishedAt: date(o, 'finishedAt', where, false),
  };
  if (typeof o.customMetadata === 'string') record.customMetadata = o.customMetadata;
  return { record };
}

/** When the tasks of a batch were enqueued: `earliest` = most recent, `oldest` = first (Meilisearch's names). */
export interface BatchEnqueuedAt {
  earliest: string;
  oldest: string;
}

/** A batch as one line of `batches/queue.jsonl` (Meilisearch's `Batch`; `progress` is never written). */
export function batchToDump(b: Batch, enqueuedAt: BatchEnqueuedAt | null): JsonObject {
  const stats: JsonObject = {
    totalNbTasks: b.stats.totalNbTasks,
    status: b.stats.status,
    types: b.stats.types,
    indexUids: b.stats.indexUids,
  };
  if (b.stats.progressTrace && Object.keys(b.stats.progressTrace).length > 0) stats.progressTrace = b.stats.progressTrace;
  if (b.stats.writeChannelCongestion) stats.writeChannelCongestion = b.stats.writeChannelCongestion;
  if (b.stats.internalDatabaseSizes && Object.keys(b.stats.internalDatabaseSizes).length > 0) {
    stats.internalDatabaseSizes = b.stats.internalDatabaseSizes;
  }
  return {
    uid: b.uid,
    details: b.details,
    stats,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    enqueuedAt,
    stopReason: b.batchStrategy,
  };
}

function counts(v: unknown, where: string): Record<string, number> {
  const o = expectObject(v ?? {}, where);
  for (const [k, n] of Object.entries(o)) {
    if (typeof n !== 'number') throw shapeError(where, `\`${k}\` must be a number`);
  }
  return o as Record<string, number>;
}

/** Reads one line of `batches/queue.jsonl`. */
export function batchFromDump(value: unknown, where: string, duration: (start: string, end: string) => string): Batch {
  const o = expectObject(value, where);
  const s = expectObject(o.stats, `${where} \`stats\``);
  const stats: BatchStats = {
    totalNbTasks: expectUint(s, 'totalNbTasks', `${where} \`stats\``),
    status: counts(s.status, `${where} \`stats.status\``),
    types: counts(s.types, `${where} \`stats.types\``),
    indexUids: counts(s.indexUids, `${where} \`stats.indexUids\``),
  };
  if (isObject(s.progressTrace)) stats.progressTrace = s.progressTrace as Record<string, string>;
  if (isObject(s.writeChannelCongestion)) stats.writeChannelCongestion = s.writeChannelCongestion as Record<string, number>;
  if (isObject(s.internalDatabaseSizes)) stats.internalDatabaseSizes = s.internalDatabaseSizes as Record<string, string>;
  const startedAt = date(o, 'startedAt', where, true);
  const finishedAt = date(o, 'finishedAt', where, false);
  return {
    uid: expectUint(o, 'uid', where),
    progress: null,
    details: isObject(o.details) ? o.details : {},
    stats,
    duration: finishedAt ? duration(startedAt, finishedAt) : null,
    startedAt,
    finishedAt,
    batchStrategy: typeof o.stopReason === 'string' ? o.stopReason : 'unspecified',
  };
}

/** An API key as a line of `keys.jsonl` (`description`/`name` left out when absent, like Meilisearch). */
export function keyToDump(k: DumpKey): JsonObject {
  const o: JsonObject = {};
  if (k.description != null) o.description = k.description;
  if (k.name != null) o.name = k.name;
  Object.assign(o, {
    uid: k.uid,
    actions: k.actions,
    indexes: k.indexes,
    expires_at: k.expires_at,
    created_at: k.created_at,
    updated_at: k.updated_at,
  });
  return o;
}

/** Reads one line of `keys.jsonl` (v6) or `keys` (v5). */
export function keyFromDump(value: unknown, where: string): DumpKey {
  const o = expectObject(value, where);
  const key: DumpKey = {
    uid: expectString(o, 'uid', where),
    actions: expectStrings(o, 'actions', where),
    indexes: expectStrings(o, 'indexes', where),
    expires_at: date(o, 'expires_at', where, false),
    created_at: date(o, 'created_at', where, true),
    updated_at: date(o, 'updated_at', where, true),
  };
  const description = optString(o, 'description', where);
  const name = optString(o, 'name', where);
  if (description !== null) key.description = description;
  if (name !== null) key.name = name;
  return key;
}

/** `indexes/<uid>/metadata.json`. */
export function indexMetaToDump(i: IndexObject): JsonObject {
  return { uid: i.uid, primaryKey: i.primaryKey, createdAt: i.createdAt, updatedAt: i.updatedAt };
}

/** Reads `indexes/<dir>/metadata.json`. */
export function indexMetaFromDump(value: unknown, where: string): IndexObject {
  const o = expectObject(value, where);
  return {
    uid: expectString(o, 'uid', where),
    primaryKey: optString(o, 'primaryKey', where),
    createdAt: date(o, 'createdAt', where, true),
    updatedAt: date(o, 'updatedAt', where, true),
  };
}
