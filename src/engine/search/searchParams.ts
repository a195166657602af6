/** Validation of search parameters (spec §1.3): types, enums and ranges, with Meilisearch's codes and messages. */
import { EngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';
import type { Filter, MatchingStrategy, SearchParams } from '../types/search.ts';
import { canonicalLocale, unsupportedLocaleMessage } from '../settings/locales.ts';
import {
  expectBoolean,
  expectPositiveInteger,
  expectString,
  expectStringArray,
  isPlainObject,
  typeError,
  unknownField,
  unknownValue,
  valueError,
} from '../validation/jsonValidation.ts';

/** Search parameters with every default applied. */
export interface ResolvedSearchParams {
  q: string | null;
  offset: number;
  limit: number;
  page: number | null;
  hitsPerPage: number | null;
  attributesToRetrieve: string[] | null;
  attributesToCrop: string[] | null;
  cropLength: number;
  cropMarker: string;
  attributesToHighlight: string[] | null;
  highlightPreTag: string;
  highlightPostTag: string;
  showMatchesPosition: boolean;
  filter: Filter | null;
  sort: string[] | null;
  distinct: string | null;
  facets: string[] | null;
  matchingStrategy: MatchingStrategy;
  attributesToSearchOn: string[] | null;
  rankingScoreThreshold: number | null;
  locales: string[] | null;
  showRankingScore: boolean;
  showRankingScoreDetails: boolean;
  retrieveVectors: boolean;
}

/** Field order of Meilisearch's SearchQuery (for "Unknown field" messages). */
export const SEARCH_FIELDS = [
  'q',
  'offset',
  'limit',
  'page',
  'hitsPerPage',
  'attributesToRetrieve',
  'attributesToCrop',
  'cropLength',
  'cropMarker',
  'attributesToHighlight',
  'highlightPreTag',
  'highlightPostTag',
  'showMatchesPosition',
  'filter',
  'sort',
  'distinct',
  'facets',
  'matchingStrategy',
  'attributesToSearchOn',
  'rankingScoreThreshold',
  'locales',
  'hybrid',
  'vector',
  'retrieveVectors',
  'media',
  'personalize',
  'useNetwork',
  'showRankingScore',
  'showRankingScoreDetails',
  'showPerformanceDetails',
] as const;

function code(param: string): ErrorCode {
  return `invalid_search_${param.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}` as ErrorCode;
}

/** `null`-tolerant typed read: undefined/null → fallback. */
function opt<T>(v: unknown, read: (v: unknown) => T, fallback: T): T {
  return v === undefined || v === null ? fallback : read(v);
}

export function parseLocales(c: ErrorCode, path: string, v: unknown): string[] {
  return expectStringArray(c, path, v).map((l, i) => {
    const canon = canonicalLocale(l);
    if (!canon) throw valueError(c, `${path}[${i}]`, unsupportedLocaleMessage(l));
    return canon;
  });
}

export function parseRankingScoreThreshold(c: ErrorCode, path: string, v: unknown): number {
  if (typeof v !== 'number') throw typeError(c, path, 'a number', v);
  if (!(v >= 0 && v <= 1)) throw valueError(c, path, 'the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.');
  return v;
}

export function parseMatchingStrategy(c: ErrorCode, path: string, v: unknown): MatchingStrategy {
  if (typeof v !== 'string') throw typeError(c, path, 'a string', v);
  if (v !== 'last' && v !== 'all' && v !== 'frequency') throw unknownValue(c, path, v, ['last', 'all', 'frequency']);
  return v;
}

/**
 * Validates a search body. `q` may also be given separately (the JS client's `search(q, params)`).
 * `extraFields` are accepted on top (multi-search adds `indexUid` and `federationOptions`).
 */
export function parseSearchParams(input: unknown, extraFields: readonly string[] = []): ResolvedSearchParams {
  if (input === undefined || input === null) input = {};
  if (!isPlainObject(input)) throw typeError('bad_request', '', 'an object', input);
  const p = input as Record<string, unknown> & SearchParams;
  const allowed = [...SEARCH_FIELDS, ...extraFields];
  for (const k of Object.keys(p)) {
    if (p[k] !== undefined && !allowed.includes(k)) throw unknownField('bad_request', k, allowed);
  }
  for (const k of ['hybrid', 'vector', 'media', 'personalize'] as const) {
    if (p[k] !== undefined && p[k] !== null) {
      throw new EngineError('feature_not_enabled', `\`${k}\` needs embedders, which pocketsearch does not support (keyword search only).`);
    }
  }
  if (p.showPerformanceDetails !== undefined && p.showPerformanceDetails !== null) {
    if (expectBoolean(code('showPerformanceDetails'), '.showPerformanceDetails', p.showPerformanceDetails)) {
      throw new EngineError('feature_not_enabled', '`showPerformanceDetails` is not supported by pocketsearch.');
    }
  }
  if (p.useNetwork !== undefined && p.useNetwork !== null) expectBoolean('bad_request', '.useNetwork', p.useNetwork);
  const path = (k: string) => `.${k}`;
  const str = (k: string) => (v: unknown) => expectString(code(k), path(k), v);
  const int = (k: string) => (v: unknown) => expectPositiveInteger(code(k), path(k), v);
  const bool = (k: string) => (v: unknown) => expectBoolean(code(k), path(k), v);
  const strList = (k: string) => (v: unknown) => [...expectStringArray(code(k), path(k), v)];
  const filter = p.filter;
  if (filter !== undefined && filter !== null && typeof filter !== 'string' && !Array.isArray(filter)) {
    throw new EngineError('invalid_search_filter', `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(filter)}\`.`);
  }
  return {
    q: opt(p.q, str('q'), null),
    offset: opt(p.offset, int('offset'), 0),
    limit: opt(p.limit, int('limit'), 20),
    page: opt(p.page, int('page'), null),
    hitsPerPage: opt(p.hitsPerPage, int('hitsPerPage'), null),
    attributesToRetrieve: opt(p.attributesToRetrieve, strList('attributesToRetrieve'), null),
    attributesToCrop: opt(p.attributesToCrop, strList('attributesToCrop'), null),
    cropLength: opt(p.cropLength, int('cropLength'), 10),
    cropMarker: opt(p.cropMarker, str('cropMarker'), '…'),
    attributesToHighlight: opt(p.attributesToHighlight, strList('attributesToHighlight'), null),
    highlightPreTag: opt(p.highlightPreTag, str('highlightPreTag'), '<em>'),
    highlightPostTag: opt(p.highlightPostTag, str('highlightPostTag'), '</em>'),
    showMatchesPosition: opt(p.showMatchesPosition, bool('showMatchesPosition'), false),
    filter: (filter ?? null) as Filter | null,
    sort: opt(p.sort, strList('sort'), null),
    distinct: opt(p.distinct, str('distinct'), null),
    facets: opt(p.facets, strList('facets'), null),
    matchingStrategy: opt(p.matchingStrategy, (v) => parseMatchingStrategy(code('matchingStrategy'), path('matchingStrategy'), v), 'last'),
    attributesToSearchOn: opt(p.attributesToSearchOn, strList('attributesToSearchOn'), null),
    rankingScoreThreshold: opt(p.rankingScoreThreshold, (v) => parseRankingScoreThreshold(code('rankingScoreThreshold'), path('rankingScoreThreshold'), v), null),
    locales: opt(p.locales, (v) => parseLocales(code('locales'), path('locales'), v), null),
    showRankingScore: opt(p.showRankingScore, bool('showRankingScore'), false),
    showRankingScoreDetails: opt(p.showRankingScoreDetails, bool('showRankingScoreDetails'), false),
    retrieveVectors: opt((p as Record<string, unknown>).retrieveVectors, bool('retrieveVectors'), false),
  };
}
