/**
 * Checks a parsed filter against the index's `filterableAttributes` and the experimental features,
 * reporting the same error Meilisearch reports first.
 */

import { EngineError } from '../../../errors/engineError.ts';
import type { FilterableAttribute } from '../../types/settings.ts';
import type { FilterGeo, FilterLeaf, FilterNode, FilterSpan, FilterValue } from './ast.ts';
import { tokenError, type FilterErrorCode } from './filterErrors.ts';
import {
  filterablePatterns,
  isFilterEnabled,
  isGeoFilterEnabled,
  isGeoJsonFilterEnabled,
  matchFilterableRule,
  type ResolvedFilterFeatures,
} from './filterableRules.ts';
import { asUsize, formatAsUsize, formatF64 } from './rustCompat.ts';

/** Options of {@link checkFilterable}. */
export interface CheckFilterableOptions {
  /** The experimental `containsFilter` feature; without it `CONTAINS` is refused. Default false. */
  readonly containsFilterEnabled?: boolean;
  /**
   * Whether the index has ever seen an attribute. Meilisearch skips the operator check (and matches
   * nothing) for a filterable attribute absent from every document. Default: every attribute exists.
   */
  readonly fieldExists?: (attribute: string) => boolean;
}

const CONTAINS_DISABLED =
  'Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature. See https://github.com/orgs/meilisearch/discussions/763';
const SHARD_DISABLED =
  'using a shard filter requires enabling the `network` experimental feature. See https://github.com/orgs/meilisearch/discussions/805';

function* preorder(node: FilterNode): Generator<FilterNode> {
  const stack: FilterNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as FilterNode;
    yield current;
    if (current.kind === 'not') stack.push(current.child);
    else if (current.kind === 'and' || current.kind === 'or') {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as FilterNode);
    }
  }
}

function isLeaf(node: FilterNode): node is FilterLeaf {
  return 'attribute' in node;
}

/**
 * Refuses the features pocketsearch keeps disabled: `CONTAINS` (unless `containsFilterEnabled`,
 * `feature_not_enabled`, pointing at the first `CONTAINS` keyword) and the `_shard` attribute
 * (sharding is not supported). Called by {@link checkFilterable}; callers that only parse (e.g. the
 * delete-by-filter route, which checks filterability when the task runs) call it on its own.
 */
export function checkFilterFeatures(node: FilterNode, options: CheckFilterableOptions = {}): void {
  if (!options.containsFilterEnabled) {
    for (const n of preorder(node)) {
      if (n.kind === 'contains') throw tokenError('feature_not_enabled', CONTAINS_DISABLED, n.keywordSpan);
    }
  }
  for (const n of preorder(node)) {
    if (isLeaf(n) && n.attribute === '_shard') throw tokenError('feature_not_enabled', SHARD_DISABLED, n.attributeSpan);
  }
}

function notFilterable(code: FilterErrorCode, attribute: string, rules: readonly FilterableAttribute[], span: FilterSpan): EngineError {
  const patterns = filterablePatterns(rules);
  const available =
    patterns.length === 0
      ? 'This index does not have configured filterable attributes.'
      : `Available filterable attribute patterns are: ${patterns.map((p) => `\`${p}\``).join(', ')}.`;
  return tokenError(code, `Attribute \`${attribute}\` is not filterable. ${available}`, span);
}

function allowedOperators(features: ResolvedFilterFeatures): string[] {
  if (!isFilterEnabled(features)) return [];
  const ops = ['OR', 'AND', 'NOT'];
  if (features.filter.equality) ops.push('=', '!=', 'IN');
  if (features.filter.comparison) ops.push('<', '>', '<=', '>=', 'TO');
  ops.push('IS EMPTY', 'IS NULL', 'EXISTS');
  return ops;
}

function operatorNotAllowed(attribute: string, operator: string, index: number, features: ResolvedFilterFeatures): EngineError {
  const feature = ['=', '!=', 'IN'].includes(operator)
    ? 'equality'
    : ['<', '>', '<=', '>=', 'TO'].includes(operator)
      ? 'comparison'
      : 'the appropriate filter operators';
  return new EngineError(
    'invalid_search_filter',
    `Filter operator \`${operator}\` is not allowed for the attribute \`${attribute}\`.\n` +
      `  - Note: allowed operators: ${allowedOperators(features).join(', ')}.\n` +
      `  - Note: field \`${attribute}\` matched rule #${index} in \`filterableAttributes\`\n` +
      `  - Hint: enable ${feature} in rule #${index} by modifying the features.filter object\n` +
      `  - Hint: prepend another rule matching \`${attribute}\` with appropriate filter features before rule #${index}`,
  );
}

/** The operator a leaf is checked as, and whether the features allow it (`null`: nothing to check). */
function leafOperator(leaf: FilterLeaf, features: ResolvedFilterFeatures): [string, boolean] | null {
  const { equality, comparison } = features.filter;
  switch (leaf.kind) {
    case 'compare':
      return [leaf.operator, leaf.operator === '=' || leaf.operator === '!=' ? equality : comparison];
    case 'range':
      return ['TO', comparison];
    case 'in':
      // each element is checked as an `=`; an empty list checks nothing
      return leaf.values.length === 0 ? null : ['=', equality];
    case 'exists':
      return ['EXISTS', isFilterEnabled(features)];
    case 'isNull':
      return ['IS NULL', isFilterEnabled(features)];
    case 'isEmpty':
      return ['IS EMPTY', isFilterEnabled(features)];
    case 'startsWith':
    case 'contains':
      return null;
  }
}

