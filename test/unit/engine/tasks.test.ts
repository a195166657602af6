import { describe, expect, it } from 'vitest';
import { memoryEngine, movies, thrown } from './helpers.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('tasks', () => {
  it('a write returns the summarized enqueued task at once', async () => {
    const e = await memoryEngine();
    const t = await e.index('movies').addDocuments(movies);
    expect(Object.keys(t)).toEqual(['taskUid', 'indexUid', 'status', 'type', 'enqueuedAt']);
    expect(t).toMatchObject({ taskUid: 0, indexUid: 'movies', status: 'enqueued', type: 'documentAdditionOrUpdate' });
    expect(t.enqueuedAt).toMatch(RFC3339);
    await e.close();
  });

  it('a finished task has Meilisearch key order, details, ISO-8601 duration and RFC 3339 dates', async () => {
    const e = await memoryEngine();
    const task = await e.index('movies').addDocuments(movies).waitTask();
    expect(Object.keys(task)).toEqual(['uid', 'batchUid', 'indexUid', 'status', 'type', 'canceledBy', 'details', 'error', 'duration', 'enqueuedAt', 'startedAt', 'finishedAt']);
    expect(task).toMatchObject({ uid: 0, batchUid: 0, status: 'succeeded', canceledBy: null, error: null, details: { receivedDocuments: 5, indexedDocuments: 5 } });
    expect(task.duration).toMatch(/^P(\d+D)?T\d+(\.\d{3}|\.\d{6}|\.\d{9})?S$/);
    for (const d of [task.enqueuedAt, task.startedAt, task.finishedAt]) expect(d).toMatch(RFC3339);
    expect(task.startedAt! >= task.enqueuedAt && task.finishedAt! >= task.startedAt!).toBe(true);
    await e.close();
  });

  it('customMetadata is echoed on the summarized and the full task', async () => {
    const e = await memoryEngine();
    const t = await e.index('movies').addDocuments(movies, { customMetadata: 'import-42' });
    expect(t.customMetadata).toBe('import-42');
    expect((await e.waitForTask(t.taskUid)).customMetadata).toBe('import-42');
    await e.close();
  });

  it('details per task type follow Meilisearch', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    const created = await e.createIndex('movies', { primaryKey: 'id' }).waitTask();
    expect(created.details).toEqual({ primaryKey: 'id' });
    await idx.addDocuments(movies).waitTask();
    expect((await idx.deleteDocuments([1, '2', 99]).waitTask()).details).toEqual({ providedIds: 3, deletedDocuments: 2, originalFilter: null });
    expect((await idx.deleteAllDocuments().waitTask()).details).toEqual({ deletedDocuments: 3 });
    expect((await idx.updateSettings({ stopWords: ['the', 'a', 'the'], displayedAttributes: null }).waitTask()).details).toEqual({
      displayedAttributes: ['*'],
      stopWords: ['a', 'the'],
    });
    expect((await idx.update({ primaryKey: 'title' }).waitTask()).details).toEqual({ primaryKey: 'title' });
    expect((await e.deleteIndex('movies').waitTask()).details).toEqual({ deletedDocuments: 0 });
    await e.close();
  });

  it('statuses of a failed task: error object, counters zeroed', async () => {
    const e = await memoryEngine();
    const t = await e.index('movies').addDocuments([{ name: 'no id' }]).waitTask();
    expect(t.status).toBe('failed');
    expect(t.details).toEqual({ receivedDocuments: 1, indexedDocuments: 0 });
    expect(t.error).toEqual({
      message: 'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.',
      code: 'index_primary_key_no_candidate_found',
      type: 'invalid_request',
      link: 'https://docs.meilisearch.com/errors#index_primary_key_no_candidate_found',
    });
    await e.close();
  });

  it('consecutive document tasks of one index are auto-batched; a settings update starts another batch', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    // Enqueue everything before the scheduler gets a turn.
    const a = idx.addDocuments(movies.slice(0, 2));
    const b = idx.addDocuments(movies.slice(2));
    const c = idx.updateSettings({ searchableAttributes: ['title'] });
    const d = idx.deleteDocument(1);
    const [ta, tb, tc, td] = await e.waitForTasks(await Promise.all([a, b, c, d]));
    expect(new Set([ta.batchUid, tb.batchUid]).size).toBe(1);
    expect(tc.batchUid).not.toBe(tb.batchUid);
    expect(td.batchUid).not.toBe(tc.batchUid);
    const batch = await e.getBatch(tb.batchUid!);
    expect(batch.stats).toMatchObject({ totalNbTasks: 2, status: { succeeded: 2 }, types: { documentAdditionOrUpdate: 2 }, indexUids: { movies: 2 } });
    expect(batch.details).toMatchObject({ receivedDocuments: 5, indexedDocuments: 5 });
    await e.close();
  });

  it('a batch holds at most 25,000 documents (a larger single task still forms one batch)', async () => {
    const e = await memoryEngine();
    await e.scheduler.stop();
    const chunk = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
    const tasks = [];
    for (let i = 0; i < 3; i++) tasks.push(await e.index('big').addDocuments(chunk(i * 10_000, 10_000)));
    tasks.push(await e.index('big').addDocuments(chunk(30_000, 26_000)));
    await e.scheduler.start();
    const done = await e.waitForTasks(tasks, { timeout: 60_000 });
    const batches = done.map((t) => t.batchUid);
    expect(batches[0]).toBe(batches[1]);
    expect(batches[2]).not.toBe(batches[1]);
    expect(batches[3]).not.toBe(batches[2]);
    expect((await e.getBatch(batches[2]!)).batchStrategy).toMatch(/maximum number of documents/);
    await e.close();
  });

  it('one bad document fails its own task only; other tasks of the batch apply', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    const tasks = await Promise.all([idx.addDocuments([movies[0]]), idx.addDocuments([{ id: 'bad id!' }, movies[1]]), idx.addDocuments([movies[2]])]);
    const [t1, t2, t3] = await e.waitForTasks(tasks);
    expect([t1.status, t2.status, t3.status]).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(t2.error?.code).toBe('invalid_document_id');
    expect((await idx.getDocuments()).results.map((d) => d.id)).toEqual([1, 3]);
    await e.close();
  });

  it('getTasks filters by uids, statuses, types, indexUids and dates, newest first, with from/limit/next', async () => {
    const e = await memoryEngine();
    await e.index('a').addDocuments([{ id: 1 }]).waitTask();
    await e.index('b').addDocuments([{ id: 1 }]).waitTask();
    await e.index('a').addDocuments([{ nope: 1 }], { primaryKey: 'other' }).waitTask();
    await e.createIndex('c').waitTask();
    const all = await e.getTasks();
    expect(all.results.map((t) => t.uid)).toEqual([3, 2, 1, 0]);
    expect(all).toMatchObject({ total: 4, limit: 20, from: 3, next: null });
    expect((await e.getTasks({ indexUids: ['a'] })).results.map((t) => t.uid)).toEqual([2, 0]);
    expect((await e.getTasks({ statuses: ['failed'] })).results.map((t) => t.uid)).toEqual([2]);
    expect((await e.getTasks({ types: ['indexCreation'] })).results.map((t) => t.uid)).toEqual([3]);
    expect((await e.getTasks({ uids: '1,3' })).results.map((t) => t.uid)).toEqual([3, 1]);
    const page = await e.getTasks({ limit: 2 });
    expect(page.results.map((t) => t.uid)).toEqual([3, 2]);
    expect(page.next).toBe(1);
    const next = await e.getTasks({ limit: 2, from: page.next! });
    expect(next.results.map((t) => t.uid)).toEqual([1, 0]);
    expect(next.total).toBe(4);
    expect((await e.getTasks({ reverse: true, limit: 3 })).results.map((t) => t.uid)).toEqual([0, 1, 2]);
    expect((await e.getTasks({ afterEnqueuedAt: '2000-01-01', beforeEnqueuedAt: '2999-01-01' })).total).toBe(4);
    expect((await e.getTasks({ beforeEnqueuedAt: '2000-01-01' })).total).toBe(0);
    await e.close();
  });

  it('task filter errors use Meilisearch codes and messages', async () => {
    const e = await memoryEngine();
    expect((await thrown(() => e.getTasks({ statuses: 'doggo' }))).message).toBe(
      'Invalid value in parameter `statuses`: `doggo` is not a valid task status. Available statuses are `enqueued`, `processing`, `succeeded`, `failed`, `canceled`.',
    );
    expect((await thrown(() => e.getTasks({ uids: 'doggo' }))).code).toBe('invalid_task_uids');
    expect((await thrown(() => e.getTasks({ afterEnqueuedAt: 'doggo' }))).message).toBe(
      'Invalid value in parameter `afterEnqueuedAt`: `doggo` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.',
    );
    expect((await thrown(() => e.getTasks({ limit: 'x' as unknown as number }))).code).toBe('invalid_task_limit');
    expect((await thrown(() => e.getTask(77))).code).toBe('task_not_found');
    const missing = await thrown(() => e.deleteTasks({}));
    expect(missing.code).toBe('missing_task_filters');
    expect(missing.message).toMatch(/^Query parameters to filter the tasks to delete are missing\./);
    await e.close();
  });

  it('cancelTasks cancels enqueued matches, records canceledBy, and counts them', async () => {
    const e = await memoryEngine();
    await e.index('x').addDocuments([{ id: 1 }]).waitTask();
    // Stop the scheduler so the next tasks stay enqueued.
    await e.scheduler.stop();
    const pending = await e.index('x').addDocuments([{ id: 2 }]);
    const cancel = await e.cancelTasks({ uids: [pending.taskUid] });
    expect(cancel).toMatchObject({ type: 'taskCancelation', indexUid: null, status: 'enqueued' });
    await e.scheduler.start();
    const done = await e.waitForTask(cancel.taskUid);
    expect(done.details).toEqual({ matchedTasks: 1, canceledTasks: 1, originalFilter: `?uids=${pending.taskUid}` });
    const canceled = await e.getTask(pending.taskUid);
    expect(canceled).toMatchObject({ status: 'canceled', canceledBy: cancel.taskUid, details: { receivedDocuments: 1, indexedDocuments: 0 } });
    expect((await e.index('x').getStats()).numberOfDocuments).toBe(1);
    await e.close();
  });

  it('deleteTasks deletes only finished matching tasks', async () => {
    const e = await memoryEngine();
    await e.index('x').addDocuments([{ id: 1 }]).waitTask();
    await e.index('x').addDocuments([{ id: 2 }]).waitTask();
    const del = await e.deleteTasks({ uids: [0, 1] }).waitTask();
    expect(del.details).toEqual({ matchedTasks: 2, deletedTasks: 2, originalFilter: '?uids=0,1' });
    expect((await e.getTasks()).results.map((t) => t.uid)).toEqual([2]);
    expect((await thrown(() => e.getTask(0))).code).toBe('task_not_found');
    await e.close();
  });

  it('waitForTask rejects with the client timeout error while the task is unfinished', async () => {
    const e = await memoryEngine();
    await e.scheduler.stop();
    const t = await e.index('x').addDocuments([{ id: 1 }]);
    const err = await thrown(() => e.waitForTask(t.taskUid, { timeout: 30, interval: 10 }));
    expect((err as Error).name).toBe('MeiliSearchTaskTimeOutError');
    await e.scheduler.start();
    expect((await e.waitForTask(t.taskUid)).status).toBe('succeeded');
    await e.close();
  });
});
