/**
 * Validation of a multi-search body (spec §1.4) with Meilisearch's messages: errors inside a query name
 * its location (`.queries[1].limit`), as deserr reports them.
 */
import { EngineError } from '../../../errors/engineError.ts';
import { checkIndexUid } from '../../indexes/indexUid.ts';
import { parseSearchParams, type ResolvedSearchParams } from '../searchParams.ts';
import {
  checkKnownFields,
  expectPositiveInteger,
  expectString,
  expectStringArray,
  isPlainObject,
  typeError,
  valueError,
} from '../../validation/jsonValidation.ts';

/** One query of a multi-search, validated. */
export interface MultiQuery {
  position: number;
  indexUid: string;
  /** the body as given (federated validation looks at which keys were set) */
  raw: Record<string, unknown>;
  params: ResolvedSearchParams;
  /** `federationOptions`, when given */
  weight: number | null;
}

/** `federation`, validated with its defaults. */
export interface FederationParams {
  limit: number;
  offset: number;
  page: number | null;
  hitsPerPage: number | null;
  /** index uid → facet patterns (null: no facets, but the index is checked) */
  facetsByIndex: Map<string, string[] | null>;
  mergeFacets: { maxValuesPerFacet: number | null } | null;
  distinct: string | null;
}

const FEDERATION_FIELDS = ['limit', 'offset', 'page', 'hitsPerPage', 'facetsByIndex', 'mergeFacets', 'distinct', 'showPerformanceDetails', 'personalize'];

/** Rewrites the location of a query-level validation error to its place in the body. */
function relocate(e: unknown, position: number): unknown {
  if (!(e instanceof EngineError)) return e;
  const at = `.queries[${position}]`;
  let message = e.message.replace(/ at `\./, ` at \`${at}.`);
  if (message.startsWith('Invalid value type: ')) message = message.replace('Invalid value type: ', `Invalid value type at \`${at}\`: `);
  message = message.replace(/^Unknown field `([^`]*)`:/, `Unknown field \`$1\` inside \`${at}\`:`);
  return new EngineError(e.code, message);
}

function parseWeight(v: unknown, position: number): number | null {
  const at = `.queries[${position}].federationOptions`;
  if (v === undefined || v === null) return null;
  if (!isPlainObject(v)) throw typeError('invalid_multi_search_federation_options', at, 'an object', v);
  checkKnownFields('bad_request', v, ['weight', 'remote', 'queryPosition'], at);
  if (v.remote !== undefined && v.remote !== null) {
    throw new EngineError('feature_not_enabled', 'Performing a remote federated search requires enabling the `network` experimental feature, which pocketsearch does not support.');
  }
  if (v.queryPosition !== undefined && v.queryPosition !== null) {
    throw new EngineError('feature_not_enabled', 'Using `federationOptions.queryPosition` requires enabling the `network` experimental feature, which pocketsearch does not support.');
  }
  if (v.weight === undefined || v.weight === null) return 1;
  if (typeof v.weight !== 'number') throw typeError('invalid_multi_search_weight', `${at}.weight`, 'a number', v.weight);
  if (!(v.weight >= 0)) throw valueError('invalid_multi_search_weight', `${at}.weight`, 'the value of `weight` is invalid, expected a positive float (>= 0.0).');
  return v.weight;
}

function parseQuery(raw: unknown, position: number): MultiQuery {
  if (!isPlainObject(raw)) throw typeError('bad_request', `.queries[${position}]`, 'an object', raw);
  if (raw.indexUid === undefined) throw new EngineError('missing_index_uid', `Missing field \`indexUid\` inside \`.queries[${position}]\``);
  let indexUid: string;
  try {
    indexUid = checkIndexUid(raw.indexUid);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    throw new EngineError('invalid_index_uid', `Invalid value at \`.queries[${position}].indexUid\`: ${e.message}`);
  }
  const body = { ...raw };
  delete body.indexUid;
  const federationOptions = body.federationOptions;
  delete body.federationOptions;
  let params: ResolvedSearchParams;
  try {
    params = parseSearchParams(body);
  } catch (e) {
    throw relocate(e, position);
  }
  return { position, indexUid, raw, params, weight: parseWeight(federationOptions, position) };
}

