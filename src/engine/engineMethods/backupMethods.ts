/** The dump and snapshot methods of the engine, over its `EngineBackups` (src/engine/backup/). */
import type { DumpSource } from '../../backup/dump/archiveSource.ts';
import type { DumpImportSummary } from '../../backup/dump/importContext.ts';
import type { DumpFileInfo, SnapshotFileInfo } from '../backup/backupStorage.ts';
import type { DumpStatus, EngineBackups, ImportDumpOptions } from '../backup/engineBackups.ts';
import type { EnqueuedTaskPromise } from '../engine.ts';
import { EngineTaskMethods } from './taskMethods.ts';

/**
 * The dump and snapshot methods of {@link Engine}: Meilisearch dumps (written, listed, read, deleted, imported)
 * and snapshots (exact copies of the database), kept in the engine's backup storage. It extends
 * {@link EngineTaskMethods}; {@link Engine} extends it.
 *
 * @example
 * ```ts
 * const task = await engine.createDump().waitTask({ timeout: 60_000 });
 * const file = await engine.getDumpFile(task.details!.dumpUid as string);
 * const copy = await createEngine(); // another engine, empty
 * await copy.importDump(file);
 * ```
 */
export abstract class EngineBackupMethods extends EngineTaskMethods {
  /** @internal The dumps and snapshots; throws once the engine is closed. */
  protected abstract get live(): EngineBackups;

  /**
   * Enqueues a `dumpCreation` task: a Meilisearch v6 `.dump` of every index, document, setting, task and batch,
   * kept in the backup storage as `<dumpUid>.dump` (`details.dumpUid` once processed). Fails at once with
   * `dump_already_processing` while a dump is being written.
   *
   * @example
   * ```ts
   * const task = await engine.createDump().waitTask({ timeout: 60_000 });
   * const file = await engine.getDumpFile(task.details!.dumpUid as string);
   * ```
   */
  createDump(): EnqueuedTaskPromise {
    return this.enqueued(this.live.createDump());
  }

  /**
   * `{uid, status: 'in_progress' | 'done' | 'failed', startedAt, finishedAt}` of a dump: from this engine while it
   * writes it, else from its finished `dumpCreation` task (`dump_not_found` once that task is deleted).
   *
   * @example
   * ```ts
   * const { taskUid } = await engine.createDump();
   * const task = await engine.waitForTask(taskUid, { timeout: 120_000 });
   * const { status } = await engine.getDumpStatus(task.details!.dumpUid as string); // 'done'
   * ```
   */
  getDumpStatus(dumpUid: string): Promise<DumpStatus> {
    return this.live.getDumpStatus(dumpUid);
  }

  /**
   * The finished dumps in the backup storage: `[{uid, size, createdAt}]`.
   *
   * @example
   * ```ts
   * for (const { uid, size } of await engine.listDumps()) console.log(uid, size);
   * ```
   */
  listDumps(): Promise<DumpFileInfo[]> {
    return this.live.listDumps();
  }

  /**
   * A finished dump as a `File` (`dump_not_found` otherwise).
   *
   * @example
   * ```ts
   * const file = await engine.getDumpFile('20250731-092130478');
   * await writeFile('movies.dump', new Uint8Array(await file.arrayBuffer())); // Node: import { writeFile } from 'node:fs/promises'
   * ```
   */
  getDumpFile(dumpUid: string): Promise<File> {
    return this.live.getDumpFile(dumpUid);
  }

  /**
   * Deletes a finished dump (`dump_not_found` otherwise).
   *
   * @example
   * ```ts
   * for (const { uid } of await engine.listDumps()) await engine.deleteDump(uid);
   * ```
   */
  deleteDump(dumpUid: string): Promise<void> {
    return this.live.deleteDump(dumpUid);
  }

  /**
   * Imports a dump (v1–v6) into this engine, which must be empty (no index, task or batch). Resolves once it is
   * complete; a failed import leaves the engine empty. Task registrations are refused meanwhile.
   *
   * @example
   * ```ts
   * const summary = await engine.importDump(file, { onProgress: (p) => console.log(p.phase, p.documents) });
   * ```
   */
  importDump(source: DumpSource, options?: ImportDumpOptions): Promise<DumpImportSummary> {
    return this.live.importDump(source, options);
  }

  /**
   * Enqueues a `snapshotCreation` task: an exact copy of the database, replacing the previous snapshot in the
   * backup storage. Enqueued snapshot tasks are served by one snapshot.
   *
   * @example
   * ```ts
   * await engine.createSnapshot().waitTask();
   * console.log(await engine.getSnapshotInfo()); // { name: 'movies.snapshot', createdAt, size, engineVersion }
   * ```
   */
  createSnapshot(): EnqueuedTaskPromise {
    return this.enqueued(this.live.createSnapshot());
  }

  /**
   * `{name, createdAt, size, engineVersion}` of this database's snapshot, or `null`.
   *
   * @example
   * ```ts
   * const info = await engine.getSnapshotInfo();
   * if (info) console.log(`last snapshot ${info.createdAt}, ${info.size} bytes`);
   * ```
   */
  getSnapshotInfo(): Promise<SnapshotFileInfo | null> {
    return this.live.getSnapshotInfo();
  }

  /**
   * This database's snapshot as a `File` (`snapshot_not_found` otherwise).
   *
   * @example
   * ```ts
   * await engine.createSnapshot().waitTask({ timeout: 120_000 });
   * const file = await engine.getSnapshotFile(); // restore: createEngine({ storage: 'indexeddb', name: 'copy', importSnapshot: file })
   * ```
   */
  getSnapshotFile(): Promise<File> {
    return this.live.getSnapshotFile();
  }
}
