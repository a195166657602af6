/**
 * Engine → dump → fresh engine, through the real engine on both sides (memory and fake-indexeddb): identical
 * documents (order and key order included), settings, stats, tasks, batches and search results.
 */
import { describe, expect, it } from 'vitest';
import { exportDump, importDump } from '../../../src/dump.ts';
import { MemoryBackupStorage } from '../../../src/engine/backup/backupStorage.ts';
import { entriesOf, lines } from '../dump/dumpTestKit.ts';
import { bytesOf, engineOn, fillSample, MOVIES, picture, type Backend } from './backupTestKit.ts';

describe.each<Backend>(['memory', 'indexeddb'])('dump round trip over %s', (backend) => {
  it('exportDump(engine) → importDump(fresh engine) gives an identical engine', async () => {
    const a = await engineOn(backend);
    await fillSample(a);
    const before = await picture(a);
    const dump = await bytesOf(exportDump(a));
    const b = await engineOn(backend);
    const summary = await importDump(b, dump);
    expect(summary.indexes).toEqual([
      { uid: 'books', primaryKey: 'isbn', documents: 250 },
      { uid: 'movies', primaryKey: 'id', documents: 5 },
    ]);
    const after = await picture(b);
    expect(after).toEqual(before);
    // The dump did not change the source, and the copy goes on from there: new task uids continue.
    expect(await picture(a)).toEqual(before);
    const next = await b.index('movies').addDocuments([{ id: 7, title: 'Arrival' }]).waitTask();
    expect(next.uid).toBe(before.tasks[0].uid + 1);
    expect(next.batchUid).toBe((before.batches[0] as { uid: number }).uid + 1);
    expect((await b.index('movies').search('arrival')).hits).toEqual([{ id: 7, title: 'Arrival' }]);
    await a.close();
    await b.close();
  });
});

