/**
 * Which fields are searched (and with which weight) and which get facet columns, from the settings.
 * One place for these decisions: the indexer, the search and the settings diff all ask here.
 */
import type { Settings } from '../types/settings.ts';
import { isSameOrNestedField, matchesAttributePattern, ruleMatches } from '../search/filter/index.ts';

/** `attribute` covers `path` itself and its nested fields `path.…`. */
export function coversPath(attribute: string, path: string): boolean {
  return isSameOrNestedField(path, attribute);
}

/** Glob with `*` wildcards (`*`, `a*`, `*a`, `*a*`), as in localizedAttributes and facet patterns. */
export function matchesPattern(pattern: string, path: string): boolean {
  return matchesAttributePattern(pattern, path);
}

/** Weight of a searchable path: index of the first matching entry (0 for every field with `["*"]`), or -1. */
export function searchableWeight(searchable: readonly string[], path: string): number {
  if (searchable.includes('*')) return 0;
  for (let i = 0; i < searchable.length; i++) if (coversPath(searchable[i], path)) return i;
  return -1;
}

/** Fields of the custom `field:asc|desc` ranking rules (they sort on facet values like the sort rule). */
export function ascDescFields(rankingRules: readonly string[]): string[] {
  return rankingRules.flatMap((r) => {
    const m = /^(.+):(asc|desc)$/.exec(r);
    return m && !m[1].startsWith('_geoPoint(') ? [m[1]] : [];
  });
}

/** True when `path` needs a facet column (filterable, sortable, distinct, or a custom ranking rule's field). */
export function isFacetedPath(settings: Settings, path: string): boolean {
  if (settings.filterableAttributes.some((r) => ruleMatches(r, path))) return true;
  if (settings.sortableAttributes.some((s) => coversPath(s, path))) return true;
  if (ascDescFields(settings.rankingRules).some((f) => coversPath(f, path))) return true;
  return settings.distinctAttribute !== null && coversPath(settings.distinctAttribute, path);
}

/** Predicates memoized per field path for the indexer's hot loop. */
export class FieldRuleCache {
  private readonly searchable = new Map<string, number>();
  private readonly faceted = new Map<string, boolean>();

  constructor(private readonly settings: Settings) {}

  weight(path: string): number {
    let w = this.searchable.get(path);
    if (w === undefined) {
      w = searchableWeight(this.settings.searchableAttributes, path);
      this.searchable.set(path, w);
    }
    return w;
  }

  isFaceted(path: string): boolean {
    let f = this.faceted.get(path);
    if (f === undefined) {
      f = isFacetedPath(this.settings, path);
      this.faceted.set(path, f);
    }
    return f;
  }
}
