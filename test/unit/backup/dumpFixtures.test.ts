/**
 * Every real Meilisearch dump of `test/fixtures/meilisearch-dumps` imported into the real engine: indexes,
 * primary keys, settings, document counts, task history, search; imported enqueued tasks run after the import.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine.ts';
import { dumpFixture, engineOn } from './backupTestKit.ts';

interface Expected {
  indexes: Record<string, [primaryKey: string | null, documents: number]>;
  tasks: number;
  /** Documents per index once the imported enqueued tasks ran. */
  afterTasks?: Record<string, number>;
  check?: (e: Engine) => Promise<void>;
}

const NOW = new Date('2030-01-01T00:00:00Z');

async function counts(e: Engine): Promise<Record<string, [string | null, number]>> {
  const out: Record<string, [string | null, number]> = {};
  for (const i of (await e.getIndexes({ limit: 100 })).results) out[i.uid] = [i.primaryKey, (await e.index(i.uid).getStats()).numberOfDocuments];
  return out;
}

/** Waits for every enqueued/processing task (imported ones run once the import committed). */
async function settle(e: Engine): Promise<void> {
  for (;;) {
    const open = (await e.getTasks({ statuses: ['enqueued', 'processing'], limit: 1000 })).results;
    if (open.length === 0) return;
    await e.waitForTasks(open.map((t) => t.uid), { timeout: 20_000 });
  }
}

