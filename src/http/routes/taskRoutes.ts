/** `/tasks`, `/tasks/{uid}`, `/tasks/{uid}/documents`, `/tasks/cancel`, `DELETE /tasks`, `/batches` (spec §1.7). */
import { EngineError } from '../../errors/engineError.ts';
import { invalidIndexUidMessage, isValidIndexUid } from '../../engine/indexes/indexUid.ts';
import { FILTER_KEYS } from '../../engine/tasks/taskFilters.ts';
import type { TasksFilter, TasksQuery } from '../../engine/types/tasks.ts';
import { paramError, type QueryParams } from '../queryParams.ts';
import { text } from '../responses.ts';
import { ok, optionalMethod, type Route, type RouteContext } from '../router.ts';

/** `TaskDeletionOrCancelationQuery` fields, in Meilisearch's order. */
const FILTER_PARAMS = FILTER_KEYS;

/** `TasksFilterQuery` fields (GET /tasks and GET /batches), in Meilisearch's order. */
const LIST_PARAMS = [
  'limit',
  'from',
  'reverse',
  'batchUids',
  'uids',
  'canceledBy',
  'types',
  'statuses',
  'indexUids',
  'afterEnqueuedAt',
  'beforeEnqueuedAt',
  'afterStartedAt',
  'beforeStartedAt',
  'afterFinishedAt',
  'beforeFinishedAt',
] as const;

const U32_MAX = 4294967295;

/** `indexUids` items must be valid index uids (`invalid_index_uid`), `*` meaning any. */
function checkIndexUids(q: QueryParams): void {
  const list = q.list('indexUids');
  if (!list || list.includes('*')) return;
  for (const uid of list) if (!isValidIndexUid(uid)) throw paramError('invalid_index_uid', 'indexUids', invalidIndexUidMessage(uid));
}

function pathUid(raw: string, kind: 'Task' | 'Batch'): number {
  if (!/^\d+$/.test(raw) || Number(raw) > U32_MAX) {
    throw new EngineError(kind === 'Task' ? 'invalid_task_uids' : 'invalid_batch_uids', `${kind} uid \`${raw}\` is invalid. It should only contain numeric characters.`);
  }
  return Number(raw);
}

async function listTasks(c: RouteContext): Promise<Response> {
  c.query.only(LIST_PARAMS);
  checkIndexUids(c.query);
  return ok(await c.engine.getTasks(c.query.record(LIST_PARAMS) as TasksQuery));
}

async function getTask(c: RouteContext): Promise<Response> {
  return ok(await c.engine.getTask(pathUid(c.params.taskUid, 'Task')));
}

async function taskDocuments(c: RouteContext): Promise<Response> {
  const uid = pathUid(c.params.taskUid, 'Task');
  const read = optionalMethod(c.engine, 'getTaskDocuments', 'GET /tasks/{taskUid}/documents');
  const docs = await read(uid);
  return text(200, docs.map((d) => JSON.stringify(d)).join('\n'), 'application/x-ndjson');
}

function cancelOrDelete(which: 'cancel' | 'delete') {
  return async (c: RouteContext): Promise<Response> => {
    c.query.only(FILTER_PARAMS);
    checkIndexUids(c.query);
    const filter = c.query.record(FILTER_PARAMS) as TasksFilter;
    const task = which === 'cancel' ? await c.engine.cancelTasks(filter, c.url.search) : await c.engine.deleteTasks(filter, c.url.search);
    return ok(task);
  };
}

async function listBatches(c: RouteContext): Promise<Response> {
  c.query.only(LIST_PARAMS);
  checkIndexUids(c.query);
  return ok(await c.engine.getBatches(c.query.record(LIST_PARAMS) as TasksQuery));
}

async function getBatch(c: RouteContext): Promise<Response> {
  return ok(await c.engine.getBatch(pathUid(c.params.batchUid, 'Batch')));
}

async function compactQueue(): Promise<Response> {
  throw new EngineError('feature_not_enabled', 'Task queue compaction (`POST /tasks/compact`) is not supported by pocketsearch.');
}

export const taskRoutes: Route[] = [
  { method: 'GET', pattern: '/tasks', handler: listTasks },
  { method: 'DELETE', pattern: '/tasks', handler: cancelOrDelete('delete') },
  { method: 'POST', pattern: '/tasks/cancel', handler: cancelOrDelete('cancel') },
  { method: 'POST', pattern: '/tasks/compact', handler: compactQueue },
  { method: 'GET', pattern: '/tasks/:taskUid', handler: getTask },
  { method: 'GET', pattern: '/tasks/:taskUid/documents', handler: taskDocuments },
  { method: 'GET', pattern: '/batches', handler: listBatches },
  { method: 'GET', pattern: '/batches/:batchUid', handler: getBatch },
];
