/**
 * Every real Meilisearch dump of `test/fixtures/meilisearch-dumps` imports with the right indexes,
 * primary keys, settings, document counts and task history. Expected values were read from the fixtures
 * (and, for index dates of v4/v5, match the values Meilisearch's own dump tests expect).
 */
import { describe, expect, it } from 'vitest';
import { importDump } from '../../../src/backup/dump/importDump.ts';
import type { DumpImportSummary } from '../../../src/backup/dump/importContext.ts';
import type { TaskRecord } from '../../../src/engine/tasks/taskRecord.ts';
import { MemoryDumpEngine } from './memoryDumpEngine.ts';
import { fixture, streamOf } from './dumpTestKit.ts';

const NOW = new Date('2030-01-01T00:00:00Z');

async function load(name: string): Promise<{ engine: MemoryDumpEngine; summary: DumpImportSummary }> {
  const engine = new MemoryDumpEngine();
  const summary = await importDump(engine, fixture(name), { now: NOW });
  expect(engine.state).toBe('committed');
  return { engine, summary };
}

function task(engine: MemoryDumpEngine, uid: number): TaskRecord {
  const t = engine.taskMap.get(uid);
  if (!t) throw new Error(`no task ${uid}`);
  return t.record;
}

function shape(engine: MemoryDumpEngine): Record<string, { primaryKey: string | null; documents: number }> {
  const out: Record<string, { primaryKey: string | null; documents: number }> = {};
  for (const [uid, i] of engine.indexMap) out[uid] = { primaryKey: i.index.primaryKey, documents: i.docs.size };
  return out;
}

