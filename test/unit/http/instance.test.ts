/** Instance routes: health, version, stats, keys, experimental features, dumps, snapshots, unknown routes. */
import { beforeEach, describe, expect, test } from 'vitest';
import { apiError, call, errorBody, httpKit, movies, type HttpKit } from './helpers.ts';
import { createFetchHandler, type EngineLike } from '../../../src/http/index.ts';
import { EngineError } from '../../../src/errors/engineError.ts';

let kit: HttpKit;
beforeEach(async () => {
  kit = await httpKit();
});

describe('health, version, keys (client)', () => {
  test('health and version', async () => {
    expect(await kit.meili.health()).toEqual({ status: 'available' });
    expect(await kit.meili.isHealthy()).toBe(true);
    const v = await kit.meili.getVersion();
    expect(Object.keys(v)).toEqual(['commitSha', 'commitDate', 'pkgVersion']);
  });

  test('the default search and admin keys; get one by key or uid; key management is refused', async () => {
    const keys = await kit.meili.getKeys();
    expect(keys.total).toBe(2);
    expect(keys.results.map((k) => k.name)).toEqual(['Default Search API Key', 'Default Admin API Key']);
    const admin = keys.results[1];
    expect(await kit.meili.getKey(admin.key)).toMatchObject({ uid: admin.uid, actions: ['*'] });
    expect(await kit.meili.getKey(admin.uid)).toMatchObject({ key: admin.key });
    expect(await apiError(kit.meili.getKey('nope'))).toEqual({ status: 404, body: errorBody('api_key_not_found', 'API key `nope` not found.') });
    const page = await kit.meili.getKeys({ offset: 1, limit: 1 });
    expect(page).toMatchObject({ offset: 1, limit: 1, total: 2 });
    const create = await apiError(kit.meili.createKey({ actions: ['search'], indexes: ['*'], expiresAt: null }));
    expect(create.body.code).toBe('feature_not_enabled');
  });

  test('experimental features: GET, PATCH accepted and remembered, bad fields refused', async () => {
    const before = await kit.meili.getExperimentalFeatures();
    expect(before).toMatchObject({ metrics: false, containsFilter: false, legacySearch: null });
    const after = await kit.meili.updateExperimentalFeatures({ containsFilter: true });
    expect(after).toMatchObject({ containsFilter: true, metrics: false });
    expect((await kit.meili.getExperimentalFeatures()).containsFilter).toBe(true);
    const bad = await call(kit.fetch, 'PATCH', '/experimental-features', { contains: true });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toMatch(/^Unknown field `contains`: expected one of `metrics`/);
  });
});

test('experimental features: containsFilter reaches the engine (CONTAINS filters)', async () => {
  const index = kit.meili.index('movies');
  await index.addDocuments(movies).waitTask();
  await index.updateFilterableAttributes(['title']).waitTask();
  const before = await call(kit.fetch, 'POST', '/indexes/movies/search', { filter: 'title CONTAINS onde' });
  expect(before.status).toBe(400);
  expect((await kit.meili.updateExperimentalFeatures({ containsFilter: true })).containsFilter).toBe(true);
  expect((await index.search('', { filter: 'title CONTAINS onde' })).hits.map((h) => h.id)).toEqual([2]);
  expect((await kit.engine.getExperimentalFeatures()).containsFilter).toBe(true);
});

describe('dumps and snapshots', () => {
  test('POST /dumps → 202 dumpCreation; the status route follows it; unknown dump → 404', async () => {
    await kit.meili.index('movies').addDocuments(movies).waitTask();
    const enqueued = await kit.meili.createDump();
    expect(enqueued).toMatchObject({ indexUid: null, status: 'enqueued', type: 'dumpCreation' });
    const task = await kit.meili.tasks.waitForTask(enqueued.taskUid, { timeout: 20_000 });
    expect(task.status).toBe('succeeded');
    const dumpUid = task.details?.dumpUid as string;
    expect(dumpUid).toMatch(/^\d{8}-\d{9}$/);
    const status = await call(kit.fetch, 'GET', `/dumps/${dumpUid}/status`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ uid: dumpUid, status: 'done' });
    expect(typeof (status.body as { finishedAt: string }).finishedAt).toBe('string');
    const missing = await call(kit.fetch, 'GET', '/dumps/20200101-000000000/status');
    expect(missing.status).toBe(404);
    expect((missing.body as { code: string }).code).toBe('dump_not_found');
  });

  test('POST /snapshots → 202 snapshotCreation', async () => {
    const enqueued = await kit.meili.createSnapshot();
    expect(enqueued).toMatchObject({ indexUid: null, status: 'enqueued', type: 'snapshotCreation' });
    const task = await kit.meili.tasks.waitForTask(enqueued.taskUid, { timeout: 20_000 });
    expect(task.status).toBe('succeeded');
  });

  test('a second dump while one is processing → 409 dump_already_processing', async () => {
    const busy = {
      createDump: async () => {
        throw new EngineError('dump_already_processing', 'A dump is already being processed. Wait for it to finish before asking for another one.');
      },
    } as unknown as EngineLike;
    const res = await createFetchHandler(busy)('http://localhost:7700/dumps', { method: 'POST' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual(
      errorBody('dump_already_processing', 'A dump is already being processed. Wait for it to finish before asking for another one.'),
    );
  });

  test('routes of features an engine lacks answer feature_not_enabled', async () => {
    const bare = {} as EngineLike;
    const res = await createFetchHandler(bare)('http://localhost:7700/snapshots', { method: 'POST' });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('feature_not_enabled');
  });
});

describe('routing', () => {
  test('unknown routes → 404 and wrong verbs → 405, with empty bodies', async () => {
    const unknown = await kit.fetch('http://localhost:7700/nope');
    expect([unknown.status, await unknown.text()]).toEqual([404, '']);
    const verb = await kit.fetch('http://localhost:7700/health', { method: 'POST' });
    expect([verb.status, await verb.text()]).toEqual([405, '']);
  });

  test('out-of-scope Meilisearch routes are refused with a clear error', async () => {
    for (const path of ['/webhooks', '/network', '/chats', '/indexes/movies/similar', '/metrics']) {
      const r = await call(kit.fetch, 'GET', path);
      expect([path, r.status, (r.body as { code: string }).code]).toEqual([path, 400, 'feature_not_enabled']);
    }
  });

  test('relative URLs, Request objects, a base path, OPTIONS preflight, trailing slashes', async () => {
    expect((await kit.fetch('/health')).status).toBe(200);
    expect((await kit.fetch(new Request('http://localhost:7700/version'))).status).toBe(200);
    expect((await kit.fetch(new URL('http://localhost:7700/indexes/'))).status).toBe(200);
    const based = createFetchHandler(kit.engine, { basePath: '/meili/' });
    expect((await based('https://example.com/meili/health')).status).toBe(200);
    expect((await based('https://example.com/health')).status).toBe(404);
    const pre = await kit.fetch('http://localhost:7700/indexes', { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('unexpected failures become 500 internal with a Meilisearch body', async () => {
    const broken = {
      health: async () => {
        throw new TypeError('boom');
      },
    } as unknown as EngineLike;
    const res = await createFetchHandler(broken)('http://localhost:7700/health');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual(errorBody('internal', 'boom', 'internal'));
  });
});
