/** Persisted per-index records (store `indexes` and `indexMeta`). Each carries a version checked on read. */
import { EngineError } from '../../errors/engineError.ts';
import type { Settings } from '../types/settings.ts';

export const INDEX_RECORD_VERSION = 1;

/** `indexes` store: uid → IndexRecord. `ix` is the stable internal id keying every other per-index record. */
export interface IndexRecord {
  v: number;
  uid: string;
  ix: number;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `indexMeta` [ix, 'stats']. */
export interface IndexStatsRecord {
  numberOfDocuments: number;
  /** Sum of the JSON sizes of the stored documents. */
  rawDocumentDbSize: number;
  fieldDistribution: Record<string, number>;
}

/** `indexMeta` [ix, 'segments']: the live segments — the commit point of the index's search structures. */
export interface SegmentsRecord {
  nextSeg: number;
  live: number[];
}

/**
 * `segments` [ix, seg]: the segment's dictionary and where each word's posting lives. Postings are packed in
 * blocks (`postings` [ix, seg, block]) of about {@link POSTING_BLOCK_BYTES}; word i's posting is
 * `block[wordBlocks[i]].subarray(wordOffsets[i], wordOffsets[i] + wordLengths[i])`.
 */
export interface SegmentRecord {
  v: number;
  seg: number;
  /** sorted doc ids indexed in this segment (some may be tombstoned since) */
  docs: Uint8Array;
  /** sorted words of the segment (UTF-16 code unit order), joined by NUL */
  words: string;
  /** documents per word, parallel to `words` */
  wordDocCounts: Uint32Array;
  wordBlocks: Uint32Array;
  wordOffsets: Uint32Array;
  wordLengths: Uint32Array;
  blockCount: number;
  /**
   * Words per field of each document with at most 30 in that field (exactness rule), see
   * `indexer/fieldWordCounts.ts`. Absent in segments written before record version 3: their documents then
   * never match an attribute exactly. Segment compaction must merge it (`mergeFieldWordCounts`).
   */
  fieldWordCounts?: Uint8Array;
  createdAt: string;
}

/** Target size of a posting block: big enough to keep record counts low, small enough to read for one word. */
export const POSTING_BLOCK_BYTES = 64 * 1024;

/** A stored document, parsed. */
export interface DocumentRecord {
  /** external id (canonical string) */
  id: string;
  doc: Record<string, unknown>;
  /** JSON size in bytes, for stats */
  size: number;
}

export const META = {
  settings: 'settings',
  fields: 'fields',
  stats: 'stats',
  segments: 'segments',
  docids: 'docids',
} as const;

export function emptyStats(): IndexStatsRecord {
  return { numberOfDocuments: 0, rawDocumentDbSize: 0, fieldDistribution: {} };
}

export function checkIndexRecord(r: IndexRecord | undefined): IndexRecord | undefined {
  if (r && r.v !== INDEX_RECORD_VERSION) throw new EngineError('invalid_store_file', `Index record of \`${r.uid}\` has unknown version ${r.v}.`);
  return r;
}

export interface IndexMetaRecords {
  settings: Settings;
  fields: string[];
  stats: IndexStatsRecord;
  segments: SegmentsRecord;
  /** bitset of allocated (= live) doc ids */
  docids: Uint8Array | undefined;
}
