/** `/indexes`, `/indexes/{uid}`, `/indexes/{uid}/stats`, `/swap-indexes` (spec §1.1). */
import { EngineError } from '../../errors/engineError.ts';
import { checkIndexUid } from '../../engine/indexes/indexUid.ts';
import type { IndexOptions, IndexSwap } from '../../engine/types/indexes.ts';
import { checkKnownFields, isPlainObject, typeError } from '../../engine/validation/jsonValidation.ts';
import { readJsonBody } from '../body.ts';
import { accepted, ok, type Route, type RouteContext } from '../router.ts';

const STATS_PARAMS = ['showInternalDatabaseSizes', 'sizeFormat'] as const;

async function listIndexes(c: RouteContext): Promise<Response> {
  c.query.only(['offset', 'limit']);
  const offset = c.query.int('offset', 'invalid_index_offset');
  const limit = c.query.int('limit', 'invalid_index_limit');
  return ok(await c.engine.getIndexes({ offset, limit }));
}

async function createIndex(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  if (!isPlainObject(body)) throw typeError('bad_request', '', 'an object', body);
  checkKnownFields('bad_request', body, ['uid', 'primaryKey']);
  if (body.uid === undefined) throw new EngineError('missing_index_uid', 'Missing field `uid`');
  if (typeof body.uid !== 'string') throw typeError('invalid_index_uid', '.uid', 'a string', body.uid);
  const options: IndexOptions = {};
  if (body.primaryKey !== undefined) options.primaryKey = body.primaryKey as IndexOptions['primaryKey'];
  return accepted(await c.engine.createIndex(checkIndexUid(body.uid), options));
}

async function getIndex(c: RouteContext): Promise<Response> {
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getRawInfo());
}

async function updateIndex(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  if (!isPlainObject(body)) throw typeError('bad_request', '', 'an object', body);
  for (const k of Object.keys(body)) {
    if (k === 'createdAt' || k === 'updatedAt') {
      throw new EngineError(k === 'createdAt' ? 'immutable_index_created_at' : 'immutable_index_updated_at', `Immutable field \`${k}\`: expected one of \`primaryKey\`, \`uid\``);
    }
    checkKnownFields('bad_request', { [k]: true }, ['primaryKey', 'uid']);
  }
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).update(body as IndexOptions));
}

async function deleteIndex(c: RouteContext): Promise<Response> {
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).delete());
}

async function indexStats(c: RouteContext): Promise<Response> {
  c.query.only(STATS_PARAMS);
  c.query.bool('showInternalDatabaseSizes', 'bad_request');
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getStats());
}

async function swapIndexes(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  return accepted(await c.engine.swapIndexes(body as IndexSwap[]));
}

async function stats(c: RouteContext): Promise<Response> {
  c.query.only(STATS_PARAMS);
  c.query.bool('showInternalDatabaseSizes', 'bad_request');
  return ok(await c.engine.getStats());
}

export const indexRoutes: Route[] = [
  { method: 'GET', pattern: '/indexes', handler: listIndexes },
  { method: 'POST', pattern: '/indexes', handler: createIndex },
  { method: 'GET', pattern: '/indexes/:indexUid', handler: getIndex },
  { method: 'PATCH', pattern: '/indexes/:indexUid', handler: updateIndex },
  { method: 'DELETE', pattern: '/indexes/:indexUid', handler: deleteIndex },
  { method: 'GET', pattern: '/indexes/:indexUid/stats', handler: indexStats },
  { method: 'POST', pattern: '/swap-indexes', handler: swapIndexes },
  { method: 'GET', pattern: '/stats', handler: stats },
];
