/**
 * `pocketsearch/dump`: Meilisearch `.dump` files (gzip'd tar, format V6 written, V1–V6 read) to and from an engine,
 * streaming both ways. No browser dependency: it runs in Node ≥ 20 as in workers.
 *
 * @example
 * ```ts
 * import { createEngine } from 'pocketsearch/engine';
 * import { exportDump, importDump } from 'pocketsearch/dump';
 * import { createWriteStream } from 'node:fs';
 * import { Writable } from 'node:stream';
 *
 * const engine = await createEngine({ storage: 'memory' });
 * await exportDump(engine).pipeTo(Writable.toWeb(createWriteStream('movies.dump')));
 *
 * const copy = await createEngine({ storage: 'memory', name: 'copy' });
 * await importDump(copy, new Blob([await readFile('movies.dump')]), { onProgress: (p) => console.log(p.phase, p.documents) });
 * ```
 *
 * @module pocketsearch/dump
 */
import type { Engine } from './engine/engine.ts';
import type { DumpSource } from './backup/dump/archiveSource.ts';
import type { DumpProgress } from './backup/dump/dumpContract.ts';
import type { DumpImportSummary } from './backup/dump/importContext.ts';

/** Options of {@link exportDump}. */
export interface ExportDumpOptions {
  /** Gzip level, 0–9 (default 6). */
  compressionLevel?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Called as the export goes. */
  onProgress?: (progress: DumpProgress) => void;
}

/** Options of {@link importDump}. */
export interface ImportDumpOptions {
  /** Called as the import goes (phases `reading`, `indexing`, `tasks`, `done`). */
  onProgress?: (progress: DumpProgress) => void;
}

/**
 * Streams a Meilisearch v6 dump of `engine` (every index, document, setting, task, batch and key). Batches are held
 * from the first read until the stream ends or is cancelled, so the dump is one consistent state; tasks registered
 * meanwhile still enqueue (and are not in the dump). Unlike `engine.createDump()`, no task is recorded.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(await new Response(exportDump(engine)).arrayBuffer());
 * ```
 */
export function exportDump(engine: Engine, options: ExportDumpOptions = {}): ReadableStream<Uint8Array> {
  return engine.backups.exportStream(options);
}

/**
 * Imports a dump (Meilisearch V1–V6 or pocketsearch) into `engine`, which must be empty (no index, task or batch).
 * Resolves with a summary once everything is imported; on failure the engine is left empty and the error is an
 * `EngineError` (`malformed_payload` for a bad file, `payload_too_large` past the size limits, `invalid_state` for a
 * non-empty engine).
 *
 * @example
 * ```ts
 * const summary = await importDump(engine, file, { onProgress: (p) => console.log(p.phase, p.documents) });
 * console.log(summary.indexes); // [{ uid: 'movies', primaryKey: 'id', documents: 31944 }]
 * ```
 */
export function importDump(engine: Engine, source: DumpSource, options: ImportDumpOptions = {}): Promise<DumpImportSummary> {
  const onProgress = options.onProgress;
  return engine.importDump(source, onProgress ? { onProgress: (p) => onProgress({ ...p, phase: p.phase as DumpProgress['phase'], documents: p.documents ?? 0 }) } : {});
}

export { DumpError, MALFORMED_DUMP_CODE, type DumpErrorReason } from './backup/dump/dumpError.ts';
export type { DumpImportSummary, DumpIndexSummary, DumpVersion } from './backup/dump/importContext.ts';
export type { DumpProgress } from './backup/dump/dumpContract.ts';
export type { DumpSource } from './backup/dump/archiveSource.ts';
