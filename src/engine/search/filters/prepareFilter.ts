/** Parses a filter parameter and checks it against the index's filterable attributes (spec §6). */
import { toEngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { Filter } from '../../types/search.ts';
import { checkFilterable, checkFilterFeatures, parseFilter, type FilterNode } from '../filter/index.ts';

/** Options of {@link prepareFilter}. */
export interface PrepareFilterOptions {
  /** The `containsFilter` experimental feature (CONTAINS is refused without it). */
  containsFilter?: boolean;
}

/**
 * Parses `filter` and refuses what the index cannot run, with Meilisearch's errors: syntax errors and
 * disabled features as they are, filterability and operator errors prefixed with "Index `uid`: " on the
 * search route (Meilisearch raises those inside the index), bare on document routes.
 *
 * @example
 * ```ts
 * const node = prepareFilter(state, ['genre = horror', ['year > 2000', 'year < 1950']], 'invalid_search_filter');
 * ```
 */
export function prepareFilter(
  state: IndexState,
  filter: Filter | null,
  code: 'invalid_search_filter' | 'invalid_document_filter',
  options: PrepareFilterOptions = {},
): FilterNode | null {
  const node = parseFilter(filter, code);
  if (!node) return null;
  const check = { containsFilterEnabled: options.containsFilter ?? false, fieldExists: (f: string) => state.fields.id(f) !== undefined };
  checkFilterFeatures(node, check);
  try {
    checkFilterable(node, state.settings.filterableAttributes, code, check);
  } catch (e) {
    if (code === 'invalid_search_filter') throw toEngineError(e).withPrefix(`Index \`${state.uid}\`: `);
    throw e;
  }
  return node;
}
