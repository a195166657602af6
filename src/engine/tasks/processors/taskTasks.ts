/** Task cancelation and task deletion. */
import { EngineError, toEngineError } from '../../../errors/engineError.ts';
import { STORES } from '../../storage/schema.ts';
import { failedDetails } from '../taskDetails.ts';
import type { TaskRecord } from '../taskRecord.ts';
import { finishTask } from '../taskQueue.ts';
import { BatchAborted, failed, succeeded, type BatchOutcome, type BatchRun, type TaskResult } from '../batch.ts';

export async function processCancelation(run: BatchRun): Promise<BatchOutcome> {
  const task = run.tasks[0];
  if (task.kind.type !== 'taskCancelation') throw new EngineError('internal', 'not a cancelation');
  const targets = task.kind.tasks;
  const finishedAt = run.ctx.now().toISOString();
  let canceled = 0;
  const results = new Map<number, TaskResult>();
  return {
    results,
    changed: [],
    commit: async (tx) => {
      const records = await tx.getMany<TaskRecord>(STORES.tasks, targets);
      for (const t of records) {
        if (!t || t.status !== 'enqueued' || t.uid === task.uid) continue;
        canceled++;
        finishTask(tx, { ...t, status: 'canceled', canceledBy: task.uid, details: failedDetails(t.details), finishedAt });
      }
      results.set(task.uid, succeeded({ ...task.details, canceledTasks: canceled }));
    },
  };
}

export async function processDeletion(run: BatchRun): Promise<BatchOutcome> {
  const results = new Map<number, TaskResult>();
  const own = new Set(run.tasks.map((t) => t.uid));
  return {
    results,
    changed: [],
    commit: async (tx) => {
      const deletedBatchCandidates = new Set<number>();
      const deletedUids = new Set<number>();
      for (const task of run.tasks) {
        if (task.kind.type !== 'taskDeletion') continue;
        let deleted = 0;
        const records = await tx.getMany<TaskRecord>(STORES.tasks, task.kind.tasks);
        for (const t of records) {
          if (!t || own.has(t.uid) || deletedUids.has(t.uid)) continue;
          if (t.status === 'enqueued' || t.status === 'processing') continue;
          tx.delete(STORES.tasks, t.uid);
          deletedUids.add(t.uid);
          if (t.batchUid !== null) deletedBatchCandidates.add(t.batchUid);
          deleted++;
        }
        results.set(task.uid, succeeded({ ...task.details, deletedTasks: deleted }));
      }
      if (deletedBatchCandidates.size) {
        // A batch goes when none of its tasks remain.
        const remaining = await tx.getAll<TaskRecord>(STORES.tasks);
        const inUse = new Set(remaining.filter((t) => !deletedUids.has(t.uid)).map((t) => t.batchUid));
        for (const b of deletedBatchCandidates) if (!inUse.has(b)) tx.delete(STORES.batches, b);
      }
    },
  };
}

/** Dump and snapshot tasks run through the engine's backup hooks (OPFS in the browser, memory in Node). */
export async function processBackup(run: BatchRun): Promise<BatchOutcome> {
  const results = new Map<number, TaskResult>();
  const hooks = run.ctx.backups;
  const first = run.tasks[0];
  try {
    if (first.kind.type === 'dumpCreation') {
      const dumpUid = dumpUidFor(new Date(run.startedAt));
      if (!hooks.createDump) throw new EngineError('internal', 'This engine has no dump storage configured.');
      await hooks.createDump(dumpUid, run);
      results.set(first.uid, succeeded({ dumpUid }));
    } else {
      if (!hooks.createSnapshot) throw new EngineError('internal', 'This engine has no snapshot storage configured.');
      await hooks.createSnapshot(run);
      for (const t of run.tasks) results.set(t.uid, succeeded(null));
    }
  } catch (e) {
    if (e instanceof BatchAborted || run.signal.aborted) throw new BatchAborted(); // canceled: the cancelation runs next
    const err = toEngineError(e).toJSON();
    for (const t of run.tasks) {
      const details = t.kind.type === 'dumpCreation' ? { dumpUid: null } : null;
      results.set(t.uid, failed(failedDetails(details), err));
    }
  }
  return { results, changed: [] };
}

/** `YYYYMMDD-HHMMSSmmm` of the task's start (UTC). */
export function dumpUidFor(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
}

