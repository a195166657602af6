/**
 * Progress of the long backup operations (dump export and import, snapshot write and restore), reported through
 * the engine's `onProgress` option (and, in the browser, across Comlink to the page).
 */

/** Which backup operation a progress report is about. */
export type BackupOperation = 'dumpExport' | 'dumpImport' | 'snapshotWrite' | 'snapshotRestore';

/**
 * One progress report. `phase` is `done` exactly once, at the end of a successful operation.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: 'memory', onProgress: (p) => console.log(p.operation, p.phase, p.bytes) });
 * ```
 */
export type BackupProgress = {
  operation: BackupOperation;
  /** Dumps: `reading`, `indexing`, `tasks`, `writing`; snapshots: `writing`, `restoring`; all: `done`. */
  phase: 'reading' | 'indexing' | 'tasks' | 'writing' | 'restoring' | 'done';
  /** File bytes written (export, snapshot write) or read (import, restore) so far. */
  bytes: number;
  /** Size of the file when known (imports from a Blob/File, snapshot restores from a Blob). */
  totalBytes?: number;
  /** Dumps: documents written or imported so far. */
  documents?: number;
  /** Snapshots: records copied so far, and in the whole snapshot. */
  records?: number;
  totalRecords?: number;
  /** Dumps: the index being written or imported. */
  indexUid?: string;
  /** Dump exports: the dump's uid. */
  dumpUid?: string;
};

/**
 * Receives progress reports. Exceptions it throws are ignored.
 *
 * @inline
 */
export type BackupProgressListener = (progress: BackupProgress) => void;

/**
 * Limits a listener to one report every `intervalMs` (the first and `done` reports always pass), so a callback
 * crossing Comlink is not flooded. Errors of the listener are swallowed: progress never breaks an operation.
 *
 * @example
 * ```ts
 * const report = throttleProgress(onProgress, 100);
 * report({ operation: 'dumpImport', phase: 'reading', bytes: 0 });
 * ```
 */
export function throttleProgress(listener: BackupProgressListener | undefined, intervalMs = 100): BackupProgressListener {
  if (!listener) return () => undefined;
  let last = -Infinity;
  return (p) => {
    const now = Date.now();
    if (p.phase !== 'done' && now - last < intervalMs) return;
    last = now;
    try {
      listener(p);
    } catch {
      /* a broken listener must not break a backup */
    }
  };
}
