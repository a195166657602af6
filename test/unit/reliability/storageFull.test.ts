/**
 * Storage full, in Node: a {@link Store} wrapper that refuses a write transaction with a `QuotaExceededError` when
 * the bytes it puts would take the database past a quota — Chromium's rule (usage + transaction size > quota). The
 * browser test with a real quota is reliability-quota.spec.ts; this one covers what Chromium cannot be made to do
 * deterministically (a store with no room left for anything, dumps and snapshots failing mid-write in Node).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import { INDEX_STORES, STORES } from '../../../src/engine/storage/schema.ts';
import type { Durability, Store, WriteTx } from '../../../src/engine/storage/store.ts';
import { MemoryBackupStorage, type SnapshotFileInfo } from '../../../src/engine/backup/backupStorage.ts';
import type { WriteSnapshotOptions } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { storeChecksum } from '../../../src/backup/snapshot/storeChecksum.ts';
import { EngineError, toEngineError } from '../../../src/errors/engineError.ts';
import { uniqueName } from './fileCorpusKit.ts';

const quotaError = () => new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');

/** Rough stored size of a value (what Chromium counts is its serialization; the order of magnitude is what matters). */
function sizeOf(v: unknown): number {
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (typeof v === 'string') return v.length * 2;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + sizeOf(x), 8);
  if (v instanceof Map) return [...v].reduce((n: number, [k, x]) => n + sizeOf(k) + sizeOf(x), 8);
  if (v && typeof v === 'object') return Object.entries(v).reduce((n: number, [k, x]) => n + k.length * 2 + sizeOf(x), 8);
  return 8;
}

/** A store with a quota: `limit` bytes of puts in total (deletes free nothing, as in a browser until compaction). */
class QuotaStore implements Store {
  readonly backend;
  readonly name: string;
  usage = 0;
  limit = Infinity;
  refused = 0;

  constructor(private readonly inner: Store) {
    this.backend = inner.backend;
    this.name = inner.name;
  }

  storeNames(): readonly string[] {
    return this.inner.storeNames();
  }

  read: Store['read'] = (stores, fn) => this.inner.read(stores, fn);

  write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, durability?: Durability): Promise<T> {
    let size = 0;
    return this.inner
      .write(
        stores,
        async (tx) => {
          const counted: WriteTx = { ...tx, put: (store, key, value) => ((size += sizeOf(key) + sizeOf(value)), tx.put(store, key, value)) };
          const out = await fn(counted);
          if (size > 0 && this.usage + size > this.limit) {
            this.refused++;
            throw quotaError(); // aborts the transaction: nothing of it is written
          }
          return out;
        },
        durability,
      )
      .then((out) => {
        this.usage += size;
        return out;
      });
  }

  close(): void {
    this.inner.close();
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Backup files that run out of space after `room` bytes (like an OPFS write past the quota). */
class FullBackupStorage extends MemoryBackupStorage {
  room = Infinity;

  private async drain(stream: ReadableStream<Uint8Array>): Promise<void> {
    let written = 0;
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      written += value.length;
      if (written > this.room) {
        await reader.cancel();
        throw toEngineError(quotaError());
      }
    }
  }

  override async writeDump(uid: string, bytes: ReadableStream<Uint8Array>): Promise<number> {
    if (this.room === Infinity) return super.writeDump(uid, bytes);
    await this.drain(bytes);
    return 0;
  }

  override async writeSnapshot(store: Store, options: WriteSnapshotOptions): Promise<SnapshotFileInfo> {
    if (this.room === Infinity) return super.writeSnapshot(store, options);
    const { writeSnapshot } = await import('../../../src/backup/snapshot/snapshotWriter.ts');
    let written = 0;
    await writeSnapshot(
      store,
      async (c) => {
        written += c.length;
        if (written > this.room) throw toEngineError(quotaError());
      },
      options,
    );
    throw new Error('unreachable: the snapshot is larger than the room left');
  }
}

const docs = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => ({ id: from + k, title: `document ${from + k}`, body: `alpha beta ${(from + k) % 97} gamma` }));

async function open(): Promise<{ engine: Engine; store: QuotaStore; backups: FullBackupStorage }> {
  const store = new QuotaStore(await IndexedDbStore.open(uniqueName('full')));
  const backups = new FullBackupStorage();
  const engine = await createEngine({ storage: 'indexeddb', name: store.name, store, backupStorage: backups });
  await engine.index('docs').updateSettings({ filterableAttributes: ['id'] }).waitTask();
  await engine.index('docs').addDocuments(docs(0, 2000)).waitTask({ timeout: 20_000 });
  return { engine, store, backups };
}

