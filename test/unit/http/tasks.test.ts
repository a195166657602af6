/** Tasks and batches: filters, pagination, waitForTask, cancel (200), delete (200), errors. */
import { beforeEach, describe, expect, test } from 'vitest';
import { MeilisearchTaskTimeOutError } from 'meilisearch';
import { apiError, call, errorBody, httpKit, movies, type HttpKit } from './helpers.ts';

let kit: HttpKit;
beforeEach(async () => {
  kit = await httpKit();
  await kit.meili.index('movies').addDocuments(movies).waitTask();
  await kit.meili.index('books').addDocuments([{ id: 1 }]).waitTask();
  await kit.meili.index('movies').updateSettings({ stopWords: ['the'] }).waitTask();
  await kit.meili.createIndex('movies').waitTask(); // fails: already exists
});

describe('GET /tasks (client)', () => {
  test('newest first, total, limit/from/next, reverse', async () => {
    const all = await kit.meili.tasks.getTasks();
    expect(all.results.map((t) => t.uid)).toEqual([3, 2, 1, 0]);
    expect(all).toMatchObject({ total: 4, limit: 20, from: 3, next: null });
    const page = await kit.meili.tasks.getTasks({ limit: 2, from: 2 });
    expect(page.results.map((t) => t.uid)).toEqual([2, 1]);
    expect(page).toMatchObject({ from: 2, next: 0, total: 4 });
    const rev = await kit.meili.tasks.getTasks({ reverse: true, limit: 2 });
    expect(rev.results.map((t) => t.uid)).toEqual([0, 1]);
  });

  test('filters: statuses, types, indexUids, uids, dates, batchUids', async () => {
    const tasks = kit.meili.tasks;
    expect((await tasks.getTasks({ statuses: ['failed'] })).results.map((t) => t.uid)).toEqual([3]);
    expect((await tasks.getTasks({ types: ['settingsUpdate', 'indexCreation'] })).results.map((t) => t.uid)).toEqual([3, 2]);
    expect((await tasks.getTasks({ indexUids: ['books'] })).results.map((t) => t.uid)).toEqual([1]);
    expect((await tasks.getTasks({ uids: [0, 2] })).results.map((t) => t.uid)).toEqual([2, 0]);
    const first = await tasks.getTask(0);
    const after = await tasks.getTasks({ afterEnqueuedAt: new Date(Date.parse(first.enqueuedAt) - 1000).toISOString() });
    expect(after.total).toBe(4);
    expect((await tasks.getTasks({ beforeEnqueuedAt: '2000-01-01' })).total).toBe(0);
    expect((await tasks.getTasks({ batchUids: [first.batchUid!] })).results.map((t) => t.uid)).toEqual([0]);
  });

  test('GET /tasks/{uid}: key order, unknown and invalid uids', async () => {
    const t = await kit.meili.tasks.getTask(2);
    expect(Object.keys(t)).toEqual(['uid', 'batchUid', 'indexUid', 'status', 'type', 'canceledBy', 'details', 'error', 'duration', 'enqueuedAt', 'startedAt', 'finishedAt']);
    expect(await apiError(kit.meili.tasks.getTask(99))).toEqual({ status: 404, body: errorBody('task_not_found', 'Task `99` not found.') });
    const bad = await call(kit.fetch, 'GET', '/tasks/abc');
    expect(bad).toMatchObject({ status: 400, body: errorBody('invalid_task_uids', 'Task uid `abc` is invalid. It should only contain numeric characters.') });
  });

  test('query errors use Meilisearch’s parameter messages', async () => {
    const r = await call(kit.fetch, 'GET', '/tasks?statuses=done');
    expect(r.body).toEqual(
      errorBody(
        'invalid_task_statuses',
        'Invalid value in parameter `statuses`: `done` is not a valid task status. Available statuses are `enqueued`, `processing`, `succeeded`, `failed`, `canceled`.',
      ),
    );
    expect((await call(kit.fetch, 'GET', '/tasks?limit=-2')).body).toEqual(
      errorBody('invalid_task_limit', 'Invalid value in parameter `limit`: could not parse `-2` as a positive integer'),
    );
    expect((await call(kit.fetch, 'GET', '/tasks?afterEnqueuedAt=yesterday')).body).toEqual(
      errorBody(
        'invalid_task_after_enqueued_at',
        'Invalid value in parameter `afterEnqueuedAt`: `yesterday` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.',
      ),
    );
    expect((await call(kit.fetch, 'GET', '/tasks?indexUids=a%20b')).body).toMatchObject({ code: 'invalid_index_uid' });
    expect(((await call(kit.fetch, 'GET', '/tasks?status=failed')).body as { message: string }).message).toBe(
      'Unknown parameter `status`: did you mean `statuses`? expected one of `limit`, `from`, `reverse`, `batchUids`, `uids`, `canceledBy`, `types`, `statuses`, `indexUids`, `afterEnqueuedAt`, `beforeEnqueuedAt`, `afterStartedAt`, `beforeStartedAt`, `afterFinishedAt`, `beforeFinishedAt`',
    );
  });
});

