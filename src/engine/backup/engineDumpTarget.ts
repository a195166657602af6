/**
 * The engine as a {@link DumpImportTarget}: what the dump reader fills. Only an empty engine (no index, task or
 * batch) accepts an import. Meanwhile the scheduler is held (imported enqueued tasks run only after `commit`) and
 * task registrations are refused (imported tasks keep their uids). Indexes are filled through
 * {@link IndexImporter} (the engine's index writer); tasks and batches are stored verbatim, in buffered
 * transactions. A marker record makes an unfinished import (crash, closed tab) wipe itself at the next open;
 * `abort` wipes it at once.
 */
import type { DumpImportTarget, DumpKey } from '../../backup/dump/dumpContract.ts';
import { EngineError } from '../../errors/engineError.ts';
import type { ApiKey } from '../api/keys.ts';
import type { EngineContext } from '../engineContext.ts';
import type { Scheduler } from '../tasks/scheduler.ts';
import { STORES } from '../storage/schema.ts';
import type { TaskRecord } from '../tasks/taskRecord.ts';
import { writeTask } from '../tasks/taskQueue.ts';
import type { Document, IndexObject } from '../types/indexes.ts';
import type { SettingsUpdate } from '../types/settings.ts';
import type { Batch } from '../types/tasks.ts';
import { DUMP_IMPORT_MARKER, hasUserData, wipeAbortedImport } from './databaseState.ts';
import { IndexImporter } from './indexImporter.ts';

/** Tasks (or payload documents) buffered before one write transaction. */
const TASKS_PER_WRITE = 1000;
const PAYLOAD_DOCS_PER_WRITE = 10_000;

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Imports into a running engine.
 *
 * @example
 * ```ts
 * const summary = await importDump(new EngineDumpTarget(engine.ctx, engine.scheduler), file);
 * ```
 */
export class EngineDumpTarget implements DumpImportTarget {
  private release: (() => Promise<void>) | null = null;
  private readonly importers = new Map<string, IndexImporter>();
  private tasks: { record: TaskRecord; payload?: Document[] }[] = [];
  private payloadDocs = 0;
  private batches: Batch[] = [];

  constructor(
    private readonly ctx: EngineContext,
    private readonly scheduler: Scheduler,
  ) {}

  async begin(): Promise<void> {
    const refusal = new EngineError('invalid_state', 'A dump is being imported: tasks cannot be registered until the import is finished.');
    this.release = await this.scheduler.pause();
    this.ctx.queue.refuseRegistrations = refusal;
    try {
      if (await hasUserData(this.ctx.store)) {
        throw new EngineError('invalid_state', 'A dump can only be imported into an empty database, and this one has indexes or tasks. Use another database name, or delete this one first.');
      }
      await this.ctx.store.write([STORES.meta], async (tx) => tx.put(STORES.meta, DUMP_IMPORT_MARKER, { startedAt: this.ctx.now().toISOString() }));
    } catch (e) {
      await this.finish();
      throw e;
    }
  }

  /** Replaces the keys; an empty list keeps the default keys (generated on first use), as Meilisearch regenerates them. */
  async setKeys(keys: DumpKey[]): Promise<void> {
    if (keys.length === 0) return;
    const list: ApiKey[] = keys.map((k) => ({
      name: k.name ?? null,
      description: k.description ?? null,
      // Meilisearch derives `key` from the master key, which a page does not have: a fresh random key per uid.
      key: randomHex(32),
      uid: k.uid,
      actions: [...k.actions],
      indexes: [...k.indexes],
      expiresAt: k.expires_at,
      createdAt: k.created_at,
      updatedAt: k.updated_at,
    }));
    await this.ctx.store.write([STORES.meta], async (tx) => tx.put(STORES.meta, 'keys', list));
  }

  async createIndex(index: IndexObject): Promise<void> {
    if (this.importers.has(index.uid)) throw new EngineError('index_already_exists', `Index \`${index.uid}\` already exists.`);
    this.importers.set(index.uid, await IndexImporter.create(this.ctx, index));
    this.ctx.catalog.invalidate();
  }

  async applySettings(indexUid: string, settings: SettingsUpdate): Promise<void> {
    await this.importer(indexUid).applySettings(settings);
  }

  async addDocuments(indexUid: string, documents: Document[]): Promise<void> {
    await this.importer(indexUid).add(documents);
  }

  /** Stores a task as it was; a `processing` one becomes `enqueued` again (it runs after the import). */
  async importTask(task: TaskRecord, payload?: Document[]): Promise<void> {
    const record: TaskRecord = task.status === 'processing' ? { ...task, status: 'enqueued', batchUid: null, startedAt: null, finishedAt: null } : task;
    this.tasks.push(payload === undefined ? { record } : { record, payload });
    this.payloadDocs += payload?.length ?? 0;
    if (this.tasks.length >= TASKS_PER_WRITE || this.payloadDocs >= PAYLOAD_DOCS_PER_WRITE) await this.flushTasks();
  }

  async importBatch(batch: Batch): Promise<void> {
    this.batches.push(batch);
    if (this.batches.length >= TASKS_PER_WRITE) await this.flushTasks();
  }

  async commit(): Promise<void> {
    for (const importer of this.importers.values()) await importer.flush();
    await this.flushTasks();
    await this.ctx.store.write([STORES.meta], async (tx) => tx.delete(STORES.meta, DUMP_IMPORT_MARKER));
    this.ctx.catalog.invalidate();
    await this.finish();
  }

  async abort(): Promise<void> {
    this.tasks = [];
    this.batches = [];
    try {
      await wipeAbortedImport(this.ctx.store);
    } finally {
      for (const importer of this.importers.values()) this.ctx.postings.dropIndex(importer.ix);
      this.importers.clear();
      this.ctx.catalog.invalidate();
      await this.finish();
    }
  }

  private importer(uid: string): IndexImporter {
    const i = this.importers.get(uid);
    if (!i) throw new EngineError('index_not_found', `Index \`${uid}\` not found.`);
    return i;
  }

  private async flushTasks(): Promise<void> {
    const tasks = this.tasks;
    const batches = this.batches;
    if (tasks.length === 0 && batches.length === 0) return;
    this.tasks = [];
    this.batches = [];
    this.payloadDocs = 0;
    await this.ctx.store.write([STORES.tasks, STORES.enqueued, STORES.taskPayloads, STORES.batches], async (tx) => {
      const existing = await tx.getMany(STORES.tasks, tasks.map((t) => t.record.uid));
      const seen = new Set<number>();
      tasks.forEach((t, i) => {
        if (existing[i] !== undefined || seen.has(t.record.uid)) throw new EngineError('malformed_payload', `The dump contains task ${t.record.uid} twice.`);
        seen.add(t.record.uid);
        writeTask(tx, t.record, t.payload);
      });
      for (const b of batches) tx.put(STORES.batches, b.uid, { ...b, progress: null });
    });
  }

  /** Lets tasks be registered and batches run again. */
  private async finish(): Promise<void> {
    this.ctx.queue.refuseRegistrations = null;
    const release = this.release;
    this.release = null;
    await release?.();
  }
}
