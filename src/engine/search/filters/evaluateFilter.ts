/** Evaluation of a parsed filter over an index's facet columns (spec §6). */
import { EngineError } from '../../../errors/engineError.ts';
import type { DocSet } from '../../storage/docSet.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { FilterNode } from '../filter/index.ts';
import type { PostingsReader } from '../postingsReader.ts';

// TODO(issue 4): evaluation over facet columns lands with the filters issue.
export async function evaluateFilter(_reader: PostingsReader, _state: IndexState, _node: FilterNode): Promise<DocSet> {
  throw new EngineError('feature_not_enabled', 'Filters are not evaluated yet.');
}
