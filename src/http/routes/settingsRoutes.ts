/** `/indexes/{uid}/settings` and every sub-route with its verb (spec §1.6). */
import { EngineError } from '../../errors/engineError.ts';
import { checkIndexUid } from '../../engine/indexes/indexUid.ts';
import { settingsKeyFromRoute } from '../../engine/settings/defaults.ts';
import type { SettingsKey, SettingsUpdate } from '../../engine/types/settings.ts';
import { readJsonBody } from '../body.ts';
import { empty } from '../responses.ts';
import { accepted, ok, type Method, type Route, type RouteContext } from '../router.ts';

/** Sub-routes updated with `PATCH` (the others use `PUT`). */
const PATCH_KEYS: ReadonlySet<SettingsKey> = new Set(['typoTolerance', 'faceting', 'pagination', 'embedders']);

/** Experimental sub-routes Meilisearch has and pocketsearch does not. */
const EXPERIMENTAL_ROUTES = new Set(['chat', 'foreign-keys']);

async function getAll(c: RouteContext): Promise<Response> {
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getSettings());
}

async function updateAll(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).updateSettings(body as SettingsUpdate));
}

async function resetAll(c: RouteContext): Promise<Response> {
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).resetSettings());
}

/** The settings key of a sub-route, checking that `method` is its verb (else 405 like an unknown verb). */
function subRouteKey(c: RouteContext, method: Method): SettingsKey | null {
  const route = c.params.setting;
  if (EXPERIMENTAL_ROUTES.has(route)) {
    throw new EngineError('feature_not_enabled', `The \`${route}\` setting is an experimental Meilisearch feature that pocketsearch does not support.`);
  }
  const key = settingsKeyFromRoute(route);
  // Only kebab-case names are routes: `stopWords` is not, `stop-words` is.
  if (!key || /[A-Z]/.test(route)) return null;
  if (method === 'PUT' && PATCH_KEYS.has(key)) return null;
  if (method === 'PATCH' && !PATCH_KEYS.has(key)) return null;
  return key;
}

function notFound(): Response {
  return empty(404);
}

function methodNotAllowed(): Response {
  return empty(405);
}

async function getOne(c: RouteContext): Promise<Response> {
  const key = subRouteKey(c, 'GET');
  if (!key) return notFound();
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getSetting(key));
}

function updateOne(method: 'PUT' | 'PATCH') {
  return async (c: RouteContext): Promise<Response> => {
    const key = subRouteKey(c, method);
    if (!key) return settingsKeyFromRoute(c.params.setting) && !/[A-Z]/.test(c.params.setting) ? methodNotAllowed() : notFound();
    const body = await readJsonBody(c.request, c.options.payloadLimit);
    const uid = checkIndexUid(c.params.indexUid);
    return accepted(await c.engine.index(uid).updateSetting(key, body));
  };
}

async function resetOne(c: RouteContext): Promise<Response> {
  const key = subRouteKey(c, 'DELETE');
  if (!key) return notFound();
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).resetSetting(key));
}

export const settingsRoutes: Route[] = [
  { method: 'GET', pattern: '/indexes/:indexUid/settings', handler: getAll },
  { method: 'PATCH', pattern: '/indexes/:indexUid/settings', handler: updateAll },
  { method: 'DELETE', pattern: '/indexes/:indexUid/settings', handler: resetAll },
  { method: 'GET', pattern: '/indexes/:indexUid/settings/:setting', handler: getOne },
  { method: 'PUT', pattern: '/indexes/:indexUid/settings/:setting', handler: updateOne('PUT') },
  { method: 'PATCH', pattern: '/indexes/:indexUid/settings/:setting', handler: updateOne('PATCH') },
  { method: 'DELETE', pattern: '/indexes/:indexUid/settings/:setting', handler: resetOne },
];
