/**
 * The scheduler: one loop, one batch at a time. A batch's effects and its tasks' final statuses commit in one
 * transaction, so a crash leaves the database before or after the batch. Tasks being processed are
 * `processing` in memory only: after a crash they are enqueued again and re-run.
 */
import { toEngineError, type EngineError, type ErrorObject } from '../../errors/engineError.ts';
import { ALL_STORES, STORES } from '../storage/schema.ts';
import type { EngineContext } from '../engineContext.ts';
import type { Batch } from '../types/tasks.ts';
import { clearStaging, collectStaging } from '../indexer/staging.ts';
import { recoverUnfinishedRestore } from '../backup/databaseState.ts';
import { failedDetails } from './taskDetails.ts';
import type { TaskRecord } from './taskRecord.ts';
import { batchRecord, batchStats } from './batchRecord.ts';
import { finishTask } from './taskQueue.ts';
import { StalledBatch } from './stalledBatch.ts';
import { selectNextBatch, type NextBatch } from './autobatcher.ts';
import { BatchAborted, type BatchOutcome, type BatchProgressStep, type BatchRun, type TaskResult } from './batch.ts';
import { processDocumentBatch } from './processors/documentBatch.ts';
import { processSettingsBatch } from './processors/settingsBatch.ts';
import { processIndexTask } from './processors/indexTasks.ts';
import { processBackup, processCancelation, processDeletion } from './processors/taskTasks.ts';
import { processFilterDeletion } from './processors/filterDeletion.ts';
import { runMaintenance } from './maintenance.ts';
import { setBackgroundTimeout } from '../util/backgroundTimer.ts';

type Listener = (task: TaskRecord) => void;

interface Running {
  run: BatchRun;
  next: NextBatch;
  progress: BatchProgressStep | null;
}

export class Scheduler {
  private running: Running | null = null;
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;
  private stopped = false;
  private loopDone: Promise<void> | null = null;
  private nextBatchUid = 0;
  private readonly listeners = new Set<Listener>();
  /** Batches paused by an external owner (a dump/snapshot written outside a task). */
  private holds = 0;
  private lockAbort: AbortController | null = null;
  /** True while the loop selects or runs a batch (false while it waits for work or is held). */
  private busy = false;
  private idleWaiters: (() => void)[] = [];
  private readonly stall = new StalledBatch();

  /** Clean-ups that only the engine holding the database may run (the others may be mid-way through them). */
  private readonly leaderTasks: (() => Promise<void>)[] = [];
  /** True once this engine holds the scheduler lock and ran the clean-ups, until it gives the lock up. */
  private leading = false;
  private leadingWaiters: (() => void)[] = [];

  constructor(private readonly ctx: EngineContext) {}

  /** Adds a clean-up run each time this engine takes the scheduler lock, before its first batch. */
  onLeadership(task: () => Promise<void>): void {
    this.leaderTasks.push(task);
  }

