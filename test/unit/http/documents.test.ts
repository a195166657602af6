/** Document routes through the official client (JSON, NDJSON, CSV) and directly (status codes, error bodies). */
import { beforeEach, describe, expect, test } from 'vitest';
import { apiError, call, errorBody, httpKit, movies, type HttpKit } from './helpers.ts';

let kit: HttpKit;
beforeEach(async () => {
  kit = await httpKit();
});

describe('additions in the three formats (client)', () => {
  test('JSON array with primaryKey and customMetadata → 202 task, documents stored', async () => {
    const index = kit.meili.index('movies');
    const enqueued = await index.addDocuments(movies, { primaryKey: 'id', customMetadata: 'import-1' });
    expect(enqueued).toMatchObject({ indexUid: 'movies', status: 'enqueued', type: 'documentAdditionOrUpdate', customMetadata: 'import-1' });
    const task = await kit.meili.tasks.waitForTask(enqueued.taskUid);
    expect(task).toMatchObject({ status: 'succeeded', details: { receivedDocuments: 5, indexedDocuments: 5 }, customMetadata: 'import-1' });
    expect((await index.getRawInfo()).primaryKey).toBe('id');
    expect((await index.getDocuments({ limit: 2 })).results).toEqual([movies[0], movies[1]]);
  });

  test('NDJSON from a string', async () => {
    const index = kit.meili.index('movies');
    const ndjson = movies.map((m) => JSON.stringify(m)).join('\n');
    const task = await index.addDocumentsFromString(ndjson, 'application/x-ndjson').waitTask();
    expect(task.status).toBe('succeeded');
    expect((await index.getDocuments()).total).toBe(5);
  });

  test('CSV with typed headers and a custom delimiter', async () => {
    const index = kit.meili.index('books');
    const text = 'id:number;title;price:number;available:boolean\n1;Dune;9.5;true\n2;"Emma; a novel";;false\n';
    const task = await index.addDocumentsFromString(text, 'text/csv', { csvDelimiter: ';', primaryKey: 'id' }).waitTask();
    expect(task.status).toBe('succeeded');
    expect(await index.getDocument(2)).toEqual({ id: 2, title: 'Emma; a novel', price: null, available: false });
  });

  test('PUT updates (shallow merge) and updateDocumentsFromString', async () => {
    const index = kit.meili.index('movies');
    await index.addDocuments(movies).waitTask();
    await index.updateDocuments([{ id: 1, title: 'Carol (2015)' }]).waitTask();
    expect(await index.getDocument(1)).toEqual({ ...movies[0], title: 'Carol (2015)' });
    await index.updateDocumentsFromString('id,year:number\n2,2018', 'text/csv').waitTask();
    expect((await index.getDocument(2)).year).toBe(2018);
  });

  test('skipCreation=true ignores unknown ids', async () => {
    const index = kit.meili.index('movies');
    await index.addDocuments(movies).waitTask();
    await index.updateDocuments([{ id: 1, year: 1999 }, { id: 99, title: 'New' }], { skipCreation: true }).waitTask();
    expect((await index.getDocuments()).total).toBe(5);
    expect((await index.getDocument(1)).year).toBe(1999);
  });
});

