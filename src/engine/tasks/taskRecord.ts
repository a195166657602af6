import type { ErrorObject } from '../../errors/engineError.ts';
import type { Filter } from '../types/search.ts';
import type { SettingsUpdate } from '../types/settings.ts';
import type { IndexSwap } from '../types/indexes.ts';
import type { EnqueuedTask, Task, TaskDetails, TaskStatus, TaskType } from '../types/tasks.ts';

/**
 * What a task does, with everything needed to run it (Meilisearch's `KindWithContent`, camelCase).
 * Document payloads are not here: they live in the `taskPayloads` store until the task finishes.
 */
export type TaskKind =
  | {
      type: 'documentAdditionOrUpdate';
      method: 'replace' | 'update';
      primaryKey: string | null;
      documentsCount: number;
      allowIndexCreation: boolean;
      skipCreation?: boolean;
    }
  | { type: 'documentDeletion'; mode: 'ids'; ids: string[] }
  | { type: 'documentDeletion'; mode: 'filter'; filter: Filter }
  | { type: 'documentDeletion'; mode: 'clear' }
  | { type: 'documentEdition'; filter: Filter | null; context: unknown; function: string }
  | { type: 'settingsUpdate'; settings: SettingsUpdate; isDeletion: boolean; allowIndexCreation: boolean }
  | { type: 'indexCreation'; primaryKey: string | null }
  | { type: 'indexUpdate'; primaryKey: string | null; newIndexUid: string | null }
  | { type: 'indexDeletion' }
  | { type: 'indexSwap'; swaps: IndexSwap[] }
  | { type: 'taskCancelation'; query: string; tasks: number[] }
  | { type: 'taskDeletion'; query: string; tasks: number[] }
  | { type: 'dumpCreation' }
  | { type: 'snapshotCreation' }
  | { type: 'upgradeDatabase'; from: [number, number, number] }
  | { type: 'indexCompaction' }
  | { type: 'export'; payload: unknown };

/**
 * A task as stored in the `tasks` store. `details` is the public (camelCase) details object; dates are
 * RFC 3339 strings kept verbatim (imported dumps carry microseconds).
 */
export interface TaskRecord {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: TaskStatus;
  kind: TaskKind;
  details: TaskDetails | null;
  error: ErrorObject | null;
  canceledBy: number | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  customMetadata?: string;
}

/** Types whose tasks concern no index (`indexUid` null; dropped by `indexUids` filters). */
export const GLOBAL_TASK_TYPES: ReadonlySet<TaskType> = new Set<TaskType>([
  'indexSwap',
  'taskCancelation',
  'taskDeletion',
  'dumpCreation',
  'snapshotCreation',
  'upgradeDatabase',
  'export',
  'networkTopologyChange',
]);

/** Formats a date as RFC 3339 UTC with millisecond precision (`2024-05-16T15:33:03.564Z`). */
export function rfc3339(date: Date): string {
  return date.toISOString();
}

/** Parses an RFC 3339 date, keeping sub-millisecond digits as a fraction of a millisecond. */
export function parseRfc3339(s: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(s);
  if (!m) return Date.parse(s);
  const frac = m[2] ?? '';
  const ms = Date.parse(`${m[1]}${m[3]}`);
  return ms + (frac ? Number(`0.${frac}`) * 1000 : 0);
}

/** ISO-8601 duration as Meilisearch prints it: `PT0.012S`, `PT1S`, `P1DT3S`. */
export function isoDuration(startedAt: string, finishedAt: string): string {
  let ms = Math.max(0, parseRfc3339(finishedAt) - parseRfc3339(startedAt));
  const days = Math.floor(ms / 86_400_000);
  ms -= days * 86_400_000;
  const secs = ms / 1000;
  let s = secs.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  // Meilisearch prints 3, 6 or 9 fractional digits.
  const dot = s.indexOf('.');
  if (dot >= 0) {
    const digits = s.length - dot - 1;
    const want = digits <= 3 ? 3 : digits <= 6 ? 6 : 9;
    s = s + '0'.repeat(want - digits);
  }
  return `P${days ? `${days}D` : ''}T${s}S`;
}

/** The public view of a stored task, keys in Meilisearch's order. */
export function taskView(t: TaskRecord): Task {
  const view: Task = {
    uid: t.uid,
    batchUid: t.batchUid,
    indexUid: t.indexUid,
    status: t.status,
    type: t.kind.type,
    canceledBy: t.canceledBy,
    details: t.details ?? undefined,
    error: t.error,
    duration: t.startedAt && t.finishedAt ? isoDuration(t.startedAt, t.finishedAt) : null,
    enqueuedAt: t.enqueuedAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
  };
  if (view.details === undefined) delete view.details;
  if (t.customMetadata !== undefined) view.customMetadata = t.customMetadata;
  return view;
}

/** The summarized task every write returns. */
export function enqueuedView(t: TaskRecord): EnqueuedTask {
  const v: EnqueuedTask = { taskUid: t.uid, indexUid: t.indexUid, status: 'enqueued', type: t.kind.type, enqueuedAt: t.enqueuedAt };
  if (t.customMetadata !== undefined) v.customMetadata = t.customMetadata;
  return v;
}
