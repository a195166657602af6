import { EngineError, toEngineError } from '../../errors/engineError.ts';
import type { ErrorCode } from '../../errors/errorCodes.ts';

/**
 * Why a dump was refused or could not be written. Finer than the Meilisearch `code`, for callers and tests.
 * - `not_gzip`: the bytes are not gzip data (a `.dump` is a gzip-compressed tar archive);
 * - `truncated`: the gzip stream or the tar archive ends early;
 * - `corrupt`: the gzip data or a tar header is damaged;
 * - `missing_metadata`: there is no `metadata.json`, so the dump version is unknown;
 * - `unsupported_version`: a `dumpVersion` this codec does not read (newer or unknown);
 * - `invalid_json`: a JSON file or a JSON line does not parse;
 * - `invalid_content`: JSON that parses but does not have the shape a dump needs;
 * - `unsafe_path`: an entry name escapes its directory (`..`, absolute path);
 * - `too_large`: a size limit was hit (uncompressed size, expansion ratio, line length, spill buffer);
 * - `changed_during_export`: the exported data changed between the two reads of one file.
 */
export type DumpErrorReason =
  | 'not_gzip'
  | 'truncated'
  | 'corrupt'
  | 'missing_metadata'
  | 'unsupported_version'
  | 'invalid_json'
  | 'invalid_content'
  | 'unsafe_path'
  | 'too_large'
  | 'changed_during_export';

/**
 * Code of every refusal of a dump's content. A dump is a payload handed to the engine (upload, file),
 * so a broken one is an invalid request (`malformed_payload`, HTTP 400), not an internal failure.
 */
export const MALFORMED_DUMP_CODE: ErrorCode = 'malformed_payload';

const CODE_BY_REASON: Record<DumpErrorReason, ErrorCode> = {
  not_gzip: MALFORMED_DUMP_CODE,
  truncated: MALFORMED_DUMP_CODE,
  corrupt: MALFORMED_DUMP_CODE,
  missing_metadata: MALFORMED_DUMP_CODE,
  unsupported_version: MALFORMED_DUMP_CODE,
  invalid_json: MALFORMED_DUMP_CODE,
  invalid_content: MALFORMED_DUMP_CODE,
  unsafe_path: MALFORMED_DUMP_CODE,
  too_large: 'payload_too_large',
  changed_during_export: 'dump_process_failed',
};

/**
 * An {@link EngineError} raised by the dump codec, with a {@link DumpErrorReason}.
 * Refusals of a dump's content use `malformed_payload`; size limits `payload_too_large`;
 * an export whose source changed while it was read `dump_process_failed`.
 * Errors thrown by the engine (the import target or export source) pass through unchanged.
 *
 * @example
 * ```ts
 * try { await importDump(engine, file) }
 * catch (e) { if (e instanceof DumpError && e.reason === 'unsupported_version') askToUpgrade() }
 * ```
 */
export class DumpError extends EngineError {
  readonly reason: DumpErrorReason;

  constructor(reason: DumpErrorReason, message: string) {
    super(CODE_BY_REASON[reason], message);
    this.name = 'DumpError';
    this.reason = reason;
  }
}

/** Formats a byte count for messages: `512 B`, `3.2 KiB`, `4 GiB`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const s = u === 0 ? String(v) : v.toFixed(v < 10 ? 1 : 0).replace(/\.0$/, '');
  return `${s} ${units[u]}`;
}

/** Any thrown value as an {@link EngineError} (engine errors and dump errors are kept as they are). */
export function asEngineError(e: unknown): EngineError {
  return toEngineError(e);
}
