/**
 * Which fields a `facets` request covers (spec §1.3, §6): pattern validation against the filterable
 * rules with Meilisearch's messages, then field selection in the index's fields.
 */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { FacetOrder, FilterableAttribute } from '../../types/settings.ts';
import {
  filterablePatterns,
  isFilterEnabled,
  isSameOrNestedField,
  matchesAttributePattern,
  matchFilterableRule,
  resolveFeatures,
} from '../filter/index.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';

/** Meilisearch's `match_pattern`: Match, Parent (the string is a parent of what the pattern names), or none. */
function patternMatch(pattern: string, str: string): 'match' | 'parent' | 'none' {
  if (matchesAttributePattern(pattern, str)) return 'match';
  return isSameOrNestedField(pattern, str) ? 'parent' : 'none';
}

/** Meilisearch's `match_field_legacy`. */
function legacyMatch(pattern: string, field: string): 'match' | 'parent' | 'none' {
  if (isSameOrNestedField(field, pattern)) return 'match';
  return isSameOrNestedField(pattern, field) ? 'parent' : 'none';
}

/** Whether a filterable rule and a facet pattern overlap (either may match the other, or be its parent). */
function intersects(rule: FilterableAttribute, facet: string): boolean {
  if (typeof rule === 'string') return legacyMatch(facet, rule) !== 'none' || patternMatch(facet, rule) !== 'none';
  return rule.attributePatterns.some((p) => patternMatch(facet, p) !== 'none' || patternMatch(p, facet) !== 'none');
}

/** Whether a rule matches a string exactly (Meilisearch's `rule.match_str(...) == Match`). */
function ruleMatchesExactly(rule: FilterableAttribute, s: string): boolean {
  if (typeof rule === 'string') return legacyMatch(rule, s) === 'match';
  return rule.attributePatterns.some((p) => matchesAttributePattern(p, s));
}

/**
 * Checks `facets` patterns: each must overlap a rule that enables filtering. The error (code `code`) is
 * Meilisearch's "Invalid facet distribution: …" message.
 */
export function checkFacetPatterns(rules: readonly FilterableAttribute[], patterns: readonly string[], code: 'invalid_search_facets' = 'invalid_search_facets'): void {
  const valid = () => filterablePatterns(rules).sort(compareUtf8);
  for (const facet of patterns) {
    let ok = false;
    for (let i = 0; i < rules.length && !ok; i++) {
      const rule = rules[i];
      if (isFilterEnabled(resolveFeatures(rule))) {
        if (intersects(rule, facet)) ok = true;
      } else if (ruleMatchesExactly(rule, facet)) {
        throw new EngineError(
          code,
          `Invalid facet distribution: Attribute \`${facet}\` matched rule #${i} in filterableAttributes, but this rule does not enable filtering.\nHint: enable filtering in rule #${i} by modifying the features.filter object\nHint: prepend another rule matching \`${facet}\` with appropriate filter features before rule #${i}`,
        );
      }
    }
    if (ok) continue;
    const list = valid();
    const tail = list.length ? `Available filterable attributes patterns are: \`${list.join(', ')}\`.` : 'This index does not have configured filterable attributes.';
    throw new EngineError(code, `Invalid facet distribution: Pattern \`${facet}\` is not filterable. ${tail}`);
  }
}

/** Whether a field is filterable (its first matching rule enables filtering). */
export function isFilterableField(rules: readonly FilterableAttribute[], field: string): boolean {
  const m = matchFilterableRule(field, rules);
  return m !== null && isFilterEnabled(m.features);
}

/** A field selected for facets, with its value order. */
export interface FacetField {
  name: string;
  order: FacetOrder;
}

/**
 * The index fields `patterns` select, in byte order of their names: fields a pattern matches (`*`,
 * `a*`, `*a`, `*a*`, exact) that are filterable, plus their filterable nested fields (legacy parent rule).
 */
export function selectFacetFields(state: IndexState, patterns: readonly string[]): FacetField[] {
  const rules = state.settings.filterableAttributes;
  const byField = state.settings.faceting.sortFacetValuesBy;
  const orderOf = (name: string): FacetOrder => byField[name] ?? byField['*'] ?? 'alpha';
  const names = state.fields.names;
  const keys = names.filter((n) => patterns.some((p) => matchesAttributePattern(p, n)) && isFilterableField(rules, n));
  const keySet = new Set(keys);
  const out: FacetField[] = [];
  for (const name of names) {
    if (!isFilterableField(rules, name)) continue;
    if (!keys.some((k) => isSameOrNestedField(name, k))) continue;
    // Nested fields reached through a parent key take the default (`*`) order, as in Meilisearch.
    out.push({ name, order: keySet.has(name) ? orderOf(name) : (byField['*'] ?? 'alpha') });
  }
  return out.sort((a, b) => compareUtf8(a.name, b.name));
}
