/**
 * The dump codec: Meilisearch `.dump` files (gzip-compressed tar) written in format V6 and read in formats
 * V1 to V6, streaming both ways, against the engine-independent contract of `dumpContract.ts`.
 *
 * @example
 * ```ts
 * import { exportDump, importDump } from 'pocketsearch/dump';
 * const file = new Blob([await new Response(exportDump(engineA)).arrayBuffer()]);
 * const summary = await importDump(engineB, file);
 * ```
 */
export { exportDump, type DumpExportOptions } from './exportDump.ts';
export { importDump, type DumpImportOptions } from './importDump.ts';
export type { DumpImportSummary, DumpIndexSummary, DumpVersion } from './importContext.ts';
export type { DumpSource } from './archiveSource.ts';
export { DumpError, MALFORMED_DUMP_CODE, type DumpErrorReason } from './dumpError.ts';
export { formatDumpUid } from './dumpDates.ts';
export type { DumpExportSource, DumpImportTarget, DumpKey, DumpProgress } from './dumpContract.ts';
