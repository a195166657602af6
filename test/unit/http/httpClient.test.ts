/**
 * The `httpClient` adapter, the handler as a drop-in `fetch`, and the handler over a client-shaped engine whose
 * calls cross a structured-clone boundary (as the page's worker client does over Comlink).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { createFetchHandler, pocketsearchHttpClient, PocketsearchApiError, type EngineLike } from '../../../src/http/index.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { HOST, movies } from './helpers.ts';
import type { PocketClient } from '../../../src/client/createClient.ts';

let n = 0;
const engine = (): Promise<Engine> => createEngine({ storage: 'memory', name: `client-${n++}` });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pocketsearchHttpClient', () => {
  test('returns parsed JSON; throws a MeilisearchApiError-shaped error by default', async () => {
    const client = pocketsearchHttpClient(await engine());
    expect(await client(`${HOST}/health`)).toEqual({ status: 'available' });
    const err = await client(`${HOST}/indexes/nope`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PocketsearchApiError);
    const e = err as PocketsearchApiError;
    expect([e.name, e.message, e.code, e.type, e.httpStatus, e.response.status]).toEqual([
      'MeilisearchApiError',
      'Index `nope` not found.',
      'index_not_found',
      'invalid_request',
      404,
      404,
    ]);
    expect(e.cause).toMatchObject({ code: 'index_not_found', link: 'https://docs.meilisearch.com/errors#index_not_found' });
  });

  test('accepts string URLs (meilisearch-js 0.36, used by instant-meilisearch) and honours abort signals', async () => {
    const client = pocketsearchHttpClient(await engine());
    expect(await client('http://localhost:7700/version', { method: 'GET', headers: { 'Content-Type': 'application/json' } })).toMatchObject({
      commitSha: expect.any(String),
    });
    const ac = new AbortController();
    ac.abort('stop');
    await expect(client(`${HOST}/health`, { signal: ac.signal })).rejects.toBe('stop');
  });

  test('the official client surfaces our error as the cause of its request error', async () => {
    const meili = new Meilisearch({ host: HOST, httpClient: pocketsearchHttpClient(await engine(), { createError: (r, b) => new MeilisearchApiError(r, b) }) });
    const err = await meili.getIndex('nope').catch((e: unknown) => e);
    expect((err as Error).name).toBe('MeilisearchRequestError');
    expect((err as Error).cause).toBeInstanceOf(MeilisearchApiError);
  });
});

describe('the handler as global fetch', () => {
  test('an unmodified client talks to pocketsearch; API errors arrive as the client builds them', async () => {
    const e = await engine();
    vi.stubGlobal('fetch', createFetchHandler(e));
    const meili = new Meilisearch({ host: HOST, apiKey: 'anything' });
    await meili.index('movies').addDocuments(movies).waitTask();
    expect((await meili.index('movies').search('moana')).hits.map((h) => h.id)).toEqual([5]);
    const err = await meili.index('nope').search('x').catch((x: unknown) => x);
    expect(err).toBeInstanceOf(MeilisearchApiError);
    expect((err as MeilisearchApiError).response.status).toBe(404);
    expect((err as MeilisearchApiError).cause?.code).toBe('index_not_found');
  });
});

/** An engine seen through a structured-clone boundary, like the page's worker client. */
function cloned(e: Engine): EngineLike {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'index') return (uid: string) => wrap(e.index(uid));
        return async (...args: unknown[]) => {
          try {
            return structuredClone(await (value as (...a: unknown[]) => unknown).apply(obj, structuredClone(args)));
          } catch (err) {
            if (err instanceof EngineError) throw new EngineError(err.code, err.message); // rebuilt on the other side
            throw err;
          }
        };
      },
    });
  return wrap(e) as unknown as EngineLike;
}

describe('over a client-shaped engine', () => {
  test('documents, search, settings, tasks and errors cross the boundary', async () => {
    const e = await engine();
    const meili = new Meilisearch({ host: HOST, httpClient: pocketsearchHttpClient(cloned(e), { createError: (r, b) => new MeilisearchApiError(r, b) }) });
    await meili.index('movies').addDocumentsFromString('id,title\n1,Carol\n2,Moana', 'text/csv').waitTask();
    await meili.index('movies').updateSearchableAttributes(['title']).waitTask();
    expect((await meili.index('movies').searchGet('carol')).hits).toEqual([{ id: '1', title: 'Carol' }]);
    expect(await meili.index('movies').getSearchableAttributes()).toEqual(['title']);
    expect((await meili.tasks.getTasks({ indexUids: ['movies'] })).total).toBe(2);
    const err = await meili.index('nope').search('').catch((x: unknown) => (x as Error).cause);
    expect((err as MeilisearchApiError).response.status).toBe(404);
  });
});

describe('types', () => {
  test('an Engine and the page client are both accepted (compile-time check)', () => {
    const fromEngine = (e: Engine): EngineLike => e;
    const fromClient = (c: PocketClient): EngineLike => c;
    expect([fromEngine, fromClient]).toHaveLength(2);
  });
});
