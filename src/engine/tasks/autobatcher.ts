/**
 * Chooses the next batch from the unfinished tasks, with Meilisearch's priorities (spec §1.7): the newest task
 * cancelation, then every task deletion, then every snapshot, then the oldest dump, then the tasks of the index
 * of the oldest remaining task — consecutive compatible ones batched together.
 */
import type { TaskKind } from './taskRecord.ts';
import type { EnqueuedSummary } from './taskQueue.ts';

/** At most this many tasks per batch. */
export const MAX_BATCH_TASKS = 1000;
/**
 * At most this many documents per batch (a single larger task still forms its own batch): a batch's documents are
 * in the worker's memory until it commits, and garbage collection slows down sharply as that grows.
 */
export const MAX_BATCH_DOCUMENTS = 25_000;

export type BatchKind = 'cancelation' | 'deletion' | 'snapshot' | 'dump' | 'documents' | 'settings' | 'index' | 'single';

export interface NextBatch {
  kind: BatchKind;
  uids: number[];
  indexUid: string | null;
  strategy: string;
}

/** Tasks with equal keys (of one index) may be processed in one batch. */
export function batchKey(kind: TaskKind): string {
  switch (kind.type) {
    case 'documentAdditionOrUpdate':
      return 'documents';
    case 'documentDeletion':
      return kind.mode === 'ids' ? 'documents' : kind.mode === 'clear' ? 'clear' : 'deleteByFilter';
    case 'settingsUpdate':
      return 'settings';
    default:
      return kind.type;
  }
}

export function selectNextBatch(all: readonly EnqueuedSummary[], isRunnable: (s: EnqueuedSummary) => boolean = () => true): NextBatch | null {
  const tasks = all.filter(isRunnable).sort((a, b) => a.uid - b.uid);
  if (tasks.length === 0) return null;
  const cancel = tasks.filter((t) => t.type === 'taskCancelation');
  if (cancel.length) return { kind: 'cancelation', uids: [cancel[cancel.length - 1].uid], indexUid: null, strategy: 'a task cancelation is processed alone' };
  const deletions = tasks.filter((t) => t.type === 'taskDeletion');
  if (deletions.length) return { kind: 'deletion', uids: deletions.map((t) => t.uid), indexUid: null, strategy: 'batched all enqueued task deletions' };
  const snapshots = tasks.filter((t) => t.type === 'snapshotCreation');
  if (snapshots.length) return { kind: 'snapshot', uids: snapshots.map((t) => t.uid), indexUid: null, strategy: 'batched all enqueued snapshot creations' };
  const dump = tasks.find((t) => t.type === 'dumpCreation');
  if (dump) return { kind: 'dump', uids: [dump.uid], indexUid: null, strategy: 'a dump creation is processed alone' };

  const first = tasks.find((t) => t.type !== 'taskCancelation' && t.type !== 'taskDeletion')!;
  if (first.indexUid === null) return { kind: 'index', uids: [first.uid], indexUid: null, strategy: `task ${first.uid} of type \`${first.type}\` cannot be batched` };
  const key = first.batchKey;
  if (key !== 'documents' && key !== 'settings' && key !== 'clear') {
    const kind: BatchKind = key === 'deleteByFilter' ? 'single' : 'index';
    return { kind, uids: [first.uid], indexUid: first.indexUid, strategy: `task ${first.uid} of type \`${first.type}\` cannot be batched` };
  }
  const uids: number[] = [];
  let documents = 0;
  let stop = 'batched all enqueued tasks';
  for (const t of tasks) {
    if (t.indexUid !== first.indexUid) continue;
    if (t.batchKey !== key || (key === 'clear' && uids.length > 0)) {
      stop = `stopped batching before task ${t.uid} of type \`${t.type}\``;
      break;
    }
    if (uids.length >= MAX_BATCH_TASKS) {
      stop = `batched the maximum number of tasks (${MAX_BATCH_TASKS})`;
      break;
    }
    if (uids.length > 0 && documents + (t.documents ?? 0) > MAX_BATCH_DOCUMENTS) {
      stop = `batched the maximum number of documents (${MAX_BATCH_DOCUMENTS})`;
      break;
    }
    documents += t.documents ?? 0;
    uids.push(t.uid);
  }
  const kind: BatchKind = key === 'settings' ? 'settings' : 'documents';
  return { kind, uids, indexUid: first.indexUid, strategy: `${stop} for index \`${first.indexUid}\`` };
}
