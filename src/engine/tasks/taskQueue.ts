/**
 * The persistent task queue: registration (uid allocation + payload in one transaction), reads, and the
 * overlay of the batch being processed (its tasks are `processing` in memory only, like Meilisearch: after a
 * crash they are simply enqueued again).
 */
import { STORES } from '../storage/schema.ts';
import type { ReadTx, Store, WriteTx } from '../storage/store.ts';
import type { Document } from '../types/indexes.ts';
import type { TaskType } from '../types/tasks.ts';
import { GLOBAL_TASK_TYPES, rfc3339, type TaskKind, type TaskRecord } from './taskRecord.ts';
import { matchesTask, type ParsedTaskFilter } from './taskFilters.ts';
import { initialDetails } from './taskDetails.ts';
import { batchKey } from './autobatcher.ts';

/** Documents per stored payload chunk: bounds memory when a huge task is read back. */
export const PAYLOAD_CHUNK = 1000;
/** Payload chunks read per transaction (with one such group read ahead). */
export const PAYLOAD_READ_CHUNKS = 5;

/** `enqueued` store value. */
export interface EnqueuedSummary {
  uid: number;
  indexUid: string | null;
  type: TaskType;
  /** consecutive tasks of one index with the same key may share a batch (see autobatcher.ts) */
  batchKey: string;
  /** documents in the task's payload (bounds batch sizes) */
  documents?: number;
}

export interface ProcessingOverlay {
  batchUid: number;
  startedAt: string;
  uids: ReadonlySet<number>;
}

export interface RegisterOptions {
  customMetadata?: string;
  payload?: readonly Document[];
}

export class TaskQueue {
  /** The batch currently processed (set by the scheduler). */
  processing: ProcessingOverlay | null = null;
  /** While set (a dump is being imported with verbatim task uids), registrations fail with this error. */
  refuseRegistrations: Error | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** Applies the in-memory processing state to a stored record. */
  view(t: TaskRecord): TaskRecord {
    const p = this.processing;
    if (p && p.uids.has(t.uid) && t.status === 'enqueued') {
      return { ...t, status: 'processing', batchUid: p.batchUid, startedAt: p.startedAt };
    }
    return t;
  }

  /** Registers a task: allocates its uid and stores it with its payload atomically. */
  async register(kind: TaskKind, indexUid: string | null, opts: RegisterOptions = {}): Promise<TaskRecord> {
    if (this.refuseRegistrations) throw this.refuseRegistrations;
    return this.store.write([STORES.tasks, STORES.enqueued, STORES.taskPayloads], async (tx) => {
      const uid = await nextTaskUid(tx);
      const record: TaskRecord = {
        uid,
        batchUid: null,
        indexUid: GLOBAL_TASK_TYPES.has(kind.type) ? null : indexUid,
        status: 'enqueued',
        kind,
        details: initialDetails(kind),
        error: null,
        canceledBy: null,
        enqueuedAt: rfc3339(this.now()),
        startedAt: null,
        finishedAt: null,
      };
      if (opts.customMetadata !== undefined) record.customMetadata = opts.customMetadata;
      writeTask(tx, record, opts.payload);
      return record;
    });
  }

  async get(uid: number): Promise<TaskRecord | undefined> {
    const t = await this.store.read([STORES.tasks], (tx) => tx.get<TaskRecord>(STORES.tasks, uid));
    return t && this.view(t);
  }

  /** Every task matching `filter`, uid descending (or ascending when `reverse`). */
  async list(filter: ParsedTaskFilter, reverse = false): Promise<TaskRecord[]> {
    let all = await this.store.read([STORES.tasks], (tx) => tx.getAll<TaskRecord>(STORES.tasks));
    if (filter.uids && filter.uids.size < all.length / 8) {
      all = await this.store.read([STORES.tasks], async (tx) =>
        (await tx.getMany<TaskRecord>(STORES.tasks, [...filter.uids!].sort((a, b) => a - b))).filter((t): t is TaskRecord => !!t),
      );
    }
    const out = all.map((t) => this.view(t)).filter((t) => matchesTask(filter, t));
    if (!reverse) out.reverse();
    return out;
  }

  async enqueuedSummaries(): Promise<EnqueuedSummary[]> {
    return this.store.read([STORES.enqueued], (tx) => tx.getAll<EnqueuedSummary>(STORES.enqueued));
  }

  /**
   * The documents of a task, chunk by chunk. Chunks are read {@link PAYLOAD_READ_CHUNKS} per transaction and the
   * next group is read while the caller works on this one: one transaction per chunk left the worker idle, waiting
   * on IndexedDB, for a third of a batch's time.
   */
  async *payload(uid: number): AsyncGenerator<Document[]> {
    const read = (from: number) => {
      const range = { lower: [uid, from], upper: [uid, from + PAYLOAD_READ_CHUNKS - 1] };
      const p = this.store.read([STORES.taskPayloads], (tx) => tx.getAll<Document[]>(STORES.taskPayloads, { range }));
      p.catch(() => undefined); // a read ahead the caller never awaits must not be an unhandled rejection
      return p;
    };
    let next = read(0);
    for (let from = 0; ; from += PAYLOAD_READ_CHUNKS) {
      const chunks = await next;
      const more = chunks.length === PAYLOAD_READ_CHUNKS;
      if (more) next = read(from + PAYLOAD_READ_CHUNKS);
      for (const docs of chunks) yield docs;
      if (!more) return;
    }
  }
}

/** Highest stored uid + 1 (uids are never reused while the newest task exists, as in Meilisearch). */
export async function nextTaskUid(tx: ReadTx): Promise<number> {
  const [last] = await tx.getAllKeys(STORES.tasks, { reverse: true, limit: 1 });
  return last === undefined ? 0 : (last as number) + 1;
}

/** Stores a task (and, while unfinished, its queue entry and payload chunks). */
export function writeTask(tx: WriteTx, record: TaskRecord, payload?: readonly Document[]): void {
  tx.put(STORES.tasks, record.uid, record);
  if (record.status === 'enqueued' || record.status === 'processing') {
    const summary: EnqueuedSummary = { uid: record.uid, indexUid: record.indexUid, type: record.kind.type, batchKey: batchKey(record.kind) };
    if (record.kind.type === 'documentAdditionOrUpdate') summary.documents = record.kind.documentsCount;
    tx.put(STORES.enqueued, record.uid, summary);
    if (payload) {
      for (let i = 0, chunk = 0; i < payload.length; i += PAYLOAD_CHUNK, chunk++) {
        tx.put(STORES.taskPayloads, [record.uid, chunk], payload.slice(i, i + PAYLOAD_CHUNK));
      }
    }
  }
}

/** Marks a task finished in `tx`: stores it and drops its queue entry and payload. */
export function finishTask(tx: WriteTx, record: TaskRecord): void {
  tx.put(STORES.tasks, record.uid, record);
  tx.delete(STORES.enqueued, record.uid);
  tx.delete(STORES.taskPayloads, { lower: [record.uid], upper: [record.uid, []] });
}
