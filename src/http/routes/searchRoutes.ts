/** Search (`POST`/`GET /indexes/{uid}/search`), facet search and multi-search (spec §1.3–§1.5). */
import { EngineError } from '../../errors/engineError.ts';
import { checkIndexUid } from '../../engine/indexes/indexUid.ts';
import type { FacetSearchParams, MultiSearchParams, SearchParams } from '../../engine/types/search.ts';
import { readJsonBody } from '../body.ts';
import { ok, optionalMethod, type Route, type RouteContext } from '../router.ts';
import { searchGetParams } from './searchGetParams.ts';

async function searchPost(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).search(undefined, body as SearchParams));
}

async function searchGet(c: RouteContext): Promise<Response> {
  const params = searchGetParams(c.query);
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).search(undefined, params));
}

async function facetSearch(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).searchForFacetValues(body as FacetSearchParams));
}

async function multiSearch(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const run = optionalMethod(c.engine, 'multiSearch', 'POST /multi-search');
  return ok(await run(body as MultiSearchParams));
}

async function similar(): Promise<Response> {
  throw new EngineError('feature_not_enabled', 'Similar documents (`/indexes/{indexUid}/similar`) need embedders, which pocketsearch does not support (keyword search only).');
}

export const searchRoutes: Route[] = [
  { method: 'POST', pattern: '/indexes/:indexUid/search', handler: searchPost },
  { method: 'GET', pattern: '/indexes/:indexUid/search', handler: searchGet },
  { method: 'POST', pattern: '/indexes/:indexUid/facet-search', handler: facetSearch },
  { method: 'POST', pattern: '/multi-search', handler: multiSearch },
  { method: 'POST', pattern: '/indexes/:indexUid/similar', handler: similar },
  { method: 'GET', pattern: '/indexes/:indexUid/similar', handler: similar },
];
