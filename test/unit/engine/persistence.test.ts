import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import { STORES } from '../../../src/engine/storage/schema.ts';
import type { Store, WriteTx, Durability } from '../../../src/engine/storage/store.ts';
import { idbEngine, movies, thrown } from './helpers.ts';

/** A store that "dies" after `allowedWrites` write transactions: later writes never settle, like a killed worker. */
function dyingStore(inner: Store, allowedWrites: number): Store {
  let writes = 0;
  return {
    backend: inner.backend,
    // A killed worker gives its scheduler lock up; this one never will, so it coordinates under another name.
    name: `${inner.name}-dying`,
    storeNames: () => inner.storeNames(),
    read: (stores, fn) => inner.read(stores, fn),
    write<T>(stores: readonly string[], fn: (tx: WriteTx) => Promise<T>, durability?: Durability): Promise<T> {
      if (++writes > allowedWrites) return new Promise<T>(() => undefined);
      return inner.write(stores, fn, durability);
    },
    close: () => undefined,
    destroy: () => inner.destroy(),
  };
}

describe('persistence over IndexedDB', () => {
  it('documents, settings and tasks survive closing and reopening the engine', async () => {
    const name = `persist-${Date.now()}`;
    const a = await idbEngine(name);
    await a.index('movies').addDocuments(movies).waitTask();
    await a.index('movies').updateSettings({ searchableAttributes: ['title'] }).waitTask();
    await a.close();
    const b = await idbEngine(name);
    expect((await b.index('movies').search('wonder')).hits.map((h) => h.id)).toEqual([2]);
    expect(await b.index('movies').getSearchableAttributes()).toEqual(['title']);
    expect((await b.getTasks()).results.map((t) => t.status)).toEqual(['succeeded', 'succeeded']);
    const next = await b.index('movies').addDocuments([{ id: 6, title: 'Arrival' }]).waitTask();
    expect(next.uid).toBe(2);
    expect(next.batchUid).toBe(2);
    await b.close();
  });

  it('tasks enqueued but not processed before closing run after reopening', async () => {
    const name = `enqueued-${Date.now()}`;
    const a = await idbEngine(name);
    await a.scheduler.stop();
    const t = await a.index('movies').addDocuments(movies);
    await a.close();
    const b = await idbEngine(name);
    expect((await b.waitForTask(t.taskUid)).status).toBe('succeeded');
    expect((await b.index('movies').getStats()).numberOfDocuments).toBe(5);
    await b.close();
  });

  it('a batch cut off between staging and commit leaves the index as before and re-runs on the next start', async () => {
    const name = `crash-${Date.now()}`;
    const first = await idbEngine(name);
    await first.index('docs').addDocuments([{ id: 0, text: 'before the crash' }]).waitTask();
    await first.close();

    // Engine #1 dies during the next batch: registration (1 write) and staging go through, the commit never lands.
    const raw = await IndexedDbStore.open(name);
    const dying = await createEngine({ storage: 'indexeddb', name, store: dyingStore(raw, 4) });
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, text: `word${i % 50} crash` }));
    const { taskUid } = await dying.index('docs').addDocuments(many);
    // Staging is visible once the batch reached it, however long that takes on a loaded machine.
    const staged = async () => (await raw.read([STORES.meta], (tx) => tx.get<unknown[]>(STORES.meta, 'staging')))?.length ?? 0;
    await expect.poll(staged, { timeout: 15_000, interval: 20 }).toBeGreaterThan(0);

    const second = await idbEngine(name);
    const task = await second.waitForTask(taskUid, { timeout: 10_000 });
    expect(task.status).toBe('succeeded');
    // The new scheduler collected the dead batch's staged data before re-running it.
    const staging = await second.ctx.store.read([STORES.meta], (tx) => tx.get<unknown[]>(STORES.meta, 'staging'));
    expect(staging?.length ?? 0).toBe(0);
    expect((await second.index('docs').getStats()).numberOfDocuments).toBe(3001);
    expect((await second.index('docs').search('before')).hits.map((h) => h.id)).toEqual([0]);
    const segs = await second.ctx.store.read([STORES.segments], (tx) => tx.count(STORES.segments));
    expect(segs).toBe((await second.ctx.catalog.state('docs')).segments.length);
    await second.close();
  });

  it('refuses a database written in another storage format, with a coded error', async () => {
    const name = `format-${Date.now()}`;
    const raw = await IndexedDbStore.open(name);
    await raw.write([STORES.meta], async (tx) => tx.put(STORES.meta, 'engine', { format: 'pocketsearch-store/999', engineVersion: '9.9.9', createdAt: '' }));
    raw.close();
    const err = await thrown(() => idbEngine(name));
    expect(err.code).toBe('invalid_store_file');
    expect(err.message).toMatch(/dump/);
  });
});
