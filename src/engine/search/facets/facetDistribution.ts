/** `facets` → `facetDistribution` and `facetStats` (facets layer). */
import { EngineError } from '../../../errors/engineError.ts';
import type { DocSet } from '../../storage/docSet.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { FacetStat } from '../../types/search.ts';
import type { PostingsReader } from '../postingsReader.ts';

export interface FacetResult {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, FacetStat>;
}

// TODO(issue 4): facet distribution lands with the filters issue.
export function resolveFacets(_state: IndexState, facets: string[] | null): string[] | null {
  if (facets && facets.length) throw new EngineError('feature_not_enabled', 'Facets are not available yet.');
  return facets ? [] : null;
}

export async function computeFacetDistribution(_reader: PostingsReader, _state: IndexState, _candidates: DocSet, _fields: string[]): Promise<FacetResult> {
  return { facetDistribution: {}, facetStats: {} };
}
