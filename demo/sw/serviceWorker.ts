/**
 * The demo's service worker: precaches the app shell and the sample data at install, then answers every
 * request of its scope from the cache first, so that after the first visit the app starts and searches with
 * the network off (the engine itself runs in a Web Worker over IndexedDB and needs no network).
 *
 * Built by `demo/build/serviceWorkerPlugin.ts`, which replaces the placeholder below with the file list and a
 * content hash. Self-contained on purpose: no imports, so it runs as a classic script.
 */

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
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

declare const __PRECACHE_MANIFEST__: PrecacheManifest;
const MANIFEST: PrecacheManifest = __PRECACHE_MANIFEST__;

const sw = self as unknown as SwScope;
const PREFIX = 'pocketsearch-demo-';
const CACHE = PREFIX + MANIFEST.version;
const SCOPE = new URL(sw.registration.scope);
const SHELL = new URL('./', SCOPE).href;

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

async function fromCacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  if (request.mode === 'navigate') {
    // Every page of the scope is the one-page app: serve the shell (the query string is app state).
    const shell = await cache.match(SHELL);
    if (shell) return shell;
  }
  const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE.href)) return;
  event.respondWith(fromCacheFirst(request));
});

sw.addEventListener('message', (event) => {
  if (event.data === 'version') event.ports[0]?.postMessage(MANIFEST.version);
});
