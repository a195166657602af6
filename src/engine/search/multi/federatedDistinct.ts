/**
 * `federation.distinct`: values of the distinct attribute compared across queries and indexes, and the
 * facet counts of the hits it rejects taken back out (Meilisearch's `ComputedFacets::remove_hits`).
 */
import type { EngineContext } from '../../engineContext.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import { PostingsReader } from '../postingsReader.ts';
import { distinctKeys } from '../facets/distinct.ts';
import { formatF64 } from '../filter/rustCompat.ts';
import { normalizeFacetValue } from '../../text/facetValue.ts';
import type { IndexFacets } from './federatedFacets.ts';

/** A lookup of a document's distinct values, as comparable keys (numbers and strings kept apart). */
export async function distinctValues(state: IndexState, reader: PostingsReader, field: string): Promise<(doc: number) => string[]> {
  const fid = state.fields.id(field);
  const col = fid === undefined ? null : await reader.facetColumn(fid);
  return (doc) => distinctKeys(col, doc).map((k) => (typeof k === 'number' ? `n:${k}` : `s:${k}`));
}

/**
 * Decrements, in an index's facet distribution, the values held by rejected documents; values falling
 * to zero are removed.
 */
export async function removeRejectedFromFacets(ctx: EngineContext, uid: string, facets: IndexFacets, docs: readonly number[]): Promise<void> {
  const state = await ctx.catalog.state(uid);
  const reader = new PostingsReader(ctx.store, state, ctx.postings);
  for (const [field, distribution] of Object.entries(facets.distribution)) {
    const fid = state.fields.id(field);
    const col = fid === undefined ? null : await reader.facetColumn(fid);
    if (!col) continue;
    // Keys are original spellings: find them back by their normalized form.
    const byNormalized = new Map<string, string>();
    for (const key of Object.keys(distribution)) byNormalized.set(normalizeFacetValue(key), key);
    let emptied = false;
    const decrement = (key: string | undefined) => {
      if (key === undefined || distribution[key] === undefined) return;
      distribution[key] = Math.max(0, distribution[key] - 1);
      if (distribution[key] === 0) emptied = true;
    };
    for (const doc of docs) {
      for (const i of col.docNumberValues(doc)) decrement(formatF64(col.numbers[i]));
      for (const i of col.docStringValues(doc)) decrement(byNormalized.get(col.strings[i]));
    }
    if (emptied) for (const k of Object.keys(distribution)) if (distribution[k] === 0) delete distribution[k];
  }
}