/** A geo argument as a finite number, or the error Meilisearch gives for it. */
function finite(code: FilterErrorCode, value: FilterValue): number {
  if (value.number === null) throw tokenError(code, 'Non finite floats are not supported', value.span);
  return value.number;
}

function checkLat(code: FilterErrorCode, value: FilterValue, lat: number): void {
  if (lat < -90 || lat > 90) {
    throw tokenError(code, `Bad latitude \`${formatF64(lat)}\`. Latitude must be contained between -90 and 90 degrees.`, value.span);
  }
}

function checkLng(code: FilterErrorCode, value: FilterValue, lng: number): void {
  if (lng < -180 || lng > 180) {
    let wrapped = (lng + 180) % 360;
    if (wrapped < 0) wrapped += 360;
    const hint = formatF64(wrapped - 180);
    throw tokenError(
      code,
      `Bad longitude \`${formatF64(lng)}\`. Longitude must be contained between -180 and 180 degrees. Hint: try using \`${hint}\` instead.`,
      value.span,
    );
  }
}

function checkGeo(code: FilterErrorCode, node: FilterGeo, rules: readonly FilterableAttribute[]): void {
  const geoEnabled = isGeoFilterEnabled(rules) || isGeoJsonFilterEnabled(rules);
  if (node.kind === 'geoRadius') {
    const lat = finite(code, node.lat);
    const lng = finite(code, node.lng);
    checkLat(code, node.lat, lat);
    checkLng(code, node.lng, lng);
    finite(code, node.radius);
    if (node.resolution) {
      const resolution = asUsize(finite(code, node.resolution));
      if (resolution < 3 || resolution > 1000) {
        const shown = formatAsUsize(finite(code, node.resolution));
        throw tokenError(code, `Invalid resolution \`${shown}\`. Resolution must be between 3 and 1000.`, node.resolution.span);
      }
    }
    if (!geoEnabled) throw notFilterable(code, '_geo/_geojson', rules, node.lat.span);
  } else if (node.kind === 'geoBoundingBox') {
    const [top, right] = node.topRight;
    const [bottom, left] = node.bottomLeft;
    const [t, r, b, l] = [finite(code, top), finite(code, right), finite(code, bottom), finite(code, left)];
    checkLat(code, top, t);
    checkLng(code, right, r);
    checkLat(code, bottom, b);
    checkLng(code, left, l);
    if (t < b) {
      throw tokenError(code, `The top latitude \`${formatF64(t)}\` is below the bottom latitude \`${formatF64(b)}\`.`, left.span);
    }
    if (!geoEnabled) throw notFilterable(code, '_geo/_geojson', rules, top.span);
  } else {
    if (!isGeoJsonFilterEnabled(rules)) throw notFilterable(code, '_geojson', rules, node.points[0][0].span);
    for (const [latValue, lngValue] of node.points) {
      const lat = finite(code, latValue);
      const lng = finite(code, lngValue);
      checkLat(code, latValue, lat);
      checkLng(code, lngValue, lng);
    }
  }
}

/**
 * Throws the error Meilisearch reports for a filter the index cannot run, checking in its order:
 * 1. disabled features ({@link checkFilterFeatures}, `feature_not_enabled`);
 * 2. attributes that no rule makes filterable — the last such leaf in the text is reported (`code`):
 *    "Attribute `x` is not filterable. Available filterable attribute patterns are: `a`, `b`." or
 *    "… This index does not have configured filterable attributes.", then the position line;
 * 3. in evaluation order (left to right): operators the matching rule's `features` disallow
 *    (equality: `=`, `!=`, `IN` — reported as `=`; comparison: `<`, `>`, `<=`, `>=`, `TO`;
 *    `EXISTS`, `IS NULL`, `IS EMPTY` need either; `STARTS WITH`, `CONTAINS` need nothing more),
 *    always with code `invalid_search_filter` as Meilisearch does, even for document filters;
 *    geo functions: non-finite or out-of-range coordinates, resolution outside 3..=1000, a bounding
 *    box whose top is below its bottom, then `_geo` not filterable (`_geoPolygon` needs `_geojson`).
 *
 * Unlike Meilisearch, which evaluates as it checks and so skips the rest of an `AND` once it matches
 * nothing, every operand is checked.
 *
 * @example
 * ```ts
 * const node = parseFilter('genre = horror AND year > 2000', 'invalid_search_filter');
 * if (node) checkFilterable(node, settings.filterableAttributes, 'invalid_search_filter');
 * ```
 */
export function checkFilterable(
  node: FilterNode,
  rules: readonly FilterableAttribute[],
  code: FilterErrorCode,
  options: CheckFilterableOptions = {},
): void {
  checkFilterFeatures(node, options);

  const leaves = [...preorder(node)].filter(isLeaf);
  for (let i = leaves.length - 1; i >= 0; i--) {
    const leaf = leaves[i] as FilterLeaf;
    if (leaf.attribute === '_vectors' || leaf.attribute === '_shard') continue;
    const match = matchFilterableRule(leaf.attribute, rules);
    if (!match || !isFilterEnabled(match.features)) throw notFilterable(code, leaf.attribute, rules, leaf.attributeSpan);
  }

  for (const n of preorder(node)) {
    if (n.kind === 'geoRadius' || n.kind === 'geoBoundingBox' || n.kind === 'geoPolygon') {
      checkGeo(code, n, rules);
      continue;
    }
    if (!isLeaf(n)) continue;
    if (options.fieldExists && !options.fieldExists(n.attribute)) continue;
    const match = matchFilterableRule(n.attribute, rules);
    if (!match) continue;
    const operator = leafOperator(n, match.features);
    if (operator && !operator[1]) throw operatorNotAllowed(n.attribute, operator[0], match.index, match.features);
  }
}