function parseFederation(v: unknown): FederationParams | null {
  if (v === undefined || v === null) return null;
  if (!isPlainObject(v)) throw typeError('bad_request', '.federation', 'an object', v);
  checkKnownFields('bad_request', v, FEDERATION_FIELDS, '.federation');
  const int = (k: string, code: 'invalid_search_limit' | 'invalid_search_offset' | 'invalid_search_page' | 'invalid_search_hits_per_page') =>
    v[k] === undefined || v[k] === null ? null : expectPositiveInteger(code, `.federation.${k}`, v[k]);
  const facetsByIndex = new Map<string, string[] | null>();
  if (v.facetsByIndex !== undefined && v.facetsByIndex !== null) {
    if (!isPlainObject(v.facetsByIndex)) throw typeError('invalid_multi_search_facets_by_index', '.federation.facetsByIndex', 'an object', v.facetsByIndex);
    for (const [uid, patterns] of Object.entries(v.facetsByIndex)) {
      const path = `.federation.facetsByIndex.${uid}`;
      try {
        checkIndexUid(uid);
      } catch (e) {
        throw new EngineError('invalid_multi_search_facets_by_index', `Invalid value at \`${path}\`: ${(e as Error).message}`);
      }
      facetsByIndex.set(uid, patterns === null ? null : [...expectStringArray('invalid_multi_search_facets_by_index', path, patterns)]);
    }
  }
  let mergeFacets: FederationParams['mergeFacets'] = null;
  if (v.mergeFacets !== undefined && v.mergeFacets !== null) {
    if (!isPlainObject(v.mergeFacets)) throw typeError('invalid_multi_search_merge_facets', '.federation.mergeFacets', 'an object', v.mergeFacets);
    checkKnownFields('invalid_multi_search_merge_facets', v.mergeFacets, ['maxValuesPerFacet'], '.federation.mergeFacets');
    const max = v.mergeFacets.maxValuesPerFacet;
    mergeFacets = {
      maxValuesPerFacet: max === undefined || max === null ? null : expectPositiveInteger('invalid_multi_search_max_values_per_facet', '.federation.mergeFacets.maxValuesPerFacet', max),
    };
  }
  if (v.showPerformanceDetails === true) throw new EngineError('feature_not_enabled', '`showPerformanceDetails` is not supported by pocketsearch.');
  if (v.personalize !== undefined && v.personalize !== null) throw new EngineError('feature_not_enabled', '`personalize` is not supported by pocketsearch.');
  return {
    limit: int('limit', 'invalid_search_limit') ?? 20,
    offset: int('offset', 'invalid_search_offset') ?? 0,
    page: int('page', 'invalid_search_page'),
    hitsPerPage: int('hitsPerPage', 'invalid_search_hits_per_page'),
    facetsByIndex,
    mergeFacets,
    distinct: v.distinct === undefined || v.distinct === null ? null : expectString('invalid_search_distinct', '.federation.distinct', v.distinct),
  };
}

/** Validates a multi-search body: `{ queries: [...], federation? }`. */
export function parseMultiSearch(body: unknown): { queries: MultiQuery[]; federation: FederationParams | null } {
  if (!isPlainObject(body)) throw typeError('bad_request', '', 'an object', body);
  checkKnownFields('bad_request', body, ['queries', 'federation']);
  if (body.queries === undefined) throw new EngineError('bad_request', 'Missing field `queries`');
  if (!Array.isArray(body.queries)) throw typeError('bad_request', '.queries', 'an array', body.queries);
  const queries = body.queries.map((q, i) => parseQuery(q, i));
  return { queries, federation: parseFederation(body.federation) };
}
