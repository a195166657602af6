/**
 * Hostile input corpus (documents, settings, search parameters, filters, indexes, tasks): every case gets a
 * coded error — thrown at once, or on the failed task — no prototype is polluted, and the index data is
 * checksum-identical before and after. Dump and snapshot files have their own corpus (hostileFiles.test.ts).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createEngine, type Engine } from '../../../src/engine.ts';
import { EngineError } from '../../../src/errors/engineError.ts';
import { storeChecksum } from '../../../src/backup/snapshot/storeChecksum.ts';
import { INDEX_STORES } from '../../../src/engine/storage/schema.ts';

type Run = (e: Engine) => unknown;
interface Case {
  name: string;
  run: Run;
  /** expected error code */
  code: string;
}

const deep = (n: number): Record<string, unknown> => {
  let v: Record<string, unknown> = { leaf: 'x' };
  for (let i = 0; i < n; i++) v = { n: v };
  return v;
};
const parens = (n: number) => `${'('.repeat(n)}genre = x${')'.repeat(n)}`;
const docs = (e: Engine) => e.index('movies');
const set = (s: Record<string, unknown>) => (e: Engine) => docs(e).updateSettings(s as never);
const search = (params: Record<string, unknown>, q = 'star') => (e: Engine) => docs(e).search(q, params as never);
const add = (payload: unknown, options?: Record<string, unknown>) => (e: Engine) => docs(e).addDocuments(payload as never, options as never);

