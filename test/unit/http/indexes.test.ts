/** Index routes: create, get, list, update (primary key, rename), delete, swap, stats. */
import { beforeEach, describe, expect, test } from 'vitest';
import { apiError, call, errorBody, httpKit, movies, type HttpKit } from './helpers.ts';

let kit: HttpKit;
beforeEach(async () => {
  kit = await httpKit();
});

describe('indexes (client)', () => {
  test('create, get, list with pagination, delete', async () => {
    const created = await kit.meili.createIndex('movies', { primaryKey: 'id' });
    expect(created).toMatchObject({ indexUid: 'movies', status: 'enqueued', type: 'indexCreation' });
    await kit.meili.tasks.waitForTask(created.taskUid);
    await kit.meili.createIndex('books').waitTask();
    const raw = await kit.meili.getRawIndex('movies');
    expect(raw).toMatchObject({ uid: 'movies', primaryKey: 'id' });
    expect(typeof raw.createdAt).toBe('string');
    const page = await kit.meili.getRawIndexes({ offset: 1, limit: 1 });
    expect(page).toMatchObject({ offset: 1, limit: 1, total: 2 });
    expect(page.results.map((i) => i.uid)).toEqual(['movies']);
    const deleted = await kit.meili.deleteIndex('books').waitTask();
    expect(deleted).toMatchObject({ type: 'indexDeletion', status: 'succeeded' });
    expect(await apiError(kit.meili.getIndex('books'))).toEqual({ status: 404, body: errorBody('index_not_found', 'Index `books` not found.') });
  });

  test('an existing uid fails the creation task with index_already_exists', async () => {
    await kit.meili.createIndex('movies').waitTask();
    const task = await kit.meili.createIndex('movies').waitTask();
    expect(task.status).toBe('failed');
    expect(task.error).toEqual(errorBody('index_already_exists', 'Index `movies` already exists.'));
  });

  test('update the primary key, rename', async () => {
    await kit.meili.createIndex('movies').waitTask();
    await kit.meili.updateIndex('movies', { primaryKey: 'id' }).waitTask();
    expect((await kit.meili.getRawIndex('movies')).primaryKey).toBe('id');
    const renamed = await kit.meili.index('movies').update({ uid: 'films' } as { primaryKey?: string }).waitTask();
    expect(renamed.status).toBe('succeeded');
    expect((await kit.meili.getRawIndexes()).results.map((i) => i.uid)).toEqual(['films']);
  });

  test('swap indexes', async () => {
    await kit.meili.index('a').addDocuments([{ id: 1, name: 'from a' }]).waitTask();
    await kit.meili.index('b').addDocuments([{ id: 1, name: 'from b' }]).waitTask();
    const task = await kit.meili.swapIndexes([{ indexes: ['a', 'b'], rename: false }]).waitTask();
    expect(task).toMatchObject({ type: 'indexSwap', indexUid: null, status: 'succeeded' });
    expect(await kit.meili.index('a').getDocument(1)).toEqual({ id: 1, name: 'from b' });
  });

  test('index stats and global stats', async () => {
    await kit.meili.index('movies').addDocuments(movies).waitTask();
    const stats = await kit.meili.index('movies').getStats();
    expect(stats).toMatchObject({ numberOfDocuments: 5, isIndexing: false, fieldDistribution: { genres: 5, id: 5, title: 5, year: 5 } });
    const all = await kit.meili.getStats();
    expect(all.indexes.movies.numberOfDocuments).toBe(5);
    expect(typeof all.databaseSize).toBe('number');
  });
});

describe('indexes (direct)', () => {
  test('POST /indexes: missing uid, bad uid, unknown field, body that is not an object', async () => {
    expect(await call(kit.fetch, 'POST', '/indexes', {})).toMatchObject({ status: 400, body: errorBody('missing_index_uid', 'Missing field `uid`') });
    const bad = await call(kit.fetch, 'POST', '/indexes', { uid: 'a b' });
    expect(bad.body).toEqual(
      errorBody(
        'invalid_index_uid',
        '`a b` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.',
      ),
    );
    const field = await call(kit.fetch, 'POST', '/indexes', { uid: 'a', primary: 'id' });
    expect(field.body).toEqual(errorBody('bad_request', 'Unknown field `primary`: expected one of `uid`, `primaryKey`'));
    const arr = await call(kit.fetch, 'POST', '/indexes', []);
    expect(arr.body).toEqual(errorBody('bad_request', 'Invalid value type: expected an object, but found an array: `[]`'));
  });

  test('PATCH /indexes/{uid}: immutable fields', async () => {
    await kit.meili.createIndex('movies').waitTask();
    const r = await call(kit.fetch, 'PATCH', '/indexes/movies', { createdAt: 'x' });
    expect(r).toMatchObject({ status: 400, body: errorBody('immutable_index_created_at', 'Immutable field `createdAt`: expected one of `primaryKey`, `uid`') });
  });

  test('GET /indexes: query parameter errors', async () => {
    const r = await call(kit.fetch, 'GET', '/indexes?limit=x');
    expect(r.body).toEqual(errorBody('invalid_index_limit', 'Invalid value in parameter `limit`: could not parse `x` as a positive integer'));
    const u = await call(kit.fetch, 'GET', '/indexes?page=1');
    expect(u.body).toEqual(errorBody('bad_request', 'Unknown parameter `page`: expected one of `offset`, `limit`'));
  });

  test('POST /swap-indexes: validation', async () => {
    const r = await call(kit.fetch, 'POST', '/swap-indexes', [{ indexes: ['a'] }]);
    expect(r).toMatchObject({ status: 400, body: errorBody('invalid_swap_indexes', 'Two indexes must be given for each swap. The list `["a"]` contains 1 indexes.') });
    const dup = await call(kit.fetch, 'POST', '/swap-indexes', [{ indexes: ['a', 'b'] }, { indexes: ['a', 'c'] }]);
    expect((dup.body as { code: string }).code).toBe('invalid_swap_duplicate_index_found');
  });
});
