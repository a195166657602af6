/**
 * Snapshots through the real engine (memory and fake-indexeddb): the `snapshotCreation` task, restore at start-up,
 * what a snapshot leaves out (its own tasks, tasks registered while it is written), scheduling, refusals that leave
 * the database untouched, and the wipe of a restore cut off by a crash.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../src/engine.ts';
import { MemoryBackupStorage } from '../../../src/engine/backup/backupStorage.ts';
import { restoreSnapshot } from '../../../src/backup/snapshot/snapshotReader.ts';
import { writeSnapshot } from '../../../src/backup/snapshot/snapshotWriter.ts';
import { SnapshotError } from '../../../src/backup/snapshot/snapshotError.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import type { Durability, Store, WriteTx } from '../../../src/engine/storage/store.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import type { BackupProgress } from '../../../src/engine/backup/backupProgress.ts';
import { engineOn, fillSample, gate, HeldStorage, MOVIES, picture, uniqueName, type Backend, type EnginePicture } from './backupTestKit.ts';

async function refusal(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected a refusal');
}

/** A picture without the given task uids (and their batches). */
function without(p: EnginePicture, uids: number[]): EnginePicture {
  const gone = p.tasks.filter((t) => uids.includes(t.uid)).map((t) => t.batchUid);
  return { ...p, tasks: p.tasks.filter((t) => !uids.includes(t.uid)), batches: p.batches.filter((b) => !gone.includes((b as { uid: number }).uid)) };
}

describe.each<Backend>(['memory', 'indexeddb'])('snapshot round trip over %s', (backend) => {
  it('createSnapshot() then a fresh engine restored from the file: identical documents, settings, tasks, searches', async () => {
    const progress: BackupProgress[] = [];
    const a = await engineOn(backend, { onProgress: (p) => progress.push(p) });
    await fillSample(a);
    const task = await a.createSnapshot().waitTask();
    expect(task).toMatchObject({ type: 'snapshotCreation', status: 'succeeded', indexUid: null });
    expect(task.details).toBeUndefined();
    const info = await a.getSnapshotInfo();
    expect(info).toMatchObject({ name: `${(await a.getSnapshotFile()).name}`, engineVersion: a.engineVersion });
    expect(progress.at(-1)).toMatchObject({ operation: 'snapshotWrite', phase: 'done', bytes: info!.size });
    const before = without(await picture(a), [task.uid]);
    const restoredProgress: BackupProgress[] = [];
    const b = await engineOn(backend, { importSnapshot: await a.getSnapshotFile(), onProgress: (p) => restoredProgress.push(p) });
    expect(await picture(b)).toEqual(before);
    expect(restoredProgress.at(-1)).toMatchObject({ operation: 'snapshotRestore', phase: 'done' });
    // The restored engine goes on: no snapshot task replayed, new uids after the copied ones.
    const next = await b.index('movies').addDocuments([{ id: 8, title: 'Heat' }]).waitTask();
    expect(next.uid).toBe(task.uid);
    expect((await b.index('movies').search('heat')).hits).toEqual([{ id: 8, title: 'Heat' }]);
    await a.close();
    await b.close();
  });
});

