/**
 * `interceptFetch` and `createScopedFetch`: pocketsearch answers the requests sent to one Meilisearch URL, every
 * other request goes to the network. Unlike the `httpClient` adapter, the official client then reads a real
 * `Response` itself, so its errors are its own `MeilisearchApiError`s (meilisearch-js 0.62 wraps whatever a custom
 * `httpClient` throws in a `MeilisearchRequestError`, and looks up the global `fetch` at each request).
 */
import { EngineError } from '../errors/engineError.ts';
import type { EngineLike } from './engineLike.ts';
import { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from './fetchHandler.ts';
import { abortable } from './abortable.ts';

/**
 * What answers the intercepted requests: an `Engine`, the page's client (what `createFetchHandler` accepts), or a
 * ready handler made by `createFetchHandler`. A ready handler is called as it is: give it the `basePath` of the
 * host's path prefix yourself; `payloadLimit` and the prefix are applied for an engine or a client.
 */
export type FetchTarget = EngineLike | FetchHandler;

export interface InterceptFetchOptions extends Omit<FetchHandlerOptions, 'basePath'> {
  /**
   * The Meilisearch URL to answer: an origin plus an optional path prefix, as given to the client's `host`
   * (`http://localhost:7700`, `https://search.example.com/meili`; without a scheme, `http://` is assumed like the
   * client does). Requests to that origin under that prefix are answered; the prefix is stripped before routing.
   */
  host: string;
}

export interface ScopedFetchOptions extends InterceptFetchOptions {
  /** Where every other request goes. Default: the global `fetch` as it is when `createScopedFetch` is called. */
  fetch?: FetchHandler;
}

interface Scope {
  origin: string;
  /** '' or '/prefix' (no trailing slash) */
  prefix: string;
}

function parseHost(host: unknown): Scope {
  if (typeof host !== 'string' || host.trim() === '') {
    throw new EngineError('bad_request', '`host` must be the Meilisearch URL to answer, e.g. `http://localhost:7700`.');
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new EngineError('bad_request', `\`host\` \`${host}\` is not a valid URL.`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new EngineError('bad_request', `\`host\` \`${host}\` must be an origin and an optional path, without a query or fragment.`);
  }
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/** The request's URL, or null when it cannot be resolved (a relative URL outside a page). */
function requestUrl(input: RequestInfo | URL): URL | null {
  let href: string;
  if (typeof input === 'string') href = input;
  else if (input instanceof URL) href = input.href;
  else href = input.url;
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function inScope(url: URL, scope: Scope): boolean {
  if (url.origin !== scope.origin) return false;
  if (scope.prefix === '') return true;
  return url.pathname === scope.prefix || url.pathname.startsWith(scope.prefix + '/');
}

function toHandler(target: FetchTarget, options: FetchHandlerOptions): FetchHandler {
  if (typeof target === 'function') return target;
  if (target === null || typeof target !== 'object' || typeof (target as Partial<EngineLike>).index !== 'function') {
    throw new EngineError('bad_request', 'The target must be an engine (`createEngine`), a client (`createClient`) or a fetch handler (`createFetchHandler`).');
  }
  return createFetchHandler(target, options);
}

function globalFetch(): FetchHandler | undefined {
  return (globalThis as { fetch?: FetchHandler }).fetch;
}

/**
 * A `fetch` function that answers requests to `host` from pocketsearch and sends every other request to
 * `options.fetch` (default: the global `fetch` at the time of the call to `createScopedFetch`), unchanged. Requests
 * may be strings (relative ones resolve against the page's location), `URL`s or `Request`s; an aborted
 * `signal` rejects with its reason (an `AbortError` `DOMException` by default), as `fetch` does. For libraries that
 * take a `fetch` option; to serve code that calls the global `fetch`, use {@link interceptFetch}.
 *
 * @example
 * ```ts
 * import { createEngine } from 'pocketsearch/engine';
 * import { createScopedFetch } from 'pocketsearch/http';
 *
 * const engine = await createEngine();
 * const meiliFetch = createScopedFetch(engine, { host: 'http://localhost:7700' });
 * const res = await meiliFetch('http://localhost:7700/indexes/movies/search?q=carol');
 * await meiliFetch('https://example.com/'); // goes to the network
 * ```
 */
export function createScopedFetch(target: FetchTarget, options: ScopedFetchOptions): FetchHandler {
  const scope = parseHost(options?.host);
  const { host: _host, fetch: next = globalFetch(), ...handlerOptions } = options;
  const handler = toHandler(target, { ...handlerOptions, basePath: scope.prefix });
  return (input, init) => {
    const url = requestUrl(input);
    if (url === null || !inScope(url, scope)) {
      // Called without a receiver: browsers' fetch throws "Illegal invocation" when called on another object.
      if (!next) return Promise.reject(new TypeError('fetch is not available in this environment.'));
      return next(input, init);
    }
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    // Relative strings become absolute so that the handler sees the same path the network would.
    const resolved = typeof input === 'string' ? url.href : input;
    return abortable(handler(resolved, init), signal);
  };
}

/** An interceptor in the global `fetch` chain: what it replaced, and whether it was removed. */
interface Layer {
  previous: FetchHandler | undefined;
  removed: boolean;
}

/** The `fetch` functions installed by {@link interceptFetch}, so that removing one also skips removed ones below it. */
const layers = new WeakMap<FetchHandler, Layer>();

/** `fetch` as it should be once `layer` is gone: its previous one, past interceptors already removed. */
function below(layer: Layer): FetchHandler | undefined {
  let f = layer.previous;
  for (let l = f && layers.get(f); l?.removed; l = f && layers.get(f)) f = l.previous;
  return f;
}

/**
 * Installs a global `fetch` (on `globalThis`: window, worker or Node) that answers requests to `host` from
 * pocketsearch and passes every other request to the `fetch` it replaces. Code that calls `fetch` — such as the
 * official `meilisearch` client without an `httpClient` — then gets real `Response`s: its own error classes, status
 * handling and timeouts work unchanged. Returns a function that puts the previous `fetch` back (calling it again
 * does nothing).
 *
 * Installing several times stacks: the latest install answers the requests of its host first; removing it lets the
 * earlier one answer again. Removing one that is not the latest installed (or that something else wrapped since)
 * leaves the global `fetch` in place but makes that one pass everything on; it is dropped from the chain when
 * what is above it is removed.
 *
 * @example
 * ```ts
 * import { Meilisearch, MeilisearchApiError } from 'meilisearch';
 * import { createEngine } from 'pocketsearch/engine';
 * import { interceptFetch } from 'pocketsearch/http';
 *
 * const engine = await createEngine();
 * const restore = interceptFetch(engine, { host: 'http://localhost:7700' });
 * const meili = new Meilisearch({ host: 'http://localhost:7700' });
 * try {
 *   await meili.index('missing').getDocument(1);
 * } catch (e) {
 *   if (e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found') console.log('no such index');
 * }
 * restore();
 * ```
 */
export function interceptFetch(target: FetchTarget, options: InterceptFetchOptions): () => void {
  const previous = globalFetch();
  const layer: Layer = { previous, removed: false };
  const scoped = createScopedFetch(target, { ...options, fetch: previous });
  const installed: FetchHandler = (input, init) => {
    if (layer.removed) {
      if (!previous) return Promise.reject(new TypeError('fetch is not available in this environment.'));
      return previous(input, init);
    }
    return scoped(input, init);
  };
  layers.set(installed, layer);
  (globalThis as { fetch?: FetchHandler }).fetch = installed;
  return () => {
    if (layer.removed) return;
    layer.removed = true;
    // Someone wrapped fetch after us: replacing the global would drop their wrapper, so ours stays as a
    // pass-through (skipped when the layer above it is removed).
    if (globalFetch() !== installed) return;
    const restored = below(layer);
    if (restored) (globalThis as { fetch?: FetchHandler }).fetch = restored;
    else delete (globalThis as { fetch?: FetchHandler }).fetch;
  };
}
