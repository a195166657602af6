/**
 * Bookkeeping of staged segments: segment data written ahead of a batch's commit. Listed in the `staging`
 * meta record until the commit (which removes the entry); start-up deletes whatever is still listed and
 * not live, so a crash between staging and commit leaves no garbage.
 */
import { STORES } from '../storage/schema.ts';
import type { Store, WriteTx } from '../storage/store.ts';
import type { SegmentsRecord } from '../indexes/indexRecords.ts';
import { META } from '../indexes/indexRecords.ts';
import { deleteSegmentData } from './segmentData.ts';

const KEY = 'staging';

type StagingRecord = [number, number][];

export async function addStaging(store: Store, ix: number, seg: number): Promise<void> {
  await store.write([STORES.meta], async (tx) => {
    const list = (await tx.get<StagingRecord>(STORES.meta, KEY)) ?? [];
    list.push([ix, seg]);
    tx.put(STORES.meta, KEY, list);
  });
}

/** In the commit transaction: forget staged entries of the given index/segments (they are now live or dropped). */
export async function clearStaging(tx: WriteTx, entries: readonly [number, number][]): Promise<void> {
  if (entries.length === 0) return;
  const list = (await tx.get<StagingRecord>(STORES.meta, KEY)) ?? [];
  const drop = new Set(entries.map(([ix, seg]) => `${ix}:${seg}`));
  tx.put(STORES.meta, KEY, list.filter(([ix, seg]) => !drop.has(`${ix}:${seg}`)));
}

/** Start-up / abort cleanup: deletes staged segments that never became live. */
export async function collectStaging(store: Store): Promise<number> {
  // Read first: a write transaction over the segment stores at every start-up would hold off the first searches.
  const pending = await store.read([STORES.meta], (tx) => tx.get<StagingRecord>(STORES.meta, KEY));
  if (!pending || pending.length === 0) return 0;
  return store.write([STORES.meta, STORES.indexMeta, STORES.postings, STORES.facets, STORES.segments, STORES.tombstones], async (tx) => {
    const list = (await tx.get<StagingRecord>(STORES.meta, KEY)) ?? [];
    let removed = 0;
    for (const [ix, seg] of list) {
      const segs = await tx.get<SegmentsRecord>(STORES.indexMeta, [ix, META.segments]);
      if (segs?.live.includes(seg)) continue;
      deleteSegmentData(tx, ix, seg);
      removed++;
    }
    // Deletes only: a browser whose quota is exhausted still runs a transaction that writes nothing, so the staged
    // data of a batch that ran out of space is dropped at once (a `put` here would be refused like everything else).
    tx.delete(STORES.meta, KEY);
    return removed;
  });
}
