import { describe, expect, it, vi } from 'vitest';
import { memoryEngine, thrown } from './helpers.ts';

describe('indexes', () => {
  it('creates, lists (by uid, paginated) and gets indexes', async () => {
    const e = await memoryEngine();
    await e.createIndex('zeta').waitTask();
    await e.createIndex('alpha', { primaryKey: 'sku' }).waitTask();
    const list = await e.getIndexes({ limit: 1 });
    expect(list.total).toBe(2);
    expect(list.results.map((i) => i.uid)).toEqual(['alpha']);
    const alpha = await e.getIndex('alpha');
    expect(Object.keys(alpha)).toEqual(['uid', 'createdAt', 'updatedAt', 'primaryKey']);
    expect(alpha.primaryKey).toBe('sku');
    await e.close();
  });

  it('creating an existing index fails the task with index_already_exists', async () => {
    const e = await memoryEngine();
    await e.createIndex('a').waitTask();
    const t = await e.createIndex('a').waitTask();
    expect(t.error).toMatchObject({ code: 'index_already_exists', message: 'Index `a` already exists.' });
    await e.close();
  });

  it('rejects invalid uids synchronously with Meilisearch\'s message', async () => {
    const e = await memoryEngine();
    const err = await thrown(() => e.createIndex('the best doggo'));
    expect(err.code).toBe('invalid_index_uid');
    expect(err.message).toBe(
      '`the best doggo` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.',
    );
    expect((await thrown(() => e.createIndex('x'.repeat(401)))).code).toBe('invalid_index_uid');
    expect((await thrown(() => e.getIndex('nope'))).message).toBe('Index `nope` not found.');
    await e.close();
  });

  it('changes the primary key only while the index is empty', async () => {
    const e = await memoryEngine();
    await e.createIndex('a', { primaryKey: 'id' }).waitTask();
    expect((await e.updateIndex('a', { primaryKey: 'sku' }).waitTask()).status).toBe('succeeded');
    await e.index('a').addDocuments([{ sku: 'x' }]).waitTask();
    const t = await e.updateIndex('a', { primaryKey: 'other' }).waitTask();
    expect(t.error).toMatchObject({ code: 'index_primary_key_already_exists', message: 'Index already has a primary key: `sku`.' });
    await e.close();
  });

  it('renames an index with updateIndex({uid}) and keeps its documents and tasks', async () => {
    const e = await memoryEngine();
    await e.index('old').addDocuments([{ id: 1 }]).waitTask();
    const t = await e.updateIndex('old', { uid: 'new' }).waitTask();
    expect(t.details).toEqual({ primaryKey: null, oldIndexUid: 'old', newIndexUid: 'new' });
    expect((await e.index('new').getStats()).numberOfDocuments).toBe(1);
    expect((await thrown(() => e.getIndex('old'))).code).toBe('index_not_found');
    expect((await e.getTasks({ indexUids: ['new'] })).results.map((r) => r.uid)).toContain(0);
    await e.close();
  });

  it('deletes an index with its documents; deleting a missing one fails the task', async () => {
    const e = await memoryEngine();
    await e.index('a').addDocuments([{ id: 1 }, { id: 2 }]).waitTask();
    expect((await e.deleteIndex('a').waitTask()).details).toEqual({ deletedDocuments: 2 });
    expect((await e.deleteIndex('a').waitTask()).error?.code).toBe('index_not_found');
    expect(await e.deleteIndexIfExists('a')).toBe(false);
    await e.index('a').addDocuments([{ id: 9 }]).waitTask();
    expect((await e.index('a').getDocuments()).results).toEqual([{ id: 9 }]);
    expect(await e.deleteIndexIfExists('a')).toBe(true);
    await e.close();
  });

  it('swaps two indexes (content and task history) and renames with rename:true', async () => {
    const e = await memoryEngine();
    await e.index('a').addDocuments([{ id: 'from-a' }]).waitTask();
    await e.index('b').addDocuments([{ id: 'from-b' }]).waitTask();
    const swap = await e.swapIndexes([{ indexes: ['a', 'b'] }]).waitTask();
    expect(swap).toMatchObject({ status: 'succeeded', indexUid: null, details: { swaps: [{ indexes: ['a', 'b'], rename: false }] } });
    expect((await e.index('a').getDocuments()).results).toEqual([{ id: 'from-b' }]);
    expect((await e.getTask(0)).indexUid).toBe('b');
    await e.swapIndexes([{ indexes: ['a', 'c'], rename: true }]).waitTask();
    expect((await e.index('c').getDocuments()).results).toEqual([{ id: 'from-b' }]);
    const missing = await e.swapIndexes([{ indexes: ['nope', 'zilch'] }]).waitTask();
    expect(missing.error?.message).toBe('Indexes `nope`, `zilch` not found.');
    expect((await thrown(() => e.swapIndexes([{ indexes: ['a', 'b', 'c'] as unknown as [string, string] }]))).code).toBe('invalid_swap_indexes');
    expect((await thrown(() => e.swapIndexes([{ indexes: ['a', 'b'] }, { indexes: ['b', 'c'] }]))).message).toBe(
      'Indexes must be declared only once during a swap. `b` was specified several times.',
    );
    await e.close();
  });

  it('updatedAt moves with every document or settings write', async () => {
    const e = await memoryEngine();
    await e.createIndex('a').waitTask();
    const before = (await e.getIndex('a')).updatedAt;
    // The next write must happen at a later millisecond than `before`, whatever the timer resolution.
    await vi.waitUntil(() => new Date().toISOString() > before, { timeout: 1000, interval: 1 });
    await e.index('a').updateSettings({ stopWords: ['x'] }).waitTask();
    expect((await e.getIndex('a')).updatedAt > before).toBe(true);
    await e.close();
  });
});
