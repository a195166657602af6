/**
 * Matching attributes against `filterableAttributes` rules (spec §1.6), shared by filters, facets and sort.
 *
 * A string rule is the legacy form: it matches the attribute itself and its nested sub-fields
 * (`"a"` covers `a` and `a.b`, not `ab`), with every feature on. An object rule matches through its
 * `attributePatterns`: `*` alone matches anything, `x*` a prefix, `*x` a suffix, `*x*` a substring,
 * anything else only itself (no nested sub-fields). The first rule that matches decides.
 */

import type { FilterableAttribute, FilterableAttributeRule } from '../../types/settings.ts';

/** Features of a rule with its defaults applied. */
export interface ResolvedFilterFeatures {
  readonly facetSearch: boolean;
  readonly filter: { readonly equality: boolean; readonly comparison: boolean };
}

/** The rule that decides for an attribute. */
export interface FilterableRuleMatch {
  readonly rule: FilterableAttribute;
  /** Position of the rule in `filterableAttributes` (0-based, as in Meilisearch's "rule #0"). */
  readonly index: number;
  readonly features: ResolvedFilterFeatures;
}

const LEGACY_FEATURES: ResolvedFilterFeatures = { facetSearch: true, filter: { equality: true, comparison: true } };

/**
 * Features of a rule: all on for a string rule; for an object rule `facetSearch` defaults to false,
 * `filter.equality` to true and `filter.comparison` to false.
 */
export function resolveFeatures(rule: FilterableAttribute): ResolvedFilterFeatures {
  if (typeof rule === 'string') return LEGACY_FEATURES;
  const features = rule.features ?? {};
  return {
    facetSearch: features.facetSearch ?? false,
    filter: { equality: features.filter?.equality ?? true, comparison: features.filter?.comparison ?? false },
  };
}

/** Whether features allow filtering at all (equality or comparison). */
export function isFilterEnabled(features: ResolvedFilterFeatures): boolean {
  return features.filter.equality || features.filter.comparison;
}

/** Whether `field` is `parent` or one of its nested sub-fields (`a` → `a`, `a.b`; not `ab`). */
export function isSameOrNestedField(field: string, parent: string): boolean {
  return field.startsWith(parent) && (field.length === parent.length || field[parent.length] === '.');
}

/** Whether an attribute pattern of an object rule matches `attribute` (no nested sub-fields). */
export function matchesAttributePattern(pattern: string, attribute: string): boolean {
  if (pattern === '*') return true;
  const leading = pattern.startsWith('*');
  const trailing = pattern.endsWith('*');
  if (leading && trailing) return attribute.includes(pattern.slice(1, -1));
  if (leading) return attribute.endsWith(pattern.slice(1));
  if (trailing) return attribute.startsWith(pattern.slice(0, -1));
  return pattern === attribute;
}

/** Whether one rule matches `attribute`. */
export function ruleMatches(rule: FilterableAttribute, attribute: string): boolean {
  if (typeof rule === 'string') return isSameOrNestedField(attribute, rule);
  return rule.attributePatterns.some((pattern) => matchesAttributePattern(pattern, attribute));
}

/**
 * The first rule of `rules` that matches `attribute`, with its features, or `null`. A matching rule
 * whose features disable filtering still decides (the attribute is then not filterable).
 *
 * @example
 * ```ts
 * matchFilterableRule('doggos.age', ['doggos']); // { rule: 'doggos', index: 0, features: all on }
 * matchFilterableRule('price_eur', [{ attributePatterns: ['price_*'] }]); // equality only
 * ```
 */
export function matchFilterableRule(
  attribute: string,
  rules: readonly FilterableAttribute[],
): FilterableRuleMatch | null {
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index] as FilterableAttribute;
    if (ruleMatches(rule, attribute)) return { rule, index, features: resolveFeatures(rule) };
  }
  return null;
}

/** Byte-order (code point) comparison, like Rust's `str` ordering. */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The patterns of the rules that allow filtering, deduplicated and sorted (as listed in error messages). */
export function filterablePatterns(rules: readonly FilterableAttribute[]): string[] {
  const patterns = new Set<string>();
  for (const rule of rules) {
    if (!isFilterEnabled(resolveFeatures(rule))) continue;
    if (typeof rule === 'string') patterns.add(rule);
    else for (const pattern of (rule as FilterableAttributeRule).attributePatterns) patterns.add(pattern);
  }
  return [...patterns].sort(compareCodePoints);
}

/** Whether `_geo` is declared filterable (only the string rule `"_geo"` counts). */
export function isGeoFilterEnabled(rules: readonly FilterableAttribute[]): boolean {
  return rules.some((rule) => rule === '_geo');
}

/** Whether `_geojson` is declared filterable (only the string rule `"_geojson"` counts). */
export function isGeoJsonFilterEnabled(rules: readonly FilterableAttribute[]): boolean {
  return rules.some((rule) => rule === '_geojson');
}
