/**
 * Entry points of the filters/facets layer outside `search`: facet search (spec §1.5) and filtered/sorted
 * document listing (spec §1.2).
 */
import { EngineError } from '../../errors/engineError.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexState } from '../indexes/indexState.ts';
import type { DocumentsQuery } from '../types/indexes.ts';
import type { FacetSearchParams, FacetSearchResponse, Filter } from '../types/search.ts';
import { intersect, type DocSet } from '../storage/docSet.ts';
import { checkIndexUid } from '../indexes/indexUid.ts';
import { isPlainObject, typeError } from '../validation/jsonValidation.ts';
import { PostingsReader, StaleIndexState } from './postingsReader.ts';
import { parseSearchParams, type ResolvedSearchParams } from './searchParams.ts';
import { pageWindow } from './pagination.ts';
import { prepareFilter } from './filters/prepareFilter.ts';
import { evaluateFilter } from './filters/evaluateFilter.ts';
import { experimentalFeatures } from './filters/experimentalFeatures.ts';
import { createSortSource, parseSortParam, sortBuckets, geoSortBuckets } from './sort/sortSource.ts';
import { parseSortExpressions } from './sort/sortParam.ts';
import { createDistinctSource, resolveDistinct, visiblePatterns } from './facets/distinct.ts';
import { matchFacetValues } from './facets/facetValueSearch.ts';
import { parseQuery } from './query/parseQuery.ts';
import { rankDocuments } from './ranking/rankDocuments.ts';
import { filterablePatterns, matchFilterableRule, resolveFeatures } from './filter/index.ts';
import type { SortCriterion } from '../settings/rankingRules.ts';
import { GEO_FIELD } from '../indexer/segmentBuilder.ts';
import type { FilterNode } from './filter/ast.ts';

/** The candidates of a search (q + filter), as the facet search counts them. */
async function searchCandidates(ctx: EngineContext, state: IndexState, p: ResolvedSearchParams, filter: FilterNode | null): Promise<DocSet> {
  const reader = new PostingsReader(ctx.store, state, ctx.postings);
  const universe = filter ? await evaluateFilter(reader, state, filter) : state.liveDocs();
  const window = pageWindow(p, state.settings.pagination.maxTotalHits);
  const distinct = resolveDistinct(state, null);
  const ranking = await rankDocuments({
    ctx,
    state,
    reader,
    params: p,
    query: await parseQuery(state, p, reader),
    universe,
    sort: [],
    sortSource: createSortSource(reader, state),
    distinct,
    distinctSource: distinct ? createDistinctSource(reader, state, distinct) : null,
    offset: window.offset,
    limit: window.limit,
    exhaustive: window.finite,
  });
  return ranking.candidates;
}

function facetNameError(state: IndexState, facetName: string): EngineError {
  const rules = state.settings.filterableAttributes;
  const match = matchFilterableRule(facetName, rules);
  let tail: string;
  if (match) {
    const i = match.index;
    tail = `Note: this attribute matches rule #${i} in filterableAttributes, but this rule does not enable facetSearch.\nHint: enable facetSearch in rule #${i} by adding \`"facetSearch": true\` to the rule.\nHint: prepend another rule matching ${facetName} with facetSearch: true before rule #${i}`;
  } else {
    const searchable = rules.filter((r) => resolveFeatures(r).facetSearch);
    const { list, hidden } = visiblePatterns(state, filterablePatternsOf(searchable));
    tail = list.length
      ? `Available facet-searchable attributes patterns are: \`${list.join(', ')}${hidden ? ', <..hidden-attributes>' : ''}\`. To make it facet-searchable add it to the \`filterableAttributes\` index settings.`
      : 'This index does not have configured facet-searchable attributes. To make it facet-searchable add it to the `filterableAttributes` index settings.';
  }
  return new EngineError('invalid_facet_search_facet_name', `Attribute \`${facetName}\` is not facet-searchable. ${tail}`);
}

/** Patterns of rules regardless of their filter features (facet-searchable rules may not filter). */
function filterablePatternsOf(rules: Parameters<typeof filterablePatterns>[0]): string[] {
  return rules.flatMap((r) => (typeof r === 'string' ? [r] : r.attributePatterns));
}

function checkFacetSearchBody(params: FacetSearchParams): { facetName: string; facetQuery: string | null; exhaustive: boolean; search: Record<string, unknown> } {
  if (!isPlainObject(params)) throw typeError('bad_request', '', 'an object', params);
  const body = params as unknown as Record<string, unknown>;
  if (body.facetName === undefined) throw new EngineError('missing_facet_search_facet_name', 'Missing field `facetName`');
  if (typeof body.facetName !== 'string') throw typeError('invalid_facet_search_facet_name', '.facetName', 'a string', body.facetName);
  const fq = body.facetQuery;
  if (fq !== undefined && fq !== null && typeof fq !== 'string') throw typeError('invalid_facet_search_query', '.facetQuery', 'a string', fq);
  const ex = body.exhaustiveFacetCount;
  if (ex !== undefined && ex !== null && typeof ex !== 'boolean') throw typeError('invalid_facet_search_exhaustive_facet_count', '.exhaustiveFacetCount', 'a boolean', ex);
  // Unknown fields are ignored (Meilisearch's facet search lets search parameters through).
  const search: Record<string, unknown> = {};
  for (const k of ['q', 'filter', 'matchingStrategy', 'attributesToSearchOn', 'rankingScoreThreshold', 'locales', 'hybrid', 'vector', 'media']) {
    if (body[k] !== undefined) search[k] = body[k];
  }
  // An exhaustive count asks page 0: totals exact, no bucket sort of a page.
  if (ex === true) search.page = 0;
  return { facetName: body.facetName, facetQuery: (fq as string | null | undefined) ?? null, exhaustive: ex === true, search };
}

