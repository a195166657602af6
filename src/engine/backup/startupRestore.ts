/**
 * What happens to the database before the engine opens it: an unfinished dump import or snapshot restore is wiped,
 * then `importSnapshot` is restored (Meilisearch's `--import-snapshot`). Dumps are imported once the engine runs
 * (they re-index through the engine), see `engineBackups.ts`.
 */
import type { SnapshotSource } from '../../backup/snapshot/byteSource.ts';
import { EngineError } from '../../errors/engineError.ts';
import type { Store } from '../storage/store.ts';
import { wantsImport, type BackupOptions } from './backupOptions.ts';
import type { BackupProgressListener } from './backupProgress.ts';
import type { BackupStorage } from './backupStorage.ts';
import { hasUserData, readMeta, recoverUnfinishedRestore, wipeDatabase, writeMeta, type UnfinishedRestore } from './databaseState.ts';
import { loadSnapshotCode } from './lazyBackupCode.ts';

/** What start-up did. */
export interface StartupReport {
  /** An unfinished import or restore found and wiped. */
  recovered: UnfinishedRestore;
  /** True if `importSnapshot` was restored. */
  snapshotRestored: boolean;
}

/** Resolves a source option: bytes as they are, a name through the storage (`null` when missing). */
export async function resolveSource<T>(value: T | string, find: (name: string) => Promise<T | null>): Promise<T | null> {
  return typeof value === 'string' ? find(value) : value;
}

/**
 * Prepares `store` before the engine opens it. Throws (database untouched) when the snapshot is missing, the
 * database has data, or the snapshot is refused (other version, truncated, corrupted).
 *
 * @example
 * ```ts
 * await prepareStoreAtOpen(store, storage, { importSnapshot: file, ignoreSnapshotIfDbExists: true });
 * ```
 */
export async function prepareStoreAtOpen(
  store: Store,
  storage: BackupStorage,
  options: BackupOptions,
  onProgress: BackupProgressListener,
): Promise<StartupReport> {
  const recovered = await recoverUnfinishedRestore(store);
  const report: StartupReport = { recovered, snapshotRestored: false };
  if (!wantsImport(options.importSnapshot)) return report;
  if (await hasUserData(store)) {
    if (options.ignoreSnapshotIfDbExists) return report;
    throw new EngineError(
      'invalid_state',
      `The database \`${store.name}\` already has data, so the snapshot was not restored. Pass \`ignoreSnapshotIfDbExists: true\` to keep the database, or use another database name.`,
    );
  }
  const requested = options.importSnapshot as SnapshotSource | string;
  const source = await resolveSource(requested, (n) => storage.getSnapshot(n));
  if (!source) {
    if (options.ignoreMissingSnapshot) return report;
    throw new EngineError('snapshot_not_found', `There is no snapshot \`${String(requested)}\` to restore. Pass \`ignoreMissingSnapshot: true\` to start without it.`);
  }
  await restoreInto(store, source, onProgress);
  report.snapshotRestored = true;
  return report;
}

/**
 * Restores a snapshot into a database without user data. Its `meta` records (format, keys) are put back if the
 * snapshot is refused, so a failed restore leaves the database as it was.
 */
async function restoreInto(store: Store, source: SnapshotSource, onProgress: BackupProgressListener): Promise<void> {
  const { restoreSnapshot } = await loadSnapshotCode();
  const meta = await readMeta(store);
  await wipeDatabase(store);
  try {
    const info = await restoreSnapshot(source, store, {
      onProgress: (p) => onProgress({ operation: 'snapshotRestore', phase: 'restoring', bytes: p.bytes, records: p.records, totalRecords: p.totalRecords }),
    });
    onProgress({ operation: 'snapshotRestore', phase: 'done', bytes: info.size ?? 0, records: info.records, totalRecords: info.records });
  } catch (e) {
    await writeMeta(store, meta).catch(() => undefined);
    throw e;
  }
}
