/** Parses a filter parameter and checks it against the index's filterable attributes. */
import type { IndexState } from '../../indexes/indexState.ts';
import type { Filter } from '../../types/search.ts';
import { checkFilterable, parseFilter, type FilterNode } from '../filter/index.ts';

export function prepareFilter(state: IndexState, filter: Filter | null, code: 'invalid_search_filter' | 'invalid_document_filter'): FilterNode | null {
  const node = parseFilter(filter, code);
  if (!node) return null;
  checkFilterable(node, state.settings.filterableAttributes, code, { fieldExists: (f) => state.fields.id(f) !== undefined });
  return node;
}
