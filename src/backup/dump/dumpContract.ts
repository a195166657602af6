/**
 * The contract between the engine and the dump codec. The codec (v6 writer, v1–v6 readers, tar + gzip)
 * only talks to these two interfaces; the engine implements them. Neither side knows the other's internals.
 */
import type { Document, IndexObject } from '../../engine/types/indexes.ts';
import type { Settings, SettingsUpdate } from '../../engine/types/settings.ts';
import type { Batch } from '../../engine/types/tasks.ts';
import type { TaskRecord } from '../../engine/tasks/taskRecord.ts';

/** An API key as dumps store it (Meilisearch `Key`, snake_case dates). */
export interface DumpKey {
  description?: string | null;
  name?: string | null;
  uid: string;
  actions: string[];
  indexes: string[];
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * What the engine exposes to write a dump. Everything is read from one consistent state (writes are paused).
 *
 * Note for implementers: `documents`, `tasks` and `batches` may be iterated more than once during one export
 * and must yield the same items each time. A tar entry needs its size before its body, so a file too large
 * to buffer is measured in a first iteration and written in a second (bounded memory either way).
 */
export interface DumpExportSource {
  /** Version string written as `dbVersion` in metadata.json. */
  readonly dbVersion: string;
  keys(): Promise<DumpKey[]>;
  /** Every index, ordered by uid. */
  indexes(): Promise<IndexObject[]>;
  settings(indexUid: string): Promise<Settings>;
  /** Documents of an index in internal id order, in chunks (bounded memory), as returned by getDocuments. */
  documents(indexUid: string, chunkSize: number): AsyncIterable<Document[]>;
  /**
   * Optional: the exact byte length of the index's `documents.jsonl` (UTF-8 of `JSON.stringify(doc)` plus a newline
   * per document), when the source knows it without serializing. The file is then written in one iteration of
   * `documents` instead of two (a wrong length fails the export with `changed_during_export`, nothing is corrupted).
   */
  documentsByteLength?(indexUid: string): Promise<number>;
  /** Every task in ascending uid order, in chunks. */
  tasks(chunkSize: number): AsyncIterable<TaskRecord[]>;
  /** Payload of an enqueued documentAdditionOrUpdate task (its documents), if any. */
  taskPayload(taskUid: number): Promise<Document[] | undefined>;
  /** Every batch in ascending uid order. */
  batches(): AsyncIterable<Batch[]>;
}

/**
 * What the engine offers to import a dump. The engine must be empty when `begin` is called; if anything
 * fails the importer calls `abort`, which leaves the engine empty again (no half-imported database).
 *
 * Note for implementers (codec behaviour): between `begin` and `commit` the calls may come in any order
 * the archive dictates — `importTask`/`importBatch` may precede the `createIndex` of the index they name,
 * and tasks are not necessarily imported in uid order. For one index, `createIndex` always comes first,
 * then `applySettings` (at most once, skipped when there are none), then `addDocuments` chunks.
 * `setKeys` is called exactly once. `abort` is only called after a successful `begin`.
 */
export interface DumpImportTarget {
  /** Throws `EngineError` if the engine is not empty. */
  begin(): Promise<void>;
  setKeys(keys: DumpKey[]): Promise<void>;
  /** Creates an index with its original dates (updatedAt ends up as the import time, like Meilisearch). */
  createIndex(index: IndexObject): Promise<void>;
  /** Applies settings as a settings update would (validated; invalid values throw coded errors). */
  applySettings(indexUid: string, settings: SettingsUpdate): Promise<void>;
  /** Adds (replaces) documents into the index, re-indexing them. Called repeatedly with chunks. */
  addDocuments(indexUid: string, documents: Document[]): Promise<void>;
  /** Stores a task verbatim (uid, statuses, dates, errors). `payload` = documents of an enqueued addition. */
  importTask(task: TaskRecord, payload?: Document[]): Promise<void>;
  importBatch(batch: Batch): Promise<void>;
  /** Makes everything visible and lets enqueued imported tasks run. */
  commit(): Promise<void>;
  /** Removes everything imported so far; the engine is empty again. */
  abort(): Promise<void>;
}

/** Progress of a long import or export, reported through `onProgress`. */
export interface DumpProgress {
  phase: 'reading' | 'indexing' | 'tasks' | 'writing' | 'done';
  /** Compressed bytes consumed (import) or produced (export) so far. */
  bytes: number;
  /** Total compressed bytes when known (Blob/Uint8Array input). */
  totalBytes?: number;
  documents: number;
  indexUid?: string;
  // ---- Added by the dump codec (backwards-compatible, optional) ----
  /**
   * Import only: which read of the archive this is (1, 2…). A second read happens only when the archive's
   * entries are out of order (e.g. `metadata.json` last); `bytes` restarts at 0 for it.
   */
  pass?: number;
}
