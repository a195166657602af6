/**
 * Instance-level routes (spec §1.8): `/health`, `/version`, `/keys`, `/dumps`, `/snapshots`,
 * `/experimental-features`, and the Meilisearch routes pocketsearch does not implement (answered with a clear
 * `feature_not_enabled` rather than a bare 404).
 */
import { EngineError } from '../../errors/engineError.ts';
import { isPlainObject, typeError, unknownField } from '../../engine/validation/jsonValidation.ts';
import { readBody, readJsonBody } from '../body.ts';
import { accepted, ok, optionalMethod, type ExperimentalFeatures, type Route, type RouteContext } from '../router.ts';
import type { EngineFeatures } from '../engineLike.ts';

/** Runtime-togglable features in Meilisearch's order; `legacySearch` is `null` until set. */
export function defaultFeatures(): ExperimentalFeatures {
  return {
    metrics: false,
    logsRoute: false,
    editDocumentsByFunction: false,
    containsFilter: false,
    dynamicSearchRules: false,
    network: false,
    getTaskDocumentsRoute: false,
    taskQueueCompactionRoute: false,
    compositeEmbedders: false,
    chatCompletions: false,
    multimodal: false,
    foreignKeys: false,
    disableDocumentsFetchQueue: false,
    legacySearch: null,
    renderRoute: false,
  };
}

async function health(c: RouteContext): Promise<Response> {
  return ok(await c.engine.health());
}

async function version(c: RouteContext): Promise<Response> {
  return ok(await c.engine.getVersion());
}

async function listKeys(c: RouteContext): Promise<Response> {
  c.query.only(['offset', 'limit']);
  const offset = c.query.int('offset', 'invalid_api_key_offset');
  const limit = c.query.int('limit', 'invalid_api_key_limit');
  return ok(await c.engine.getKeys({ offset, limit }));
}

