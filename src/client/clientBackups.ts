/**
 * The page side of dumps and snapshots: the `createClient` options, the client methods that are more than a
 * forwarded call (`importDump` with a progress callback, `downloadDump`, `downloadSnapshot`), and saving a file
 * through the browser.
 */
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type { BackupProgress } from '../engine/backup/backupProgress.ts';
import type { DumpImportSummary } from '../backup/dump/importContext.ts';
import type { WorkerApi } from '../worker/workerApi.ts';
import type { WorkerBackupOptions } from '../worker/workerBackups.ts';

/**
 * What a dump or snapshot import accepts on the page: a file (input, drag and drop), bytes, or a stored name.
 *
 * @inline
 */
export type BackupFileSource = File | Blob | Uint8Array | ArrayBuffer | string;

/**
 * The dump and snapshot options of `createClient` (Meilisearch's `--import-dump`, `--import-snapshot`,
 * `--schedule-snapshot`, `--dump-dir`, `--snapshot-dir`).
 *
 * @example
 * ```ts
 * const client = await createClient({ name: 'movies', importSnapshot: 'movies', ignoreMissingSnapshot: true, ignoreSnapshotIfDbExists: true, scheduleSnapshot: 3600 });
 * ```
 */
export interface ClientBackupOptions {
  /** A dump to import at start-up (a `File`/`Blob`/bytes, or the uid of a dump in `dumpsDir`). The client resolves once it is imported. */
  importDump?: BackupFileSource | null;
  /** With `importDump` naming a dump that does not exist: start without it. */
  ignoreMissingDump?: boolean;
  /** With `importDump` and a database that has data: keep the database, skip the import. */
  ignoreDumpIfDbExists?: boolean;
  /** OPFS directory of dumps (default `dumps`). */
  dumpsDir?: string;
  /** A snapshot to restore at start-up (a `File`/`Blob`/bytes, or a snapshot name in `snapshotsDir`). */
  importSnapshot?: BackupFileSource | null;
  /** With `importSnapshot` naming a snapshot that does not exist: start without it. */
  ignoreMissingSnapshot?: boolean;
  /** With `importSnapshot` and a database that has data: keep the database, skip the restore. */
  ignoreSnapshotIfDbExists?: boolean;
  /** OPFS directory of snapshots (default `snapshots`). */
  snapshotsDir?: string;
  /** `true` (every 86,400 s) or seconds between snapshots; the first is taken at launch. */
  scheduleSnapshot?: boolean | number;
  /** Progress of dump exports/imports and snapshot writes/restores (called across Comlink, at most every 100 ms). */
  onProgress?: (progress: BackupProgress) => void;
  /** Gzip level of dumps, 0–9 (default 1: fast; Meilisearch uses 6, ~15% smaller and ~2× slower here). */
  dumpCompressionLevel?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/**
 * How `downloadDump`/`downloadSnapshot` save the file.
 *
 * @inline
 */
export interface DownloadOptions {
  /**
   * `auto` (default): stream through `showSaveFilePicker` when the browser has it and the call comes from a user
   * gesture, else an `<a download>` of the file; `picker` or `anchor` force one way.
   */
  method?: 'auto' | 'picker' | 'anchor';
  /** File name offered (default `<dumpUid>.dump`, or the snapshot's name). */
  fileName?: string;
}

/** The client methods of dumps and snapshots that are not plain forwarded calls. */
export type ClientBackupMethods = {
  /**
   * Imports a dump into the running engine, which must be empty (no index, task or batch) — the upload path of a
   * file input or drag and drop. Resolves once complete; a failed import leaves the engine empty.
   *
   * @example
   * ```ts
   * input.onchange = async () => {
   *   const summary = await client.importDump(input.files![0], { onProgress: (p) => console.log(p.phase, p.documents) });
   *   console.log(summary.indexes); // [{ uid: 'movies', primaryKey: 'id', documents: 31944 }]
   * };
   * ```
   */
  importDump(source: BackupFileSource, options?: { onProgress?: (progress: BackupProgress) => void }): Promise<DumpImportSummary>;
  /**
   * Saves a finished dump through the browser (`<a download>`, or `showSaveFilePicker`).
   *
   * @example
   * ```ts
   * button.onclick = async () => {
   *   const task = await client.createDump().waitTask({ timeout: 120_000 });
   *   await client.downloadDump(task.details!.dumpUid as string, { fileName: 'movies.dump' });
   * };
   * ```
   */
  downloadDump(dumpUid: string, options?: DownloadOptions): Promise<void>;
  /**
   * Saves the current snapshot through the browser.
   *
   * @example
   * ```ts
   * button.onclick = async () => {
   *   await client.createSnapshot().waitTask({ timeout: 120_000 });
   *   await client.downloadSnapshot(); // `<name>.snapshot`
   * };
   * ```
   */
  downloadSnapshot(options?: DownloadOptions): Promise<void>;
};

/** A page-side source as it crosses to the worker: bytes become a `Blob` (one copy; Blobs then cross by reference). */
function toTransferable(source: BackupFileSource): Blob | string {
  if (typeof source === 'string' || source instanceof Blob) return source;
  return new Blob([source instanceof Uint8Array ? (source as Uint8Array<ArrayBuffer>) : new Uint8Array(source)]);
}

/** The backup part of the worker's init options. */
export function workerBackupOptions(o: ClientBackupOptions): WorkerBackupOptions {
  const out: WorkerBackupOptions = {
    ignoreMissingDump: o.ignoreMissingDump,
    ignoreDumpIfDbExists: o.ignoreDumpIfDbExists,
    ignoreMissingSnapshot: o.ignoreMissingSnapshot,
    ignoreSnapshotIfDbExists: o.ignoreSnapshotIfDbExists,
    scheduleSnapshot: o.scheduleSnapshot,
    dumpsDir: o.dumpsDir,
    snapshotsDir: o.snapshotsDir,
    dumpCompressionLevel: o.dumpCompressionLevel,
  };
  if (o.importDump !== undefined && o.importDump !== null) out.importDump = toTransferable(o.importDump);
  if (o.importSnapshot !== undefined && o.importSnapshot !== null) out.importSnapshot = toTransferable(o.importSnapshot);
  return out;
}

/** The progress callback as the worker receives it (a Comlink proxy), or undefined. */
export function progressProxy(fn: ((p: BackupProgress) => void) | undefined): ((p: BackupProgress) => void) | undefined {
  return fn ? Comlink.proxy(fn) : undefined;
}

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options?: { suggestedName?: string }) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

