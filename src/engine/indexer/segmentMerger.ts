/**
 * Segment compaction: merges several live segments of an index into one, dropping tombstoned documents.
 * Postings are streamed in word order (a few blocks per segment in memory); the merged segment is staged like a
 * batch's segments and becomes live in one transaction that also deletes the merged ones. Runs between batches
 * (the scheduler's idle time), so no batch changes the merged segments' tombstones meanwhile.
 */
import { STORES } from '../storage/schema.ts';
import type { Store } from '../storage/store.ts';
import { encodeIds } from '../storage/byteCodec.ts';
import { decodePosting, encodePosting, filterPosting, mergePostings, type Posting } from '../storage/postingCodec.ts';
import { decodeFacetColumn, encodeFacetColumn, mergeFacetColumns } from '../storage/facetCodec.ts';
import { has, unionMany } from '../storage/docSet.ts';
import type { IndexState, LoadedSegment } from '../indexes/indexState.ts';
import { META, POSTING_BLOCK_BYTES, type SegmentRecord, type SegmentsRecord } from '../indexes/indexRecords.ts';
import { SEGMENT_RECORD_VERSION } from './segmentBuilder.ts';
import { addStaging, clearStaging } from './staging.ts';
import { mergeFieldWordCounts } from './fieldWordCounts.ts';
import { deleteSegmentData } from './segmentData.ts';
import { yieldToEventLoop } from '../util/yield.ts';

/** Merging stops when the index has at most this many live segments. */
export const MAX_LIVE_SEGMENTS = 4;
/** A segment with this share of tombstoned documents is rewritten even alone. */
export const TOMBSTONE_RATIO = 0.3;
const BLOCKS_PER_READ = 16;

/** The segments to merge next (smallest first), or null when the index is compact enough. */
export function pickSegmentsToMerge(segments: readonly LoadedSegment[]): LoadedSegment[] | null {
  const bySize = [...segments].sort((a, b) => a.liveDocs.length - b.liveDocs.length);
  if (bySize.length > MAX_LIVE_SEGMENTS) return bySize.slice(0, bySize.length - MAX_LIVE_SEGMENTS + 1);
  const dirty = bySize.find((s) => s.docs.length > 0 && s.tombstones.length / s.docs.length >= TOMBSTONE_RATIO);
  return dirty ? [dirty] : null;
}

/** Reads one segment's postings in word order, a few blocks at a time. */
class SegmentCursor {
  private i = 0;
  private blocks = new Map<number, Uint8Array>();

  constructor(
    private readonly store: Store,
    private readonly ix: number,
    readonly seg: LoadedSegment,
  ) {}

  get word(): string | undefined {
    return this.seg.words[this.i];
  }

  /** The current word's posting with tombstoned documents removed; advances. */
  async next(): Promise<Posting> {
    const r = this.seg.record;
    const b = r.wordBlocks[this.i];
    if (!this.blocks.has(b)) {
      const want = Array.from({ length: Math.min(BLOCKS_PER_READ, r.blockCount - b) }, (_, k) => b + k);
      const got = await this.store.read([STORES.postings], (tx) => tx.getMany<Uint8Array>(STORES.postings, want.map((n) => [this.ix, this.seg.seg, n])));
      this.blocks = new Map(want.map((n, k) => [n, got[k]!]));
    }
    const bytes = this.blocks.get(b)!;
    const off = r.wordOffsets[this.i];
    const p = decodePosting(bytes.subarray(off, off + r.wordLengths[this.i]));
    this.i++;
    const tomb = this.seg.tombstones;
    return tomb.length ? filterPosting(p, (d) => !has(tomb, d)) : p;
  }
}

export interface MergeOptions {
  /** Checked between chunks: returning true abandons the merge (its staged data is collected later). */
  shouldStop?: () => boolean;
  now: () => Date;
}

/**
 * Merges `segments` of `state`'s index into one new segment and commits it. Returns false if stopped early.
 */
