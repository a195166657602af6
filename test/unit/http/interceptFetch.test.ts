/**
 * `interceptFetch` / `createScopedFetch` with the real `meilisearch` client (no `httpClient`): API errors arrive as
 * the client's own `MeilisearchApiError`, other hosts reach the network (a local HTTP server), restoring puts the
 * previous `fetch` back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { createFetchHandler, createScopedFetch, interceptFetch, type FetchHandler } from '../../../src/http/index.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { HOST, movies } from './helpers.ts';

const originalFetch = globalThis.fetch;
const engines: Engine[] = [];
let server: Server;
let elsewhere: string;

async function engine(): Promise<Engine> {
  const e = await createEngine({ storage: 'memory' });
  engines.push(e);
  return e;
}

beforeAll(async () => {
  // Another service on the machine: answers every request with its method and path.
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ from: 'network', method: req.method, path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  elsewhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(async () => {
  globalThis.fetch = originalFetch;
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

describe('interceptFetch with the official client', () => {
  test('API errors are the client’s own MeilisearchApiError; writes, waitTask and search work', async () => {
    const restore = interceptFetch(await engine(), { host: HOST });
    const meili = new Meilisearch({ host: HOST });

    const err = await meili.index('missing').getDocument(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeilisearchApiError);
    const apiError = err as MeilisearchApiError;
    expect(apiError.cause?.code).toBe('index_not_found');
    expect(apiError.response.status).toBe(404);
    expect(apiError.message).toBe('Index `missing` not found.');

    // The check users already write against a real Meilisearch.
    let handled = false;
    try {
      await meili.getIndex('missing');
    } catch (e) {
      if (e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found') handled = true;
    }
    expect(handled).toBe(true);

    const task = await meili.index('movies').addDocuments(movies).waitTask();
    expect(task.status).toBe('succeeded');
    expect((await meili.index('movies').search('moana')).hits.map((h) => h.id)).toEqual([5]);
    expect(await meili.index('movies').getDocument(1)).toMatchObject({ title: 'Carol' });
    restore();
  });

  test('task documents stream through the client’s own response handling (NDJSON)', async () => {
    const e = await engine();
    interceptFetch(e, { host: HOST });
    const meili = new Meilisearch({ host: HOST });
    // Held so that the task stays enqueued while its documents are read.
    const release = await e.scheduler.pause();
    const { taskUid } = await meili.index('movies').addDocuments([{ id: 1, title: 'Carol' }]);
    expect(await meili.tasks.getTaskDocuments(taskUid)).toEqual([{ id: 1, title: 'Carol' }]);
    await release();
    expect((await meili.tasks.waitForTask(taskUid)).status).toBe('succeeded');
  });

  test('other hosts and other paths go to the previous fetch unchanged', async () => {
    interceptFetch(await engine(), { host: `${HOST}/meili` });
    const meili = new Meilisearch({ host: `${HOST}/meili` });
    expect(await meili.health()).toEqual({ status: 'available' });

    // A real server on another host, reached through the intercepted global fetch.
    const res = await fetch(`${elsewhere}/anything?x=1`, { method: 'PUT', body: 'x' });
    expect(await res.json()).toEqual({ from: 'network', method: 'PUT', path: '/anything?x=1' });
    const other = new Meilisearch({ host: elsewhere });
    expect(await other.health()).toEqual({ from: 'network', method: 'GET', path: '/health' });

    // Same origin, outside the prefix: passed on (nothing listens on 7700 here).
    const calls: unknown[][] = [];
    globalThis.fetch = originalFetch;
    const stub: FetchHandler = async (...args) => {
      calls.push(args);
      return new Response('stub');
    };
    globalThis.fetch = stub;
    interceptFetch(await engine(), { host: `${HOST}/meili` });
    const init = { method: 'POST', body: 'b' };
    const url = new URL(`${HOST}/meilisearch/health`);
    expect(await (await fetch(url, init)).text()).toBe('stub');
    expect(calls).toEqual([[url, init]]);
    const request = new Request(`${elsewhere}/r`);
    await fetch(request);
    expect(calls[1]).toEqual([request, undefined]);
    await fetch('/relative/in/node');
    expect(calls[2]).toEqual(['/relative/in/node', undefined]);
  });

  test('strings, URLs and Request objects are answered', async () => {
    interceptFetch(await engine(), { host: 'localhost:7700' }); // no scheme: http, like the client
    expect(await (await fetch(`${HOST}/health`)).json()).toEqual({ status: 'available' });
    expect(await (await fetch(new URL(`${HOST}/health`))).json()).toEqual({ status: 'available' });
    const post = new Request(`${HOST}/indexes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ uid: 'books' }) });
    const res = await fetch(post);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ indexUid: 'books', type: 'indexCreation' });
  });

  test('restore puts the previous fetch back, once; stacked installs answer newest first', async () => {
    const stub: FetchHandler = async () => new Response('previous');
    globalThis.fetch = stub;
    const a = await engine();
    const b = await engine();
    await a.createIndex('from-a').waitTask();
    await b.createIndex('from-b').waitTask();
    const indexUids = async () => ((await (await fetch(`${HOST}/indexes`)).json()) as { results: { uid: string }[] }).results.map((i) => i.uid);

    const restoreA = interceptFetch(a, { host: HOST });
    expect(globalThis.fetch).not.toBe(stub);
    const restoreB = interceptFetch(b, { host: HOST });
    expect(await indexUids()).toEqual(['from-b']);
    restoreB();
    expect(await indexUids()).toEqual(['from-a']);
    restoreA();
    expect(globalThis.fetch).toBe(stub);
    restoreA();
    restoreB();
    expect(globalThis.fetch).toBe(stub);

    // Out of order: removing the first while the second is on top keeps the chain working.
    const undoA = interceptFetch(a, { host: HOST });
    const undoB = interceptFetch(b, { host: HOST });
    undoB();
    undoA();
    expect(globalThis.fetch).toBe(stub);
    const firstA = interceptFetch(a, { host: HOST });
    const thenB = interceptFetch(b, { host: `${HOST}/b` });
    firstA();
    expect(await (await fetch(`${HOST}/indexes`)).text()).toBe('previous');
    expect(await (await fetch(`${HOST}/b/health`)).json()).toEqual({ status: 'available' });
    thenB();
    expect(globalThis.fetch).toBe(stub);
  });

  test('an aborted signal rejects like fetch; the client’s timeout becomes its timeout error', async () => {
    const never: FetchHandler = () => new Promise<Response>(() => undefined);
    interceptFetch(never, { host: HOST });

    const ac = new AbortController();
    ac.abort();
    const pre = await fetch(`${HOST}/health`, { signal: ac.signal }).catch((e: unknown) => e);
    expect(pre).toBeInstanceOf(DOMException);
    expect((pre as DOMException).name).toBe('AbortError');

    const later = new AbortController();
    const pending = fetch(new Request(`${HOST}/health`, { signal: later.signal })).catch((e: unknown) => e);
    later.abort(new Error('changed my mind'));
    expect(await pending).toEqual(new Error('changed my mind'));

    const meili = new Meilisearch({ host: HOST, timeout: 20 });
    const err = await meili.health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeilisearchRequestError);
    expect((err as Error).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
  });

  test('a ready handler is used as is; invalid hosts and targets are coded errors', async () => {
    const e = await engine();
    interceptFetch(createFetchHandler(e, { basePath: '/meili' }), { host: `${HOST}/meili/` });
    expect(await new Meilisearch({ host: `${HOST}/meili` }).health()).toEqual({ status: 'available' });

    for (const host of ['', 'http://', 'http://localhost:7700/?q=1']) {
      const err = (() => {
        try {
          createScopedFetch(e, { host });
        } catch (x) {
          return x;
        }
      })();
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).code).toBe('bad_request');
    }
    expect(() => createScopedFetch({} as Engine, { host: HOST })).toThrow(EngineError);
  });
});

describe('createScopedFetch', () => {
  test('returns a fetch without installing it; other requests go to the given fetch', async () => {
    const seen: string[] = [];
    const scoped = createScopedFetch(await engine(), {
      host: HOST,
      fetch: async (input) => {
        seen.push(String(input));
        return new Response('elsewhere');
      },
    });
    expect(globalThis.fetch).toBe(originalFetch);
    expect(await (await scoped(`${HOST}/health`)).json()).toEqual({ status: 'available' });
    expect(await (await scoped('https://example.com/x')).text()).toBe('elsewhere');
    expect(seen).toEqual(['https://example.com/x']);

    // Default: the global fetch at creation time (a real server here).
    const networked = createScopedFetch(await engine(), { host: HOST });
    expect(await (await networked(`${elsewhere}/y`)).json()).toMatchObject({ from: 'network', path: '/y' });
  });
});