describe('dump round trip details', () => {
  it('createDump() writes <uid>.dump into the backup storage; a second engine imports it by uid at start-up', async () => {
    const backupStorage = new MemoryBackupStorage();
    const a = await engineOn('memory', { backupStorage });
    await fillSample(a);
    const task = await a.createDump().waitTask();
    expect(task).toMatchObject({ status: 'succeeded', type: 'dumpCreation', indexUid: null });
    const dumpUid = task.details?.dumpUid as string;
    expect(dumpUid).toMatch(/^\d{8}-\d{9}$/);
    const before = await picture(a);
    const b = await engineOn('memory', { backupStorage, importDump: dumpUid });
    const after = await picture(b);
    // The dump task itself is in the dump, succeeded; its finish time is when the file was complete.
    const strip = (p: typeof before) => ({ ...p, tasks: p.tasks.map((t) => (t.uid === task.uid ? { ...t, finishedAt: null, duration: null } : t)), batches: p.batches.slice(1) });
    expect(strip(after)).toEqual(strip(before));
    expect(after.tasks[0]).toMatchObject({ uid: task.uid, type: 'dumpCreation', status: 'succeeded', details: { dumpUid }, startedAt: task.startedAt });
    await a.close();
    await b.close();
  });

  it('keeps index createdAt and sets updatedAt to the import time', async () => {
    const a = await engineOn('memory', { now: () => new Date('2024-01-02T03:04:05.006Z') });
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const dump = await bytesOf(exportDump(a));
    const b = await engineOn('memory', { now: () => new Date('2030-06-07T08:09:10.011Z') });
    await importDump(b, dump);
    expect(await b.getIndex('movies')).toEqual({ uid: 'movies', primaryKey: 'id', createdAt: '2024-01-02T03:04:05.006Z', updatedAt: '2030-06-07T08:09:10.011Z' });
  });

  it('writes documents in internal id order with keys in field order, _vectors included', async () => {
    const a = await engineOn('memory');
    await a.index('docs').addDocuments([{ id: 3, b: 1, a: 2 }, { a: 1, id: 1, c: { z: 1, y: 2 } }, { id: 2, _vectors: { e: [1] } }]).waitTask();
    await a.index('docs').addDocuments([{ id: 1, z: true, a: 0 }]).waitTask(); // replaced: keeps its internal id
    const entries = await entriesOf(await bytesOf(exportDump(a)));
    expect(lines(entries.get('indexes/docs/documents.jsonl'))).toEqual([{ id: 3, b: 1, a: 2 }, { id: 1, a: 0, z: true }, { id: 2, _vectors: { e: [1] } }]);
    expect(entries.get('indexes/docs/documents.jsonl')).toContain('{"id":1,"a":0,"z":true}');
  });

  it('exports enqueued tasks with their payload; after the import they run', async () => {
    const a = await engineOn('memory');
    await a.index('movies').addDocuments(MOVIES.slice(0, 2)).waitTask();
    await a.scheduler.stop();
    const pending = await a.index('movies').addDocuments(MOVIES.slice(2));
    const settings = await a.index('movies').updateSettings({ filterableAttributes: ['year'] });
    const dump = await bytesOf(exportDump(a));
    const entries = await entriesOf(dump);
    expect(lines(entries.get(`tasks/update_files/${pending.taskUid}.jsonl`))).toHaveLength(MOVIES.length - 2);
    const b = await engineOn('memory');
    await importDump(b, dump);
    expect((await b.waitForTask(pending.taskUid)).status).toBe('succeeded');
    expect((await b.waitForTask(settings.taskUid)).status).toBe('succeeded');
    expect((await b.index('movies').getStats()).numberOfDocuments).toBe(MOVIES.length);
    expect((await b.index('movies').search('', { filter: 'year = 2012' })).hits.map((h) => h.id)).toEqual([3]);
  });

  it('documents.jsonl is written in one pass from the stored sizes, exact for any key order and text', async () => {
    const a = await engineOn('memory');
    const docs = [
      { id: 1, title: 'é😀 \u2028 "quoted" \\', n: -0, f: 1e21, nested: { z: 1, a: [1, { b: null }] } },
      { '10': 'integer-like key', id: 2, title: 'x' },
      { title: 'lone \ud800 surrogate', id: 3, _vectors: { e: [0.5] } },
    ];
    await a.index('docs').addDocuments(docs).waitTask();
    const dump = await bytesOf(exportDump(a));
    const text = (await entriesOf(dump)).get('indexes/docs/documents.jsonl')!;
    expect(lines(text)).toEqual([
      { id: 1, title: 'é😀 \u2028 "quoted" \\', n: 0, f: 1e21, nested: { z: 1, a: [1, { b: null }] } },
      { '10': 'integer-like key', id: 2, title: 'x' },
      { id: 3, title: 'lone \ud800 surrogate', _vectors: { e: [0.5] } },
    ]);
    const b = await engineOn('memory');
    await importDump(b, dump);
    expect(await b.index('docs').getDocument(3)).toEqual({ id: 3, title: 'lone \ud800 surrogate' });
  });

  it('a dump made while a batch holds is consistent: tasks registered during the export are not in it and run afterwards', async () => {
    const a = await engineOn('memory');
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const stream = exportDump(a, { compressionLevel: 1 });
    const reader = stream.getReader();
    const first = await reader.read(); // the export has started: batches are held
    const late = await a.index('movies').deleteAllDocuments();
    await new Promise((r) => setTimeout(r, 30));
    expect((await a.getTask(late.taskUid)).status).toBe('enqueued');
    const chunks: Uint8Array[] = [first.value!];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect((await a.waitForTask(late.taskUid)).status).toBe('succeeded');
    const dump = new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
    const tasks = lines((await entriesOf(dump)).get('tasks/queue.jsonl')) as { uid: number }[];
    expect(tasks.map((t) => t.uid)).toEqual([0]);
    expect(lines((await entriesOf(dump)).get('indexes/movies/documents.jsonl'))).toHaveLength(MOVIES.length);
  });

  it('a cancelled export stream releases the batches', async () => {
    const a = await engineOn('memory');
    await a.index('movies').addDocuments(MOVIES).waitTask();
    const reader = exportDump(a).getReader();
    await reader.read();
    await reader.cancel();
    expect((await a.index('movies').deleteDocument(1).waitTask()).status).toBe('succeeded');
  });

  it('reports import progress and ends with done', async () => {
    const a = await engineOn('memory');
    await fillSample(a);
    const dump = await bytesOf(exportDump(a));
    const b = await engineOn('memory');
    const phases: string[] = [];
    await importDump(b, new Blob([dump]), { onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('reading');
    expect(phases.at(-1)).toBe('done');
  });
});
