import { describe, expect, it } from 'vitest';
import { idbEngine, memoryEngine } from './helpers.ts';
import type { Engine } from '../../../src/engine.ts';

/** Payloads of several stored chunks (1,000 documents each, read a few per transaction) and id buckets read once per batch. */
describe.each([
  ['memory', memoryEngine],
  ['fake-indexeddb', () => idbEngine()],
])('batches larger than a payload chunk (%s)', (_name, open: () => Promise<Engine>) => {
  const doc = (id: number, word: string) => ({ id, title: `${word} ${id}`, n: id });

  it('indexes every document of multi-chunk tasks, then replaces, updates and deletes across them', async () => {
    const e = await open();
    const idx = e.index('big');
    // An existing but empty index: the first batch needs no id lookups.
    await idx.updateSettings({ filterableAttributes: ['n'] }).waitTask();
    const first = Array.from({ length: 7_300 }, (_, i) => doc(i, 'alpha'));
    const a = idx.addDocuments(first.slice(0, 5_000));
    const b = idx.addDocuments(first.slice(5_000));
    expect((await b.waitTask({ timeout: 60_000 })).status).toBe('succeeded');
    expect((await a.waitTask()).details).toEqual({ receivedDocuments: 5_000, indexedDocuments: 5_000 });
    expect((await idx.getStats()).numberOfDocuments).toBe(7_300);

    // One later batch: replacements of old ids spread over every id bucket, new ids, partial updates, deletions.
    const replace = idx.addDocuments(Array.from({ length: 2_500 }, (_, i) => doc(i * 3, 'beta')));
    const add = idx.addDocuments(Array.from({ length: 1_200 }, (_, i) => doc(10_000 + i, 'gamma')));
    const update = idx.updateDocuments(Array.from({ length: 1_500 }, (_, i) => ({ id: i * 3 + 1, extra: 'x' })));
    const del = idx.deleteDocuments(Array.from({ length: 300 }, (_, i) => i * 3 + 2));
    for (const t of [replace, add, update]) expect((await t.waitTask({ timeout: 60_000 })).status).toBe('succeeded');
    expect((await del.waitTask()).details?.deletedDocuments).toBe(300);
    const batches = new Set([(await replace.waitTask()).batchUid, (await del.waitTask()).batchUid]);
    expect(batches.size).toBe(1);

    // 66 of the replacements (ids 7,302…7,497) are new documents.
    expect((await idx.getStats()).numberOfDocuments).toBe(7_300 + 66 + 1_200 - 300);
    expect(await idx.getDocument(3)).toEqual(doc(3, 'beta'));
    expect(await idx.getDocument(4)).toEqual({ ...doc(4, 'alpha'), extra: 'x' });
    expect(await idx.getDocument(10_001)).toEqual(doc(10_001, 'gamma'));
    await expect(idx.getDocument(5)).rejects.toMatchObject({ code: 'document_not_found' });
    expect((await idx.search('alpha', { filter: 'n = 6', limit: 1 })).estimatedTotalHits).toBe(0);
    expect((await idx.search('beta', { filter: 'n = 6' })).hits).toEqual([doc(6, 'beta')]);
    expect((await idx.search('alpha', { filter: 'n = 4502' })).hits).toEqual([doc(4502, 'alpha')]);
    await e.close();
  }, 120_000);
});
