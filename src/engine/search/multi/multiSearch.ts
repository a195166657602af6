/**
 * `multiSearch({ queries, federation })` (spec §1.4): several searches in one call, each result apart
 * (non-federated) or merged into one list (federated, see `federatedSearch.ts`).
 */
import { EngineError, toEngineError } from '../../../errors/engineError.ts';
import type { EngineContext } from '../../engineContext.ts';
import type { FederatedSearchResponse, MultiSearchParams, MultiSearchResponse, SearchResponse } from '../../types/search.ts';
import { searchIndex } from '../searchIndex.ts';
import { parseMultiSearch } from './multiSearchParams.ts';
import { federatedSearch } from './federatedSearch.ts';

/**
 * Runs a multi-search. An error in query *i* fails the whole call, its message prefixed with
 * "Inside `.queries[i]`: ".
 *
 * @example
 * ```ts
 * const { results } = await multiSearch(ctx, { queries: [{ indexUid: 'movies', q: 'carol' }, { indexUid: 'books', q: 'carol' }] });
 * const merged = await multiSearch(ctx, { federation: { limit: 5 }, queries: [...] });
 * ```
 */
export async function multiSearch(ctx: EngineContext, body: MultiSearchParams): Promise<MultiSearchResponse | FederatedSearchResponse> {
  const { queries, federation } = parseMultiSearch(body);
  if (federation) return federatedSearch(ctx, queries, federation);
  const results: (SearchResponse & { indexUid: string })[] = [];
  for (const q of queries) {
    const inside = `Inside \`.queries[${q.position}]\`: `;
    if (q.weight !== null) {
      throw new EngineError(
        'invalid_multi_search_federation_options',
        `${inside}Using \`federationOptions\` is not allowed in a non-federated search.\n - Hint: remove \`federationOptions\` from the query or add \`federation\` to the request.`,
      );
    }
    try {
      results.push({ indexUid: q.indexUid, ...(await searchIndex(ctx, q.indexUid, q.params)) });
    } catch (e) {
      throw toEngineError(e).withPrefix(inside);
    }
  }
  return { results };
}
