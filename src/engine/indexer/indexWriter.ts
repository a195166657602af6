/**
 * A working copy of one index while a batch is processed: doc id allocation, tombstones, new segments
 * (written ahead as invisible "staged" data) and the records the final transaction commits.
 *
 * Crash safety: staged segment data is referenced only by the `segments` record written in the final
 * transaction, and listed in the `staging` meta record so start-up can delete it if the commit never came.
 */
import { STORES } from '../storage/schema.ts';
import type { Store, WriteTx } from '../storage/store.ts';
import { encodeIds } from '../storage/byteCodec.ts';
import { has, union } from '../storage/docSet.ts';
import type { Settings } from '../types/settings.ts';
import { FieldsMap } from '../indexes/fieldsMap.ts';
import type { IndexState, LoadedSegment } from '../indexes/indexState.ts';
import { META, INDEX_RECORD_VERSION, emptyStats, type IndexRecord, type IndexStatsRecord, type SegmentsRecord } from '../indexes/indexRecords.ts';
import { DocumentChanges } from '../documents/documentStore.ts';
import { defaultSettings } from '../settings/defaults.ts';
import { DocIdSet } from './docIdSet.ts';
import { SegmentBuilder, type BuiltSegment } from './segmentBuilder.ts';
import { localesForPath, segmentBuilderOptions, type DocToIndex, type SegmentBuildPool, type SegmentJob } from './segmentJobs.ts';
import { buildInOrder } from './parallelBuild.ts';
import { addStaging } from './staging.ts';
import { deleteSegmentData } from './segmentData.ts';
import { yieldToEventLoop } from '../util/yield.ts';

/** Documents per segment built in one go (bounds the builder's memory). */
export const SEGMENT_CHUNK_DOCS = 10_000;
/** Posting blocks (~64 KiB each) per staging transaction. */
const STAGING_TX_BLOCKS = 64;
/** Fewer documents than this are not worth shipping to a segment build pool. */
const PARALLEL_MIN_DOCS = 2_000;

export type { DocToIndex } from './segmentJobs.ts';

export class IndexWriter {
  settings: Settings;
  fields: FieldsMap;
  stats: IndexStatsRecord;
  docids: DocIdSet;
  segmentsRecord: SegmentsRecord;
  /** live segments at the start of the batch, minus the dropped ones */
  private liveSegments: LoadedSegment[];
  private readonly tombstoneAdds = new Map<number, Set<number>>();
  private readonly droppedSegments = new Set<number>();
  private readonly stagedSegments: number[] = [];
  /** stored documents and external ids to change (docid → doc or null; id → docid or null) */
  readonly changes = new DocumentChanges();
  /** true once every stored document was removed (clear) */
  cleared = false;
  dirty = false;

  constructor(
    readonly store: Store,
    public record: IndexRecord,
    readonly isNew: boolean,
    state: IndexState | null,
    private readonly now: () => Date,
    /** builds segments in parallel with this thread (workers), when the environment has one */
    private readonly pool?: SegmentBuildPool,
  ) {
    this.settings = state ? structuredClone(state.settings) : defaultSettings();
    this.fields = state ? state.fields.clone() : new FieldsMap();
    this.stats = state ? structuredClone(state.stats) : emptyStats();
    this.docids = new DocIdSet(state?.meta.docids);
    this.segmentsRecord = state ? { ...state.meta.segments, live: [...state.meta.segments.live] } : { nextSeg: 0, live: [] };
    this.liveSegments = state ? [...state.segments] : [];
  }

  static newRecord(uid: string, ix: number, primaryKey: string | null, now: string): IndexRecord {
    return { v: INDEX_RECORD_VERSION, uid, ix, primaryKey, createdAt: now, updatedAt: now };
  }

  get ix(): number {
    return this.record.ix;
  }

  /** Removes a live document: frees its id and tombstones it in the segment that holds it. */
  removeDocid(docid: number): void {
    this.docids.delete(docid);
    this.changes.setDoc(docid, null);
    this.dirty = true;
    for (const s of this.liveSegments) {
      if (has(s.docs, docid) && !has(s.tombstones, docid)) {
        let set = this.tombstoneAdds.get(s.seg);
        if (!set) this.tombstoneAdds.set(s.seg, (set = new Set()));
        set.add(docid);
      }
    }
  }

  /** Drops every document and segment (clear / full rebuild). */
  dropAllSegments(): void {
    for (const s of this.liveSegments) this.droppedSegments.add(s.seg);
    this.liveSegments = [];
    this.segmentsRecord.live = [];
    this.tombstoneAdds.clear();
    this.dirty = true;
  }

  /** A batch with about `count` documents to index begins: starts the pool's workers if it will be used. */
  expectDocuments(count: number): void {
    if (count >= PARALLEL_MIN_DOCS) this.pool?.warm?.();
  }

  localesFor(path: string): readonly string[] | undefined {
    return localesForPath(this.settings, path);
  }