const FIXTURES: Record<string, Expected> = {
  'v1.dump': {
    indexes: { dnd_spells: ['index', 10], movies: ['id', 10], products: ['sku', 10] },
    tasks: 9,
    check: async (e) => {
      expect(await e.index('movies').getSettings()).toMatchObject({
        rankingRules: ['typo', 'words', 'proximity', 'attribute', 'exactness', 'release_date:asc'],
        filterableAttributes: ['id', 'genres'],
        sortableAttributes: ['genres', 'id'],
      });
      expect(await e.index('products').getSynonyms()).toMatchObject({ android: ['phone', 'smartphone'] });
      expect((await e.getTask(3)).error?.code).toBe('unretrievable_error_code');
      expect((await e.getIndex('movies')).createdAt).toBe('2022-10-02T13:15:29.477512777Z');
    },
  },
  'v1_v0.20.0_movies_with_settings.dump': {
    indexes: { indexUID: ['id', 53] },
    tasks: 2,
    check: async (e) => {
      expect(await e.index('indexUID').getSettings()).toMatchObject({ searchableAttributes: ['title', 'overview'], stopWords: ['of', 'the'] });
      expect((await e.index('indexUID').search('star wars', { limit: 1 })).hits.length).toBe(1);
    },
  },
  'v2.dump': {
    indexes: { dnd_spells: ['index', 10], movies: ['id', 110], movies_2: [null, 0], products: ['sku', 10] },
    tasks: 9,
    afterTasks: { movies_2: 200 },
  },
  'v2_v0.21.1_movies_with_settings.dump': { indexes: { indexUID: ['id', 53] }, tasks: 2 },
  'v3.dump': {
    indexes: { dnd_spells: ['index', 10], movies: ['id', 110], movies_2: [null, 0], products: ['sku', 10] },
    tasks: 10,
    afterTasks: { movies_2: 200 },
  },
  'v3_v0.24.0_movies_with_settings.dump': { indexes: { indexUID: ['id', 53] }, tasks: 2 },
  'v4.dump': {
    indexes: { dnd_spells: ['index', 10], movies: ['id', 110], products: ['sku', 10] },
    tasks: 10,
    afterTasks: { movies_2: 200 },
    check: async (e) => {
      expect((await e.getKeys()).results.map((k) => k.actions)).toEqual([['search'], ['*']]);
      expect(await e.getIndex('products')).toMatchObject({ createdAt: '2022-10-06T12:53:39.360187055Z' });
    },
  },
  'v4_v0.25.2_movies_with_settings.dump': { indexes: { indexUID: ['id', 53] }, tasks: 2 },
  'v5.dump': {
    indexes: { dnd_spells: ['index', 10], movies: ['id', 200], products: ['sku', 10] },
    tasks: 22,
    afterTasks: { movies_2: 200 },
    check: async (e) => {
      expect((await e.getKeys()).results.map((k) => k.uid)).toEqual(['192e54ae-32f8-4c61-85f5-eb2b1b255629', '292cd892-be06-452f-a90b-ef28dfc94077']);
      expect(await e.index('movies').getFilterableAttributes()).toEqual(['genres', 'id']);
    },
  },
  'v5_v0.28.0_test_dump.dump': {
    indexes: { test: ['id', 10], test2: ['id', 10] },
    tasks: 5,
    check: async (e) => {
      expect((await e.index('test').getTypoTolerance()).minWordSizeForTypos).toEqual({ oneTypo: 10, twoTypos: 17 });
      expect((await e.getKeys()).results[0]).toMatchObject({ name: 'my key', uid: 'e12d5284-0b94-4604-b254-c8671f92188c', indexes: ['test'], expiresAt: '2023-11-13T00:00:00Z' });
    },
  },
  'v6-with-experimental.dump': {
    indexes: { test: ['id', 1] },
    tasks: 2,
    check: async (e) => {
      expect(await e.getIndex('test')).toMatchObject({ createdAt: '2023-07-06T07:07:41.364694Z', updatedAt: NOW.toISOString() });
    },
  },
  'v6-with-vectors.dump': {
    indexes: { novector: ['id', 2], vector: ['id', 4] },
    tasks: 10,
    check: async (e) => {
      expect(await e.index('vector').getEmbedders()).toMatchObject({ default: { source: 'huggingFace' } });
      expect((await e.getTask(3)).error?.code).toBe('invalid_vector_dimensions');
    },
  },
  'v6_v1.13.0_batches_and_enqueued_tasks.dump': {
    indexes: { kefir: ['id', 1] },
    tasks: 4,
    afterTasks: { kefir: 2 },
    check: async (e) => {
      // Meilisearch 1.13 wrote `batchUid: null` in its task lines; the batches themselves are imported.
      expect((await e.getBatch(1)).stats.types).toEqual({ documentAdditionOrUpdate: 1 });
      expect((await e.getBatch(0)).duration).toBe('PT0.032902344S');
      expect((await e.getTask(2)).status).toBe('succeeded'); // imported enqueued, ran after the import
      expect((await e.getTask(2)).batchUid).toBe(2); // new batches continue after the imported ones
      expect(await e.index('kefir').getDocument(2)).toEqual({ id: 2, dog: 'intel' });
    },
  },
  'v6_v1.6.0_use_deactivated_experimental_setting.dump': {
    indexes: { movies: ['id', 3] },
    tasks: 4,
    check: async (e) => {
      expect(await e.index('movies').getSettings()).toMatchObject({ proximityPrecision: 'byAttribute', rankingRules: ['words', 'typo', 'proximity'] });
    },
  },
};

describe('Meilisearch fixture dumps through the real engine', () => {
  it.each(Object.keys(FIXTURES))('%s', async (name) => {
    const expected = FIXTURES[name];
    const e = await engineOn('memory', { now: () => NOW });
    await e.scheduler.stop(); // observe the state right after the import, before imported enqueued tasks run
    const summary = await e.importDump(dumpFixture(name));
    const got = await counts(e);
    expect(got).toEqual(Object.fromEntries(Object.entries(expected.indexes).map(([k, v]) => [k, v])));
    expect(summary.tasks).toBe(expected.tasks);
    expect((await e.getTasks({ limit: 1000 })).total).toBe(expected.tasks);
    await e.scheduler.start();
    await settle(e);
    const after = await counts(e);
    for (const [uid, n] of Object.entries(expected.afterTasks ?? {})) expect(after[uid]?.[1], uid).toBe(n);
    await expected.check?.(e);
    // Every imported index answers searches.
    for (const uid of Object.keys(after)) expect((await e.index(uid).search('', { limit: 1 })).hits.length).toBe(after[uid][1] > 0 ? 1 : 0);
    await e.close();
  });
});