describe('cancel and delete', () => {
  test('DELETE /tasks → 200 taskDeletion; only finished tasks are deleted', async () => {
    const res = await call(kit.fetch, 'DELETE', '/tasks?uids=0,1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ indexUid: null, status: 'enqueued', type: 'taskDeletion' });
    const task = await kit.meili.tasks.waitForTask((res.body as { taskUid: number }).taskUid);
    expect(task.details).toEqual({ matchedTasks: 2, deletedTasks: 2, originalFilter: '?uids=0,1' });
    expect(await apiError(kit.meili.tasks.getTask(0))).toMatchObject({ status: 404 });
  });

  test('POST /tasks/cancel → 200; enqueued tasks become canceled', async () => {
    await kit.engine.scheduler.stop();
    const pending = await kit.meili.index('movies').addDocuments([{ id: 9 }]);
    const cancel = await kit.meili.tasks.cancelTasks({ statuses: ['enqueued'] });
    expect(cancel).toMatchObject({ type: 'taskCancelation', status: 'enqueued' });
    await kit.engine.scheduler.start();
    const canceled = await kit.meili.tasks.waitForTask(pending.taskUid);
    expect(canceled).toMatchObject({ status: 'canceled', canceledBy: cancel.taskUid });
    const byCanceledBy = await kit.meili.tasks.getTasks({ canceledBy: [cancel.taskUid] });
    expect(byCanceledBy.results.map((t) => t.uid)).toEqual([pending.taskUid]);
  });

  test('no filter → 400 missing_task_filters; unknown parameter → bad_request', async () => {
    const r = await call(kit.fetch, 'POST', '/tasks/cancel');
    expect(r.status).toBe(400);
    expect((r.body as { code: string }).code).toBe('missing_task_filters');
    const d = await call(kit.fetch, 'DELETE', '/tasks?limit=1');
    expect((d.body as { message: string }).message).toMatch(/^Unknown parameter `limit`: expected one of `uids`, `batchUids`/);
  });
});

describe('waitForTask through the adapter', () => {
  test('resolves with the finished task; times out with the client’s error', async () => {
    const task = await kit.meili.index('movies').addDocuments([{ id: 10 }]).waitTask({ timeout: 2000, interval: 5 });
    expect(task.status).toBe('succeeded');
    await kit.engine.scheduler.stop();
    const pending = await kit.meili.index('movies').addDocuments([{ id: 11 }]);
    await expect(kit.meili.tasks.waitForTask(pending.taskUid, { timeout: 100, interval: 10 })).rejects.toBeInstanceOf(MeilisearchTaskTimeOutError);
    await kit.engine.scheduler.start();
  });
});

describe('batches', () => {
  test('list, filter, get one, errors', async () => {
    const batches = await kit.meili.batches.getBatches();
    expect(batches.total).toBe(4);
    const one = await kit.meili.batches.getBatch(batches.results[0].uid);
    expect(one).toMatchObject({ uid: batches.results[0].uid, stats: { totalNbTasks: 1 } });
    const failed = await kit.meili.batches.getBatches({ statuses: ['failed'] });
    expect(failed.results.map((b) => b.uid)).toEqual([3]);
    expect(await apiError(kit.meili.batches.getBatch(99))).toEqual({ status: 404, body: errorBody('batch_not_found', 'Batch `99` not found.') });
    expect((await call(kit.fetch, 'GET', '/batches/x')).body).toEqual(
      errorBody('invalid_batch_uids', 'Batch uid `x` is invalid. It should only contain numeric characters.'),
    );
  });
});
