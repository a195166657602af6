/**
 * Bad dumps and refused imports through the real engine: each fails with a coded error and leaves the engine
 * exactly as before (empty, or untouched when it was not empty). An import cut off by a crash is wiped at the
 * next open.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { exportDump, importDump } from '../../../src/dump.ts';
import { MemoryBackupStorage } from '../../../src/engine/backup/backupStorage.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import type { Durability, Store, WriteTx } from '../../../src/engine/storage/store.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { dumpOf, jsonl, moviesIndex, V6_METADATA } from '../dump/dumpTestKit.ts';
import { bytesOf, engineOn, fillSample, gate, MOVIES, picture, uniqueName, type Backend } from './backupTestKit.ts';

async function refusal(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected a refusal');
}

async function expectEmptyAndUsable(e: Engine): Promise<void> {
  expect((await e.getIndexes()).total).toBe(0);
  expect((await e.getTasks()).total).toBe(0);
  expect((await e.getBatches()).total).toBe(0);
  const t = await e.index('after').addDocuments([{ id: 1, title: 'still works' }]).waitTask();
  expect(t).toMatchObject({ uid: 0, batchUid: 0, status: 'succeeded' });
  expect((await e.index('after').search('works')).hits).toEqual([{ id: 1, title: 'still works' }]);
}

/** A v6 dump with one index of `n` valid documents followed by `tail` lines. */
function bigDump(n: number, tail: string): Promise<Uint8Array<ArrayBuffer>> {
  const docs = Array.from({ length: n }, (_, i) => ({ id: i, text: `document ${i} alpha beta` }));
  return dumpOf([
    ['metadata.json', V6_METADATA],
    ['keys.jsonl', ''],
    ['indexes/big/metadata.json', { uid: 'big', primaryKey: 'id', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }],
    ['indexes/big/settings.json', { filterableAttributes: ['id'] }],
    ['indexes/big/documents.jsonl', jsonl(docs) + tail],
    ['tasks/queue.jsonl', jsonl([{ uid: 0, indexUid: 'big', status: 'succeeded', type: 'indexDeletion', enqueuedAt: '2025-01-01T00:00:00Z' }])],
  ]);
}

describe.each<Backend>(['memory', 'indexeddb'])('bad dumps over %s', (backend) => {
  it('not gzip, truncated, unknown version, bad JSON, missing metadata: coded errors, engine left empty', async () => {
    const good = await dumpOf([['metadata.json', V6_METADATA], ...moviesIndex()]);
    const cases: [Uint8Array, string, RegExp][] = [
      [new TextEncoder().encode('{"not":"a dump"}'), 'malformed_payload', /gzip/],
      [good.subarray(0, good.length - 30), 'malformed_payload', /truncated|ends/i],
      [await dumpOf([['metadata.json', { dumpVersion: 'V7', dbVersion: '9.0.0' }]]), 'malformed_payload', /newer version/],
      [await dumpOf([['metadata.json', V6_METADATA], ...moviesIndex(), ['indexes/movies/documents.jsonl', '{"id":1}\n{oops\n']]), 'malformed_payload', /twice|JSON|line/i],
      [await dumpOf(moviesIndex()), 'malformed_payload', /metadata\.json/],
    ];
    const e = await engineOn(backend);
    for (const [bytes, code, message] of cases) {
      const err = await refusal(importDump(e, bytes));
      expect(err.code, err.message).toBe(code);
      expect(err.message).toMatch(message);
      expect((await e.getIndexes()).total).toBe(0);
    }
    await expectEmptyAndUsable(e);
  });

  it('an invalid document id after documents were already committed: everything imported is removed', async () => {
    const e = await engineOn(backend);
    const err = await refusal(importDump(e, await bigDump(25_000, '{"id":"not valid!"}\n')));
    expect(err.code).toBe('invalid_document_id');
    expect(err.message).toMatch(/Index `big`/);
    await expectEmptyAndUsable(e);
  });

  it('an engine with data refuses the import and is left exactly as it was', async () => {
    const e = await engineOn(backend);
    await fillSample(e);
    const before = await picture(e);
    const err = await refusal(importDump(e, await dumpOf([['metadata.json', V6_METADATA], ...moviesIndex()])));
    expect(err.code).toBe('invalid_state');
    expect(err.message).toMatch(/empty database/);
    expect(await picture(e)).toEqual(before);
  });
});