describe('importing the Meilisearch fixture dumps', () => {
  it('v1.dump (0.20): three indexes with metadata dates, v1 settings converted, updates as tasks 0–8', async () => {
    const { engine, summary } = await load('v1.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V1', dbVersion: '0.20.0', dumpDate: null, keys: 0, tasks: 9, batches: 0 });
    expect(shape(engine)).toEqual({
      dnd_spells: { primaryKey: 'index', documents: 10 },
      movies: { primaryKey: 'id', documents: 10 },
      products: { primaryKey: 'sku', documents: 10 },
    });
    expect(engine.indexMap.get('movies')?.index.createdAt).toBe('2022-10-02T13:15:29.477512777Z');
    // asc(release_date) → release_date:asc, wordsPosition dropped, attributesForFaceting → filterable + sortable
    expect(engine.indexMap.get('movies')?.settings).toEqual({
      rankingRules: ['typo', 'words', 'proximity', 'attribute', 'exactness', 'release_date:asc'],
      stopWords: [],
      synonyms: {},
      filterableAttributes: ['id', 'genres'],
      sortableAttributes: ['id', 'genres'],
    });
    expect(summary.ignoredSettings).toContain('movies: rankingRules:wordsPosition');
    // uids follow the index order: dnd_spells (0), movies (1–6), products (7–8)
    expect(task(engine, 0)).toMatchObject({
      indexUid: 'dnd_spells',
      status: 'succeeded',
      kind: { type: 'documentAdditionOrUpdate', method: 'replace', documentsCount: 0 },
      details: { receivedDocuments: 0, indexedDocuments: 10 },
      enqueuedAt: '2022-10-02T13:38:26.372501613Z',
      startedAt: '2022-10-02T13:38:26.375320446Z', // processedAt − duration (0.004819163 s)
      finishedAt: '2022-10-02T13:38:26.380139609Z',
    });
    expect(task(engine, 3)).toMatchObject({
      indexUid: 'movies',
      status: 'failed',
      kind: { type: 'settingsUpdate', settings: { rankingRules: ['words'], filterableAttributes: ['genres', 'id', 'release_date'] } },
      error: { code: 'unretrievable_error_code', type: 'invalid_request', message: expect.stringMatching(/^error processing facet filter/) },
    });
    expect(task(engine, 4).kind).toMatchObject({ settings: { rankingRules: null } });
    expect(task(engine, 8)).toMatchObject({ indexUid: 'products', kind: { type: 'settingsUpdate', settings: { synonyms: { android: ['phone', 'smartphone'] } } } });
  });

  it('v1_v0.20.0_movies_with_settings.dump: metadata.json last, searchable/displayed/stop words kept', async () => {
    const { engine, summary } = await load('v1_v0.20.0_movies_with_settings.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V1', tasks: 2, passes: 2 });
    expect(shape(engine)).toEqual({ indexUID: { primaryKey: 'id', documents: 53 } });
    expect(engine.indexMap.get('indexUID')?.settings).toMatchObject({
      searchableAttributes: ['title', 'overview'],
      displayedAttributes: ['genres', 'id', 'overview', 'poster', 'release_date', 'title'],
      stopWords: ['of', 'the'],
      filterableAttributes: ['genres'],
      sortableAttributes: ['genres'],
    });
    expect(task(engine, 0).details).toEqual({ receivedDocuments: 0, indexedDocuments: 31968 });
  });

  it('v2.dump (0.21): four indexes named through index_uuids, dates from the updates, JSON-array payload', async () => {
    const { engine, summary } = await load('v2.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V2', dbVersion: '0.21.1', tasks: 9, keys: 0 });
    expect(shape(engine)).toEqual({
      movies_2: { primaryKey: null, documents: 0 },
      movies: { primaryKey: 'id', documents: 110 },
      products: { primaryKey: 'sku', documents: 10 },
      dnd_spells: { primaryKey: 'index', documents: 10 },
    });
    expect(engine.indexMap.get('movies')?.index).toMatchObject({ createdAt: '2022-10-09T20:27:22.197788495Z', updatedAt: '2022-10-09T20:28:01.931110530Z' });
    expect(engine.indexMap.get('movies_2')?.index.createdAt).toBe(NOW.toISOString());
    expect(engine.indexMap.get('movies')?.settings.rankingRules).toEqual(['words', 'typo', 'proximity', 'attribute', 'exactness', 'release_date:asc']);
    const enqueued = engine.taskMap.get(0);
    expect(enqueued?.record).toMatchObject({ indexUid: 'movies_2', status: 'enqueued', startedAt: null, finishedAt: null });
    expect(enqueued?.payload).toHaveLength(200);
    expect(task(engine, 2)).toMatchObject({
      status: 'failed',
      error: { message: 'missing primary key', code: 'index_primary_key_no_candidate_found', link: 'https://docs.meilisearch.com/errors#index_primary_key_no_candidate_found' },
      details: { receivedDocuments: 0, indexedDocuments: 0 },
    });
  });

  it('v2_v0.21.1_movies_with_settings.dump', async () => {
    const { engine, summary } = await load('v2_v0.21.1_movies_with_settings.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V2', tasks: 2 });
    expect(shape(engine)).toEqual({ indexUID: { primaryKey: 'id', documents: 53 } });
    expect(engine.indexMap.get('indexUID')?.settings).toMatchObject({ displayedAttributes: ['title', 'genres', 'overview', 'poster', 'release_date'], filterableAttributes: ['genres'] });
    expect(engine.indexMap.get('indexUID')?.index.createdAt).toBe('2021-09-08T08:21:54.691484Z');
  });

  it('v3.dump (0.24): v3 error codes converted, uids = line numbers, enqueued addition with its NDJSON payload', async () => {
    const { engine, summary } = await load('v3.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V3', dbVersion: '0.24.0', tasks: 10 });
    expect(shape(engine)).toEqual({
      products: { primaryKey: 'sku', documents: 10 },
      movies: { primaryKey: 'id', documents: 110 },
      movies_2: { primaryKey: null, documents: 0 },
      dnd_spells: { primaryKey: 'index', documents: 10 },
    });
    expect(engine.taskMap.get(0)?.payload).toHaveLength(200);
    expect(task(engine, 6)).toMatchObject({
      indexUid: 'products',
      status: 'failed',
      error: { code: 'index_primary_key_no_candidate_found', type: 'invalid_request' },
      startedAt: '2022-10-07T11:38:55.353402439Z',
      finishedAt: '2022-10-07T11:38:55.353495140Z',
    });
    expect(engine.indexMap.get('movies')?.index.createdAt).toBe('2022-10-07T11:38:54.026649575Z');
  });

  it('v3_v0.24.0_movies_with_settings.dump', async () => {
    const { engine, summary } = await load('v3_v0.24.0_movies_with_settings.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V3', tasks: 2 });
    expect(shape(engine)).toEqual({ indexUID: { primaryKey: 'id', documents: 53 } });
    expect(engine.indexMap.get('indexUID')?.settings).toMatchObject({ searchableAttributes: ['title', 'overview'], stopWords: ['of', 'the'], sortableAttributes: [] });
  });

  it('v4.dump (0.27): keys get new uuids, dates from the creation task, typo tolerance kept', async () => {
    const { engine, summary } = await load('v4.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V4', dbVersion: '0.27.2', tasks: 10, keys: 2 });
    expect(shape(engine)).toEqual({
      dnd_spells: { primaryKey: 'index', documents: 10 },
      movies: { primaryKey: 'id', documents: 110 },
      products: { primaryKey: 'sku', documents: 10 },
    });
    expect(engine.indexMap.get('products')?.index).toMatchObject({ createdAt: '2022-10-06T12:53:39.360187055Z', updatedAt: '2022-10-06T12:53:40.603035979Z' });
    expect(engine.indexMap.get('movies')?.index).toMatchObject({ createdAt: '2022-10-06T12:53:38.710611568Z', updatedAt: '2022-10-06T12:53:49.785862546Z' });
    expect(engine.indexMap.get('movies')?.settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] });
    expect(engine.keyList.map((k) => k.actions)).toEqual([['search'], ['*']]);
    expect(engine.keyList[0].uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(engine.keyList[0].description).toBe('Default Search API Key (Use it to search from the frontend)');
    expect(engine.taskMap.get(9)?.payload).toHaveLength(200);
    expect(task(engine, 9)).toMatchObject({ indexUid: 'movies_2', status: 'enqueued', kind: { documentsCount: 200 } });
  });

  it('v4_v0.25.2_movies_with_settings.dump', async () => {
    const { engine, summary } = await load('v4_v0.25.2_movies_with_settings.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V4', tasks: 2, keys: 2 });
    expect(shape(engine)).toEqual({ indexUID: { primaryKey: 'id', documents: 53 } });
    expect(engine.indexMap.get('indexUID')?.index.createdAt).toBe('2021-09-08T08:21:14.742672Z');
  });

  it('v5.dump (0.29): 22 tasks, the processing dump task back to enqueued, faceting and pagination kept', async () => {
    const { engine, summary } = await load('v5.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V5', dbVersion: '0.29.0', tasks: 22, keys: 2, batches: 0 });
    expect(shape(engine)).toEqual({
      dnd_spells: { primaryKey: 'index', documents: 10 },
      movies: { primaryKey: 'id', documents: 200 },
      products: { primaryKey: 'sku', documents: 10 },
    });
    expect(engine.indexMap.get('movies')?.index).toMatchObject({ createdAt: '2022-10-04T15:51:35.291992167Z', updatedAt: '2022-10-04T15:55:10.33561842Z' });
    expect(engine.indexMap.get('dnd_spells')?.index.createdAt).toBe('2022-10-04T15:51:37.381094632Z');
    expect(engine.indexMap.get('movies')?.settings).toMatchObject({ faceting: { maxValuesPerFacet: 100 }, pagination: { maxTotalHits: 1000 }, filterableAttributes: ['genres', 'id'] });
    expect(task(engine, 21)).toMatchObject({ indexUid: null, status: 'enqueued', kind: { type: 'dumpCreation' }, startedAt: null, details: { dumpUid: '20221004-155510279' } });
    expect(task(engine, 8)).toMatchObject({ status: 'succeeded', kind: { type: 'dumpCreation' }, details: { dumpUid: '20221004-155144042' } });
    expect(task(engine, 4)).toMatchObject({ status: 'failed', details: { receivedDocuments: 10, indexedDocuments: 0 }, error: { code: 'index_primary_key_no_candidate_found' } });
    expect(engine.taskMap.get(20)?.payload).toHaveLength(200);
    expect(engine.keyList.map((k) => k.uid)).toEqual(['192e54ae-32f8-4c61-85f5-eb2b1b255629', '292cd892-be06-452f-a90b-ef28dfc94077']);
  });

  it('v5_v0.28.0_test_dump.dump: custom key, typo tolerance per index', async () => {
    const { engine, summary } = await load('v5_v0.28.0_test_dump.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V5', tasks: 5, keys: 3 });
    expect(shape(engine)).toEqual({ test: { primaryKey: 'id', documents: 10 }, test2: { primaryKey: 'id', documents: 10 } });
    expect(engine.indexMap.get('test')?.settings.typoTolerance).toMatchObject({ minWordSizeForTypos: { oneTypo: 10, twoTypos: 17 } });
    expect(engine.keyList[0]).toEqual({
      name: 'my key',
      uid: 'e12d5284-0b94-4604-b254-c8671f92188c',
      actions: ['search'],
      indexes: ['test'],
      expires_at: '2023-11-13T00:00:00Z',
      created_at: '2022-06-08T15:06:58.969578Z',
      updated_at: '2022-06-08T15:06:58.969578Z',
    });
    expect(task(engine, 2).kind).toEqual({
      type: 'settingsUpdate',
      settings: { typoTolerance: { minWordSizeForTypos: { oneTypo: 10, twoTypos: 17 } } },
      isDeletion: false,
      allowIndexCreation: true,
    });
  });

  it('v6-with-experimental.dump (1.3): v6 read as is, experimental features ignored', async () => {
    const { engine, summary } = await load('v6-with-experimental.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V6', dbVersion: '1.3.0', dumpDate: '2023-07-06T07:10:27.21958Z', tasks: 2, keys: 2 });
    expect(summary.ignoredEntries).toContain('experimental-features.json');
    expect(shape(engine)).toEqual({ test: { primaryKey: 'id', documents: 1 } });
    expect(engine.indexMap.get('test')?.index).toEqual({ uid: 'test', primaryKey: 'id', createdAt: '2023-07-06T07:07:41.364694Z', updatedAt: '2023-07-06T07:07:41.396114Z' });
    expect(engine.indexMap.get('test')?.settings.faceting).toEqual({ maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } });
    expect(task(engine, 1)).toMatchObject({ kind: { type: 'dumpCreation' }, details: { dumpUid: null }, status: 'succeeded', finishedAt: '2023-07-06T07:10:27.2207Z' });
  });

  it('v6-with-vectors.dump (1.8): macOS ._ files skipped, embedders and _vectors passed to the engine', async () => {
    const { engine, summary } = await load('v6-with-vectors.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V6', dbVersion: '1.8.0', tasks: 10, keys: 2 });
    expect(summary.ignoredEntries.some((n) => n.includes('._'))).toBe(false);
    expect(shape(engine)).toEqual({ vector: { primaryKey: 'id', documents: 4 }, novector: { primaryKey: 'id', documents: 2 } });
    expect(engine.indexMap.get('vector')?.settings.embedders).toMatchObject({ default: { source: 'huggingFace', model: 'BAAI/bge-base-en-v1.5' } });
    expect(engine.indexMap.get('novector')?.docs.get('e1')).toEqual({ id: 'e1', other: 'random1', _vectors: 'toto' });
    expect(task(engine, 3)).toMatchObject({ status: 'failed', error: { code: 'invalid_vector_dimensions', message: 'Invalid vector dimensions: expected: `768`, found: `512`.' } });
    expect(task(engine, 8)).toMatchObject({ status: 'failed', error: { code: 'internal', type: 'internal' } });
  });

  it('v6_v1.13.0_batches_and_enqueued_tasks.dump: batches, and an enqueued task with its update file', async () => {
    const { engine, summary } = await load('v6_v1.13.0_batches_and_enqueued_tasks.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V6', dbVersion: '1.13.0', tasks: 4, batches: 2, keys: 2 });
    expect(summary.ignoredEntries).toEqual(expect.arrayContaining(['instance_uid.uuid', 'experimental-features.json']));
    expect(shape(engine)).toEqual({ kefir: { primaryKey: 'id', documents: 1 } });
    expect(engine.indexMap.get('kefir')?.settings).toMatchObject({ facetSearch: true, prefixSearch: 'indexingTime', embedders: {}, localizedAttributes: null });
    expect(engine.taskMap.get(2)).toEqual({
      record: {
        uid: 2,
        batchUid: null,
        indexUid: 'kefir',
        status: 'enqueued',
        kind: { type: 'documentAdditionOrUpdate', method: 'replace', primaryKey: null, documentsCount: 1, allowIndexCreation: true },
        details: { receivedDocuments: 1, indexedDocuments: null },
        error: null,
        canceledBy: null,
        enqueuedAt: '2025-02-04T10:15:49.212484063Z',
        startedAt: null,
        finishedAt: null,
      },
      payload: [{ id: 2, dog: 'intel' }],
    });
    expect(task(engine, 0)).toMatchObject({ kind: { type: 'indexCreation', primaryKey: null }, details: { primaryKey: null } });
    expect(engine.batchList.map((b) => [b.uid, b.batchStrategy, b.stats.types])).toEqual([
      [0, 'unspecified', { indexCreation: 1 }],
      [1, 'unspecified', { documentAdditionOrUpdate: 1 }],
    ]);
    expect(engine.batchList[1]).toMatchObject({ details: { receivedDocuments: 1, indexedDocuments: 1 }, duration: 'PT0.144827881S', progress: null });
  });

  it('v6_v1.6.0_use_deactivated_experimental_setting.dump: proximityPrecision and custom ranking rules', async () => {
    const { engine, summary } = await load('v6_v1.6.0_use_deactivated_experimental_setting.dump');
    expect(summary).toMatchObject({ dumpVersion: 'V6', dbVersion: '1.5.0', tasks: 4 });
    expect(shape(engine)).toEqual({ movies: { primaryKey: 'id', documents: 3 } });
    expect(engine.indexMap.get('movies')?.settings).toMatchObject({ proximityPrecision: 'byAttribute', rankingRules: ['words', 'typo', 'proximity'] });
    expect(task(engine, 0)).toMatchObject({ kind: { type: 'settingsUpdate', settings: { proximityPrecision: 'byAttribute' } }, details: { proximityPrecision: 'byAttribute' } });
  });

  it('imports a fixture from a one-shot stream the same as from bytes (out-of-order entries spilled)', async () => {
    const fromBytes = await load('v5.dump');
    const engine = new MemoryDumpEngine();
    const summary = await importDump(engine, streamOf(fixture('v5.dump'), 777), { now: NOW });
    expect(summary).toEqual({ ...fromBytes.summary });
    expect(shape(engine)).toEqual(shape(fromBytes.engine));
    expect([...engine.taskMap.keys()].sort((a, b) => a - b)).toEqual([...fromBytes.engine.taskMap.keys()].sort((a, b) => a - b));
  });
});
