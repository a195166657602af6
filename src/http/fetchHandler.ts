/**
 * `createFetchHandler(engineOrClient)`: a function with `fetch`'s signature that answers Meilisearch's HTTP API
 * from a pocketsearch engine — in Node, in a worker, in a service worker, or on the page over the worker client.
 */
import { indexRoutes } from './routes/indexRoutes.ts';
import { documentRoutes } from './routes/documentRoutes.ts';
import { searchRoutes } from './routes/searchRoutes.ts';
import { settingsRoutes } from './routes/settingsRoutes.ts';
import { taskRoutes } from './routes/taskRoutes.ts';
import { defaultFeatures, instanceRoutes } from './routes/instanceRoutes.ts';
import { DEFAULT_PAYLOAD_LIMIT } from './body.ts';
import { QueryParams } from './queryParams.ts';
import { empty, errorResponse, preflight } from './responses.ts';
import { matchRoute, pathSegments, type Route } from './router.ts';
import type { EngineLike } from './engineLike.ts';

export interface FetchHandlerOptions {
  /** Largest accepted request body in bytes (Meilisearch's `--http-payload-size-limit`). Default 100,000,000. */
  payloadLimit?: number;
  /** A path prefix to strip before routing, when Meilisearch is served under a sub-path (e.g. `/meili`). */
  basePath?: string;
}

/** `fetch`'s signature. */
export type FetchHandler = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Every route, most specific first where patterns overlap. */
export const ROUTES: readonly Route[] = [...documentRoutes, ...searchRoutes, ...settingsRoutes, ...indexRoutes, ...taskRoutes, ...instanceRoutes];

function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  if (input instanceof Request) return init === undefined ? input : new Request(input, init);
  let url: URL;
  if (input instanceof URL) url = input;
  else {
    try {
      url = new URL(input);
    } catch {
      url = new URL(input, 'http://localhost');
    }
  }
  return new Request(url, init);
}

function stripBase(path: string, base: string): string | null {
  const b = base.replace(/\/+$/, '');
  if (!b) return path;
  if (path === b) return '/';
  return path.startsWith(b + '/') ? path.slice(b.length) : null;
}

/**
 * Creates the handler. It never rejects: every failure is an HTTP response with Meilisearch's error body
 * `{message, code, type, link}` and status.
 *
 * @example
 * ```ts
 * import { createEngine } from 'pocketsearch/engine';
 * import { createFetchHandler } from 'pocketsearch/http';
 * const engine = await createEngine({ storage: 'memory' });
 * const fetchMeili = createFetchHandler(engine);
 * const res = await fetchMeili('http://localhost:7700/indexes/movies/search', {
 *   method: 'POST',
 *   headers: { 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ q: 'carol' }),
 * });
 * console.log(res.status, await res.json());
 * ```
 */
export function createFetchHandler(engineOrClient: EngineLike, options: FetchHandlerOptions = {}): FetchHandler {
  const resolved = { payloadLimit: options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT };
  const basePath = options.basePath ?? '';
  const features = defaultFeatures();
  return async (input, init) => {
    try {
      const request = toRequest(input, init);
      const url = new URL(request.url);
      if (request.method === 'OPTIONS') return preflight();
      const path = stripBase(url.pathname, basePath);
      if (path === null) return empty(404);
      const match = matchRoute(ROUTES, request.method, pathSegments(path));
      if (match === null) return empty(404);
      if ('methodNotAllowed' in match) return empty(405);
      return await match.route.handler({
        engine: engineOrClient,
        request,
        url,
        params: match.params,
        query: new QueryParams(url.searchParams),
        options: resolved,
        features,
      });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