export async function mergeSegments(store: Store, state: IndexState, segments: readonly LoadedSegment[], opts: MergeOptions): Promise<boolean> {
  const ix = state.ix;
  const segsRecord = await store.read([STORES.indexMeta], (tx) => tx.get<SegmentsRecord>(STORES.indexMeta, [ix, META.segments]));
  if (!segsRecord || segments.some((s) => !segsRecord.live.includes(s.seg))) return false; // state is stale
  const seg = segsRecord.nextSeg;
  await store.write([STORES.indexMeta], async (tx) => tx.put(STORES.indexMeta, [ix, META.segments], { ...segsRecord, nextSeg: seg + 1 }));
  await addStaging(store, ix, seg);

  const cursors = segments.map((s) => new SegmentCursor(store, ix, s));
  const words: string[] = [];
  const counts: number[] = [];
  const wordBlocks: number[] = [];
  const wordOffsets: number[] = [];
  const wordLengths: number[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let blockCount = 0;
  const toWrite: [number, Uint8Array][] = [];
  const flushBlock = () => {
    const block = new Uint8Array(pendingBytes);
    let o = 0;
    for (const p of pending) {
      block.set(p, o);
      o += p.length;
    }
    toWrite.push([blockCount++, block]);
    pending = [];
    pendingBytes = 0;
  };
  const writeBlocks = async () => {
    if (!toWrite.length) return;
    const batch = toWrite.splice(0);
    await store.write([STORES.postings], async (tx) => batch.forEach(([n, b]) => tx.put(STORES.postings, [ix, seg, n], b)), 'relaxed');
  };
  for (let steps = 0; ; steps++) {
    let word: string | undefined;
    for (const c of cursors) if (c.word !== undefined && (word === undefined || c.word < word)) word = c.word;
    if (word === undefined) break;
    const parts: Posting[] = [];
    for (const c of cursors) if (c.word === word) parts.push(await c.next());
    const merged = mergePostings(parts);
    if (merged.docs.length === 0) continue;
    const enc = encodePosting(merged.docs, Array.from({ length: merged.docs.length }, (_, i) => merged.offsets[i + 1] - merged.offsets[i]), merged.occ);
    if (pendingBytes > 0 && pendingBytes + enc.length > POSTING_BLOCK_BYTES) flushBlock();
    words.push(word);
    counts.push(merged.docs.length);
    wordBlocks.push(blockCount);
    wordOffsets.push(pendingBytes);
    wordLengths.push(enc.length);
    pending.push(enc);
    pendingBytes += enc.length;
    if (toWrite.length >= 64) await writeBlocks();
    if ((steps & 1023) === 1023) {
      await yieldToEventLoop();
      if (opts.shouldStop?.()) return false;
    }
  }
  if (pendingBytes > 0) flushBlock();
  await writeBlocks();
  if (opts.shouldStop?.()) return false;

  // Facet columns: every field any merged segment has.
  const facetKeys = await store.read([STORES.facets], async (tx) => {
    const keys = new Set<number>();
    for (const s of segments) {
      for (const k of await tx.getAllKeys(STORES.facets, { range: { lower: [ix, s.seg], upper: [ix, s.seg, []] } })) keys.add((k as number[])[2]);
    }
    return [...keys];
  });
  const facets: [number, Uint8Array][] = [];
  for (const fid of facetKeys) {
    const bytes = await store.read([STORES.facets], (tx) => tx.getMany<Uint8Array>(STORES.facets, segments.map((s) => [ix, s.seg, fid])));
    const parts = segments.flatMap((s, i) => (bytes[i] ? [{ column: decodeFacetColumn(bytes[i]!), tombstones: s.tombstones }] : []));
    facets.push([fid, encodeFacetColumn(mergeFacetColumns(parts))]);
  }

  const record: SegmentRecord = {
    v: SEGMENT_RECORD_VERSION,
    seg,
    docs: encodeIds(unionMany(segments.map((s) => s.liveDocs))),
    words: words.join('\u0000'),
    wordDocCounts: Uint32Array.from(counts),
    wordBlocks: Uint32Array.from(wordBlocks),
    wordOffsets: Uint32Array.from(wordOffsets),
    wordLengths: Uint32Array.from(wordLengths),
    blockCount,
    // Per-field word counts (exact attribute ranking) follow their documents into the merged segment.
    fieldWordCounts: mergeFieldWordCounts(segments.map((s) => ({ bytes: s.record.fieldWordCounts, tombstones: s.tombstones }))),
    createdAt: opts.now().toISOString(),
  };
  const merged = new Set(segments.map((s) => s.seg));
  return store.write([STORES.indexMeta, STORES.segments, STORES.postings, STORES.facets, STORES.tombstones, STORES.meta], async (tx) => {
    const current = await tx.get<SegmentsRecord>(STORES.indexMeta, [ix, META.segments]);
    if (!current || segments.some((s) => !current.live.includes(s.seg))) return false;
    for (const [fid, bytes] of facets) tx.put(STORES.facets, [ix, seg, fid], bytes);
    tx.put(STORES.segments, [ix, seg], record);
    // The merged segment takes the place of the first merged one, keeping live order stable.
    const live: number[] = [];
    for (const s of current.live) {
      if (!merged.has(s)) live.push(s);
      else if (!live.includes(seg)) live.push(seg);
    }
    tx.put(STORES.indexMeta, [ix, META.segments], { ...current, live });
    for (const s of merged) deleteSegmentData(tx, ix, s);
    await clearStaging(tx, [[ix, seg]]);
    return true;
  });
}
