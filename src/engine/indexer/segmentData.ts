import { STORES } from '../storage/schema.ts';
import type { WriteTx } from '../storage/store.ts';

/** Deletes every record of a segment. */
export function deleteSegmentData(tx: WriteTx, ix: number, seg: number): void {
  tx.delete(STORES.postings, { lower: [ix, seg], upper: [ix, seg, []] });
  tx.delete(STORES.facets, { lower: [ix, seg], upper: [ix, seg, []] });
  tx.delete(STORES.segments, [ix, seg]);
  tx.delete(STORES.tombstones, [ix, seg]);
}

/** Deletes every record of an index (index deletion). */
export function deleteIndexData(tx: WriteTx, ix: number): void {
  for (const store of [STORES.indexMeta, STORES.documents, STORES.externalIds, STORES.segments, STORES.tombstones, STORES.postings, STORES.facets]) {
    tx.delete(store, { lower: [ix], upper: [ix, []] });
  }
}