  /**
   * Resolves true once this engine holds the scheduler lock (and cleaned up after any crashed holder), false if it
   * does not within `timeoutMs` (another tab or worker holds the database).
   */
  async lead(timeoutMs: number): Promise<boolean> {
    if (this.leading || timeoutMs <= 0) return this.leading;
    return new Promise<boolean>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(this.leading);
      };
      const timer = setTimeout(() => {
        this.leadingWaiters = this.leadingWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.leadingWaiters.push(done);
    });
  }

  /**
   * Starts the loop once this engine holds the scheduler lock of its database (another tab or worker may hold it:
   * then tasks registered here are processed there). With the lock comes the clean-up of what a crashed
   * holder may have left — an unfinished import or restore, staged segments, temporary backup files; without it,
   * they could belong to work still running elsewhere.
   */
  async start(): Promise<void> {
    this.stopped = false;
    const abort = new AbortController();
    this.lockAbort = abort;
    this.loopDone = this.ctx.coordinator.acquire(abort.signal).then(
      async (release) => {
        try {
          if (this.stopped) return;
          if ((await recoverUnfinishedRestore(this.ctx.store)) !== 'none') this.ctx.onCommit('all');
          await collectStaging(this.ctx.store);
          for (const task of this.leaderTasks) await task().catch(() => undefined);
          const [lastBatch] = await this.ctx.store.read([STORES.batches], (tx) => tx.getAllKeys(STORES.batches, { reverse: true, limit: 1 }));
          this.nextBatchUid = lastBatch === undefined ? 0 : (lastBatch as number) + 1;
          this.leading = true;
          for (const w of this.leadingWaiters.splice(0)) w();
          await this.loop();
        } finally {
          this.leading = false;
          release();
        }
      },
      () => undefined,
    );
  }

  /** Stops after the current batch and gives the scheduler lock up. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.lockAbort?.abort();
    this.wake();
    await this.loopDone;
  }

  /**
   * Holds batches: none starts until the returned function is called, and this resolves once the batch running
   * now (if any) is committed. The caller then reads or writes a database no batch touches (dump export, dump
   * import); tasks still enqueue. Releasing re-reads the next batch uid (an import adds batches) and wakes the loop.
   */
  async pause(): Promise<() => Promise<void>> {
    this.holds++;
    if (this.busy) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      try {
        const [lastBatch] = await this.ctx.store.read([STORES.batches], (tx) => tx.getAllKeys(STORES.batches, { reverse: true, limit: 1 }));
        if (lastBatch !== undefined) this.nextBatchUid = Math.max(this.nextBatchUid, (lastBatch as number) + 1);
      } finally {
        this.holds--;
        this.wake();
      }
    };
  }

  /** Resolves once this engine's scheduler has neither a batch nor background compaction to run. */
  async waitForIdle(): Promise<void> {
    if (!this.busy && !this.pendingWake) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private setIdle(): void {
    this.busy = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /**
   * Why `uid` is still enqueued after its batch failed without its failure being recorded (e.g.
   * `no_space_left_on_device` when not even the failed status fits in the storage), or null.
   */
  stalledError(uid: number): EngineError | null {
    return this.stall.errorFor(uid);
  }

  wake(): void {
    this.pendingWake = true;
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  onTaskFinished(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Aborts the running batch if it contains one of `uids` (a cancelation was registered). */
  abortIfProcessing(uids: Iterable<number>): void {
    const r = this.running;
    if (!r) return;
    for (const uid of uids) {
      if (r.next.uids.includes(uid)) {
        (r.run.signal as { aborted: boolean }).aborted = true;
        return;
      }
    }
  }

  /** The batch being processed, as `GET /batches/{uid}` shows it. */
  currentBatch(): Batch | null {
    const r = this.running;
    if (!r) return null;
    const steps = r.progress ? [r.progress] : [];
    const pct = r.progress && r.progress.total ? (100 * r.progress.finished) / r.progress.total : 0;
    return {
      uid: r.run.batchUid,
      progress: { steps, percentage: pct },
      details: {},
      stats: batchStats(r.run.tasks.map((t) => ({ type: t.kind.type, status: 'processing', indexUid: t.indexUid }))),
      duration: null,
      startedAt: r.run.startedAt,
      finishedAt: null,
      batchStrategy: r.next.strategy,
    };
  }

  isIndexing(indexUid: string): boolean {
    return this.running?.run.tasks.some((t) => t.indexUid === indexUid) ?? false;
  }

  private async idle(): Promise<void> {
    if (this.pendingWake || this.stopped) {
      this.pendingWake = false;
      return;
    }
    await new Promise<void>((resolve) => {
      this.wakeUp = resolve;
    });
    this.pendingWake = false;
  }

  /** Waits `ms`, or less if woken or stopped. */
  private async backoff(ms: number): Promise<void> {
    if (this.stopped || this.pendingWake) {
      this.pendingWake = false;
      return;
    }
    await new Promise<void>((resolve) => {
      // A retry of a batch the storage refused may never succeed: it must not keep a Node process alive by itself
      // (a caller awaiting the task is told at once, see waitForTask).
      const timer = setBackgroundTimeout(done, ms);
      this.wakeUp = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    this.pendingWake = false;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.busy = true;
      let next: NextBatch | null = null;
      try {
        next = this.holds > 0 ? null : selectNextBatch(this.stall.candidates(await this.ctx.queue.enqueuedSummaries()));
      } catch {
        next = null;
      }
      if (!next) {
        // Idle: compact segments (still "busy", so pause() waits for it), unless a task or a hold arrives.
        const stop = () => this.pendingWake || this.holds > 0 || this.stopped;
        if (this.holds === 0 && !this.pendingWake && (await runMaintenance(this.ctx, stop).catch(() => false))) continue;
        this.setIdle();
        await this.idle();
        continue;
      }
      try {
        await this.runBatch(next);
        this.stall.clear();
      } catch (e) {
        // Could not even record the failure (storage full or broken): the tasks stay enqueued; retried later, or
        // sooner when woken (a task registered since means storage took a write again).
        const delay = this.stall.stall(next.uids, e);
        this.setIdle();
        await this.backoff(delay);
      }
    }
    this.setIdle();
  }

  private async runBatch(next: NextBatch): Promise<void> {
    const { ctx } = this;
    const records = (await ctx.store.read([STORES.tasks], (tx) => tx.getMany<TaskRecord>(STORES.tasks, next.uids))).filter(
      (t): t is TaskRecord => !!t && t.status === 'enqueued',
    );
    if (records.length === 0) {
      // Queue entries without live tasks (deleted): drop them.
      await ctx.store.write([STORES.enqueued], async (tx) => next.uids.forEach((u) => tx.delete(STORES.enqueued, u)));
      return;
    }
    const outOfSpace = this.stall.begin(next.uids);
    const batchUid = this.nextBatchUid;
    const startedAt = ctx.now().toISOString();
    const signal = { aborted: false };
    const traces = new Map<string, number>();
    const running: Running = { next, progress: null, run: null as unknown as BatchRun };
    const run: BatchRun = {
      ctx,
      batchUid,
      startedAt,
      tasks: records,
      signal,
      progress: (step) => {
        running.progress = step;
      },
      trace: (step, ms) => {
        traces.set(step, (traces.get(step) ?? 0) + ms);
      },
      checkpoint: () => {
        if (signal.aborted) throw new BatchAborted();
      },
    };
    running.run = run;
    this.running = running;
    ctx.queue.processing = { batchUid, startedAt, uids: new Set(records.map((r) => r.uid)) };
    try {
      let outcome: BatchOutcome;
      const processStart = performance.now();
      try {
        if (outOfSpace) throw outOfSpace;
        outcome = await this.process(next, run);
        run.trace('processing tasks', performance.now() - processStart);
      } catch (e) {
        if (e instanceof BatchAborted) {
          await collectStaging(ctx.store);
          return; // tasks stay enqueued; the cancelation runs next
        }
        // Segment data staged before the failure (e.g. storage full midway) is dropped now, not at the next start.
        await collectStaging(ctx.store).catch(() => undefined);
        const err = toEngineError(e).toJSON();
        outcome = { results: new Map(records.map((t) => [t.uid, { status: 'failed', details: failedDetails(t.details), error: err } as TaskResult])), changed: [] };
      }
      const finished = await this.commit(run, next, outcome, traces).catch(async (e) => {
        await collectStaging(ctx.store).catch(() => undefined);
        const err = toEngineError(e).toJSON();
        const failedOutcome: BatchOutcome = {
          results: new Map(records.map((t) => [t.uid, { status: 'failed', details: failedDetails(t.details), error: err } as TaskResult])),
          changed: [],
        };
        return this.commit(run, next, failedOutcome, traces);
      });
      this.nextBatchUid++;
      ctx.onCommit(outcome.changed);
      for (const t of finished) for (const l of this.listeners) l(t);
    } finally {
      ctx.queue.processing = null;
      this.running = null;
    }
  }

  private process(next: NextBatch, run: BatchRun): Promise<BatchOutcome> {
    switch (next.kind) {
      case 'cancelation':
        return processCancelation(run);
      case 'deletion':
        return processDeletion(run);
      case 'snapshot':
      case 'dump':
        return processBackup(run);
      case 'documents':
        return processDocumentBatch(run, next.indexUid!);
      case 'settings':
        return processSettingsBatch(run, next.indexUid!);
      case 'single':
        return processFilterDeletion(run);
      case 'index':
        return processIndexTask(run);
    }
  }

  /** The final transaction: effects, task statuses, batch record. Returns the finished tasks. */
  private async commit(run: BatchRun, next: NextBatch, outcome: BatchOutcome, traces: Map<string, number>): Promise<TaskRecord[]> {
    const { ctx } = this;
    const finishedAt = ctx.now().toISOString();
    const staged: [number, number][] = [];
    for (const w of outcome.writers ?? []) for (const seg of w.staged) staged.push([w.ix, seg]);
    const prepareStart = performance.now();
    for (const w of outcome.writers ?? []) await w.prepareCommit();
    run.trace('committing > reading blocks to rewrite', performance.now() - prepareStart);
    const commitStart = performance.now();
    const finished = await ctx.store.write(ALL_STORES, async (tx) => {
      for (const w of outcome.writers ?? []) w.commit(tx);
      if (outcome.commit) await outcome.commit(tx);
      await clearStaging(tx, staged);
      const finished: TaskRecord[] = [];
      for (const t of run.tasks) {
        const r: TaskResult = outcome.results.get(t.uid) ?? { status: 'failed', details: failedDetails(t.details), error: internalError('The task produced no result.') };
        const rec: TaskRecord = { ...t, status: r.status, details: r.details, error: r.error, batchUid: run.batchUid, startedAt: run.startedAt, finishedAt };
        finishTask(tx, rec);
        finished.push(rec);
      }
      tx.put(STORES.batches, run.batchUid, batchRecord(run, next, finished, finishedAt, traces));
      return finished;
    });
    traces.set('committing > writing', performance.now() - commitStart);
    // The batch record was written with the trace known before the commit; keep the full trace for the next read.
    return finished;
  }
}

function internalError(message: string): ErrorObject {
  return { message, code: 'internal', type: 'internal', link: 'https://docs.meilisearch.com/errors#internal' };
}
