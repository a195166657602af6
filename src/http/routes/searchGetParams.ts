/**
 * `GET /indexes/{uid}/search` query parameters → a search body (Meilisearch's `SearchQueryGet`): comma lists,
 * `true|false` booleans, `filter` JSON-decoded when it parses, `sort` split on commas with `_geoPoint(a, b)`
 * re-joined.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';
import type { SearchParams } from '../../engine/types/search.ts';
import { paramError, type QueryParams } from '../queryParams.ts';

/** Accepted parameters, in Meilisearch's declaration order (used by "Unknown parameter" messages). */
export const SEARCH_GET_PARAMS = [
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
  'hybridEmbedder',
  'hybridSemanticRatio',
  'vector',
  'retrieveVectors',
  'personalizeUserContext',
  'useNetwork',
  'showRankingScore',
  'showRankingScoreDetails',
  'showPerformanceDetails',
] as const;

function code(param: string): ErrorCode {
  return `invalid_search_${param.replace(/[A-Z]/g, (ch) => '_' + ch.toLowerCase())}` as ErrorCode;
}

/** `filter` of a GET route: the JSON value when the text parses as JSON, else the text itself. */
export function decodeFilterParam(filter: string): unknown {
  try {
    return JSON.parse(filter);
  } catch {
    return filter;
  }
}

/** Meilisearch's `fix_sort_query_parameters`: split on `,`, re-joining `_geoPoint(lat, lng):dir`. */
export function fixSortQueryParameters(sortQuery: string): string[] {
  const out: string[] = [];
  let merge = false;
  const trimmed = sortQuery.replace(/^"+|"+$/g, '');
  for (const current of trimmed.split(',').map((s) => s.trim())) {
    if (current.startsWith('_geoPoint(')) {
      out.push(current);
      merge = true;
    } else if (merge && out.length > 0) {
      out[out.length - 1] += ',' + current;
      if (current.endsWith('):desc') || current.endsWith('):asc')) merge = false;
    } else {
      out.push(current);
      merge = false;
    }
  }
  return out;
}

/** Rust `f64` parsing (no hex, no `_`). */
function parseFloatParam(s: string): number | undefined {
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return Number(s.replace(/inf(inity)?/i, 'Infinity'));
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** Converts the query string of a GET search into the body `POST /search` would take. */
export function searchGetParams(q: QueryParams): SearchParams & Record<string, unknown> {
  q.only(SEARCH_GET_PARAMS);
  const out: SearchParams & Record<string, unknown> = {};
  const str = (name: keyof SearchParams) => {
    const v = q.string(name);
    if (v !== undefined) (out as Record<string, unknown>)[name] = v;
  };
  const int = (name: keyof SearchParams) => {
    const v = q.int(name, code(name));
    if (v !== undefined) (out as Record<string, unknown>)[name] = v;
  };
  const bool = (name: string) => {
    const v = q.bool(name, code(name));
    if (v !== undefined) out[name] = v;
  };
  const list = (name: keyof SearchParams) => {
    const v = q.list(name);
    if (v !== undefined) (out as Record<string, unknown>)[name] = v;
  };
  str('q');
  int('offset');
  int('limit');
  int('page');
  int('hitsPerPage');
  list('attributesToRetrieve');
  list('attributesToCrop');
  int('cropLength');
  str('cropMarker');
  list('attributesToHighlight');
  str('highlightPreTag');
  str('highlightPostTag');
  bool('showMatchesPosition');
  const filter = q.string('filter');
  if (filter !== undefined) out.filter = decodeFilterParam(filter) as SearchParams['filter'];
  const sort = q.string('sort');
  if (sort !== undefined) out.sort = fixSortQueryParameters(sort);
  str('distinct');
  list('facets');
  const strategy = q.string('matchingStrategy');
  if (strategy !== undefined) {
    if (strategy !== 'last' && strategy !== 'all' && strategy !== 'frequency') {
      throw new EngineError('invalid_search_matching_strategy', `Unknown value \`${strategy}\` for parameter \`matchingStrategy\`: expected one of \`last\`, \`all\`, \`frequency\``);
    }
    out.matchingStrategy = strategy;
  }
  list('attributesToSearchOn');
  const threshold = q.string('rankingScoreThreshold');
  if (threshold !== undefined) {
    const f = parseFloatParam(threshold);
    if (f === undefined || !(f >= 0 && f <= 1)) {
      throw paramError(
        'invalid_search_ranking_score_threshold',
        'rankingScoreThreshold',
        'the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.',
      );
    }
    out.rankingScoreThreshold = f;
  }
  list('locales');
  for (const name of ['hybridEmbedder', 'hybridSemanticRatio', 'vector', 'personalizeUserContext'] as const) {
    if (q.has(name)) throw new EngineError('feature_not_enabled', `\`${name}\` needs embedders, which pocketsearch does not support (keyword search only).`);
  }
  bool('retrieveVectors');
  q.bool('useNetwork', 'bad_request');
  bool('showRankingScore');
  bool('showRankingScoreDetails');
  bool('showPerformanceDetails');
  return out;
}
