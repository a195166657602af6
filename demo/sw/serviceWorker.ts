/**
 * The demo's service worker (a module worker), two jobs:
 * 1. Offline app: precaches the app shell and the sample data at install, then answers every request of its
 *    scope from the cache first, so after the first visit the app starts and searches with the network off.
 * 2. Offline Meilisearch: requests to `MEILISEARCH_URL` are answered by pocketsearch (`pocketsearch/sw`) over
 *    the same IndexedDB database as the page's engine, so a Meilisearch client pointed there just works.
 *
 * Built by `demo/build/serviceWorkerPlugin.ts`, which replaces the placeholder below with the file list and a
 * content hash (a new build → a new worker and a new cache).
 */
import { createServiceWorkerHandler, type ServiceWorkerHandler } from 'pocketsearch/sw';
import { MEILISEARCH_URL, type DatabaseMessage } from './meilisearchUrl.ts';

interface PrecacheManifest {
  version: string;
  files: string[];
}

/** The parts of the service-worker global scope used here (the DOM lib does not describe it). */
interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent & SwExtendableEvent) => void): void;
}

declare const __PRECACHE_MANIFEST__: PrecacheManifest;
const MANIFEST: PrecacheManifest = __PRECACHE_MANIFEST__;

const sw = self as unknown as SwScope;
const PREFIX = 'pocketsearch-demo-';
const CACHE = PREFIX + MANIFEST.version;
/** Where the page's current database name is kept across service-worker restarts. */
const CONFIG_CACHE = 'pocketsearch-demo:config';
const CONFIG_KEY = new URL('__pocketsearch-demo-database', sw.registration.scope).href;
const DEFAULT_DATABASE = 'pocketsearch-demo';
const SCOPE = new URL(sw.registration.scope);
const SHELL = new URL('./', SCOPE).href;

// ─── 1. the app shell, cache first ──────────────────────────────────────────

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(MANIFEST.files.map((file) => new URL(file, SCOPE).href));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

/**
 * Lookups ignore `Vary`. Servers such as `vite preview` answer with `Vary: Origin`; the precache requests were made
 * here without an Origin header, while the page's module scripts and dynamic imports send one, so a lookup that
 * honoured `Vary` missed every script offline. Each URL of this cache has one content whatever the request headers.
 */
const MATCH: CacheQueryOptions = { ignoreVary: true };

async function fromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  if (request.mode === 'navigate') {
    // Every page of the scope is the one-page app: serve the shell (the query string is app state).
    const shell = await cache.match(SHELL, MATCH);
    if (shell) return shell;
  }
  const hit = await cache.match(request, MATCH);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

// ─── 2. Meilisearch, answered locally ───────────────────────────────────────

let database: string | null = null;
let meili: { name: string; handler: ServiceWorkerHandler; used: boolean } | null = null;

async function currentDatabase(): Promise<string> {
  if (database) return database;
  const saved = await (await caches.open(CONFIG_CACHE)).match(CONFIG_KEY);
  database = saved ? await saved.text() : DEFAULT_DATABASE;
  return database;
}

/** The handler over the page's current database; the engine of a previous database is closed. */
async function meiliHandler(): Promise<ServiceWorkerHandler> {
  const name = await currentDatabase();
  if (meili?.name !== name) {
    const previous = meili;
    meili = { name, handler: createServiceWorkerHandler({ meilisearchUrl: MEILISEARCH_URL, name }), used: false };
    if (previous?.used) void previous.handler.engine().then((engine) => engine.close());
  }
  meili.used = true;
  return meili.handler;
}

async function answerMeilisearch(request: Request): Promise<Response> {
  const handler = await meiliHandler();
  return handler.handle(request) ?? fetch(request);
}

sw.addEventListener('message', (event) => {
  const data = event.data as Partial<DatabaseMessage> | null;
  if (data?.type !== 'pocketsearch-demo:database' || typeof data.name !== 'string') return;
  const name = data.name;
  database = name;
  event.waitUntil(
    (async () => {
      await (await caches.open(CONFIG_CACHE)).put(CONFIG_KEY, new Response(name));
      if (meili && meili.name !== name) await meiliHandler();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.url === MEILISEARCH_URL || request.url.startsWith(`${MEILISEARCH_URL}/`) || request.url.startsWith(`${MEILISEARCH_URL}?`)) {
    event.respondWith(answerMeilisearch(request));
    return;
  }
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE.href)) return;
  event.respondWith(fromCacheFirst(request));
});
