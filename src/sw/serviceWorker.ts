/**
 * pocketsearch inside a service worker: requests a page sends to a configured Meilisearch URL are answered by a
 * local engine over IndexedDB, so an unmodified app that talks to Meilisearch keeps searching offline.
 *
 * The engine opens the same IndexedDB database as the page's `createClient({ name })` (default `pocketsearch`).
 * Engines over one database coordinate (one scheduler, chosen by a Web Lock; commits announced over a
 * BroadcastChannel), so the page's worker and the service worker can both be open.
 */
import { createEngine, type Engine } from '../engine/engine.ts';
import * as dump from '../engine/backup/dumpCode.ts';
import * as snapshot from '../engine/backup/snapshotCode.ts';
import { provideBackupCode } from '../engine/backup/lazyBackupCode.ts';
import type { EnqueuedTask } from '../engine/types/tasks.ts';
import { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from '../http/fetchHandler.ts';
import { errorResponse } from '../http/responses.ts';

// Service workers may not `import()`: the engine's dump and snapshot code comes with this entry instead of being
// loaded on first use (see lazyBackupCode.ts).
provideBackupCode({ dump, snapshot });

export interface ServiceWorkerOptions extends Omit<FetchHandlerOptions, 'basePath'> {
  /**
   * The Meilisearch URL(s) the app talks to, e.g. `http://localhost:7700` or `https://search.example.com/meili`.
   * Requests whose URL starts with one of them are answered by pocketsearch (a path is stripped before routing).
   */
  meilisearchUrl: string | readonly string[];
  /** IndexedDB database name, the same as the page's `createClient({ name })`. Default `pocketsearch`. */
  name?: string;
  /**
   * `local` (default): every matching request is answered by the local engine (pocketsearch *is* the server).
   * `network-first`: the request goes to the network; only when the network fails (offline, server down) does
   * the local engine answer. Writes then reach the real server, not the local engine.
   */
  mode?: 'local' | 'network-first';
  /** Bound of the engine's postings cache in bytes. */
  cacheBytes?: number;
  /** Use this engine instead of opening one (tests, custom storage). */
  engine?: Engine | Promise<Engine>;
}

/** A prefix the worker answers for, with the path to strip. */
interface Target {
  prefix: string;
  handler: FetchHandler;
}

/** How long a service worker is kept alive after answering a write, so its task can finish (ms). */
const KEEP_ALIVE_MS = 4 * 60_000;

function normalizePrefix(url: string): { prefix: string; basePath: string } {
  const u = new URL(url);
  const basePath = u.pathname.replace(/\/+$/, '');
  return { prefix: `${u.origin}${basePath}`, basePath };
}

function matches(requestUrl: string, prefix: string): boolean {
  if (!requestUrl.startsWith(prefix)) return false;
  const next = requestUrl.charAt(prefix.length);
  return next === '' || next === '/' || next === '?';
}

/**
 * The request handler of the service worker, for apps that write their own `fetch` listener: resolves with
 * pocketsearch's answer, or `undefined` when the request is not for Meilisearch (let it through).
 *
 * @example
 * ```ts
 * import { createServiceWorkerHandler } from 'pocketsearch/sw';
 * const answer = createServiceWorkerHandler({ meilisearchUrl: 'http://localhost:7700' });
 * self.addEventListener('fetch', (event) => {
 *   const res = answer.handle(event.request);
 *   if (res) event.respondWith(res);
 * });
 * ```
 */
export function createServiceWorkerHandler(options: ServiceWorkerOptions): ServiceWorkerHandler {
  let engine: Promise<Engine> | null = options.engine ? Promise.resolve(options.engine) : null;
  const openEngine = (): Promise<Engine> => {
    engine ??= createEngine({ storage: 'indexeddb', name: options.name ?? 'pocketsearch', cacheBytes: options.cacheBytes }).catch((e: unknown) => {
      engine = null; // retry at the next request
      throw e;
    });
    return engine;
  };
  const urls = typeof options.meilisearchUrl === 'string' ? [options.meilisearchUrl] : options.meilisearchUrl;
  let handlers: Promise<Target[]> | null = null;
  const targets = (): Promise<Target[]> => {
    handlers ??= openEngine().then((e) =>
      urls.map((url) => {
        const { prefix, basePath } = normalizePrefix(url);
        return { prefix, handler: createFetchHandler(e, { payloadLimit: options.payloadLimit, basePath }) };
      }),
    );
    return handlers;
  };
  const prefixes = urls.map((u) => normalizePrefix(u).prefix);
  const mode = options.mode ?? 'local';

  async function local(request: Request): Promise<Response> {
    try {
      const list = await targets();
      const target = list.find((t) => matches(request.url, t.prefix))!;
      return await target.handler(request);
    } catch (e) {
      return errorResponse(e); // e.g. the database could not be opened: still a Meilisearch error body
    }
  }

  return {
    matches: (request) => prefixes.some((p) => matches(request.url, p)),
    handle(request) {
      if (!prefixes.some((p) => matches(request.url, p))) return undefined;
      if (mode === 'local') return local(request);
      const copy = request.clone();
      return fetch(request).catch(() => local(copy));
    },
    engine: openEngine,
  };
}

export interface ServiceWorkerHandler {
  /**
   * Whether the request is addressed to the configured Meilisearch URL(s).
   *
   * @example
   * ```ts
   * if (meili.matches(event.request)) console.log('answered locally:', event.request.url);
   * ```
   */
  matches(request: Request): boolean;
  /**
   * pocketsearch's answer, or `undefined` for requests not addressed to Meilisearch.
   *
   * @example
   * ```ts
   * self.addEventListener('fetch', (event) => {
   *   const answer = meili.handle(event.request);
   *   if (answer) event.respondWith(answer);
   * });
   * ```
   */
  handle(request: Request): Promise<Response> | undefined;
  /**
   * The engine (opened at the first request).
   *
   * @example
   * ```ts
   * // fill the local engine from the service worker itself, e.g. on install
   * const engine = await meili.engine();
   * await engine.index('movies').addDocuments(await (await fetch('/movies.json')).json()).waitTask({ timeout: 60_000 });
   * ```
   */
  engine(): Promise<Engine>;
}

/**
 * The parts of the service-worker global scope used here (the DOM lib does not describe it).
 *
 * @inline
 */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
/** @inline */
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
export interface ServiceWorkerScopeLike {
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

/**
 * Installs pocketsearch in the current service worker: a `fetch` listener answering the configured Meilisearch
 * URL(s), and (unless `claim: false`) `skipWaiting()` + `clients.claim()` so open pages are served at once.
 * After a write (202), the worker is kept alive until its task finishes (up to 4 minutes).
 *
 * @example
 * ```ts
 * // sw.js, registered by the page with navigator.serviceWorker.register('/sw.js', { type: 'module' })
 * import { installPocketsearch } from 'pocketsearch/sw';
 * installPocketsearch({ meilisearchUrl: 'http://localhost:7700' });
 * ```
 */
export function installPocketsearch(
  options: ServiceWorkerOptions & { claim?: boolean },
  scope: ServiceWorkerScopeLike = self as unknown as ServiceWorkerScopeLike,
): ServiceWorkerHandler {
  const sw = createServiceWorkerHandler(options);
  if (options.claim !== false) {
    scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
    scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
  }
  scope.addEventListener('fetch', (event) => {
    const answer = sw.handle(event.request);
    if (!answer) return;
    event.respondWith(answer);
    event.waitUntil(keepAliveForTask(sw, answer));
  });
  return sw;
}

/** Waits for the task a 202 answer enqueued (bounded), so the worker is not stopped halfway through it. */
async function keepAliveForTask(sw: ServiceWorkerHandler, answer: Promise<Response>): Promise<void> {
  try {
    const res = await answer;
    if (res.status !== 202) return;
    const task = (await res.clone().json()) as EnqueuedTask;
    const engine = await sw.engine();
    await engine.waitForTask(task.taskUid, { timeout: KEEP_ALIVE_MS });
  } catch {
    // best effort: an unfinished task resumes at the next start
  }
}