async function getKey(c: RouteContext): Promise<Response> {
  const wanted = c.params.keyOrUid;
  const all = await c.engine.getKeys({ offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const key = all.results.find((k) => k.key === wanted || k.uid === wanted);
  if (!key) throw new EngineError('api_key_not_found', `API key \`${wanted}\` not found.`);
  return ok(key);
}

async function manageKeys(): Promise<Response> {
  throw new EngineError(
    'feature_not_enabled',
    'pocketsearch does not manage API keys: no authorization is enforced inside one page. `GET /keys` lists the default admin and search keys.',
  );
}

/** `POST /dumps` and `POST /snapshots` take no body; one sent anyway is read and ignored (with its size limit). */
async function drainBody(c: RouteContext): Promise<void> {
  await readBody(c.request, c.options.payloadLimit);
}

async function createDump(c: RouteContext): Promise<Response> {
  await drainBody(c);
  const create = optionalMethod(c.engine, 'createDump', 'POST /dumps');
  return accepted(await create());
}

async function dumpStatus(c: RouteContext): Promise<Response> {
  const read = optionalMethod(c.engine, 'getDumpStatus', 'GET /dumps/{dumpUid}/status');
  return ok(await read(c.params.dumpUid));
}

async function createSnapshot(c: RouteContext): Promise<Response> {
  await drainBody(c);
  const create = optionalMethod(c.engine, 'createSnapshot', 'POST /snapshots');
  return accepted(await create());
}

/** The handler's flags, overlaid with those the engine acts on (`containsFilter`). */
async function currentFeatures(c: RouteContext): Promise<ExperimentalFeatures> {
  const engineFlags = typeof c.engine.getExperimentalFeatures === 'function' ? await c.engine.getExperimentalFeatures() : {};
  const out: ExperimentalFeatures = { ...c.features };
  for (const [k, v] of Object.entries(engineFlags as Record<string, unknown>)) if (k in out && typeof v === 'boolean') out[k] = v;
  return out;
}

async function getFeatures(c: RouteContext): Promise<Response> {
  return ok(await currentFeatures(c));
}

/**
 * Accepts every Meilisearch flag. Those the engine acts on are forwarded to it (`containsFilter` enables the
 * `CONTAINS` filter operator); the others are remembered by the handler and change nothing.
 */
async function patchFeatures(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  if (!isPlainObject(body)) throw typeError('bad_request', '', 'an object', body);
  const names = Object.keys(defaultFeatures());
  for (const [k, v] of Object.entries(body)) {
    if (!names.includes(k)) throw unknownField('bad_request', k, names);
    if (v !== null && typeof v !== 'boolean') throw typeError('bad_request', `.${k}`, 'a boolean', v);
  }
  const known = typeof c.engine.getExperimentalFeatures === 'function' ? Object.keys(await c.engine.getExperimentalFeatures()) : [];
  const forEngine: Record<string, boolean> & EngineFeatures = {};
  for (const [k, v] of Object.entries(body)) {
    if (v !== null) c.features[k] = v as boolean;
    else if (k === 'legacySearch') c.features[k] = null;
    if (known.includes(k) && typeof v === 'boolean') forEngine[k] = v;
  }
  if (Object.keys(forEngine).length > 0 && typeof c.engine.updateExperimentalFeatures === 'function') await c.engine.updateExperimentalFeatures(forEngine);
  return ok(await currentFeatures(c));
}

/** Routes of Meilisearch that pocketsearch deliberately leaves out (spec: out of scope). */
function unsupported(what: string) {
  return async (): Promise<Response> => {
    throw new EngineError('feature_not_enabled', `${what} is not supported by pocketsearch.`);
  };
}

const UNSUPPORTED: [string, string][] = [
  ['/webhooks', 'Webhooks (`/webhooks`)'],
  ['/webhooks/:id', 'Webhooks (`/webhooks`)'],
  ['/network', 'Sharding and networks (`/network`)'],
  ['/chats', 'Chat completions (`/chats`)'],
  ['/chats/:workspace', 'Chat completions (`/chats`)'],
  ['/chats/:workspace/:rest', 'Chat completions (`/chats`)'],
  ['/export', 'Exporting to another instance (`/export`)'],
  ['/dynamic-search-rules', 'Dynamic search rules (`/dynamic-search-rules`)'],
  ['/dynamic-search-rules/:uid', 'Dynamic search rules (`/dynamic-search-rules`)'],
  ['/metrics', 'Prometheus metrics (`/metrics`)'],
  ['/logs/stream', 'Log streaming (`/logs`)'],
  ['/logs/stderr', 'Log streaming (`/logs`)'],
  ['/render-template', 'Template rendering (`/render-template`)'],
  ['/indexes/:indexUid/fields', 'Listing index fields (`/indexes/{indexUid}/fields`)'],
  ['/indexes/:indexUid/compact', 'Index compaction (`/indexes/{indexUid}/compact`)'],
];

export const instanceRoutes: Route[] = [
  { method: 'GET', pattern: '/health', handler: health },
  { method: 'GET', pattern: '/version', handler: version },
  { method: 'GET', pattern: '/keys', handler: listKeys },
  { method: 'POST', pattern: '/keys', handler: manageKeys },
  { method: 'GET', pattern: '/keys/:keyOrUid', handler: getKey },
  { method: 'PATCH', pattern: '/keys/:keyOrUid', handler: manageKeys },
  { method: 'DELETE', pattern: '/keys/:keyOrUid', handler: manageKeys },
  { method: 'POST', pattern: '/dumps', handler: createDump },
  { method: 'GET', pattern: '/dumps/:dumpUid/status', handler: dumpStatus },
  { method: 'POST', pattern: '/snapshots', handler: createSnapshot },
  { method: 'GET', pattern: '/experimental-features', handler: getFeatures },
  { method: 'PATCH', pattern: '/experimental-features', handler: patchFeatures },
  ...UNSUPPORTED.flatMap(([pattern, what]) =>
    (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method): Route => ({ method, pattern, handler: unsupported(what) })),
  ),
];
