/**
 * Snapshots: exact copies of every object store of a database in one checksummed file (docs/snapshot-format.md).
 * Engine-independent: only the `Store` interface is used. The OPFS edge is in `./opfsSnapshots.ts` (browser only)
 * and is deliberately not re-exported here.
 *
 * @example
 * ```ts
 * import { writeSnapshot, restoreSnapshot } from './backup/snapshot/index.ts';
 * const chunks: Uint8Array[] = [];
 * await writeSnapshot(store, async (c) => void chunks.push(c));
 * await restoreSnapshot(new Blob(chunks), emptyStore);
 * ```
 */
export { writeSnapshot, type SnapshotSink, type SnapshotProgress, type WriteSnapshotOptions } from './snapshotWriter.ts';
export { readSnapshotHeader, restoreSnapshot, type RestoreSnapshotOptions } from './snapshotReader.ts';
export type { SnapshotSource } from './byteSource.ts';
export {
  SNAPSHOT_FORMAT_VERSION,
  type SnapshotCompression,
  type SnapshotHeader,
  type SnapshotInfo,
  type SnapshotStoreInfo,
} from './snapshotFormat.ts';
export { SnapshotError, INVALID_SNAPSHOT_CODE, MIGRATE_WITH_DUMP_HINT, type SnapshotErrorReason } from './snapshotError.ts';
export { storeChecksum, compareStores, valueChecksum, type DatabaseDigest, type StoreDigest, type StoreComparison, type StoreDifference } from './storeChecksum.ts';
export { SnapshotScheduler, snapshotIntervalMs, DEFAULT_SNAPSHOT_INTERVAL_SECONDS, type SnapshotSchedulerOptions } from './snapshotScheduler.ts';