/**
 * `searchForFacetValues`: the values of `facetName` (prefix and typo matched against `facetQuery`), each
 * with its count among the documents matching `q` and `filter`.
 *
 * @example
 * ```ts
 * await index.searchForFacetValues({ facetName: 'genres', facetQuery: 'adv' });
 * // { facetHits: [{ value: 'Adventure', count: 3 }], facetQuery: 'adv', processingTimeMs: 0 }
 * ```
 */
export async function searchFacetValues(ctx: EngineContext, uid: string, params: FacetSearchParams): Promise<FacetSearchResponse> {
  const started = performance.now();
  const body = checkFacetSearchBody(params);
  const p = parseSearchParams(body.search);
  for (let attempt = 0; ; attempt++) {
    const state = await ctx.catalog.state(checkIndexUid(uid));
    try {
      const filter = prepareFilter(state, p.filter, 'invalid_search_filter', { containsFilter: experimentalFeatures(ctx).containsFilter });
      if (!state.settings.facetSearch) throw new EngineError('facet_search_disabled', 'The facet search is disabled for this index');
      const candidates = await searchCandidates(ctx, state, p, filter);
      const match = matchFilterableRule(body.facetName, state.settings.filterableAttributes);
      if (!match || !match.features.facetSearch) throw facetNameError(state, body.facetName);
      const s = state.settings;
      const fid = state.fields.id(body.facetName);
      const col = fid === undefined ? null : await new PostingsReader(ctx.store, state, ctx.postings).facetColumn(fid);
      const order = s.faceting.sortFacetValuesBy[body.facetName] ?? s.faceting.sortFacetValuesBy['*'] ?? 'alpha';
      const analyzer = state.analyzer();
      const typosOff = !s.typoTolerance.enabled || s.typoTolerance.disableOnAttributes.includes(body.facetName);
      const facetHits = col
        ? matchFacetValues(col, body.facetQuery, candidates, analyzer, order, s.faceting.maxValuesPerFacet, {
            typos: typosOff ? null : s.typoTolerance.minWordSizeForTypos,
            exactWords: new Set(s.typoTolerance.disableOnWords.map((w) => analyzer.normalizeWord(w))),
          })
        : [];
      return { facetHits, facetQuery: body.facetQuery, processingTimeMs: Math.round(performance.now() - started) };
    } catch (e) {
      if (!(e instanceof StaleIndexState) || attempt >= 2) throw e;
      ctx.catalog.invalidate([state.uid]);
    }
  }
}

/** `sort` of document routes: an array, or a comma-separated string with `_geoPoint(a, b)` kept whole. */
export function documentSortList(sort: unknown): string[] {
  if (Array.isArray(sort)) return sort.map((s, i) => {
    if (typeof s !== 'string') throw typeError('invalid_document_sort', `.sort[${i}]`, 'a string', s);
    return s;
  });
  if (typeof sort !== 'string') throw typeError('invalid_document_sort', '.sort', 'an array', sort);
  const out: string[] = [];
  for (const part of sort.split(',')) {
    const prev = out[out.length - 1];
    // `_geoPoint(1, 2):asc` was cut at its comma: glue it back.
    if (prev !== undefined && prev.includes('_geoPoint(') && !prev.includes(')')) out[out.length - 1] = `${prev},${part}`;
    else out.push(part.trim());
  }
  return out.map((s) => s.trim());
}

/** Documents ordered by sort criteria, ties in internal id order (Meilisearch's document sort). */
async function sortDocuments(reader: PostingsReader, state: IndexState, criteria: readonly SortCriterion[], docs: DocSet): Promise<number[]> {
  if (criteria.length === 0 || docs.length <= 1) return Array.from(docs);
  const [first, ...rest] = criteria;
  const out: number[] = [];
  if ('field' in first.member) {
    const fid = state.fields.id(first.member.field);
    // A sortable field no document ever had: the criterion is skipped.
    if (fid === undefined) return sortDocuments(reader, state, rest, docs);
    const col = await reader.facetColumn(fid);
    for (const b of sortBuckets(col, first.order, docs)) out.push(...(await sortDocuments(reader, state, rest, b.docs)));
  } else {
    const fid = state.fields.id(GEO_FIELD);
    const col = fid === undefined ? null : await reader.facetColumn(fid);
    for (const b of geoSortBuckets(col, first.member.geo, first.order, docs)) out.push(...(await sortDocuments(reader, state, rest, b.docs)));
  }
  return out;
}

/**
 * Filtered and sorted document listing (`getDocuments({ filter, sort })`): the matching documents of
 * `base`, in sort order (internal id order without sort). Errors carry `invalid_document_filter` /
 * `invalid_document_sort`.
 */
export async function selectDocuments(ctx: EngineContext, state: IndexState, q: DocumentsQuery, base: Uint32Array): Promise<Uint32Array> {
  const sortList = q.sort === undefined || q.sort === null ? null : documentSortList(q.sort);
  // Syntax of the sort first, then the filter, then sortability (Meilisearch's order).
  if (sortList) parseSortExpressions(sortList, 'invalid_document_sort');
  const filter = q.filter === undefined || q.filter === null ? null : prepareFilter(state, q.filter as Filter, 'invalid_document_filter', { containsFilter: experimentalFeatures(ctx).containsFilter });
  const checked = sortList ? parseSortParam(state, sortList, 'invalid_document_sort') : [];
  const reader = new PostingsReader(ctx.store, state, ctx.postings);
  let docs: DocSet = base;
  if (filter) docs = intersect(docs, await evaluateFilter(reader, state, filter));
  if (checked.length === 0) return docs;
  return Uint32Array.from(await sortDocuments(reader, state, checked, docs));
}
