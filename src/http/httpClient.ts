/**
 * An adapter for the official `meilisearch` client's `httpClient` option: it answers from pocketsearch instead of
 * the network, resolves to the parsed JSON body, and throws the client's API error itself (the client does not
 * look at responses returned by a custom `httpClient`).
 */
import type { ErrorObject } from '../errors/engineError.ts';
import type { EngineLike } from './engineLike.ts';
import { createFetchHandler, type FetchHandlerOptions } from './fetchHandler.ts';
import { abortable } from './abortable.ts';

/**
 * What a non-2xx answer throws by default: shaped like meilisearch-js's `MeilisearchApiError` (`name`,
 * `message`, `cause` = the error body, `response`), plus the body's fields for older clients
 * (`code`, `type`, `link`, `httpStatus`, as in meilisearch-js 0.36's `MeiliSearchApiError`).
 */
export class PocketsearchApiError extends Error {
  override name = 'MeilisearchApiError';
  override cause?: ErrorObject;
  readonly response: Response;
  readonly code?: string;
  readonly type?: string;
  readonly link?: string;
  readonly httpStatus: number;

  constructor(response: Response, body?: ErrorObject) {
    super(body?.message ?? `${response.status}: ${response.statusText}`);
    this.response = response;
    this.httpStatus = response.status;
    if (body !== undefined) {
      this.cause = body;
      this.code = body.code;
      this.type = body.type;
      this.link = body.link;
    }
  }
}

export interface HttpClientOptions extends FetchHandlerOptions {
  /**
   * Builds the error thrown for a non-2xx answer. Pass the client's own class to get `instanceof` checks right,
   * e.g. `(res, body) => new MeilisearchApiError(res, body)` with `import { MeilisearchApiError } from 'meilisearch'`.
   */
  createError?: (response: Response, body: ErrorObject | undefined) => Error;
}

/** The `httpClient` function: `(url, init) => parsed JSON` (or a `ReadableStream` for NDJSON task documents). */
export type PocketsearchHttpClient = (input: RequestInfo | URL, init?: RequestInit) => Promise<unknown>;

/**
 * Creates the adapter.
 *
 * @example
 * ```ts
 * import { Meilisearch } from 'meilisearch';
 * import { createClient } from 'pocketsearch';
 * import { pocketsearchHttpClient } from 'pocketsearch/http';
 *
 * const client = await createClient();
 * const meili = new Meilisearch({ host: 'http://localhost:7700', httpClient: pocketsearchHttpClient(client) });
 * await meili.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
 * const { hits } = await meili.index('movies').search('carol');
 * ```
 */
export function pocketsearchHttpClient(engineOrClient: EngineLike, options: HttpClientOptions = {}): PocketsearchHttpClient {
  const handler = createFetchHandler(engineOrClient, options);
  const createError = options.createError ?? ((res: Response, body: ErrorObject | undefined) => new PocketsearchApiError(res, body));
  return async (input, init) => {
    const response = await abortable(handler(input, init), init?.signal ?? (input instanceof Request ? input.signal : undefined));
    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok && contentType.startsWith('application/x-ndjson')) return response.body ?? new Blob([]).stream();
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) throw createError(response, parsed as ErrorObject | undefined);
    return parsed;
  };
}
