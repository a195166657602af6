/** `pocketsearch/sw` with a simulated service-worker scope (the browser run is in test/e2e/service-worker.spec.ts). */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createEngine } from '../../../src/engine.ts';
import { createServiceWorkerHandler, installPocketsearch, type ServiceWorkerScopeLike } from '../../../src/sw/index.ts';
import { movies } from './helpers.ts';

let n = 0;
const memory = () => createEngine({ storage: 'memory', name: `sw-${n++}` });

afterEach(() => {
  vi.unstubAllGlobals();
});

type Listener = (event: Event) => void;

/** A scope that records listeners, and dispatches fetch events like a browser would. */
function fakeScope() {
  const listeners = new Map<string, Listener[]>();
  const scope = {
    clients: { claim: vi.fn(async () => undefined) },
    skipWaiting: vi.fn(async () => undefined),
    addEventListener(type: string, l: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), l]);
    },
  };
  async function dispatchFetch(request: Request): Promise<{ response: Response | undefined; waited: Promise<unknown>[] }> {
    let response: Promise<Response> | undefined;
    const waited: Promise<unknown>[] = [];
    const event = Object.assign(new Event('fetch'), {
      request,
      respondWith: (r: Promise<Response>) => (response = r),
      waitUntil: (p: Promise<unknown>) => waited.push(p),
    });
    for (const l of listeners.get('fetch') ?? []) l(event);
    return { response: await response, waited };
  }
  return { scope: scope as unknown as ServiceWorkerScopeLike, raw: scope, listeners, dispatchFetch };
}

describe('installPocketsearch', () => {
  test('answers requests to the Meilisearch URL, lets others through, keeps alive until the task ends', async () => {
    const engine = await memory();
    const { scope, raw, listeners, dispatchFetch } = fakeScope();
    installPocketsearch({ meilisearchUrl: 'http://localhost:7700', engine }, scope);
    expect([...listeners.keys()].sort()).toEqual(['activate', 'fetch', 'install']);
    listeners.get('install')![0](Object.assign(new Event('install'), { waitUntil: () => undefined }));
    expect(raw.skipWaiting).toHaveBeenCalled();

    const write = await dispatchFetch(
      new Request('http://localhost:7700/indexes/movies/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(movies) }),
    );
    expect(write.response?.status).toBe(202);
    await Promise.all(write.waited); // resolves once the task is finished
    expect((await engine.getTask(0)).status).toBe('succeeded');

    const search = await dispatchFetch(new Request('http://localhost:7700/indexes/movies/search?q=moana'));
    expect(search.response?.status).toBe(200);
    expect(((await search.response!.json()) as { hits: { id: number }[] }).hits.map((h) => h.id)).toEqual([5]);

    const other = await dispatchFetch(new Request('http://localhost:7701/indexes'));
    expect(other.response).toBeUndefined();
    const sw = createServiceWorkerHandler({ meilisearchUrl: 'https://search.example.com', engine });
    expect(sw.handle(new Request('https://search.example.com.evil.test/indexes'))).toBeUndefined();
  });

  test('a Meilisearch URL with a path: the path is stripped before routing', async () => {
    const sw = createServiceWorkerHandler({ meilisearchUrl: ['https://search.example.com/meili/'], engine: await memory() });
    const res = await sw.handle(new Request('https://search.example.com/meili/health'));
    expect(await res?.json()).toEqual({ status: 'available' });
    expect(sw.handle(new Request('https://search.example.com/meilisearch/health'))).toBeUndefined();
    expect(sw.matches(new Request('https://search.example.com/meili?x'))).toBe(true);
  });

  test('network-first: the network answers when it can, the local engine when it cannot', async () => {
    const engine = await memory();
    const sw = createServiceWorkerHandler({ meilisearchUrl: 'http://localhost:7700', mode: 'network-first', engine });
    vi.stubGlobal('fetch', async () => new Response('{"status":"from-network"}', { status: 200 }));
    expect(await (await sw.handle(new Request('http://localhost:7700/health')))!.json()).toEqual({ status: 'from-network' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await (await sw.handle(new Request('http://localhost:7700/health')))!.json()).toEqual({ status: 'available' });
  });

  test('an engine that cannot open answers with a Meilisearch error body', async () => {
    const sw = createServiceWorkerHandler({ meilisearchUrl: 'http://localhost:7700', engine: Promise.reject(new Error('IndexedDB is unavailable')) });
    const res = await sw.handle(new Request('http://localhost:7700/health'))!;
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: 'internal', message: 'IndexedDB is unavailable' });
  });
});
