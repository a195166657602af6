/** A batch being processed, and what its processor hands back to the scheduler to commit. */
import type { ErrorObject } from '../../errors/engineError.ts';
import type { WriteTx } from '../storage/store.ts';
import type { TaskDetails } from '../types/tasks.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexWriter } from '../indexer/indexWriter.ts';
import type { TaskRecord } from './taskRecord.ts';

export interface TaskResult {
  status: 'succeeded' | 'failed' | 'canceled';
  details: TaskDetails | null;
  error: ErrorObject | null;
}

export interface BatchProgressStep {
  currentStep: string;
  finished: number;
  total: number;
}

export interface BatchRun {
  readonly ctx: EngineContext;
  readonly batchUid: number;
  readonly startedAt: string;
  readonly tasks: readonly TaskRecord[];
  /** Set when a task cancelation targets this batch: processors stop at the next checkpoint. */
  readonly signal: { aborted: boolean };
  progress(step: BatchProgressStep): void;
  /** Adds `ms` to the duration of `step` in the batch's `stats.progressTrace` (Meilisearch's step timings). */
  trace(step: string, ms: number): void;
  /** Throws `BatchAborted` if the batch was canceled. */
  checkpoint(): void;
}

export class BatchAborted extends Error {
  constructor() {
    super('Aborted task');
    this.name = 'BatchAborted';
  }
}

export interface BatchOutcome {
  results: Map<number, TaskResult>;
  /** index writers whose state commits with the batch */
  writers?: IndexWriter[];
  /** other writes of the final transaction (only IndexedDB awaits inside) */
  commit?(tx: WriteTx): Promise<void>;
  /** uids of indexes whose cached state must be dropped after the commit */
  changed: readonly string[] | 'all';
}

export function succeeded(details: TaskDetails | null): TaskResult {
  return { status: 'succeeded', details, error: null };
}

export function failed(details: TaskDetails | null, error: ErrorObject): TaskResult {
  return { status: 'failed', details, error };
}