/** Registers `n` documents while batches are held, then leaves `room` bytes before letting the batch run. */
async function addWithRoom(e: Engine, store: QuotaStore, from: number, n: number, room: number): Promise<number> {
  const release = await e.scheduler.pause();
  const { taskUid } = await e.index('docs').addDocuments(docs(from, from + n));
  store.limit = store.usage + room;
  await release();
  return taskUid;
}

const indexDigest = async (e: Engine) => (await storeChecksum(e.ctx.store, { stores: INDEX_STORES })).digest;
const staged = async (e: Engine) => ((await e.ctx.store.read([STORES.meta], (tx) => tx.get<unknown[]>(STORES.meta, 'staging'))) ?? []).length;

describe('storage full', () => {
  it('a batch that does not fit fails with no_space_left_on_device; the index is unchanged and keeps answering', async () => {
    const { engine: e, store } = await open();
    const before = await indexDigest(e);
    const uid = await addWithRoom(e, store, 2000, 3000, 20_000);
    const task = await e.waitForTask(uid, { timeout: 20_000 });
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({ code: 'no_space_left_on_device', type: 'system' });
    expect(task.error!.message).toMatch(/quota/);
    expect(await indexDigest(e)).toBe(before);
    expect(await staged(e)).toBe(0);
    const segments = await e.ctx.store.read([STORES.segments], (tx) => tx.count(STORES.segments));
    expect(segments).toBe((await e.ctx.catalog.state('docs')).segments.length);
    expect((await e.index('docs').getStats()).numberOfDocuments).toBe(2000);
    expect((await e.index('docs').search('document 1234')).hits[0]).toMatchObject({ id: 1234 });
    // A registration that does not fit is refused at once with the same code; nothing is registered.
    const tasks = (await e.getTasks()).total;
    const refused = await e.index('docs').addDocuments(docs(5000, 8000)).then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(EngineError);
    expect((refused as EngineError).code).toBe('no_space_left_on_device');
    expect((await e.getTasks()).total).toBe(tasks);
    // Room again: writes go through.
    store.limit = Infinity;
    expect((await e.index('docs').addDocuments(docs(5000, 5010)).waitTask()).status).toBe('succeeded');
    expect((await e.index('docs').getStats()).numberOfDocuments).toBe(2010);
    await e.close();
  });

  it('no room even to record the failure: the task stays enqueued, waitForTask says why, retries back off; with room again it is failed', async () => {
    const { engine: e, store } = await open();
    const before = await indexDigest(e);
    const uid = await addWithRoom(e, store, 2000, 3000, 0);
    const t0 = Date.now();
    const err = await e.waitForTask(uid, { timeout: 10_000 }).then(() => null, (x: unknown) => x);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('no_space_left_on_device');
    expect((err as EngineError).message).toMatch(/stays enqueued/);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await e.getTask(uid)).status).toBe('enqueued');
    expect((await e.index('docs').search('document 77')).hits[0]).toMatchObject({ id: 77 });
    expect(await indexDigest(e)).toBe(before);
    // Retries wait 0.5 s, 1 s, 2 s… and only try to record the failure: a few refused writes in 3 s.
    const refusedBefore = store.refused;
    await new Promise((r) => setTimeout(r, 3000));
    expect(store.refused - refusedBefore).toBeLessThanOrEqual(6);
    // Room again: the next attempt (woken by a new task) records the failure, and the queue moves on.
    store.limit = Infinity;
    const next = await e.index('docs').addDocuments(docs(9000, 9001));
    expect((await e.waitForTask(next.taskUid, { timeout: 20_000 })).status).toBe('succeeded');
    expect(await e.getTask(uid)).toMatchObject({ status: 'failed', error: { code: 'no_space_left_on_device' } });
    expect((await e.index('docs').getStats()).numberOfDocuments).toBe(2001);
    await e.close();
  });

  it('a dump or a snapshot that runs out of space fails with no_space_left_on_device and leaves no file; the previous snapshot stays', async () => {
    const { engine: e, backups } = await open();
    await e.createSnapshot().waitTask();
    const previous = await e.getSnapshotInfo();
    backups.room = 10_000;
    const dump = await e.createDump().waitTask({ timeout: 20_000 });
    expect(dump.status).toBe('failed');
    expect(dump.error?.code).toBe('no_space_left_on_device');
    expect(await e.listDumps()).toEqual([]);
    const snap = await e.createSnapshot().waitTask({ timeout: 20_000 });
    expect(snap.status).toBe('failed');
    expect(snap.error?.code).toBe('no_space_left_on_device');
    expect(await e.getSnapshotInfo()).toEqual(previous);
    expect((await e.index('docs').search('document 5')).hits.length).toBeGreaterThan(0);
    backups.room = Infinity;
    expect((await e.createDump().waitTask({ timeout: 20_000 })).status).toBe('succeeded');
    await e.close();
  });
});