describe('snapshot tasks', () => {
  it('enqueued snapshot tasks are served by one snapshot, in one batch', async () => {
    const a = await engineOn('memory');
    await a.index('movies').addDocuments(MOVIES).waitTask();
    await a.scheduler.stop();
    const tasks = [await a.createSnapshot(), await a.createSnapshot(), await a.createSnapshot()];
    await a.scheduler.start();
    const done = await a.waitForTasks(tasks);
    expect(done.map((t) => t.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(new Set(done.map((t) => t.batchUid)).size).toBe(1);
    expect((await a.getBatch(done[0].batchUid!)).stats.totalNbTasks).toBe(3);
  });

  it('leaves out its own tasks and tasks registered while it is written; writes wait for it', async () => {
    const backupStorage = new HeldStorage();
    const a = await engineOn('memory', { backupStorage });
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const hold = gate();
    backupStorage.hold = hold.promise;
    const started = backupStorage.nextWrite();
    const snap = await a.createSnapshot();
    await started;
    const late = await a.index('movies').deleteAllDocuments();
    await new Promise((r) => setTimeout(r, 30));
    expect((await a.getTask(snap.taskUid)).status).toBe('processing');
    expect((await a.getTask(late.taskUid)).status).toBe('enqueued');
    hold.open();
    expect((await a.waitForTask(late.taskUid)).status).toBe('succeeded');
    const b = await engineOn('memory', { backupStorage, importSnapshot: a.ctx.store.name });
    expect((await b.getTasks()).results.map((t) => t.uid)).toEqual([0]);
    expect((await b.index('movies').getStats()).numberOfDocuments).toBe(MOVIES.length);
  });

  it('a canceled snapshot task writes nothing', async () => {
    const backupStorage = new HeldStorage();
    const a = await engineOn('memory', { backupStorage });
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const hold = gate();
    backupStorage.hold = hold.promise;
    const started = backupStorage.nextWrite();
    const snap = await a.createSnapshot();
    await started;
    const cancel = await a.cancelTasks({ uids: [snap.taskUid] });
    hold.open();
    expect(await a.waitForTask(snap.taskUid)).toMatchObject({ status: 'canceled', canceledBy: cancel.taskUid });
    expect(await a.getSnapshotInfo()).toBeNull();
  });

  it('scheduleSnapshot: the first at launch, then each one replaces the previous one', async () => {
    const backupStorage = new MemoryBackupStorage();
    const launched = Date.now();
    const a = await engineOn('memory', { backupStorage, scheduleSnapshot: 0.15 });
    const name = a.ctx.store.name;
    const seen: string[] = [];
    await vi.waitUntil(
      async () => {
        const info = await backupStorage.snapshotInfo(name);
        if (info && !seen.includes(info.createdAt)) seen.push(info.createdAt);
        return seen.length >= 3;
      },
      { timeout: 15_000, interval: 20 },
    );
    expect(seen.length).toBe(3);
    expect(seen[0] < seen[1] && seen[1] < seen[2]).toBe(true);
    const tasks = (await a.getTasks({ types: ['snapshotCreation'] })).results;
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    expect(Date.parse(tasks.at(-1)!.enqueuedAt) - launched).toBeLessThan(2000); // taken at launch, not an interval later
    await a.close();
    const count = (await a.getTasks().catch(() => null)) === null;
    expect(count).toBe(true); // closed engine: no more snapshots are scheduled
  });
});

describe('snapshot restore at start-up: refusals leave the database untouched', () => {
  it('another engine version, a flipped byte, a truncated file: coded errors, nothing restored', async () => {
    const source = await engineOn('memory');
    await fillSample(source);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const release = await source.scheduler.pause(); // no batch or background merge while copying
    await writeSnapshot(source.ctx.store, async (c) => void chunks.push(c.slice()), { engineVersion: '0.0.9' });
    await release();
    const otherVersion = new Blob(chunks);
    await source.createSnapshot().waitTask();
    const good = new Uint8Array(await (await source.getSnapshotFile()).arrayBuffer());
    const flipped = good.slice();
    flipped[Math.floor(flipped.length / 2)] ^= 0x10;

    const name = uniqueName('untouched');
    const existing = await createEngine({ storage: 'indexeddb', name });
    const keys = (await existing.getKeys()).results;
    await existing.close();
    for (const [bytes, reason] of [
      [otherVersion, 'engine_version'],
      [flipped, 'checksum'],
      [good.subarray(0, good.length - 100), 'truncated'],
    ] as const) {
      const err = await refusal(createEngine({ storage: 'indexeddb', name, importSnapshot: bytes }));
      expect(err).toBeInstanceOf(SnapshotError);
      expect((err as SnapshotError).reason).toBe(reason);
      expect(err.code).toBe('invalid_store_file');
      if (reason === 'engine_version') expect(err.message).toMatch(/use a dump to migrate/);
    }
    const after = await createEngine({ storage: 'indexeddb', name });
    expect((await after.getKeys()).results).toEqual(keys);
    expect((await after.getIndexes()).total).toBe(0);
    await after.close();
  });

  it('a database with data: refused unless ignoreSnapshotIfDbExists; a missing snapshot unless ignoreMissingSnapshot', async () => {
    const backupStorage = new MemoryBackupStorage();
    const a = await engineOn('memory', { backupStorage });
    await a.index('movies').addDocuments(MOVIES).waitTask();
    await a.createSnapshot().waitTask();
    const name = uniqueName('has-data');
    const b = await createEngine({ storage: 'indexeddb', name });
    await b.index('other').addDocuments([{ id: 1 }]).waitTask();
    await b.close();
    const snap = `${a.ctx.store.name}.snapshot`;
    const err = await refusal(createEngine({ storage: 'indexeddb', name, backupStorage, importSnapshot: snap }));
    expect(err.code).toBe('invalid_state');
    expect(err.message).toMatch(/ignoreSnapshotIfDbExists/);
    const kept = await createEngine({ storage: 'indexeddb', name, backupStorage, importSnapshot: snap, ignoreSnapshotIfDbExists: true });
    expect((await kept.getIndexes()).results.map((i) => i.uid)).toEqual(['other']);
    await kept.close();
    const missing = await refusal(createEngine({ storage: 'memory', name: uniqueName('m'), backupStorage, importSnapshot: 'nope' }));
    expect(missing.code).toBe('snapshot_not_found');
    const skipped = await createEngine({ storage: 'memory', name: uniqueName('m'), backupStorage, importSnapshot: 'nope', ignoreMissingSnapshot: true });
    expect((await skipped.getIndexes()).total).toBe(0);
    const byDbName = await createEngine({ storage: 'memory', name: uniqueName('m'), backupStorage, importSnapshot: a.ctx.store.name });
    expect((await byDbName.index('movies').getStats()).numberOfDocuments).toBe(MOVIES.length);
  });
});

/** Writes stop settling after `allowed` write transactions (a worker killed mid-restore). */
function dyingStore(inner: Store, allowed: number): Store {
  let writes = 0;
  return {
    backend: inner.backend,
    name: inner.name,
    storeNames: () => inner.storeNames(),
    read: (stores, fn) => inner.read(stores, fn),
    write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, durability?: Durability): Promise<T> {
      if (++writes > allowed) return new Promise<T>(() => undefined);
      return inner.write(stores, fn, durability);
    },
    close: () => undefined,
    destroy: () => inner.destroy(),
  };
}

describe('crash during a snapshot restore', () => {
  it('records without meta.engine at open: the half-restored database is wiped', async () => {
    const source = await engineOn('memory');
    await source.index('big').addDocuments(Array.from({ length: 3000 }, (_, i) => ({ id: i, text: `doc ${i} ${'x'.repeat(200)}` }))).waitTask();
    await source.createSnapshot().waitTask();
    const file = await source.getSnapshotFile();
    const name = uniqueName('crash-restore');
    const inner = await IndexedDbStore.open(name);
    const names = inner.storeNames();
    const records = () => inner.read(names, async (tx) => (await Promise.all(names.map((n) => tx.count(n)))).reduce((a, b) => a + b, 0));
    void restoreSnapshot(file, dyingStore(inner, 6), { batchBytes: 64 * 1024 });
    await expect.poll(records, { timeout: 15_000, interval: 10 }).toBeGreaterThan(0);
    // A short window in which a (wrongly) written meta.engine would show up; the write budget makes the store die soon.
    await new Promise((r) => setTimeout(r, 50));
    expect(await inner.read(['meta'], (tx) => tx.count('meta'))).toBe(0);
    inner.close();
    const e = await createEngine({ storage: 'indexeddb', name });
    expect((await e.getIndexes()).total).toBe(0);
    expect(await e.ctx.store.read(['documents', 'segments'], (tx) => Promise.all([tx.count('documents'), tx.count('segments')]))).toEqual([0, 0]);
    expect((await e.index('x').addDocuments([{ id: 1 }]).waitTask()).status).toBe('succeeded');
  });
});
