/**
 * The database schema: object stores and their keys. Every store uses out-of-line keys (see {@link StoreKey}).
 * `ix` is an index's internal numeric id (stable across renames and swaps); `seg` a segment id; `fid` a field id.
 *
 * Bump {@link SCHEMA_VERSION} and add a step to `upgradeSchema` (indexedDbStore.ts) for every change.
 */
export const SCHEMA_VERSION = 1;

/** Version of the records' layout, checked at open (see `engineMeta`). Snapshots require equality. */
export const STORAGE_FORMAT = 'pocketsearch-store/1';

export const STORES = {
  /** string → engine-level records: `engine` ({@link EngineMetaRecord}), `staging` (segments being written). */
  meta: 'meta',
  /** task uid → TaskRecord. */
  tasks: 'tasks',
  /** task uid → {indexUid, type}: the tasks not finished yet (what the scheduler picks from). */
  enqueued: 'enqueued',
  /** [task uid, chunk] → Document[]: payload of an unfinished document task; deleted when the task finishes. */
  taskPayloads: 'taskPayloads',
  /** batch uid → BatchRecord. */
  batches: 'batches',
  /** index uid → IndexRecord. */
  indexes: 'indexes',
  /** [ix, name] → per-index records: `settings`, `fields`, `stats`, `segments`, `docids`. */
  indexMeta: 'indexMeta',
  /** [ix, docid] → DocumentRecord. */
  documents: 'documents',
  /** [ix, externalId] → docid. */
  externalIds: 'externalIds',
  /** [ix, seg] → SegmentRecord (dictionary, sizes). Immutable once written. */
  segments: 'segments',
  /** [ix, seg] → Uint8Array of deleted docids (sorted set) — mutable. */
  tombstones: 'tombstones',
  /** [ix, seg, word] → Uint8Array packed posting (docids, positions). Immutable. */
  postings: 'postings',
  /** [ix, seg, fid] → Uint8Array packed facet column (numbers, strings, flags). Immutable. */
  facets: 'facets',
} as const;

export type StoreName = (typeof STORES)[keyof typeof STORES];

export const ALL_STORES: readonly StoreName[] = Object.values(STORES);

/** Stores that hold the contents of an index (cleared on index deletion, copied by snapshots). */
export const INDEX_STORES: readonly StoreName[] = [
  STORES.indexMeta,
  STORES.documents,
  STORES.externalIds,
  STORES.segments,
  STORES.tombstones,
  STORES.postings,
  STORES.facets,
];

/** Stores holding a segment's immutable data, keyed `[ix, seg, …]`. */
export const SEGMENT_STORES: readonly StoreName[] = [STORES.segments, STORES.postings, STORES.facets, STORES.tombstones];
