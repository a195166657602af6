/** The batch records the scheduler writes (`GET /batches`): task counts, aggregated details, the progress trace. */
import type { Batch, TaskType } from '../types/tasks.ts';
import type { NextBatch } from './autobatcher.ts';
import type { BatchRun } from './batch.ts';
import { isoDuration, type TaskRecord } from './taskRecord.ts';

export function batchStats(tasks: { type: TaskType; status: string; indexUid: string | null }[]): Batch['stats'] {
  const stats: Batch['stats'] = { totalNbTasks: tasks.length, status: {}, types: {}, indexUids: {} };
  const inc = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
  for (const t of tasks) {
    inc(stats.status as Record<string, number>, t.status);
    inc(stats.types as Record<string, number>, t.type);
    if (t.indexUid !== null) inc(stats.indexUids, t.indexUid);
  }
  return stats;
}

/** Aggregated details of the batch's tasks: numbers summed, other fields from the last task that had them. */
function batchDetails(tasks: TaskRecord[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of tasks) {
    for (const [k, v] of Object.entries(t.details ?? {})) {
      if (typeof v === 'number') out[k] = (typeof out[k] === 'number' ? (out[k] as number) : 0) + v;
      else if (v !== null && v !== undefined) out[k] = v;
      else if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

export function batchRecord(run: BatchRun, next: NextBatch, finished: TaskRecord[], finishedAt: string, traces: Map<string, number>): Batch {
  const stats = batchStats(finished.map((t) => ({ type: t.kind.type, status: t.status, indexUid: t.indexUid })));
  stats.progressTrace = Object.fromEntries([...traces].map(([k, ms]) => [k, `${ms.toFixed(2)}ms`]));
  return {
    uid: run.batchUid,
    progress: null,
    details: batchDetails(finished),
    stats,
    duration: isoDuration(run.startedAt, finishedAt),
    startedAt: run.startedAt,
    finishedAt,
    batchStrategy: next.strategy,
  };
}
