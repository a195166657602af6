/** The engine options about dumps and snapshots (`createEngine({...})`, and `createClient({...})` in the browser). */
import type { DumpSource } from '../../backup/dump/archiveSource.ts';
import type { SnapshotSource } from '../../backup/snapshot/byteSource.ts';
import { snapshotIntervalMs } from '../../backup/snapshot/snapshotScheduler.ts';
import { EngineError } from '../../errors/engineError.ts';
import type { BackupProgressListener } from './backupProgress.ts';
import type { BackupStorage } from './backupStorage.ts';

/**
 * Dumps and snapshots at start-up and while the engine runs. Like Meilisearch's `--import-dump`,
 * `--import-snapshot` and `--schedule-snapshot`.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: 'indexeddb', name: 'movies', importSnapshot: file, ignoreSnapshotIfDbExists: true, scheduleSnapshot: 3600 });
 * ```
 */
export interface BackupOptions {
  /** Where dumps and the snapshot are kept. Default: in memory (the worker uses OPFS). */
  backupStorage?: BackupStorage;
  /**
   * A dump to import at start-up: its bytes, or the uid of a dump in `backupStorage`. Only into an empty database
   * (no index, task or batch); the engine opens once the import is complete, and a failed import leaves the
   * database empty.
   */
  importDump?: DumpSource | string | null;
  /** With `importDump` naming a dump that does not exist: start without importing instead of failing. */
  ignoreMissingDump?: boolean;
  /** With `importDump` and a database that has data: keep the database and skip the import instead of failing. */
  ignoreDumpIfDbExists?: boolean;
  /**
   * A snapshot to restore at start-up: its bytes, or a snapshot name in `backupStorage` (`movies` or
   * `movies.snapshot`). Only into an empty database; it must come from the same pocketsearch version.
   */
  importSnapshot?: SnapshotSource | string | null;
  /** With `importSnapshot` naming a snapshot that does not exist: start without restoring instead of failing. */
  ignoreMissingSnapshot?: boolean;
  /** With `importSnapshot` and a database that has data: keep the database and skip the restore instead of failing. */
  ignoreSnapshotIfDbExists?: boolean;
  /**
   * Scheduled snapshots: `true` (every 86,400 s) or a number of seconds. The first one is taken at launch, then
   * one per interval while the engine runs; each replaces the previous one.
   */
  scheduleSnapshot?: boolean | number;
  /** Progress of dump exports and imports and of snapshot writes and restores. */
  onProgress?: BackupProgressListener;
  /**
   * Gzip level of dumps written by `createDump()` (0–9). Default 1: in Chromium, fflate's level 6 (Meilisearch's)
   * compresses ~9 MiB/s of JSON against ~16 MiB/s at level 1, for files ~15% larger (docs/dumps.md).
   */
  dumpCompressionLevel?: DumpCompressionLevel;
}

/**
 * A gzip level.
 *
 * @inline
 */
export type DumpCompressionLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** See {@link BackupOptions.dumpCompressionLevel}. */
export const DEFAULT_DUMP_COMPRESSION_LEVEL: DumpCompressionLevel = 1;

/** True when `v` designates something to import (`null`/`undefined`/`''` do not). */
export function wantsImport(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** Checks the backup options before anything is opened (`bad_request` for bad combinations). */
export function checkBackupOptions(o: BackupOptions): void {
  if (wantsImport(o.importDump) && wantsImport(o.importSnapshot)) {
    throw new EngineError('bad_request', '`importDump` and `importSnapshot` cannot be used together: restore a snapshot, or import a dump.');
  }
  snapshotIntervalMs(o.scheduleSnapshot);
  const level = o.dumpCompressionLevel;
  if (level !== undefined && !(Number.isInteger(level) && level >= 0 && level <= 9)) {
    throw new EngineError('bad_request', `\`dumpCompressionLevel\` must be an integer from 0 to 9; got \`${String(level)}\`.`);
  }
}
