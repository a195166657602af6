/**
 * Several engines on one database (tabs, in Node with the in-process lock): what only the engine holding the
 * database may do — wipe an unfinished import, remove temporary backup files, import — and what every engine can
 * answer (dump statuses). The browser test is reliability-tabs.spec.ts.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { MemoryBackupStorage } from '../../../src/engine/backup/backupStorage.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { dumpOf, jsonl, V6_METADATA } from '../dump/dumpTestKit.ts';
import { uniqueName } from './fileCorpusKit.ts';

/** A backup storage counting its start-up clean-ups. */
class CountingStorage extends MemoryBackupStorage {
  cleanups = 0;
  override async cleanup(): Promise<void> {
    this.cleanups++;
  }
}

const open = (name: string, backupStorage = new MemoryBackupStorage()) => createEngine({ storage: 'indexeddb', name, backupStorage });

async function refusal(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(EngineError);
  return e as EngineError;
}

function bigDump(n: number): Promise<Uint8Array> {
  return dumpOf([
    ['metadata.json', V6_METADATA],
    ['keys.jsonl', ''],
    ['indexes/big/metadata.json', { uid: 'big', primaryKey: 'id', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }],
    ['indexes/big/settings.json', {}],
    ['indexes/big/documents.jsonl', jsonl(Array.from({ length: n }, (_, i) => ({ id: i, text: `document ${i} alpha beta` })))],
  ]);
}

describe('several engines on one database', () => {
  it('an engine opened while another imports a dump leaves the import alone', async () => {
    const name = uniqueName('import-shared');
    const a = await open(name);
    let indexing!: () => void;
    const started = new Promise<void>((r) => (indexing = r));
    const importing = a.importDump(new Blob([(await bigDump(45_000)) as Uint8Array<ArrayBuffer>]), {
      onProgress: (p) => {
        if (p.phase === 'indexing' && (p.documents ?? 0) > 20_000) indexing(); // a first chunk is committed
      },
    });
    await started; // the import marker is written, documents are being committed
    const b: Engine = await open(name); // before: B wiped the "unfinished" import under A's feet
    const summary = await importing;
    expect(summary.indexes).toEqual([expect.objectContaining({ uid: 'big', documents: 45_000 })]);
    for (const e of [a, b]) expect((await e.index('big').getStats()).numberOfDocuments).toBe(45_000);
    await a.close();
    await b.close();
  }, 60_000);

  it('importing or restoring into a database another engine holds is refused with invalid_state', async () => {
    const name = uniqueName('refuse-shared');
    const a = await open(name);
    const b = await open(name);
    const err = await refusal(b.importDump(new Blob([(await bigDump(10)) as Uint8Array<ArrayBuffer>])));
    expect(err.code).toBe('invalid_state');
    expect(err.message).toMatch(/another tab/);
    const snapshotFile = new Blob([new Uint8Array(16)]);
    const atStart = await refusal(createEngine({ storage: 'indexeddb', name, importSnapshot: snapshotFile }));
    expect(atStart.code).toBe('invalid_state');
    expect((await a.getIndexes()).total).toBe(0); // untouched
    await a.close();
    await b.close();
  });

  it('only the engine holding the database removes temporary backup files; the next holder does on taking over', async () => {
    const name = uniqueName('cleanup-shared');
    const sa = new CountingStorage();
    const sb = new CountingStorage();
    const a = await open(name, sa);
    await a.scheduler.lead(1000);
    const b = await open(name, sb);
    await new Promise((r) => setTimeout(r, 50));
    expect(sa.cleanups).toBeGreaterThan(0); // at open (alone) and on taking the lock
    expect(sb.cleanups).toBe(0);
    await a.close();
    expect(await b.scheduler.lead(2000)).toBe(true);
    expect(sb.cleanups).toBe(1); // not at open (a held the database), on taking over
    await b.close();
  });

  it('a dump asked for in one engine and written by the other: both answer its status', async () => {
    const name = uniqueName('status-shared');
    const storage = new MemoryBackupStorage();
    const a = await open(name, storage);
    const b = await open(name, storage);
    await b.index('docs').addDocuments([{ id: 1, title: 'x' }]).waitTask();
    const task = await b.createDump().waitTask({ timeout: 10_000 });
    const uid = task.details!.dumpUid as string;
    expect(await b.getDumpStatus(uid)).toEqual({ uid, status: 'done', startedAt: task.startedAt, finishedAt: task.finishedAt });
    expect(await a.getDumpStatus(uid)).toMatchObject({ uid, status: 'done' });
    await a.close();
    await b.close();
    // And after a restart, from the task.
    const c = await open(name, storage);
    expect(await c.getDumpStatus(uid)).toMatchObject({ uid, status: 'done', startedAt: task.startedAt });
    expect((await refusal(c.getDumpStatus('20200101-000000000'))).code).toBe('dump_not_found');
    await c.close();
  });

  it('a newer schema opened elsewhere: this engine lets it through, then answers invalid_state; an old engine cannot open it', async () => {
    const name = uniqueName('versionchange');
    const a = await open(name);
    await a.index('docs').addDocuments([{ id: 1, title: 'before the upgrade' }]).waitTask();
    const t0 = Date.now();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 2);
      r.onupgradeneeded = () => r.result.createObjectStore('fromTheFuture');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked by the old engine'));
    });
    expect(Date.now() - t0).toBeLessThan(2000);
    for (const call of [() => a.index('docs').search('before'), () => a.index('docs').addDocuments([{ id: 2 }]), () => a.getTasks()]) {
      const err = await refusal(call());
      expect(err.code).toBe('invalid_state');
      expect(err.message).toMatch(/upgraded or deleted in another tab.*Reload the page/);
    }
    const old = await refusal(open(name));
    expect(old.code).toBe('invalid_store_file');
    expect(old.message).toMatch(/newer schema/);
    upgraded.close();
    await a.close();
  });

  it('the database deleted elsewhere (site data cleared): the deletion is not blocked, this engine answers invalid_state', async () => {
    const name = uniqueName('deleted');
    const a = await open(name);
    await a.index('docs').addDocuments([{ id: 1 }]).waitTask();
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked by the engine'));
    });
    expect((await refusal(a.index('docs').search('x'))).code).toBe('invalid_state');
    await a.close();
  });
});
