/**
 * A cache tier for merged facet values, beside the postings cache. Facet values are reused by nearly every
 * filtered or faceted query while posting lists churn with the words searched: sharing one LRU let word
 * postings evict facet values, and rebuilding a 100k-document column costs tens of milliseconds.
 */
import { PostingCache } from '../postingCache.ts';

/** Budget of the facet tier (an entry may use a quarter of it). */
export const FACET_CACHE_BYTES = 32 * 1024 * 1024;

const tiers = new WeakMap<PostingCache, PostingCache>();

/** The facet tier paired with an engine's postings cache. */
export function facetCacheOf(postings: PostingCache): PostingCache {
  let tier = tiers.get(postings);
  if (!tier) {
    const created = new PostingCache(FACET_CACHE_BYTES);
    tiers.set(postings, created);
    // Whoever drops an index from the postings cache (its data was wiped) drops its facet values too.
    const dropPostings = postings.dropIndex.bind(postings);
    postings.dropIndex = (ix: number) => {
      dropPostings(ix);
      created.dropIndex(ix);
    };
    tier = created;
  }
  return tier;
}
