/** Response helpers: JSON bodies, Meilisearch error bodies, empty answers of unknown routes. */
import { EngineError, TaskTimeoutError, toEngineError } from '../errors/engineError.ts';

const JSON_TYPE = 'application/json';

/** Headers every answer carries (so that a page on another origin may read answers served by a service worker). */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': '*',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, 'content-type': JSON_TYPE, ...headers } });
}

export function text(status: number, body: string, contentType: string): Response {
  return new Response(body, { status, headers: { ...BASE_HEADERS, 'content-type': contentType } });
}

export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...BASE_HEADERS, ...headers } });
}

/**
 * The Meilisearch error body `{message, code, type, link}` with its HTTP status. Errors that are not
 * `EngineError`s become `internal` (500); a `waitForTask` timeout cannot happen here.
 */
export function errorResponse(e: unknown): Response {
  const err = e instanceof TaskTimeoutError ? new EngineError('internal', e.message) : toEngineError(e);
  return json(err.httpStatus, err.toJSON());
}

/** CORS preflight answer (only reached when requests are not intercepted before the network). */
export function preflight(): Response {
  return empty(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': '*',
    'access-control-max-age': '86400',
  });
}
