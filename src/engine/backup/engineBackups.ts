/**
 * Dumps and snapshots of one engine: the `dumpCreation`/`snapshotCreation` task hooks, dump statuses, the files in
 * the {@link BackupStorage}, dump imports into the running engine, and scheduled snapshots. `Engine` delegates its
 * backup methods here.
 */
import type { DumpExportOptions } from '../../backup/dump/exportDump.ts';
import type { DumpSource } from '../../backup/dump/archiveSource.ts';
import type { DumpImportSummary } from '../../backup/dump/importContext.ts';
import { SnapshotScheduler, snapshotIntervalMs } from '../../backup/snapshot/snapshotScheduler.ts';
import { EngineError } from '../../errors/engineError.ts';
import { defaultKeys } from '../api/keys.ts';
import type { BackupHooks, EngineContext } from '../engineContext.ts';
import { STORES } from '../storage/schema.ts';
import type { BatchRun } from '../tasks/batch.ts';
import type { Scheduler } from '../tasks/scheduler.ts';
import { enqueuedView, type TaskKind } from '../tasks/taskRecord.ts';
import { parseTaskFilter } from '../tasks/taskFilters.ts';
import type { EnqueuedTask } from '../types/tasks.ts';
import { DEFAULT_DUMP_COMPRESSION_LEVEL, wantsImport, type BackupOptions, type DumpCompressionLevel } from './backupOptions.ts';
import { throttleProgress, type BackupProgressListener } from './backupProgress.ts';
import { checkDumpUid, MemoryBackupStorage, type BackupStorage, type DumpFileInfo, type SnapshotFileInfo } from './backupStorage.ts';
import { hasUserData } from './databaseState.ts';
import { loadDumpCode, loadSnapshotCode } from './lazyBackupCode.ts';
import { resolveSource } from './startupRestore.ts';

/** The status of a dump, readable while the engine lives (`getDumpStatus`). */
export interface DumpStatus {
  uid: string;
  status: 'in_progress' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
}

/** Options of a dump import into a running engine. */
export interface ImportDumpOptions {
  onProgress?: BackupProgressListener;
}

/** How long an import waits for this engine to hold the database before refusing (another tab holds it). */
const LEAD_TIMEOUT_MS = 3000;

async function highestTaskUid(ctx: EngineContext): Promise<number> {
  const [last] = await ctx.store.read([STORES.tasks], (tx) => tx.getAllKeys(STORES.tasks, { reverse: true, limit: 1 }));
  return last === undefined ? -1 : (last as number);
}

export class EngineBackups {
  readonly storage: BackupStorage;
  readonly onProgress: BackupProgressListener;
  private readonly statuses = new Map<string, DumpStatus>();
  private schedule: SnapshotScheduler | null = null;
  private readonly dumpCompressionLevel: DumpCompressionLevel;

  constructor(
    private readonly ctx: EngineContext,
    private readonly scheduler: Scheduler,
    options: BackupOptions & { backups?: BackupHooks },
  ) {
    this.storage = options.backupStorage ?? new MemoryBackupStorage();
    this.onProgress = throttleProgress(options.onProgress);
    this.dumpCompressionLevel = options.dumpCompressionLevel ?? DEFAULT_DUMP_COMPRESSION_LEVEL;
    const custom = options.backups ?? {};
    ctx.backups = {
      createDump: (dumpUid, run) => this.trackDump(dumpUid, run, custom.createDump ?? ((u, r) => this.writeDump(u, r))),
      createSnapshot: custom.createSnapshot ?? ((run) => this.writeSnapshot(run)),
    };
    // Temporary files of an interrupted dump or snapshot: only the engine holding the database removes them, as
    // another tab's engine may be writing one right now.
    scheduler.onLeadership(() => this.storage.cleanup(ctx.store.name));
  }

  /** After the engine started: imports `importDump`, starts scheduled snapshots. */
  async start(options: BackupOptions): Promise<void> {
    if (wantsImport(options.importDump)) await this.importAtStartup(options);
    const interval = snapshotIntervalMs(options.scheduleSnapshot);
    if (interval !== null) {
      this.schedule = new SnapshotScheduler({ intervalMs: interval, createSnapshot: () => this.createSnapshot() });
      this.schedule.start();
    }
  }

  /** Stops scheduled snapshots. */
  dispose(): void {
    this.schedule?.dispose();
    this.schedule = null;
  }

