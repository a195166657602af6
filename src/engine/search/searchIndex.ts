/**
 * Search in one index, wiring the stages of `pipeline.ts`: plan → universe (filter) → query → ranking →
 * facets → hits. Retries when a concurrent commit replaced the segments being read.
 */
import type { EngineContext } from '../engineContext.ts';
import type { IndexState } from '../indexes/indexState.ts';
import type { SearchResponse } from '../types/search.ts';
import { uuidV7 } from '../util/uuid.ts';
import { PostingsReader, StaleIndexState } from './postingsReader.ts';
import type { ResolvedSearchParams } from './searchParams.ts';
import { pageWindow, paginationFields } from './pagination.ts';
import { readDocuments } from './documentShape.ts';
import { prepareFilter } from './filters/prepareFilter.ts';
import { experimentalFeatures } from './filters/experimentalFeatures.ts';
import { evaluateFilter } from './filters/evaluateFilter.ts';
import { createSortSource, parseSortParam } from './sort/sortSource.ts';
import { createDistinctSource, resolveDistinct } from './facets/distinct.ts';
import { computeFacetDistribution, resolveFacets } from './facets/facetDistribution.ts';
import { formatHits } from './format/formatHits.ts';
import { parseQuery } from './query/parseQuery.ts';
import { rankDocuments } from './ranking/rankDocuments.ts';

async function runSearch(ctx: EngineContext, state: IndexState, p: ResolvedSearchParams, started: number): Promise<SearchResponse> {
  const settings = state.settings;
  const maxTotalHits = settings.pagination.maxTotalHits;
  const window = pageWindow(p, maxTotalHits);
  // Plan: everything that can be rejected is checked before reading postings.
  const filter = prepareFilter(state, p.filter, 'invalid_search_filter', { containsFilter: experimentalFeatures(ctx).containsFilter });
  const sort = parseSortParam(state, p.sort, 'invalid_search_sort');
  const distinct = resolveDistinct(state, p.distinct);
  const facets = resolveFacets(state, p.facets);
  const reader = new PostingsReader(ctx.store, state, ctx.postings);
  const universe = filter ? await evaluateFilter(reader, state, filter) : state.liveDocs();
  const query = await parseQuery(state, p, reader);
  const ranking = await rankDocuments({
    ctx,
    state,
    reader,
    params: p,
    query,
    universe,
    sort,
    sortSource: createSortSource(reader, state),
    distinct,
    distinctSource: distinct ? createDistinctSource(reader, state, distinct) : null,
    offset: window.offset,
    limit: window.limit,
    exhaustive: window.finite,
  });
  const facetResult = facets ? await computeFacetDistribution(reader, state, ranking.candidates, facets) : null;
  const docs = await readDocuments(ctx, state, ranking.page.map((h) => h.docid));
  const hits = formatHits(state, docs, ranking.page, p, query?.matchingWords ?? null);
  const response: SearchResponse = {
    hits,
    query: p.q ?? '',
    processingTimeMs: 0,
    ...paginationFields(window, p, ranking.totalHits, maxTotalHits),
  };
  if (facetResult) {
    response.facetDistribution = facetResult.facetDistribution;
    response.facetStats = facetResult.facetStats;
  }
  response.requestUid = uuidV7();
  response.processingTimeMs = Math.round(performance.now() - started);
  return response;
}

export async function searchIndex(ctx: EngineContext, uid: string, params: ResolvedSearchParams): Promise<SearchResponse> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    const state = await ctx.catalog.state(uid);
    try {
      return await runSearch(ctx, state, params, started);
    } catch (e) {
      if (!(e instanceof StaleIndexState) || attempt >= 2) throw e;
      ctx.catalog.invalidate([uid]);
    }
  }
}