/**
 * Saves `file` through the browser: streamed into a file the user picks (`showSaveFilePicker`, Chromium, needs a
 * user gesture), or downloaded with an `<a download>` of an object URL. A picker the user cancels saves nothing.
 *
 * @example
 * ```ts
 * button.onclick = () => saveFile(await client.getDumpFile(uid), `${uid}.dump`);
 * ```
 */
export async function saveFile(file: Blob, fileName: string, method: DownloadOptions['method'] = 'auto'): Promise<void> {
  const w = (typeof window === 'undefined' ? {} : window) as SaveFilePickerWindow;
  const activation = (typeof navigator !== 'undefined' ? (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation : undefined)?.isActive;
  const usePicker = typeof w.showSaveFilePicker === 'function' && (method === 'picker' || (method === 'auto' && activation === true));
  if (usePicker) {
    try {
      const handle = await w.showSaveFilePicker!({ suggestedName: fileName });
      await file.stream().pipeTo(await handle.createWritable());
      return;
    } catch (e) {
      if ((e as { name?: string }).name === 'AbortError' || method === 'picker') throw e;
      // Not allowed here (no gesture, policy): fall back to a download.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // The download has taken its reference by now; keep the URL a while for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** The backup methods of the client, over the worker. */
export function clientBackupMethods(
  remote: Remote<WorkerApi>,
  call: (method: 'getDumpFile' | 'getSnapshotFile', args: unknown[]) => Promise<unknown>,
): ClientBackupMethods {
  return {
    importDump: (source, options = {}) => remote.importDump(toTransferable(source), progressProxy(options.onProgress)) as Promise<DumpImportSummary>,
    downloadDump: async (dumpUid, options = {}) => {
      const file = (await call('getDumpFile', [dumpUid])) as File;
      await saveFile(file, options.fileName ?? `${dumpUid}.dump`, options.method);
    },
    downloadSnapshot: async (options = {}) => {
      const file = (await call('getSnapshotFile', [])) as File;
      await saveFile(file, options.fileName ?? file.name, options.method);
    },
  };
}
