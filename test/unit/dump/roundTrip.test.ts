import { describe, expect, it } from 'vitest';
import { exportDump } from '../../../src/backup/dump/exportDump.ts';
import { importDump } from '../../../src/backup/dump/importDump.ts';
import type { DumpProgress } from '../../../src/backup/dump/dumpContract.ts';
import { MemoryDumpEngine } from './memoryDumpEngine.ts';
import { collect, streamOf } from './dumpTestKit.ts';
import { DUMP_BATCH_UID, DUMP_TASK_UID, LONG_UID, sampleEngine } from './sampleEngine.ts';

const NOW = new Date('2025-01-01T10:20:03.250Z');

async function roundTrip(source: MemoryDumpEngine, via: 'bytes' | 'blob' | 'stream' = 'bytes'): Promise<{ target: MemoryDumpEngine; bytes: Uint8Array<ArrayBuffer> }> {
  const bytes = await collect(exportDump(source, { now: NOW }));
  const target = new MemoryDumpEngine();
  const input = via === 'bytes' ? bytes : via === 'blob' ? new Blob([bytes]) : streamOf(bytes, 1000);
  const summary = await importDump(target, input);
  expect(summary.passes).toBe(1);
  expect(target.state).toBe('committed');
  return { target, bytes };
}

describe('export → import round trip', () => {
  it('keeps keys, indexes (dates, primary keys), settings and documents in order', async () => {
    const source = sampleEngine();
    const { target } = await roundTrip(source);
    expect(target.keyList).toEqual(source.keyList);
    expect(await target.indexes()).toEqual(await source.indexes());
    for (const uid of ['movies', 'books', LONG_UID]) {
      expect(await target.settings(uid)).toEqual(await source.settings(uid));
      expect([...(target.indexMap.get(uid)?.docs.values() ?? [])]).toEqual([...(source.indexMap.get(uid)?.docs.values() ?? [])]);
    }
  });

  it('keeps every task kind, status, date, error and detail; the dump task itself becomes succeeded', async () => {
    const source = sampleEngine();
    const { target } = await roundTrip(source);
    const before = [...source.taskMap.values()].map((t) => t.record);
    const after = new Map([...target.taskMap.values()].map((t) => [t.record.uid, t.record]));
    expect(after.size).toBe(before.length);
    for (const t of before) {
      if (t.uid === DUMP_TASK_UID) continue;
      expect(after.get(t.uid), `task ${t.uid} (${t.kind.type})`).toEqual(t);
    }
    expect(after.get(DUMP_TASK_UID)).toEqual({
      uid: DUMP_TASK_UID,
      batchUid: DUMP_BATCH_UID,
      indexUid: null,
      status: 'succeeded',
      kind: { type: 'dumpCreation' },
      details: { dumpUid: '20250101-102000000' },
      error: null,
      canceledBy: null,
      enqueuedAt: '2025-01-01T10:20:00.000Z',
      startedAt: '2025-01-01T10:20:00.000Z',
      finishedAt: NOW.toISOString(),
    });
  });

  it('keeps enqueued document additions with their payloads (empty ones too)', async () => {
    const { target } = await roundTrip(sampleEngine());
    expect(target.taskMap.get(18)?.payload).toEqual([{ id: 10, title: 'Up' }, { id: 11, title: 'Coco' }]);
    expect(target.taskMap.get(19)?.payload).toEqual([]);
    expect(target.taskMap.get(21)?.payload).toBeUndefined();
    expect(target.taskMap.get(18)?.record.customMetadata).toBe('import-42');
  });

  it('keeps batches; the dump batch is written finished and succeeded', async () => {
    const source = sampleEngine();
    const { target } = await roundTrip(source);
    expect(target.batchList.slice(0, 3)).toEqual(source.batchList.slice(0, 3));
    expect(target.batchList[3]).toEqual({
      ...source.batchList[3],
      stats: { ...source.batchList[3].stats, status: { succeeded: 1 } },
      finishedAt: NOW.toISOString(),
      duration: 'PT1202.250S',
    });
  });

  it('re-exporting the imported engine gives the very same bytes', async () => {
    const { target, bytes } = await roundTrip(sampleEngine());
    expect(await collect(exportDump(target, { now: NOW }))).toEqual(bytes);
  });

  it('imports the same from a Blob and from a one-shot stream, in one pass', async () => {
    const source = sampleEngine();
    const a = (await roundTrip(source, 'blob')).target;
    const b = (await roundTrip(source, 'stream')).target;
    expect(b.calls).toEqual(a.calls);
    expect([...b.taskMap.values()]).toEqual([...a.taskMap.values()]);
  });

  it('calls the target in dependency order: keys, indexes with settings then documents, tasks, batches', async () => {
    const { target } = await roundTrip(sampleEngine());
    const calls = target.calls.map((c) => c.replace(LONG_UID, 'LONG').replace(/:\d+$/, ''));
    expect(calls.slice(0, 8)).toEqual(['begin', 'setKeys', 'createIndex:books', 'applySettings:books', 'createIndex:LONG', 'applySettings:LONG', 'addDocuments:LONG', 'createIndex:movies']);
    expect(calls.indexOf('importTask')).toBeGreaterThan(calls.lastIndexOf('addDocuments:movies'));
    expect(calls.indexOf('importBatch')).toBeGreaterThan(calls.lastIndexOf('importTask'));
    expect(calls[calls.length - 1]).toBe('commit');
  });

  it('reports progress on both sides', async () => {
    const source = sampleEngine();
    const exported: DumpProgress[] = [];
    const bytes = await collect(exportDump(source, { now: NOW, onProgress: (p) => exported.push(p) }));
    expect(exported.at(-1)).toMatchObject({ phase: 'done', bytes: bytes.length, documents: 4 });
    expect(exported.some((p) => p.phase === 'writing' && p.indexUid === 'movies' && p.documents === 4)).toBe(true);
    const imported: DumpProgress[] = [];
    await importDump(new MemoryDumpEngine(), bytes, { onProgress: (p) => imported.push(p) });
    expect(imported.some((p) => p.phase === 'indexing' && p.indexUid === 'movies' && p.totalBytes === bytes.length)).toBe(true);
    expect(imported.at(-1)).toMatchObject({ phase: 'done', documents: 4, totalBytes: bytes.length });
  });
});
