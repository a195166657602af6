/**
 * One query of a federated search run on its index: the stages of `searchIndex` up to the ranked
 * hits, with scores always computed (federation merges on them) and the candidates kept for facets.
 */
import type { EngineContext } from '../../engineContext.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { DocSet } from '../../storage/docSet.ts';
import type { MatchingWords, RankedHit } from '../pipeline.ts';
import { PostingsReader } from '../postingsReader.ts';
import type { ResolvedSearchParams } from '../searchParams.ts';
import { prepareFilter } from '../filters/prepareFilter.ts';
import { evaluateFilter } from '../filters/evaluateFilter.ts';
import { experimentalFeatures } from '../filters/experimentalFeatures.ts';
import { createSortSource, parseSortParam } from '../sort/sortSource.ts';
import { createDistinctSource, resolveDistinct } from '../facets/distinct.ts';
import { parseQuery } from '../query/parseQuery.ts';
import { rankDocuments } from '../ranking/rankDocuments.ts';

/** What a federated query yields before its hits are formatted. */
export interface QueryRun {
  state: IndexState;
  params: ResolvedSearchParams;
  reader: PostingsReader;
  page: RankedHit[];
  candidates: DocSet;
  words: MatchingWords | null;
}

/**
 * Runs `p` on `state`: the first `limit` hits (offset 0), exact totals when `exhaustive`. `distinct`
 * (the federation's) replaces the query's own.
 */
export async function runQuery(
  ctx: EngineContext,
  state: IndexState,
  p: ResolvedSearchParams,
  limit: number,
  exhaustive: boolean,
  federationDistinct: string | null,
): Promise<QueryRun> {
  const filter = prepareFilter(state, p.filter, 'invalid_search_filter', { containsFilter: experimentalFeatures(ctx).containsFilter });
  const sort = parseSortParam(state, p.sort, 'invalid_search_sort');
  const distinct = resolveDistinct(state, federationDistinct ?? p.distinct);
  const reader = new PostingsReader(ctx.store, state, ctx.postings);
  const universe = filter ? await evaluateFilter(reader, state, filter) : state.liveDocs();
  const query = await parseQuery(state, p, reader);
  const scored: ResolvedSearchParams = { ...p, showRankingScore: true, showRankingScoreDetails: true };
  const ranking = await rankDocuments({
    ctx,
    state,
    reader,
    params: scored,
    query,
    universe,
    sort,
    sortSource: createSortSource(reader, state),
    distinct,
    distinctSource: distinct ? createDistinctSource(reader, state, distinct) : null,
    offset: 0,
    limit,
    exhaustive,
  });
  return { state, params: p, reader, page: ranking.page, candidates: ranking.candidates, words: query?.matchingWords ?? null };
}