describe('reads and deletions (client)', () => {
  beforeEach(async () => {
    await kit.meili.index('movies').addDocuments(movies).waitTask();
  });

  test('GET /documents with offset, limit, fields, ids', async () => {
    const index = kit.meili.index('movies');
    expect(await index.getDocuments({ offset: 1, limit: 2, fields: ['title'] })).toEqual({
      results: [{ title: 'Wonder Woman' }, { title: 'Life of Pi' }],
      offset: 1,
      limit: 2,
      total: 5,
    });
    const byIds = await index.getDocuments({ ids: ['3', '1'], fields: ['id'] });
    expect(byIds.results).toEqual([{ id: 1 }, { id: 3 }]);
    expect(byIds.total).toBe(2);
  });

  test('GET /documents/{id} with fields; unknown id → 404 document_not_found', async () => {
    const index = kit.meili.index('movies');
    expect(await index.getDocument(4, { fields: ['title', 'year'] })).toEqual({ title: 'Mad Max: Fury Road', year: 2015 });
    expect(await apiError(index.getDocument(42))).toEqual({ status: 404, body: errorBody('document_not_found', 'Document `42` not found.') });
  });

  test('delete one, a batch, all', async () => {
    const index = kit.meili.index('movies');
    const one = await index.deleteDocument(1, { customMetadata: 'x' }).waitTask();
    expect(one).toMatchObject({ type: 'documentDeletion', status: 'succeeded', customMetadata: 'x', details: { providedIds: 1, deletedDocuments: 1 } });
    const batch = await index.deleteDocuments(['2', '3', 'nope']).waitTask();
    expect(batch.details).toEqual({ providedIds: 3, deletedDocuments: 2, originalFilter: null });
    expect((await index.getDocuments()).total).toBe(2);
    const all = await index.deleteAllDocuments().waitTask();
    expect(all.details).toEqual({ deletedDocuments: 2 });
    expect((await index.getDocuments()).total).toBe(0);
  });

  test('delete by filter; fetch with a filter (POST /documents/fetch)', async () => {
    const index = kit.meili.index('movies');
    await index.updateFilterableAttributes(['year']).waitTask();
    const fetched = await index.getDocuments({ filter: 'year = 2015', fields: ['id'] });
    expect(fetched.results).toEqual([{ id: 1 }, { id: 4 }]);
    const task = await index.deleteDocuments({ filter: 'year < 2016' }).waitTask();
    expect(task.details).toEqual({ providedIds: 0, originalFilter: '"year < 2016"', deletedDocuments: 3 });
    expect((await index.getDocuments()).results.map((d) => d.id)).toEqual([2, 5]);
  });

  test('delete by filter: missing and empty filters are rejected at once', async () => {
    const r = await call(kit.fetch, 'POST', '/indexes/movies/documents/delete', {});
    expect(r).toMatchObject({ status: 400, body: errorBody('missing_document_filter', 'Missing field `filter`') });
    const empty = await call(kit.fetch, 'POST', '/indexes/movies/documents/delete', { filter: '' });
    expect(empty).toMatchObject({ status: 400, body: { code: 'invalid_document_filter', message: 'Sending an empty filter is forbidden.' } });
  });

  test('GET /tasks/{uid}/documents: the payload of an enqueued task, then task_file_not_found', async () => {
    const index = kit.meili.index('later');
    const paused = kit.engine.scheduler;
    await paused.stop();
    const enqueued = await index.addDocuments([{ id: 'a', n: 1 }, { id: 'b' }]);
    expect(await kit.meili.tasks.getTaskDocuments(enqueued.taskUid)).toEqual([{ id: 'a', n: 1 }, { id: 'b' }]);
    const raw = await kit.fetch(`http://localhost:7700/tasks/${enqueued.taskUid}/documents`);
    expect(raw.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await raw.text()).toBe('{"id":"a","n":1}\n{"id":"b"}');
    await paused.start();
    await kit.meili.tasks.waitForTask(enqueued.taskUid);
    const gone = await call(kit.fetch, 'GET', `/tasks/${enqueued.taskUid}/documents`);
    expect(gone.status).toBe(404);
    expect((gone.body as { code: string }).code).toBe('task_file_not_found');
    expect((await call(kit.fetch, 'GET', '/tasks/999/documents')).status).toBe(404);
  });
});

