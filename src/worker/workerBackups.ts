/**
 * The worker side of dumps and snapshots: OPFS directories as the engine's backup storage, the start-up import
 * options as the page sent them (files arrive as `Blob`s/`File`s, which structured clone shares without copying),
 * and progress reports sent back to the page through a Comlink-proxied callback.
 */
import type { EngineOptions } from '../engine/engine.ts';
import type { BackupProgress, BackupProgressListener } from '../engine/backup/backupProgress.ts';
import { MemoryBackupStorage, type BackupStorage } from '../engine/backup/backupStorage.ts';
import { hasOpfs, OpfsBackupStorage } from '../backup/opfsBackupStorage.ts';

/** The backup options of `createClient`, as they cross to the worker (no functions: progress goes separately). */
export interface WorkerBackupOptions {
  /** A dump to import at start-up: a `File`/`Blob`, or the uid of a dump in the dumps directory. */
  importDump?: Blob | string | null;
  ignoreMissingDump?: boolean;
  ignoreDumpIfDbExists?: boolean;
  /** A snapshot to restore at start-up: a `File`/`Blob`, or a snapshot name in the snapshots directory. */
  importSnapshot?: Blob | string | null;
  ignoreMissingSnapshot?: boolean;
  ignoreSnapshotIfDbExists?: boolean;
  /** `true` (daily) or seconds between snapshots; the first is taken at launch. */
  scheduleSnapshot?: boolean | number;
  /** OPFS directory of dumps (default `dumps`). */
  dumpsDir?: string;
  /** OPFS directory of snapshots (default `snapshots`). */
  snapshotsDir?: string;
  /** Gzip level of dumps (0–9, default 1). */
  dumpCompressionLevel?: EngineOptions['dumpCompressionLevel'];
}

/** A progress callback proxied by Comlink: calling it posts a message (its promise is ignored). */
export type RemoteProgress = (progress: BackupProgress) => unknown;

/** A listener calling the page's callback, never failing (a closed page must not break a backup). */
export function remoteListener(remote: RemoteProgress | undefined): BackupProgressListener | undefined {
  if (!remote) return undefined;
  return (p) => {
    try {
      const r = remote(p) as Promise<unknown> | undefined;
      r?.catch?.(() => undefined);
    } catch {
      /* the page went away */
    }
  };
}

/** The backup storage of a worker: OPFS when available, else memory (dumps and snapshots then live as long as the worker). */
export async function openBackupStorage(o: WorkerBackupOptions): Promise<BackupStorage> {
  if (!hasOpfs()) return new MemoryBackupStorage();
  return OpfsBackupStorage.open({ dumpsDir: o.dumpsDir, snapshotsDir: o.snapshotsDir });
}

/**
 * The engine options for the page's backup options.
 *
 * @example
 * ```ts
 * const engine = await createEngine({ storage: 'indexeddb', name, ...(await engineBackupOptions(options.backups ?? {}, onProgress)) });
 * ```
 */
export async function engineBackupOptions(o: WorkerBackupOptions, onProgress?: RemoteProgress): Promise<Partial<EngineOptions>> {
  return {
    backupStorage: await openBackupStorage(o),
    importDump: o.importDump ?? null,
    ignoreMissingDump: o.ignoreMissingDump,
    ignoreDumpIfDbExists: o.ignoreDumpIfDbExists,
    importSnapshot: o.importSnapshot ?? null,
    ignoreMissingSnapshot: o.ignoreMissingSnapshot,
    ignoreSnapshotIfDbExists: o.ignoreSnapshotIfDbExists,
    scheduleSnapshot: o.scheduleSnapshot,
    dumpCompressionLevel: o.dumpCompressionLevel,
    onProgress: remoteListener(onProgress),
  };
}
