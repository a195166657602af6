/**
 * Facets of a federated search (spec §1.4): `facetsByIndex` per index, or merged across indexes with
 * `mergeFacets` (counts summed, stats widened, values re-sorted by the common order).
 */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { FacetOrder } from '../../types/settings.ts';
import type { FacetStat } from '../../types/search.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';
import { selectFacetFields } from '../facets/facetPatterns.ts';
import type { FacetResult } from '../facets/facetDistribution.ts';

/** Facets of one index, as `facetsByIndex` shows them. */
export interface IndexFacets {
  distribution: Record<string, Record<string, number>>;
  stats: Record<string, FacetStat>;
}

/** A search's facets in the `facetsByIndex` shape. */
export function toIndexFacets(r: FacetResult): IndexFacets {
  return { distribution: r.facetDistribution, stats: r.facetStats };
}

const orderName = (o: FacetOrder) => (o === 'count' ? 'by count' : 'alphabetically');

/**
 * Remembers the value order of each facet across indexes when facets are merged, and refuses an index
 * that orders a facet differently (`invalid_multi_search_facet_order`).
 */
export class FacetOrderCheck {
  private readonly seen = new Map<string, { uid: string; order: FacetOrder }>();

  check(state: IndexState, patterns: readonly string[]): void {
    const byField = state.settings.faceting.sortFacetValuesBy;
    for (const f of selectFacetFields(state, patterns)) {
      // The index's order for the field name itself (selection through a parent does not matter here).
      const order = byField[f.name] ?? byField['*'] ?? 'alpha';
      const prev = this.seen.get(f.name);
      if (!prev) {
        this.seen.set(f.name, { uid: state.uid, order });
        continue;
      }
      if (prev.order !== order) {
        throw new EngineError(
          'invalid_multi_search_facet_order',
          `Inconsistent order for values in facet \`${f.name}\`: index \`${prev.uid}\` orders ${orderName(prev.order)}, but index \`${state.uid}\` orders ${orderName(order)}.\n - Hint: Remove \`federation.mergeFacets\` or change \`faceting.sortFacetValuesBy\` to be consistent in settings.`,
        );
      }
    }
  }

  orderOf(facet: string): FacetOrder {
    return this.seen.get(facet)?.order ?? 'alpha';
  }
}

/** Sums the facets of several indexes (Meilisearch's `FederatedFacets::merge`). */
export function mergeFacets(byIndex: ReadonlyMap<string, IndexFacets>, orders: FacetOrderCheck, maxValuesPerFacet: number | null): FacetResult | null {
  if (byIndex.size === 0) return null;
  const distribution = new Map<string, Map<string, number>>();
  const stats = new Map<string, FacetStat>();
  for (const uid of [...byIndex.keys()].sort(compareUtf8)) {
    const f = byIndex.get(uid)!;
    for (const [facet, values] of Object.entries(f.distribution)) {
      let merged = distribution.get(facet);
      if (!merged) distribution.set(facet, (merged = new Map()));
      for (const [value, count] of Object.entries(values)) merged.set(value, (merged.get(value) ?? 0) + count);
    }
    for (const [facet, s] of Object.entries(f.stats)) {
      const prev = stats.get(facet);
      stats.set(facet, prev ? { min: Math.min(prev.min, s.min), max: Math.max(prev.max, s.max) } : { ...s });
    }
  }
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const facet of [...distribution.keys()].sort(compareUtf8)) {
    let entries = [...distribution.get(facet)!];
    if (orders.orderOf(facet) === 'count') entries.sort((a, b) => b[1] - a[1]);
    else entries.sort((a, b) => compareUtf8(a[0], b[0]));
    if (maxValuesPerFacet !== null) entries = entries.slice(0, maxValuesPerFacet);
    facetDistribution[facet] = Object.fromEntries(entries);
  }
  const facetStats: Record<string, FacetStat> = {};
  for (const facet of [...stats.keys()].sort(compareUtf8)) facetStats[facet] = stats.get(facet)!;
  return { facetDistribution, facetStats };
}
