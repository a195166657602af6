import type { ErrorObject } from '../../errors/engineError.ts';

/** Task types (spec §1.7). */
export type TaskType =
  | 'documentAdditionOrUpdate'
  | 'documentEdition'
  | 'documentDeletion'
  | 'settingsUpdate'
  | 'indexCreation'
  | 'indexUpdate'
  | 'indexDeletion'
  | 'indexSwap'
  | 'taskCancelation'
  | 'taskDeletion'
  | 'dumpCreation'
  | 'snapshotCreation'
  | 'export'
  | 'upgradeDatabase'
  | 'indexCompaction'
  | 'networkTopologyChange';

export const TASK_TYPES: readonly TaskType[] = [
  'documentAdditionOrUpdate',
  'documentEdition',
  'documentDeletion',
  'settingsUpdate',
  'indexCreation',
  'indexUpdate',
  'indexDeletion',
  'indexSwap',
  'taskCancelation',
  'taskDeletion',
  'dumpCreation',
  'snapshotCreation',
  'export',
  'upgradeDatabase',
  'indexCompaction',
  'networkTopologyChange',
];

export type TaskStatus = 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
export const TASK_STATUSES: readonly TaskStatus[] = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'];

/** What every write returns at once. */
export interface EnqueuedTask {
  taskUid: number;
  indexUid: string | null;
  status: 'enqueued';
  type: TaskType;
  enqueuedAt: string;
  customMetadata?: string;
}

/** Task details, per type (camelCase, as in `GET /tasks`). */
export type TaskDetails = Record<string, unknown>;

/** A task as `GET /tasks/{uid}` returns it (key order matters and is kept). */
export interface Task {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: TaskStatus;
  type: TaskType;
  canceledBy: number | null;
  details?: TaskDetails;
  error: ErrorObject | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  customMetadata?: string;
}

/** Filters of `GET /tasks`, `POST /tasks/cancel`, `DELETE /tasks` (spec §1.7). Lists may also be comma strings. */
export interface TasksFilter {
  uids?: number[] | string;
  batchUids?: number[] | string;
  indexUids?: string[] | string;
  types?: TaskType[] | string;
  statuses?: TaskStatus[] | string;
  canceledBy?: number[] | string;
  beforeEnqueuedAt?: string | Date;
  afterEnqueuedAt?: string | Date;
  beforeStartedAt?: string | Date;
  afterStartedAt?: string | Date;
  beforeFinishedAt?: string | Date;
  afterFinishedAt?: string | Date;
}

export interface TasksQuery extends TasksFilter {
  limit?: number;
  from?: number;
  reverse?: boolean;
}

export interface TasksResults {
  results: Task[];
  total: number;
  limit: number;
  from: number | null;
  next: number | null;
}

export interface BatchStats {
  totalNbTasks: number;
  status: Partial<Record<TaskStatus, number>>;
  types: Partial<Record<TaskType, number>>;
  indexUids: Record<string, number>;
  progressTrace?: Record<string, string>;
  writeChannelCongestion?: Record<string, number>;
  internalDatabaseSizes?: Record<string, string>;
}

export interface Batch {
  uid: number;
  progress: null | { steps: { currentStep: string; finished: number; total: number }[]; percentage: number };
  details: TaskDetails;
  stats: BatchStats;
  duration: string | null;
  startedAt: string;
  finishedAt: string | null;
  batchStrategy: string;
}

export interface BatchesResults {
  results: Batch[];
  total: number;
  limit: number;
  from: number | null;
  next: number | null;
}

export interface WaitOptions {
  /** Milliseconds before giving up (default 5000). */
  timeout?: number;
  /** Polling interval in milliseconds when the engine is remote (default 50). */
  interval?: number;
}