  /**
   * Builds and stages segments for `docs` (sorted by docid), at most SEGMENT_CHUNK_DOCS per segment. With a pool,
   * the documents are cut into a multiple of (pool size + 1) segments, built by the pool's workers and this thread
   * at once (see `parallelBuild.ts`); segments are staged in order as they are built (staging overlaps building).
   */
  async indexDocuments(docs: readonly DocToIndex[], onProgress?: (done: number) => void, trace?: (step: string, ms: number) => void): Promise<void> {
    if (docs.length === 0) return;
    const pool = this.pool && this.pool.size > 0 && docs.length >= PARALLEL_MIN_DOCS ? this.pool : undefined;
    const builders = pool ? pool.size + 1 : 1;
    let count = Math.ceil(docs.length / SEGMENT_CHUNK_DOCS);
    if (builders > 1) count = Math.ceil(count / builders) * builders;
    const per = Math.ceil(docs.length / count);
    const createdAt = this.now().toISOString();
    const jobs: SegmentJob[] = [];
    for (let start = 0; start < docs.length; start += per) {
      jobs.push({ seg: this.segmentsRecord.nextSeg++, createdAt, settings: this.settings, fields: this.fields.names, docs: docs.slice(start, start + per) });
    }
    const local = (job: SegmentJob, stop: () => boolean) => this.buildHere(job, stop);
    const poolTrace = (ms: number) => trace?.('indexing > building segments in other threads', ms);
    let done = 0;
    let i = 0;
    let t = performance.now();
    for await (const built of buildInOrder(jobs, local, pool, poolTrace)) {
      trace?.('indexing > building segments', performance.now() - t);
      t = performance.now();
      await this.stage(built);
      trace?.('indexing > writing segments', performance.now() - t);
      done += jobs[i++].docs.length;
      onProgress?.(done);
      t = performance.now();
    }
    this.dirty = true;
  }

  /** Builds a job's segment on this thread, letting the event loop run every 1,024 documents; null if stopped. */
  private async buildHere(job: SegmentJob, stop: () => boolean): Promise<BuiltSegment | null> {
    const builder = new SegmentBuilder(segmentBuilderOptions(this.settings, this.fields));
    const docs = job.docs;
    for (let i = 0; i < docs.length; i++) {
      builder.add(docs[i].docid, docs[i].doc, docs[i].id);
      if ((i & 1023) === 1023) {
        await yieldToEventLoop();
        if (stop()) return null;
      }
    }
    return builder.build(job.seg, job.createdAt);
  }

  /** Writes a built segment's data ahead of the commit, in bounded transactions. */
  async stage(built: BuiltSegment): Promise<void> {
    const seg = built.record.seg;
    await addStaging(this.store, this.ix, seg);
    this.stagedSegments.push(seg);
    const ix = this.ix;
    const stores = [STORES.postings, STORES.facets, STORES.segments];
    for (let i = 0; i < built.blocks.length; i += STAGING_TX_BLOCKS) {
      await this.store.write(stores, async (tx) => {
        for (let b = i; b < Math.min(built.blocks.length, i + STAGING_TX_BLOCKS); b++) tx.put(STORES.postings, [ix, seg, b], built.blocks[b]);
      }, 'relaxed');
    }
    await this.store.write(stores, async (tx) => {
      for (const [fid, bytes] of built.facets) tx.put(STORES.facets, [ix, seg, fid], bytes);
      tx.put(STORES.segments, [ix, seg], built.record);
    }, 'relaxed');
    this.segmentsRecord.live.push(seg);
  }

  /** Staged segments (for cleanup when the batch does not commit). */
  get staged(): readonly number[] {
    return this.stagedSegments;
  }

  /** Reads what the final transaction will rewrite (it may only await its own requests). */
  async prepareCommit(): Promise<void> {
    await this.changes.prepare(this.store, this.ix, this.cleared || this.isNew);
  }

  /** Writes the index's new state into the batch's final transaction (after {@link prepareCommit}). */
  commit(tx: WriteTx): void {
    const ix = this.ix;
    this.record = { ...this.record, updatedAt: this.now().toISOString() };
    tx.put(STORES.indexes, this.record.uid, this.record);
    tx.put(STORES.indexMeta, [ix, META.settings], this.settings);
    tx.put(STORES.indexMeta, [ix, META.fields], this.fields.names);
    tx.put(STORES.indexMeta, [ix, META.stats], this.stats);
    tx.put(STORES.indexMeta, [ix, META.segments], this.segmentsRecord);
    tx.put(STORES.indexMeta, [ix, META.docids], this.docids.toBytes());
    if (this.cleared) {
      tx.delete(STORES.documents, { lower: [ix], upper: [ix, []] });
      tx.delete(STORES.externalIds, { lower: [ix], upper: [ix, []] });
    }
    this.changes.write(tx, ix);
    for (const s of this.liveSegments) {
      const adds = this.tombstoneAdds.get(s.seg);
      if (adds && adds.size) tx.put(STORES.tombstones, [ix, s.seg], encodeIds(union(s.tombstones, Uint32Array.from(adds).sort())));
    }
    for (const seg of this.droppedSegments) deleteSegmentData(tx, ix, seg);
  }

  /** Fields of a document counted in `fieldDistribution`, +1 or -1. */
  countFields(paths: readonly string[], delta: 1 | -1): void {
    const fd = this.stats.fieldDistribution;
    for (const p of paths) {
      const n = (fd[p] ?? 0) + delta;
      if (n > 0) fd[p] = n;
      else delete fd[p];
    }
  }
}
