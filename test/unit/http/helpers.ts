/** Shared set-up of the HTTP tests: an in-memory engine behind the fetch handler and the official client. */
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { createFetchHandler, pocketsearchHttpClient, type FetchHandler, type FetchHandlerOptions } from '../../../src/http/index.ts';
import type { ErrorObject } from '../../../src/errors/engineError.ts';

export const HOST = 'http://localhost:7700';

let n = 0;

export interface HttpKit {
  engine: Engine;
  /** the fetch handler (direct HTTP-level assertions) */
  fetch: FetchHandler;
  /** the official client, every request routed through `pocketsearchHttpClient` */
  meili: Meilisearch;
}

export async function httpKit(options: FetchHandlerOptions = {}): Promise<HttpKit> {
  const engine = await createEngine({ storage: 'memory', name: `http-${n++}` });
  const fetch = createFetchHandler(engine, options);
  const meili = new Meilisearch({
    host: HOST,
    httpClient: pocketsearchHttpClient(engine, { ...options, createError: (res, body) => new MeilisearchApiError(res, body) }),
  });
  return { engine, fetch, meili };
}

/** The API error the official client surfaces (with `httpClient`, it wraps what the adapter throws). */
export async function apiError(p: Promise<unknown>): Promise<{ status: number; body: ErrorObject }> {
  try {
    await p;
  } catch (e) {
    const inner = e instanceof MeilisearchRequestError ? e.cause : e;
    if (inner instanceof MeilisearchApiError) return { status: inner.response.status, body: inner.cause as ErrorObject };
    throw e;
  }
  throw new Error('expected the request to fail');
}

/** Sends a request to the handler and returns status, headers and parsed body. */
export async function call(
  fetch: FetchHandler,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    // A string body is sent as is when a Content-Type is given; any other value is sent as JSON.
    const hasType = 'Content-Type' in headers || 'content-type' in headers;
    const raw = (typeof body === 'string' && hasType) || body instanceof Uint8Array;
    init.body = raw ? (body as BodyInit) : JSON.stringify(body);
    if (!hasType) (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${HOST}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A Meilisearch error body with this code (link and type derived like Meilisearch). */
export function errorBody(code: string, message: string, type = 'invalid_request'): ErrorObject {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
}

export const movies = [
  { id: 1, title: 'Carol', genres: ['Romance', 'Drama'], year: 2015 },
  { id: 2, title: 'Wonder Woman', genres: ['Action', 'Adventure'], year: 2017 },
  { id: 3, title: 'Life of Pi', genres: ['Adventure', 'Drama'], year: 2012 },
  { id: 4, title: 'Mad Max: Fury Road', genres: ['Adventure', 'Science Fiction'], year: 2015 },
  { id: 5, title: 'Moana', genres: ['Fantasy', 'Action'], year: 2016 },
];
