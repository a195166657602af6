/** Route table matching: `/indexes/:indexUid/documents/:documentId` patterns, method-aware, first match wins. */
import { EngineError } from '../errors/engineError.ts';
import type { EnqueuedTask } from '../engine/types/tasks.ts';
import type { EngineLike } from './engineLike.ts';
import type { QueryParams } from './queryParams.ts';
import { json } from './responses.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Runtime experimental features (`PATCH /experimental-features` is accepted and remembered per handler). */
export type ExperimentalFeatures = Record<string, boolean | null>;

export interface ResolvedOptions {
  payloadLimit: number;
}

/** Everything a route handler gets. */
export interface RouteContext {
  engine: EngineLike;
  request: Request;
  url: URL;
  /** Decoded path parameters (`:indexUid` → `params.indexUid`). */
  params: Record<string, string>;
  query: QueryParams;
  options: ResolvedOptions;
  features: ExperimentalFeatures;
}

export type RouteHandler = (c: RouteContext) => Promise<Response>;

export interface Route {
  method: Method;
  /** `/indexes/:indexUid/search` */
  pattern: string;
  handler: RouteHandler;
}

export type Match = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null;

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith(':')) params[p.slice(1)] = segments[i];
    else if (p !== segments[i]) return null;
  }
  return params;
}

/** Splits a path into decoded segments (`/indexes/a%20b/` → `['indexes', 'a b']`). */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  if (!trimmed) return [];
  return trimmed.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

export function matchRoute(routes: readonly Route[], method: string, segments: string[]): Match {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern.split('/').filter(Boolean), segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}

/** 202 with the summarized task. */
export function accepted(task: EnqueuedTask): Response {
  return json(202, task);
}

/** 200 with a JSON body. */
export function ok(body: unknown): Response {
  return json(200, body);
}

/** The optional engine method `name`, or `feature_not_enabled` while the feature has not landed in this engine. */
export function optionalMethod<K extends 'multiSearch' | 'createDump' | 'getDumpStatus' | 'createSnapshot' | 'getTaskDocuments'>(
  engine: EngineLike,
  name: K,
  route: string,
): NonNullable<EngineLike[K]> {
  const fn = engine[name];
  if (typeof fn !== 'function') throw new EngineError('feature_not_enabled', `\`${route}\` is not available in this pocketsearch engine (no \`${name}\` method).`);
  const method = fn as unknown as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) => method.apply(engine, args)) as NonNullable<EngineLike[K]>;
}