describe('payload errors (direct)', () => {
  const path = '/indexes/movies/documents';

  test('415 missing and invalid Content-Type', async () => {
    const missing = await kit.fetch(`http://localhost:7700${path}`, { method: 'POST', body: new Blob(['[]']) });
    expect(missing.status).toBe(415);
    expect(await missing.json()).toEqual(
      errorBody('missing_content_type', 'A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`'),
    );
    const invalid = await call(kit.fetch, 'POST', path, '[]', { 'Content-Type': 'text/plain' });
    expect(invalid).toMatchObject({
      status: 415,
      body: errorBody('invalid_content_type', 'The Content-Type `text/plain` is invalid. Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`'),
    });
    const delimiter = await call(kit.fetch, 'POST', `${path}?csvDelimiter=;`, '[]', { 'Content-Type': 'application/json' });
    expect(delimiter.status).toBe(415);
    expect((delimiter.body as { code: string }).code).toBe('invalid_content_type');
  });

  test('400 missing_payload and malformed_payload', async () => {
    const empty = await call(kit.fetch, 'POST', path, '', { 'Content-Type': 'application/json' });
    expect(empty).toMatchObject({ status: 400, body: errorBody('missing_payload', 'A json payload is missing.') });
    const bad = await call(kit.fetch, 'PUT', path, '[{"id":1},', { 'Content-Type': 'application/json' });
    expect(bad).toMatchObject({
      status: 400,
      body: errorBody('malformed_payload', 'The `json` payload provided is malformed. `Couldn\'t serialize document value: EOF while parsing a value at line 1 column 10`.'),
    });
    const csv = await call(kit.fetch, 'POST', path, 'id,n:number\n1,x', { 'Content-Type': 'text/csv' });
    expect(csv).toMatchObject({ status: 400, body: { code: 'malformed_payload', message: 'The `csv` payload provided is malformed: `Error parsing number "x" at line 1: invalid float literal`.' } });
  });

  test('413 payload_too_large (configurable limit)', async () => {
    const small = await httpKit({ payloadLimit: 10 });
    const r = await call(small.fetch, 'POST', path, JSON.stringify(movies), { 'Content-Type': 'application/json' });
    expect(r).toMatchObject({ status: 413, body: errorBody('payload_too_large', 'The provided payload reached the size limit. The maximum accepted payload size is 10 B.') });
    const search = await call(small.fetch, 'POST', '/indexes/movies/search', { q: 'a long query' });
    expect(search).toMatchObject({ status: 413, body: { code: 'payload_too_large', message: 'JSON payload has exceeded limit (10 bytes).' } });
    const declared = await call(small.fetch, 'POST', '/indexes/movies/search', '{"q":"a long query"}', { 'Content-Type': 'application/json', 'Content-Length': '20' });
    expect((declared.body as { message: string }).message).toBe('JSON payload (20 bytes) is larger than allowed (limit: 10 bytes).');
    const big = await call(kit.fetch, 'POST', path, 'x', { 'Content-Type': 'application/json', 'Content-Length': '100000001' });
    expect((big.body as { message: string }).message).toBe('The provided payload reached the size limit. The maximum accepted payload size is 100 MB.');
  });

  test('query parameters: unknown, csvDelimiter, skipCreation, customMetadata routes', async () => {
    const unknown = await call(kit.fetch, 'POST', `${path}?primary_key=id`, []);
    expect(unknown).toMatchObject({
      status: 400,
      body: errorBody('bad_request', 'Unknown parameter `primary_key`: did you mean `primaryKey`? expected one of `primaryKey`, `csvDelimiter`, `customMetadata`, `skipCreation`'),
    });
    const delim = await call(kit.fetch, 'POST', `${path}?csvDelimiter=ab`, 'a', { 'Content-Type': 'text/csv' });
    expect((delim.body as { code: string }).code).toBe('invalid_document_csv_delimiter');
    const skip = await call(kit.fetch, 'POST', `${path}?skipCreation=yes`, []);
    expect(skip).toMatchObject({
      status: 400,
      body: errorBody('invalid_skip_creation', 'Invalid value in parameter `skipCreation`: skipCreation must be either `true` or `false`. Found: `yes`'),
    });
    const del = await call(kit.fetch, 'DELETE', `${path}?foo=1`);
    expect((del.body as { message: string }).message).toBe('Unknown parameter `foo`: expected one of `customMetadata`');
    const list = await call(kit.fetch, 'GET', `${path}?limit=-1`);
    expect(list).toMatchObject({ status: 400, body: errorBody('invalid_document_limit', 'Invalid value in parameter `limit`: could not parse `-1` as a positive integer') });
  });

  test('invalid index uid and missing index', async () => {
    const r = await call(kit.fetch, 'POST', '/indexes/bad%20uid/documents', []);
    expect(r.status).toBe(400);
    expect((r.body as { code: string }).code).toBe('invalid_index_uid');
    const missing = await call(kit.fetch, 'GET', '/indexes/nope/documents');
    expect(missing).toMatchObject({ status: 404, body: errorBody('index_not_found', 'Index `nope` not found.') });
  });

  test('a bad document fails its task with Meilisearch’s error', async () => {
    const r = await call(kit.fetch, 'POST', path, [{ title: 'no id' }]);
    expect(r.status).toBe(202);
    const task = await kit.meili.tasks.waitForTask((r.body as { taskUid: number }).taskUid);
    expect(task.status).toBe('failed');
    expect(task.error?.code).toBe('index_primary_key_no_candidate_found');
  });
});