  private async importAtStartup(options: BackupOptions): Promise<void> {
    if (await hasUserData(this.ctx.store)) {
      if (options.ignoreDumpIfDbExists) return;
      throw new EngineError(
        'invalid_state',
        `The database \`${this.ctx.store.name}\` already has data, so the dump was not imported. Pass \`ignoreDumpIfDbExists: true\` to keep the database, or use another database name.`,
      );
    }
    const requested = options.importDump as DumpSource | string;
    const source = await resolveSource<DumpSource>(requested, (uid) => this.storage.getDump(uid));
    if (!source) {
      if (options.ignoreMissingDump) return;
      throw new EngineError('dump_not_found', `There is no dump \`${String(requested)}\` to import. Pass \`ignoreMissingDump: true\` to start without it.`);
    }
    await this.importDump(source);
  }

  private async register(kind: TaskKind): Promise<EnqueuedTask> {
    const record = await this.ctx.queue.register(kind, null);
    this.scheduler.wake();
    this.ctx.coordinator.publish({ type: 'registered' }); // the engine holding the database may be another tab's
    return enqueuedView(record);
  }

  /** Enqueues a `dumpCreation` task; `dump_already_processing` while a dump is being written. */
  createDump(): Promise<EnqueuedTask> {
    const current = this.scheduler.currentBatch();
    if (current && (current.stats.types.dumpCreation ?? 0) > 0) {
      return Promise.reject(new EngineError('dump_already_processing', 'A dump is already being processed. Wait for it to finish before asking for another one.'));
    }
    return this.register({ type: 'dumpCreation' });
  }

  /**
   * A dump's status: from this engine while it writes or wrote it; otherwise from the finished `dumpCreation` task
   * that names it (a dump made by another tab's engine, or before a restart).
   */
  async getDumpStatus(uid: string): Promise<DumpStatus> {
    const s = this.statuses.get(uid);
    if (s) return { ...s };
    const tasks = await this.ctx.queue.list(parseTaskFilter({ types: ['dumpCreation'] }));
    const t = tasks.find((x) => (x.details as { dumpUid?: unknown } | null)?.dumpUid === uid);
    if (!t || !t.startedAt) throw new EngineError('dump_not_found', `Dump \`${String(uid)}\` not found.`);
    return { uid, status: t.status === 'succeeded' ? 'done' : t.status === 'failed' ? 'failed' : 'in_progress', startedAt: t.startedAt, finishedAt: t.finishedAt };
  }

  listDumps(): Promise<DumpFileInfo[]> {
    return this.storage.listDumps();
  }

  async getDumpFile(uid: string): Promise<File> {
    const file = await this.storage.getDump(checkDumpUid(uid));
    if (!file) throw new EngineError('dump_not_found', `Dump \`${uid}\` not found.`);
    return file;
  }

  async deleteDump(uid: string): Promise<void> {
    if (!(await this.storage.deleteDump(checkDumpUid(uid)))) throw new EngineError('dump_not_found', `Dump \`${uid}\` not found.`);
  }

  /** Enqueues a `snapshotCreation` task (concurrent ones are served by one snapshot). */
  createSnapshot(): Promise<EnqueuedTask> {
    return this.register({ type: 'snapshotCreation' });
  }

  getSnapshotInfo(): Promise<SnapshotFileInfo | null> {
    return this.storage.snapshotInfo(this.ctx.store.name);
  }

  async getSnapshotFile(): Promise<File> {
    const file = await this.storage.getSnapshot(this.ctx.store.name);
    if (!file) throw new EngineError('snapshot_not_found', `There is no snapshot of \`${this.ctx.store.name}\` yet.`);
    return file;
  }

  /**
   * Imports a dump into this engine, which must be empty (see {@link EngineDumpTarget}) and hold the database: an
   * import holds batches, which only works in the engine that runs them, and another tab opening the database
   * leaves a running import alone only when its engine holds the scheduler lock.
   */
  async importDump(source: DumpSource, options: ImportDumpOptions = {}): Promise<DumpImportSummary> {
    // This engine's scheduler holds the lock, or nobody does (a stopped scheduler: hold it for the import), or the
    // scheduler is about to get it (just started).
    const release = (await this.scheduler.lead(0)) ? null : await this.ctx.coordinator.tryAcquire();
    if (!release && !(await this.scheduler.lead(LEAD_TIMEOUT_MS))) {
      throw new EngineError('invalid_state', `The database \`${this.ctx.store.name}\` is open in another tab or worker, which runs its tasks: close it there before importing a dump.`);
    }
    try {
      return await this.importUnderLock(source, options);
    } finally {
      release?.();
    }
  }