const cases: Case[] = [
  // documents: ids
  ...([1.5, true, null, '', 'a b', 'é', 'x'.repeat(512), [1], { a: 1 }, '../etc', 'a/b', 'a\u0000b'] as unknown[]).map((id) => ({
    name: `document id ${JSON.stringify(id)?.slice(0, 20)}`,
    run: add([{ id, title: 'x' }]),
    code: 'invalid_document_id',
  })),
  { name: 'document without id', run: add([{ title: 'no id' }]), code: 'missing_document_id' },
  // Failing document tasks run on existing indexes: like Meilisearch, a batch creates a missing index even when its tasks fail.
  { name: 'nested primary key matching twice', run: (e) => e.index('other').addDocuments([{ a: { b: 1 }, 'a.b': 2 }], { primaryKey: 'a.b' }), code: 'invalid_document_id' },
  { name: 'payload of numbers', run: add([1, 2]), code: 'malformed_payload' },
  { name: 'payload with null', run: add([null]), code: 'malformed_payload' },
  { name: 'payload string', run: add('[{"id":1}]'), code: 'malformed_payload' },
  { name: 'payload of arrays', run: add([[{ id: 1 }]]), code: 'malformed_payload' },
  { name: 'document nested 5,000 levels', run: add([{ id: 9, ...deep(5000) }]), code: 'malformed_payload' },
  { name: '65,536 fields', run: add([Object.fromEntries([['id', 1], ...Array.from({ length: 65_536 }, (_, i) => [`f${i}`, i])])]), code: 'max_fields_limit_exceeded' },
  { name: 'primaryKey option not a string', run: add([{ id: 1 }], { primaryKey: 42 }), code: 'invalid_index_primary_key' },
  { name: 'customMetadata not a string', run: add([{ id: 1 }], { customMetadata: {} }), code: 'invalid_index_custom_metadata' },
  { name: 'skipCreation not a boolean', run: add([{ id: 1 }], { skipCreation: 'yes' }), code: 'invalid_skip_creation' },
  { name: 'unknown document option', run: add([{ id: 1 }], { doggo: true }), code: 'bad_request' },
  { name: 'other primary key than the index\'s', run: add([{ sku: 'x', id: 3 }], { primaryKey: 'sku' }), code: 'index_primary_key_already_exists' },
  { name: 'no primary key candidate', run: (e) => e.index('other').addDocuments([{ title: 'x' }]), code: 'index_primary_key_no_candidate_found' },
  { name: 'several primary key candidates', run: (e) => e.index('other').addDocuments([{ id: 1, uid: 2 }]), code: 'index_primary_key_multiple_candidates_found' },
  { name: 'update with an invalid id', run: (e) => docs(e).updateDocuments([{ id: 'not valid' }]), code: 'invalid_document_id' },
  { name: 'delete ids not an array', run: (e) => docs(e).deleteDocuments('1' as never), code: 'bad_request' },
  { name: 'delete by empty filter', run: (e) => docs(e).deleteDocuments({ filter: '' }), code: 'invalid_document_filter' },
  { name: 'delete by filter with an unbalanced quote', run: (e) => docs(e).deleteDocuments({ filter: 'genre = "x' }), code: 'invalid_document_filter' },
  { name: 'delete by filter nested 200 levels', run: (e) => docs(e).deleteDocuments({ filter: parens(200) }), code: 'invalid_document_filter' },
  { name: 'delete by filter on a non-filterable attribute', run: (e) => docs(e).deleteDocuments({ filter: 'secret = 1' }), code: 'invalid_document_filter' },
  { name: 'delete by filter object', run: (e) => docs(e).deleteDocuments({ filter: { a: 1 } as never }), code: 'invalid_document_filter' },
  { name: 'delete by filter without filter', run: (e) => docs(e).deleteDocuments({} as never), code: 'missing_document_filter' },
  { name: 'getDocuments negative limit', run: (e) => docs(e).getDocuments({ limit: -1 }), code: 'invalid_document_limit' },
  { name: 'getDocuments string offset', run: (e) => docs(e).getDocuments({ offset: 'a' as never }), code: 'invalid_document_offset' },
  { name: 'getDocuments invalid ids', run: (e) => docs(e).getDocuments({ ids: ['ok', 'not ok'] }), code: 'invalid_document_ids' },
  { name: 'getDocument unknown', run: (e) => docs(e).getDocument('nope'), code: 'document_not_found' },
  // settings
  { name: 'searchableAttributes string', run: set({ searchableAttributes: 'title' }), code: 'invalid_settings_searchable_attributes' },
  { name: 'searchableAttributes with a number', run: set({ searchableAttributes: ['title', 3] }), code: 'invalid_settings_searchable_attributes' },
  { name: 'displayedAttributes object', run: set({ displayedAttributes: { a: 1 } }), code: 'invalid_settings_displayed_attributes' },
  { name: 'rankingRules unknown rule', run: set({ rankingRules: ['words', 'magic'] }), code: 'invalid_settings_ranking_rules' },
  { name: 'rankingRules reserved _geo', run: set({ rankingRules: ['_geoPoint(1,2):asc'] }), code: 'invalid_settings_ranking_rules' },
  { name: 'rankingRules mixing attribute and attributeRank', run: set({ rankingRules: ['attribute', 'attributeRank'] }), code: 'invalid_settings_ranking_rules' },
  { name: 'typo sizes inverted', run: set({ typoTolerance: { minWordSizeForTypos: { oneTypo: 8, twoTypos: 4 } } }), code: 'invalid_settings_typo_tolerance' },
  { name: 'typo size over 255', run: set({ typoTolerance: { minWordSizeForTypos: { oneTypo: 300 } } }), code: 'invalid_settings_typo_tolerance' },
  { name: 'typoTolerance unknown field', run: set({ typoTolerance: { doggo: 1 } }), code: 'invalid_settings_typo_tolerance' },
  { name: 'maxTotalHits zero', run: set({ pagination: { maxTotalHits: 0 } }), code: 'invalid_settings_pagination' },
  { name: 'sortFacetValuesBy invalid order', run: set({ faceting: { sortFacetValuesBy: { '*': 'random' } } }), code: 'invalid_settings_faceting' },
  { name: 'maxValuesPerFacet negative', run: set({ faceting: { maxValuesPerFacet: -1 } }), code: 'invalid_settings_faceting' },
  { name: 'synonyms array', run: set({ synonyms: ['a', 'b'] }), code: 'invalid_settings_synonyms' },
  { name: 'synonyms value not an array', run: set({ synonyms: { a: 'b' } }), code: 'invalid_settings_synonyms' },
  { name: 'stopWords with a number', run: set({ stopWords: ['the', 1] }), code: 'invalid_settings_stop_words' },
  { name: 'separatorTokens nested arrays', run: set({ separatorTokens: [['x']] }), code: 'invalid_settings_separator_tokens' },
  { name: 'dictionary string', run: set({ dictionary: 'J. R. R.' }), code: 'invalid_settings_dictionary' },
  { name: 'localizedAttributes unknown locale', run: set({ localizedAttributes: [{ locales: ['klingon'], attributePatterns: ['*'] }] }), code: 'invalid_settings_localized_attributes' },
  { name: 'localizedAttributes missing patterns', run: set({ localizedAttributes: [{ locales: ['fra'] }] }), code: 'invalid_settings_localized_attributes' },
  { name: 'proximityPrecision unknown', run: set({ proximityPrecision: 'byLetter' }), code: 'invalid_settings_proximity_precision' },
  { name: 'distinctAttribute number', run: set({ distinctAttribute: 3 }), code: 'invalid_settings_distinct_attribute' },
  { name: 'filterable rule with unknown field', run: set({ filterableAttributes: [{ attributePatterns: ['a'], doggo: 1 }] }), code: 'invalid_settings_filterable_attributes' },
  { name: 'filterable rule without patterns', run: set({ filterableAttributes: [{ features: {} }] }), code: 'invalid_settings_filterable_attributes' },
  { name: 'embedders entry not an object', run: set({ embedders: { x: 3 } }), code: 'invalid_settings_embedders' },
  { name: 'prefixSearch unknown', run: set({ prefixSearch: 'always' }), code: 'invalid_settings_prefix_search' },
  { name: 'facetSearch string', run: set({ facetSearch: 'yes' }), code: 'invalid_settings_facet_search' },
  { name: 'searchCutoffMs negative', run: set({ searchCutoffMs: -1 }), code: 'invalid_settings_search_cutoff_ms' },
  { name: 'unknown setting', run: set({ doggo: 1 }), code: 'bad_request' },
  { name: '__proto__ setting', run: (e) => docs(e).updateSettings(JSON.parse('{"__proto__": {"polluted": true}}')), code: 'bad_request' },
  { name: 'settings array', run: (e) => docs(e).updateSettings([] as never), code: 'bad_request' },
  // search parameters and filters
  { name: 'limit string', run: search({ limit: 'a' }), code: 'invalid_search_limit' },
  { name: 'offset negative', run: search({ offset: -5 }), code: 'invalid_search_offset' },
  { name: 'page float', run: search({ page: 1.5 }), code: 'invalid_search_page' },
  { name: 'hitsPerPage boolean', run: search({ hitsPerPage: true }), code: 'invalid_search_hits_per_page' },
  { name: 'q number', run: (e) => docs(e).search(42 as never), code: 'invalid_search_q' },
  { name: 'filter object', run: search({ filter: { genre: 'x' } }), code: 'invalid_search_filter' },
  { name: 'filter with an unbalanced quote', run: search({ filter: "genre = 'x" }), code: 'invalid_search_filter' },
  { name: 'filter nested 200 levels', run: search({ filter: parens(200) }), code: 'invalid_search_filter' },
  { name: 'filter NOT 10,000 times', run: search({ filter: `${'NOT '.repeat(10_000)}genre = x` }), code: 'invalid_search_filter' },
  { name: 'filter on a non-filterable attribute', run: search({ filter: 'secret = 1' }), code: 'invalid_search_filter' },
  { name: 'filter with an unknown operator', run: search({ filter: 'genre ~ x' }), code: 'invalid_search_filter' },
  { name: 'filter array nested 3 deep', run: search({ filter: [[['genre = x']]] }), code: 'invalid_search_filter' },
  { name: 'filter 1 MB of ORs on a non-filterable attribute', run: search({ filter: Array.from({ length: 40_000 }, (_, i) => `secret = ${i}`).join(' OR ') }), code: 'invalid_search_filter' },
  { name: 'sort on a non-sortable attribute', run: search({ sort: ['secret:asc'] }), code: 'invalid_search_sort' },
  { name: 'sort without direction', run: search({ sort: ['title'] }), code: 'invalid_search_sort' },
  { name: 'facets on a non-filterable attribute', run: search({ facets: ['secret'] }), code: 'invalid_search_facets' },
  { name: 'distinct on a non-filterable attribute', run: search({ distinct: 'secret' }), code: 'invalid_search_distinct' },
  { name: 'matchingStrategy unknown', run: search({ matchingStrategy: 'some' }), code: 'invalid_search_matching_strategy' },
  { name: 'rankingScoreThreshold above 1', run: search({ rankingScoreThreshold: 1.5 }), code: 'invalid_search_ranking_score_threshold' },
  { name: 'locales unknown', run: search({ locales: ['elvish'] }), code: 'invalid_search_locales' },
  { name: 'cropLength negative', run: search({ cropLength: -1 }), code: 'invalid_search_crop_length' },
  { name: 'attributesToHighlight string', run: search({ attributesToHighlight: 'title' }), code: 'invalid_search_attributes_to_highlight' },
  { name: 'unknown search parameter', run: search({ doggo: 1 }), code: 'bad_request' },
  { name: 'hybrid search', run: search({ hybrid: { embedder: 'x' } }), code: 'feature_not_enabled' },
  { name: 'search on a missing index', run: (e) => e.index('missing').search('x'), code: 'index_not_found' },
  // indexes and tasks
  { name: 'index uid with a slash', run: (e) => e.createIndex('a/b'), code: 'invalid_index_uid' },
  { name: 'index uid of 401 bytes', run: (e) => e.createIndex('x'.repeat(401)), code: 'invalid_index_uid' },
  { name: 'index uid __proto__ is fine but then already exists', run: (e) => e.createIndex('movies'), code: 'index_already_exists' },
  { name: 'swap three indexes', run: (e) => e.swapIndexes([{ indexes: ['a', 'b', 'c'] as never }]), code: 'invalid_swap_indexes' },
  { name: 'swap the same index twice', run: (e) => e.swapIndexes([{ indexes: ['movies', 'movies'] }]), code: 'invalid_swap_duplicate_index_found' },
  { name: 'swap missing indexes', run: (e) => e.swapIndexes([{ indexes: ['nope1', 'nope2'] }]), code: 'index_not_found' },
  { name: 'task statuses unknown', run: (e) => e.getTasks({ statuses: 'done' }), code: 'invalid_task_statuses' },
  { name: 'task types unknown', run: (e) => e.getTasks({ types: 'magic' }), code: 'invalid_task_types' },
  { name: 'task date invalid', run: (e) => e.getTasks({ beforeFinishedAt: 'yesterday' }), code: 'invalid_task_before_finished_at' },
  { name: 'task uids negative', run: (e) => e.getTasks({ uids: '-1' }), code: 'invalid_task_uids' },
  { name: 'cancel without filters', run: (e) => e.cancelTasks({}), code: 'missing_task_filters' },
  { name: 'delete tasks without filters', run: (e) => e.deleteTasks({}), code: 'missing_task_filters' },
  { name: 'get a missing task', run: (e) => e.getTask(123456), code: 'task_not_found' },
  { name: 'change the primary key of a non-empty index', run: (e) => e.updateIndex('movies', { primaryKey: 'title' }), code: 'index_primary_key_already_exists' },
  { name: 'rename onto an existing index', run: (e) => e.updateIndex('movies', { uid: 'other' }), code: 'index_already_exists' },
  { name: 'delete a missing index', run: (e) => e.deleteIndex('ghost'), code: 'index_not_found' },
];

describe('hostile inputs get coded errors and change nothing', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ storage: 'indexeddb', name: `hostile-${Date.now()}` });
    await engine.index('movies').updateSettings({ filterableAttributes: ['genre'], sortableAttributes: ['title'] }).waitTask();
    await engine.index('movies').addDocuments([{ id: 1, title: 'Star Wars', genre: 'sci-fi', secret: 1 }]).waitTask();
    await engine.createIndex('other').waitTask();
  });
  afterAll(async () => engine.close());

  it(`has at least 100 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const before = await storeChecksum(engine.ctx.store, { stores: INDEX_STORES });
      let code: string | undefined;
      try {
        const out = (await c.run(engine)) as { taskUid?: number } | undefined;
        if (out && typeof out.taskUid === 'number') {
          const task = await engine.waitForTask(out.taskUid, { timeout: 20_000 });
          code = task.error?.code;
        }
      } catch (e) {
        expect(e).toBeInstanceOf(EngineError);
        code = (e as EngineError).code;
      }
      expect(code).toBe(c.code);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO_KEYS);
      const after = await storeChecksum(engine.ctx.store, { stores: INDEX_STORES });
      expect(after.digest).toBe(before.digest);
    }, 60_000);
  }
});

const OBJECT_PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
