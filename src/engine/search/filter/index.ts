/**
 * Filter front end: parse Meilisearch filter expressions into a {@link FilterNode} AST and check them
 * against `filterableAttributes`, with Meilisearch's error messages. Evaluation lives elsewhere.
 *
 * @example
 * ```ts
 * import { parseFilter, checkFilterable } from './search/filter/index.ts';
 * const node = parseFilter(params.filter, 'invalid_search_filter');
 * if (node) checkFilterable(node, settings.filterableAttributes, 'invalid_search_filter');
 * ```
 */

export type * from './ast.ts';
export { parseFilter } from './parseFilter.ts';
export { checkFilterable, checkFilterFeatures, type CheckFilterableOptions } from './checkFilterable.ts';
export {
  filterablePatterns,
  isFilterEnabled,
  isGeoFilterEnabled,
  isGeoJsonFilterEnabled,
  matchFilterableRule,
  matchesAttributePattern,
  isSameOrNestedField,
  resolveFeatures,
  ruleMatches,
  type FilterableRuleMatch,
  type ResolvedFilterFeatures,
} from './filterableRules.ts';
export { formatSpanPosition, tokenError, type FilterErrorCode } from './filterErrors.ts';
export { MAX_FILTER_DEPTH } from './expressionParser.ts';
