/**
 * The engine as a {@link DumpExportSource}: what the dump writer reads. It must be read while no batch runs (inside
 * the `dumpCreation` task, or with the scheduler paused), so every read sees the same state; tasks registered
 * meanwhile (uid above `maxTaskUid`) are left out, as Meilisearch's dump reads one transaction.
 */
import type { DumpExportSource, DumpKey } from '../../backup/dump/dumpContract.ts';
import { MEILISEARCH_COMPAT_VERSION } from '../../version.ts';
import { defaultKeys } from '../api/keys.ts';
import { indexObject } from '../api/readApi.ts';
import type { EngineContext } from '../engineContext.ts';
import type { DocBlock } from '../documents/documentStore.ts';
import { shapeDocument } from '../search/documentShape.ts';
import { STORES } from '../storage/schema.ts';
import type { KeyRange } from '../storage/store.ts';
import type { TaskRecord } from '../tasks/taskRecord.ts';
import type { Document, IndexObject } from '../types/indexes.ts';
import type { Settings } from '../types/settings.ts';
import type { Batch } from '../types/tasks.ts';

export interface EngineDumpSourceOptions {
  /** Highest task uid included (tasks registered after the dump started are left out). */
  maxTaskUid: number;
  /** The batch being processed (the dump's own), appended after the stored batches. */
  currentBatch?: Batch | null;
  /** Called between chunks (cancelation checkpoints, progress). */
  onChunk?: (documents: number) => void;
}

/** Blocks of documents read per transaction (≈ 2,000 documents). */
const BLOCKS_PER_READ = 128;
const TASKS_PER_READ = 1000;
const BATCHES_PER_READ = 1000;

/**
 * Reads an engine for the dump writer.
 *
 * @example
 * ```ts
 * const stream = exportDump(new EngineDumpSource(ctx, { maxTaskUid: 41 }));
 * ```
 */
export class EngineDumpSource implements DumpExportSource {
  readonly dbVersion = MEILISEARCH_COMPAT_VERSION;

  constructor(
    private readonly ctx: EngineContext,
    private readonly options: EngineDumpSourceOptions,
  ) {}

  async keys(): Promise<DumpKey[]> {
    return (await defaultKeys(this.ctx)).map((k) => ({
      description: k.description,
      name: k.name,
      uid: k.uid,
      actions: [...k.actions],
      indexes: [...k.indexes],
      expires_at: k.expiresAt,
      created_at: k.createdAt,
      updated_at: k.updatedAt,
    }));
  }

  async indexes(): Promise<IndexObject[]> {
    return (await this.ctx.catalog.list()).map(indexObject);
  }

  async settings(indexUid: string): Promise<Settings> {
    return structuredClone((await this.ctx.catalog.state(indexUid)).settings);
  }

  /** Documents in internal id order, keys in field-id order (Meilisearch's), `_vectors` included. */
  async *documents(indexUid: string, chunkSize: number): AsyncIterable<Document[]> {
    const state = await this.ctx.catalog.state(indexUid);
    const ix = state.ix;
    const read = (after: number | undefined) => {
      const range: KeyRange = { lower: after === undefined ? [ix] : [ix, after], upper: [ix, []], lowerOpen: after !== undefined };
      const p = this.ctx.store.read([STORES.documents], (tx) => tx.entries<DocBlock>(STORES.documents, { range, limit: BLOCKS_PER_READ }));
      p.catch(() => undefined); // awaited below; avoids an unhandled rejection if the consumer stops first
      return p;
    };
    let out: Document[] = [];
    let pending = read(undefined);
    for (;;) {
      const entries = await pending;
      if (entries.length === 0) break;
      // The next read runs while these blocks are parsed, serialized and compressed (IndexedDB works off-thread).
      pending = entries.length < BLOCKS_PER_READ ? Promise.resolve([]) : read((entries[entries.length - 1][0] as number[])[1]);
      for (const [, block] of entries) {
        for (const json of block.docs) {
          if (json === null) continue;
          out.push(shapeDocument(state, JSON.parse(json) as Document, null, true));
          if (out.length >= chunkSize) {
            this.options.onChunk?.(out.length);
            yield out;
            out = [];
          }
        }
      }
    }
    if (out.length > 0) {
      this.options.onChunk?.(out.length);
      yield out;
    }
  }

  /**
   * The exact size of `documents.jsonl` from the stored byte sizes (a document written out has the same keys and
   * values as stored, only reordered, so the same length): one pass over the blocks without parsing them.
   */
  async documentsByteLength(indexUid: string): Promise<number> {
    const ix = (await this.ctx.catalog.state(indexUid)).ix;
    let total = 0;
    let after: number | undefined;
    for (;;) {
      const range: KeyRange = { lower: after === undefined ? [ix] : [ix, after], upper: [ix, []], lowerOpen: after !== undefined };
      const entries = await this.ctx.store.read([STORES.documents], (tx) => tx.entries<DocBlock>(STORES.documents, { range, limit: BLOCKS_PER_READ * 4 }));
      if (entries.length === 0) return total;
      for (const [, block] of entries) {
        block.docs.forEach((json, slot) => {
          if (json !== null) total += (block.sizes[slot] ?? 0) + 1;
        });
      }
      after = (entries[entries.length - 1][0] as number[])[1];
    }
  }

  /** Tasks up to `maxTaskUid`, ascending, with the processing overlay applied (the dump task is `processing`). */
  async *tasks(chunkSize: number): AsyncIterable<TaskRecord[]> {
    const limit = Math.max(1, Math.min(chunkSize, TASKS_PER_READ));
    let after: number | undefined;
    for (;;) {
      const range: KeyRange = { lower: after ?? 0, lowerOpen: after !== undefined, upper: this.options.maxTaskUid };
      const list = await this.ctx.store.read([STORES.tasks], (tx) => tx.getAll<TaskRecord>(STORES.tasks, { range, limit }));
      if (list.length === 0) return;
      this.options.onChunk?.(0);
      yield list.map((t) => this.ctx.queue.view(t));
      after = list[list.length - 1].uid;
      if (list.length < limit) return;
    }
  }

  async taskPayload(taskUid: number): Promise<Document[] | undefined> {
    const docs: Document[] = [];
    let found = false;
    for await (const chunk of this.ctx.queue.payload(taskUid)) {
      found = true;
      for (const d of chunk) docs.push(d);
    }
    return found ? docs : undefined;
  }

  /** Stored batches ascending, then the batch being processed. */
  async *batches(): AsyncIterable<Batch[]> {
    let after: number | undefined;
    let last = -1;
    for (;;) {
      const range: KeyRange | undefined = after === undefined ? undefined : { lower: after, lowerOpen: true };
      const list = await this.ctx.store.read([STORES.batches], (tx) => tx.getAll<Batch>(STORES.batches, { range, limit: BATCHES_PER_READ }));
      if (list.length > 0) {
        yield list;
        after = list[list.length - 1].uid;
        last = after;
      }
      if (list.length < BATCHES_PER_READ) break;
    }
    const current = this.options.currentBatch;
    if (current && current.uid > last) yield [current];
  }
}
