import { EngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';

/**
 * Why a snapshot was refused or could not be written. Finer than the Meilisearch `code`, for callers and tests.
 * - `magic`: not a pocketsearch snapshot; `format_version`: snapshot container of another version;
 * - `engine_version`, `storage_format`, `schema`: written by another engine version or with other object stores;
 * - `truncated`: the file ends early; `checksum`: a checksum does not match (flipped byte);
 * - `corrupt`: checksums match but the content is not valid (bad lengths, keys out of order, counts);
 * - `trailing_data`: bytes after the end of the snapshot;
 * - `target_not_empty`: restore needs an empty database;
 * - `unsupported_value`: a stored value the codec cannot encode exactly (write time);
 * - `concurrent_write`: the database changed while the snapshot was written.
 */
export type SnapshotErrorReason =
  | 'magic'
  | 'format_version'
  | 'engine_version'
  | 'storage_format'
  | 'schema'
  | 'truncated'
  | 'checksum'
  | 'corrupt'
  | 'trailing_data'
  | 'target_not_empty'
  | 'unsupported_value'
  | 'concurrent_write';

/** Code of every refusal of a snapshot file (not a snapshot, other version, truncated, corrupted). */
export const INVALID_SNAPSHOT_CODE: ErrorCode = 'invalid_store_file';

const CODE_BY_REASON: Record<SnapshotErrorReason, ErrorCode> = {
  magic: INVALID_SNAPSHOT_CODE,
  format_version: INVALID_SNAPSHOT_CODE,
  engine_version: INVALID_SNAPSHOT_CODE,
  storage_format: INVALID_SNAPSHOT_CODE,
  schema: INVALID_SNAPSHOT_CODE,
  truncated: INVALID_SNAPSHOT_CODE,
  checksum: INVALID_SNAPSHOT_CODE,
  corrupt: INVALID_SNAPSHOT_CODE,
  trailing_data: INVALID_SNAPSHOT_CODE,
  target_not_empty: 'invalid_state',
  unsupported_value: 'internal',
  concurrent_write: 'invalid_state',
};

/** Appended to every refusal caused by a version or format difference. */
export const MIGRATE_WITH_DUMP_HINT = 'Snapshots only restore into the same version; use a dump to migrate.';

/**
 * An {@link EngineError} raised by the snapshot codec, with a {@link SnapshotErrorReason}.
 * Refusals of a file use the code `invalid_store_file`; a non-empty restore target `invalid_state`;
 * an unencodable stored value `internal`.
 *
 * @example
 * ```ts
 * try { await restoreSnapshot(file, store) }
 * catch (e) { if (e instanceof SnapshotError && e.reason === 'engine_version') showMigrateWithDumpHelp() }
 * ```
 */
export class SnapshotError extends EngineError {
  readonly reason: SnapshotErrorReason;

  constructor(reason: SnapshotErrorReason, message: string) {
    super(CODE_BY_REASON[reason], message);
    this.reason = reason;
  }
}
