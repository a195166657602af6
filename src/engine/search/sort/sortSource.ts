/** The `sort` parameter and the sort values behind it (facets layer). */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { SortCriterion } from '../../settings/rankingRules.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { SortSource } from '../pipeline.ts';

// TODO(issue 4): sort parsing/validation and sort buckets from facet columns land with the filters issue.
export function parseSortParam(_state: IndexState, sort: string[] | null, _code: 'invalid_search_sort' | 'invalid_document_sort'): SortCriterion[] {
  if (sort && sort.length) throw new EngineError('feature_not_enabled', 'Sorting is not available yet.');
  return [];
}

export function createSortSource(_reader: PostingsReader, _state: IndexState): SortSource {
  const unsupported = (): never => {
    throw new EngineError('feature_not_enabled', 'Sorting is not available yet.');
  };
  return { buckets: unsupported, geoBuckets: unsupported };
}
