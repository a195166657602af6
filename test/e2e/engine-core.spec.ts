import type { Page } from '@playwright/test';
import { test, expect, openEnginePage } from './fixtures.ts';

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    pocketsearch: typeof import('../../src/index.ts');
    ready: boolean;
  }
}

const open = (page: Page) => openEnginePage(page);

test('documents added through the worker client are searchable and survive a reload', async ({ page }) => {
  await open(page);
  const first = await page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-reload' });
    const movies = client.index('movies');
    const task = await movies
      .addDocuments([
        { id: 1, title: 'Star Wars', genre: 'sci-fi' },
        { id: 2, title: 'Starship Troopers', genre: 'sci-fi' },
        { id: 3, title: 'Carol', genre: 'drama' },
      ])
      .waitTask();
    const search = await movies.search('star');
    const stats = await movies.getStats();
    await client.close();
    return { status: task.status, ids: search.hits.map((h) => h.id), count: stats.numberOfDocuments };
  });
  expect(first.status).toBe('succeeded');
  expect(first.ids).toEqual([1, 2]);
  expect(first.count).toBe(3);

  await page.reload();
  await page.waitForFunction(() => window.ready === true);
  const after = await page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-reload' });
    const movies = client.index('movies');
    const search = await movies.search('star');
    const doc = await movies.getDocument(3);
    const index = await client.getIndex('movies');
    const tasks = await client.getTasks();
    await client.close();
    return { ids: search.hits.map((h) => h.id), doc, pk: index.primaryKey, tasks: tasks.results.map((t) => [t.uid, t.status]) };
  });
  expect(after.ids).toEqual([1, 2]);
  expect(after.doc).toEqual({ id: 3, title: 'Carol', genre: 'drama' });
  expect(after.pk).toBe('id');
  expect(after.tasks).toEqual([[0, 'succeeded']]);
});

test('a batch interrupted by killing the worker leaves the database unchanged and re-runs after restart', async ({ page }) => {
  await open(page);
  const N = 30000;
  const killed = await page.evaluate(async (n) => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-kill' });
    const docs = Array.from({ length: n }, (_, i) => ({ id: i, title: `document number ${i}`, body: `alpha beta gamma delta ${i % 97} epsilon ${i % 13}` }));
    const { taskUid } = await client.index('docs').addDocuments(docs);
    // Wait until the batch is being processed, then kill the worker mid-way.
    for (let i = 0; i < 500; i++) {
      const t = await client.getTask(taskUid);
      if (t.status === 'processing') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const statusAtKill = (await client.getTask(taskUid)).status;
    client.terminate();
    return { taskUid, statusAtKill };
  }, N);
  expect(killed.statusAtKill).toBe('processing');

  const resumed = await page.evaluate(
    async ({ n, taskUid }) => {
      const client = await window.pocketsearch.createClient({ name: 'e2e-kill' });
      // While the task re-runs, the index is either before the task (absent/empty) or after it: never between.
      const seen = new Set<number>();
      let task = await client.getTask(taskUid);
      while (task.status === 'enqueued' || task.status === 'processing') {
        try {
          seen.add((await client.index('docs').getStats()).numberOfDocuments);
        } catch (e) {
          seen.add(-1); // index not created yet
        }
        await new Promise((r) => setTimeout(r, 20));
        task = await client.getTask(taskUid);
      }
      const stats = await client.index('docs').getStats();
      const hits = await client.index('docs').search('number 12345');
      await client.close();
      return { status: task.status, seen: [...seen], count: stats.numberOfDocuments, first: hits.hits[0] };
    },
    { n: N, taskUid: killed.taskUid },
  );
  expect(resumed.status).toBe('succeeded');
  expect(resumed.count).toBe(N);
  expect(resumed.seen.every((c) => c === -1 || c === 0 || c === N)).toBe(true);
  expect(resumed.first).toMatchObject({ id: 12345 });
});

test('errors cross the worker boundary with their Meilisearch code intact', async ({ page }) => {
  await open(page);
  const errors = await page.evaluate(async () => {
    const { createClient, EngineError } = window.pocketsearch;
    const client = await createClient({ name: 'e2e-errors' });
    const out: Record<string, unknown> = {};
    try {
      await client.index('not valid!').search('x');
    } catch (e) {
      const err = e as InstanceType<typeof EngineError>;
      out.uid = { isEngineError: e instanceof EngineError, code: err.code, type: err.type, status: err.httpStatus, link: err.link };
    }
    try {
      await client.getTask(424242);
    } catch (e) {
      const err = e as InstanceType<typeof EngineError>;
      out.task = { code: err.code, status: err.httpStatus, message: err.message };
    }
    try {
      await client.index('movies').search('x', { limit: -1 });
    } catch (e) {
      const err = e as InstanceType<typeof EngineError>;
      out.limit = { code: err.code, message: err.message };
    }
    const failed = await client.index('movies').addDocuments([{ title: 'no id here' }]).waitTask();
    out.failedTask = failed.error;
    try {
      await client.waitForTask(999999, { timeout: 50 });
    } catch (e) {
      out.timeout = (e as Error).name;
    }
    await client.close();
    return out;
  });
  expect(errors.uid).toEqual({ isEngineError: true, code: 'invalid_index_uid', type: 'invalid_request', status: 400, link: 'https://docs.meilisearch.com/errors#invalid_index_uid' });
  expect(errors.task).toEqual({ code: 'task_not_found', status: 404, message: 'Task `424242` not found.' });
  expect(errors.limit).toEqual({ code: 'invalid_search_limit', message: 'Invalid value type at `.limit`: expected a positive integer, but found a negative integer: `-1`' });
  expect(errors.failedTask).toMatchObject({ code: 'index_primary_key_no_candidate_found', type: 'invalid_request' });
  expect(errors.timeout).toBe('EngineError');
});
