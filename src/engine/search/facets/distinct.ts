/** The distinct attribute in effect and its values (facets layer). */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { DistinctSource } from '../pipeline.ts';

// TODO(issue 4): distinct lands with the filters issue.
export function resolveDistinct(state: IndexState, param: string | null): string | null {
  const field = param ?? state.settings.distinctAttribute;
  if (field !== null) throw new EngineError('feature_not_enabled', 'Distinct is not available yet.');
  return null;
}

export function createDistinctSource(_reader: PostingsReader, _state: IndexState, _field: string): DistinctSource {
  throw new EngineError('feature_not_enabled', 'Distinct is not available yet.');
}
