/**
 * `pocketsearch/http`: Meilisearch's HTTP API answered by pocketsearch — a `fetch`-compatible handler, a global
 * `fetch` interceptor scoped to one Meilisearch URL (the recommended way with the official client), and an adapter
 * for the official client's `httpClient` option. No authorization is enforced: inside one page every caller
 * already holds the data.
 *
 * @example
 * ```ts
 * import { Meilisearch } from 'meilisearch';
 * import { createEngine } from 'pocketsearch/engine';
 * import { createFetchHandler, interceptFetch } from 'pocketsearch/http';
 *
 * const engine = await createEngine({ storage: 'memory' });
 * const restore = interceptFetch(engine, { host: 'http://localhost:7700' });
 * const meili = new Meilisearch({ host: 'http://localhost:7700' });
 * const res = await createFetchHandler(engine)('http://localhost:7700/health');
 * ```
 *
 * @module pocketsearch/http
 */
export { createFetchHandler, ROUTES, type FetchHandler, type FetchHandlerOptions } from './fetchHandler.ts';
export { interceptFetch, createScopedFetch, type FetchTarget, type InterceptFetchOptions, type ScopedFetchOptions } from './interceptFetch.ts';
export { pocketsearchHttpClient, PocketsearchApiError, type HttpClientOptions, type PocketsearchHttpClient } from './httpClient.ts';
export type { EngineLike, IndexLike, DumpStatus, ApiKeyView } from './engineLike.ts';
export { DEFAULT_PAYLOAD_LIMIT } from './body.ts';
export {
  parseDocumentsPayload,
  payloadFormatFromContentType,
  parseCsvDelimiter,
  DOCUMENT_CONTENT_TYPES,
  type PayloadFormat,
} from '../engine/documents/payloadFormats.ts';