describe('dump import guards', () => {
  it('refuses task registrations while importing; they work again afterwards', async () => {
    const e = await engineOn('memory');
    // The first progress report comes after the import began (registrations are refused from then on).
    const underway = gate();
    const importing = importDump(e, await bigDump(30_000, ''), { onProgress: (p) => p.phase !== 'done' && underway.open() });
    await underway.promise;
    const err = await refusal(e.index('other').addDocuments([{ id: 1 }]));
    expect(err.code).toBe('invalid_state');
    expect(err.message).toMatch(/being imported/);
    await importing;
    expect((await e.index('big').getStats()).numberOfDocuments).toBe(30_000);
    expect((await e.index('big').search('', { filter: 'id = 29999' })).hits).toEqual([{ id: 29999, text: 'document 29999 alpha beta' }]);
    expect((await e.index('other').addDocuments([{ id: 1 }]).waitTask()).uid).toBe(1);
  });

  it('start-up: an existing database, a missing dump, and both importDump and importSnapshot', async () => {
    const backupStorage = new MemoryBackupStorage();
    const name = uniqueName('startup');
    const a = await createEngine({ storage: 'indexeddb', name, backupStorage });
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const dumpUid = (await a.createDump().waitTask()).details?.dumpUid as string;
    await a.close();
    const exists = await refusal(createEngine({ storage: 'indexeddb', name, backupStorage, importDump: dumpUid }));
    expect(exists.code).toBe('invalid_state');
    expect(exists.message).toMatch(/ignoreDumpIfDbExists/);
    const kept = await createEngine({ storage: 'indexeddb', name, backupStorage, importDump: dumpUid, ignoreDumpIfDbExists: true });
    expect((await kept.getTasks()).total).toBe(2);
    await kept.close();

    const missing = await refusal(createEngine({ storage: 'memory', name: uniqueName('m'), backupStorage, importDump: '20000101-000000000' }));
    expect(missing.code).toBe('dump_not_found');
    const skipped = await createEngine({ storage: 'memory', name: uniqueName('m'), backupStorage, importDump: '20000101-000000000', ignoreMissingDump: true });
    expect((await skipped.getIndexes()).total).toBe(0);
    const both = await refusal(createEngine({ storage: 'memory', importDump: dumpUid, importSnapshot: 'x' }));
    expect(both.code).toBe('bad_request');

    const fresh = await createEngine({ storage: 'indexeddb', name: uniqueName('fresh'), backupStorage, importDump: dumpUid });
    expect((await fresh.index('movies').getStats()).numberOfDocuments).toBe(MOVIES.length);
  });

  it('a failed start-up import leaves an empty database behind (the engine does not open)', async () => {
    const name = uniqueName('failed-startup');
    const err = await refusal(createEngine({ storage: 'indexeddb', name, importDump: await bigDump(100, '{"no":"id"}\n') }));
    expect(err.code).toBe('missing_document_id');
    const e = await createEngine({ storage: 'indexeddb', name });
    await expectEmptyAndUsable(e);
  });
});

/** A store whose writes stop settling after `allowed` write transactions, like a worker killed mid-import. */
function dyingStore(inner: Store, allowed: () => boolean, died: () => void): Store {
  return {
    backend: inner.backend,
    name: inner.name,
    storeNames: () => inner.storeNames(),
    read: (stores, fn) => inner.read(stores, fn),
    write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, durability?: Durability): Promise<T> {
      if (!allowed()) {
        died();
        return new Promise<T>(() => undefined);
      }
      return inner.write(stores, fn, durability);
    },
    close: () => undefined,
    destroy: () => inner.destroy(),
  };
}

describe('crash during a dump import', () => {
  it('the next open finds the import marker and wipes the half-imported database', async () => {
    const source = await engineOn('memory');
    await source.index('big').addDocuments(Array.from({ length: 25_000 }, (_, i) => ({ id: i, text: `doc ${i}` }))).waitTask();
    const dump = await bytesOf(exportDump(source));
    const name = uniqueName('crash-import');
    let alive = true;
    const dead = gate();
    const store = dyingStore(await IndexedDbStore.open(name), () => alive, dead.open);
    const doomed = await createEngine({ storage: 'indexeddb', store });
    void doomed.importDump(dump);
    // Let the import commit the index and a first block of documents, then "kill the worker".
    const committed = () =>
      IndexedDbStore.open(name).then(async (s) => {
        const count = await s.read(['documents'], (tx) => tx.count('documents'));
        s.close();
        return count;
      });
    await expect.poll(committed, { timeout: 15_000, interval: 10 }).toBeGreaterThan(0);
    alive = false;
    await dead.promise;
    await doomed.close(); // the killed worker's scheduler lock goes with it
    const half = await IndexedDbStore.open(name);
    expect(await half.read(['documents'], (tx) => tx.count('documents'))).toBeGreaterThan(0);
    half.close();
    const reopened = await createEngine({ storage: 'indexeddb', name });
    await expectEmptyAndUsable(reopened);
  });
});