  private async importUnderLock(source: DumpSource, options: ImportDumpOptions): Promise<DumpImportSummary> {
    const listeners = [this.onProgress, throttleProgress(options.onProgress)];
    const { importDump, EngineDumpTarget } = await loadDumpCode();
    return importDump(new EngineDumpTarget(this.ctx, this.scheduler), source, {
      now: this.ctx.now(),
      onProgress: (p) => {
        const report = { operation: 'dumpImport' as const, ...p, phase: p.phase };
        for (const l of listeners) l(report);
      },
    });
  }

  /**
   * A dump of the engine as a stream, outside any task: batches are held from the first read until the stream
   * ends (or is cancelled), so the dump is consistent; tasks still enqueue meanwhile.
   */
  exportStream(options: DumpExportOptions = {}): ReadableStream<Uint8Array> {
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    let release: (() => Promise<void>) | null = null;
    const done = async () => {
      const r = release;
      release = null;
      await r?.();
    };
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          try {
            if (!reader) {
              const { exportDump, EngineDumpSource } = await loadDumpCode();
              release = await this.scheduler.pause();
              const source = new EngineDumpSource(this.ctx, { maxTaskUid: await highestTaskUid(this.ctx) });
              reader = exportDump(source, { now: this.ctx.now(), ...options }).getReader();
            }
            const next = await reader.read();
            if (next.done) {
              await done();
              controller.close();
            } else controller.enqueue(next.value);
          } catch (e) {
            await done();
            throw e;
          }
        },
        cancel: async (reason) => {
          await reader?.cancel(reason).catch(() => undefined);
          await done();
        },
      },
      { highWaterMark: 0 },
    );
  }

  private async trackDump(dumpUid: string, run: BatchRun, write: (uid: string, run: BatchRun) => Promise<void>): Promise<void> {
    const status: DumpStatus = { uid: dumpUid, status: 'in_progress', startedAt: run.startedAt, finishedAt: null };
    this.statuses.set(dumpUid, status);
    try {
      await write(dumpUid, run);
      status.status = 'done';
    } catch (e) {
      status.status = 'failed';
      throw e;
    } finally {
      status.finishedAt = this.ctx.now().toISOString();
    }
  }

  /** The default dump hook: the v6 writer over the engine, into the storage (atomically). */
  private async writeDump(dumpUid: string, run: BatchRun): Promise<void> {
    const { exportDump, EngineDumpSource } = await loadDumpCode();
    const total = (await Promise.all((await this.ctx.catalog.list()).map(async (r) => (await this.ctx.catalog.state(r.uid)).stats.numberOfDocuments))).reduce((a, b) => a + b, 0);
    const source = new EngineDumpSource(this.ctx, {
      maxTaskUid: await highestTaskUid(this.ctx),
      currentBatch: this.scheduler.currentBatch(),
      onChunk: () => run.checkpoint(),
    });
    const stream = exportDump(source, {
      dumpUid,
      dumpTaskUid: run.tasks[0].uid,
      now: this.ctx.now(),
      compressionLevel: this.dumpCompressionLevel,
      onProgress: (p) => {
        run.progress({ currentStep: 'writing the dump', finished: p.documents, total });
        this.onProgress({ operation: 'dumpExport', ...p, phase: p.phase === 'done' ? 'writing' : p.phase, dumpUid });
      },
    });
    const size = await this.storage.writeDump(dumpUid, stream);
    this.onProgress({ operation: 'dumpExport', phase: 'done', bytes: size, documents: total, dumpUid });
  }

  /** The default snapshot hook: every store but this snapshot's own tasks and later ones, into the storage. */
  private async writeSnapshot(run: BatchRun): Promise<void> {
    await defaultKeys(this.ctx); // created now rather than while the snapshot is copied
    const { snapshotView } = await loadSnapshotCode();
    const view = snapshotView(this.ctx.store, { excludeTasks: new Set(run.tasks.map((t) => t.uid)), maxTaskUid: await highestTaskUid(this.ctx) });
    const info = await this.storage.writeSnapshot(view, {
      onProgress: (p) => {
        run.checkpoint();
        run.progress({ currentStep: 'writing the snapshot', finished: p.records, total: p.totalRecords });
        this.onProgress({ operation: 'snapshotWrite', phase: 'writing', bytes: p.bytes, records: p.records, totalRecords: p.totalRecords });
      },
    });
    this.onProgress({ operation: 'snapshotWrite', phase: 'done', bytes: info.size });
  }
}
