/**
 * multiSearch, non-federated and federated (spec §1.4), against Meilisearch's `tests/search/multi/mod.rs`.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createEngine, type Engine } from '../../../../src/engine/engine.ts';
import type { SettingsUpdate } from '../../../../src/engine/types/settings.ts';
import type { Document } from '../../../../src/engine/types/indexes.ts';
import type { FederatedSearchResponse, MultiSearchParams, MultiSearchResponse } from '../../../../src/engine/types/search.ts';
import { rejection } from '../filters/engineHelpers.ts';

const DOCUMENTS = [
  { title: 'Shazam!', id: '287947', color: ['green', 'blue'] },
  { title: 'Captain Marvel', id: '299537', color: ['yellow', 'blue'] },
  { title: 'Escape Room', id: '522681', color: ['yellow', 'red'] },
  { title: 'How to Train Your Dragon: The Hidden World', id: '166428', color: ['green', 'red'] },
  { title: 'Gläss', id: '450465', color: ['blue', 'red'] },
];
const SCORE_DOCUMENTS = [
  { title: 'Batman the dark knight returns: Part 1', id: 'A' },
  { title: 'Batman the dark knight returns: Part 2', id: 'B' },
  { title: 'Batman Returns', id: 'C' },
  { title: 'Batman', id: 'D' },
  { title: 'Badman', id: 'E' },
];
const NESTED = [
  { id: 852, father: 'jean', mother: 'michelle', doggos: [{ name: 'bobby', age: 2 }, { name: 'buddy', age: 4 }], cattos: 'pésti' },
  { id: 654, father: 'pierre', mother: 'sabine', doggos: [{ name: 'gros bill', age: 8 }], cattos: ['simba', 'pestiféré'] },
  { id: 750, father: 'romain', mother: 'michelle', cattos: ['enigma'] },
  { id: 951, father: 'jean-baptiste', mother: 'sophie', doggos: [{ name: 'turbo', age: 5 }, { name: 'fast', age: 6 }], cattos: ['moumoute', 'gomez'] },
];
const SORT_FIRST = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];

let engine: Engine;

async function add(uid: string, docs: Document[], settings: SettingsUpdate): Promise<void> {
  await engine.index(uid).addDocuments(docs, { primaryKey: 'id' }).waitTask();
  const t = await engine.index(uid).updateSettings(settings).waitTask();
  expect(t.error).toBeNull();
}

beforeAll(async () => {
  engine = await createEngine({ storage: 'memory', name: `multi-${Math.random()}` });
  await add('documents', DOCUMENTS, { filterableAttributes: ['id', 'title'], sortableAttributes: ['id', 'title'] });
  await add('nested', NESTED, { filterableAttributes: ['father', 'doggos', 'cattos'], sortableAttributes: ['doggos'] });
  await add('score', SCORE_DOCUMENTS, {});
  await add('movies', DOCUMENTS, { sortableAttributes: ['title'], filterableAttributes: ['title', 'color'], rankingRules: SORT_FIRST });
  await add('batman', SCORE_DOCUMENTS, { sortableAttributes: ['id', 'title'], filterableAttributes: ['title'], rankingRules: SORT_FIRST });
  await add('batman_2', SCORE_DOCUMENTS, { sortableAttributes: ['title'], filterableAttributes: ['title'], rankingRules: SORT_FIRST });
});

const multi = (body: unknown) => engine.multiSearch(body as MultiSearchParams);
const federated = async (body: unknown) => (await multi(body)) as FederatedSearchResponse;
const brief = (r: FederatedSearchResponse) => r.hits.map((h) => [h.title ?? h.id, h._federation!.indexUid, h._federation!.queriesPosition, h._federation!.weightedRankingScore]);

describe('non-federated', () => {
  test('one result per query, in query order, with its indexUid first', async () => {
    const r = (await multi({ queries: [{ indexUid: 'documents', q: 'glass' }, { indexUid: 'documents', q: 'captain' }] })) as MultiSearchResponse;
    expect(r.results.map((x) => Object.keys(x)[0])).toEqual(['indexUid', 'indexUid']);
    expect(r.results.map((x) => x.hits.map((h) => h.title))).toEqual([['Gläss'], ['Captain Marvel']]);
    expect(r.results[0]).toMatchObject({ indexUid: 'documents', query: 'glass', limit: 20, offset: 0, estimatedTotalHits: 1 });
  });

  test('an empty list of queries', async () => {
    expect(await multi({ queries: [] })).toEqual({ results: [] });
  });

  test('golden: errors name the query', async () => {
    const missing = await rejection(multi({ queries: [{ indexUid: 'documents', q: 'glass' }, { indexUid: 'nope', q: 'x' }] }));
    expect([missing.code, missing.message]).toEqual(['index_not_found', 'Inside `.queries[1]`: Index `nope` not found.']);
    const filter = await rejection(multi({ queries: [{ indexUid: 'documents' }, { indexUid: 'nested', filter: [['"title" = "toto"']] }] }));
    expect(filter.message).toBe(
      'Inside `.queries[1]`: Index `nested`: Attribute `title` is not filterable. Available filterable attribute patterns are: `cattos`, `doggos`, `father`.\n2:7 "title" = "toto"',
    );
    const facets = await rejection(multi({ queries: [{ indexUid: 'documents', facets: ['color'] }] }));
    expect(facets.message).toBe('Inside `.queries[0]`: Invalid facet distribution: Pattern `color` is not filterable. Available filterable attributes patterns are: `id, title`.');
    const sort = await rejection(multi({ queries: [{ indexUid: 'nested', sort: ['mother:desc'] }] }));
    expect(sort.message).toBe('Inside `.queries[0]`: Index `nested`: Attribute `mother` is not sortable. Available sortable attributes are: `doggos`.');
    const options = await rejection(multi({ queries: [{ indexUid: 'documents' }, { indexUid: 'documents', federationOptions: { weight: 1 } }] }));
    expect([options.code, options.message]).toEqual([
      'invalid_multi_search_federation_options',
      'Inside `.queries[1]`: Using `federationOptions` is not allowed in a non-federated search.\n - Hint: remove `federationOptions` from the query or add `federation` to the request.',
    ]);
  });

  test('golden: body validation', async () => {
    expect((await rejection(multi({}))).message).toBe('Missing field `queries`');
    expect((await rejection(multi([]))).message).toBe('Invalid value type: expected an object, but found an array: `[]`');
    const uid = await rejection(multi({ queries: [{ q: 'x' }] }));
    expect([uid.code, uid.message]).toEqual(['missing_index_uid', 'Missing field `indexUid` inside `.queries[0]`']);
    const bad = await rejection(multi({ queries: [{ indexUid: 'hé' }] }));
    expect([bad.code, bad.message]).toEqual([
      'invalid_index_uid',
      'Invalid value at `.queries[0].indexUid`: `hé` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.',
    ]);
    const limit = await rejection(multi({ queries: [{ indexUid: 'documents', limit: 'a' }] }));
    expect([limit.code, limit.message]).toEqual(['invalid_search_limit', 'Invalid value type at `.queries[0].limit`: expected a positive integer, but found a string: `"a"`']);
  });
});

describe('federated', () => {
  test('an empty list of queries', async () => {
    const r = await federated({ federation: {}, queries: [] });
    expect(r).toMatchObject({ hits: [], limit: 20, offset: 0, estimatedTotalHits: 0 });
    expect(Object.keys(r)).toEqual(['hits', 'processingTimeMs', 'limit', 'offset', 'estimatedTotalHits', 'requestUid']);
  });

  test('hits carry _federation after the document fields', async () => {
    const r = await federated({ federation: {}, queries: [{ indexUid: 'documents', q: 'glass' }] });
    expect(r.hits).toEqual([
      { title: 'Gläss', id: '450465', color: ['blue', 'red'], _federation: { indexUid: 'documents', queriesPosition: 0, weightedRankingScore: 1 } },
    ]);
  });

  test('golden: several queries on one index, merged by score, a document once', async () => {
    const r = await federated({
      federation: {},
      queries: [
        { indexUid: 'score', q: 'the bat' },
        { indexUid: 'score', q: 'badman returns' },
        { indexUid: 'score', q: 'batman' },
        { indexUid: 'score', q: 'batman returns' },
      ],
    });
    expect(r.hits.map((h) => [h.id, h._federation!.queriesPosition])).toEqual([
      ['D', 2],
      ['C', 3],
      ['A', 2],
      ['B', 2],
      ['E', 1],
    ]);
    expect(r.estimatedTotalHits).toBe(5);
  });

  test('golden: two indexes', async () => {
    const r = await federated({ federation: {}, queries: [{ indexUid: 'documents', q: 'glass' }, { indexUid: 'nested', q: 'pésti' }] });
    expect(r.hits.map((h) => [h.title ?? h.id, h._federation!.indexUid, h._federation!.queriesPosition])).toEqual([
      ['Gläss', 'documents', 0],
      [852, 'nested', 1],
      [654, 'nested', 1],
    ]);
    expect(r.estimatedTotalHits).toBe(3);
  });

  test('weights scale the scores; weight 0 sends a query to the end', async () => {
    const r = await federated({
      federation: {},
      queries: [
        { indexUid: 'documents', q: 'glass', federationOptions: { weight: 0 } },
        { indexUid: 'nested', q: 'pésti', federationOptions: { weight: 2 } },
      ],
    });
    expect(brief(r)).toEqual([
      [852, 'nested', 1, 2],
      [654, 'nested', 1, r.hits[1]._federation!.weightedRankingScore],
      ['Gläss', 'documents', 0, 0],
    ]);
    expect(r.hits[1]._federation!.weightedRankingScore).toBeGreaterThan(1);
  });

  test('golden: sorted queries across indexes merge on sort values; facetsByIndex per index', async () => {
    const queries = ['movies', 'batman', 'batman_2'].map((indexUid) => ({ indexUid, q: '', sort: ['title:asc'], attributesToRetrieve: ['title'] }));
    const facetsByIndex = { movies: ['title', 'color'], batman: ['title'], batman_2: ['title'] };
    const r = await federated({ federation: { facetsByIndex }, queries });
    expect(r.hits.map((h) => [h.title, h._federation!.indexUid])).toEqual([
      ['Badman', 'batman'],
      ['Badman', 'batman_2'],
      ['Batman', 'batman'],
      ['Batman', 'batman_2'],
      ['Batman Returns', 'batman'],
      ['Batman Returns', 'batman_2'],
      ['Batman the dark knight returns: Part 1', 'batman'],
      ['Batman the dark knight returns: Part 1', 'batman_2'],
      ['Batman the dark knight returns: Part 2', 'batman'],
      ['Batman the dark knight returns: Part 2', 'batman_2'],
      ['Captain Marvel', 'movies'],
      ['Escape Room', 'movies'],
      ['Gläss', 'movies'],
      ['How to Train Your Dragon: The Hidden World', 'movies'],
      ['Shazam!', 'movies'],
    ]);
    expect(r.estimatedTotalHits).toBe(15);
    expect(Object.keys(r.facetsByIndex!)).toEqual(['batman', 'batman_2', 'movies']);
    expect(r.facetsByIndex!.movies).toEqual({
      distribution: {
        color: { blue: 3, green: 2, red: 3, yellow: 2 },
        title: { 'Captain Marvel': 1, 'Escape Room': 1, Gläss: 1, 'How to Train Your Dragon: The Hidden World': 1, 'Shazam!': 1 },
      },
      stats: {},
    });
  });

  test('mergeFacets sums the distributions across indexes', async () => {
    const queries = ['movies', 'batman', 'batman_2'].map((indexUid) => ({ indexUid, q: '', attributesToRetrieve: ['title'] }));
    const r = await federated({ federation: { facetsByIndex: { movies: ['title'], batman: ['title'], batman_2: ['title'] }, mergeFacets: { maxValuesPerFacet: 3 } }, queries });
    expect(r.facetsByIndex).toBeUndefined();
    expect(r.facetDistribution).toEqual({ title: { Badman: 2, Batman: 2, 'Batman Returns': 2 } });
    expect(r.facetStats).toEqual({});
  });

  test('limit and offset over the merged list; page and hitsPerPage', async () => {
    const queries = [{ indexUid: 'batman', q: '', sort: ['title:asc'] }];
    const r = await federated({ federation: { limit: 2, offset: 1 }, queries });
    expect(r.hits.map((h) => h.title)).toEqual(['Batman', 'Batman Returns']);
    expect(r).toMatchObject({ limit: 2, offset: 1, estimatedTotalHits: 5 });
    const p = await federated({ federation: { page: 2, hitsPerPage: 2 }, queries });
    expect(p.hits.map((h) => h.title)).toEqual(['Batman Returns', 'Batman the dark knight returns: Part 1']);
    expect(p).toMatchObject({ hitsPerPage: 2, page: 2, totalPages: 3, totalHits: 5 });
    expect('limit' in p).toBe(false);
  });

  test('federation.distinct keeps the best hit per value across queries', async () => {
    const r = await federated({
      federation: { distinct: 'title' },
      queries: [
        { indexUid: 'batman', q: 'batman', attributesToRetrieve: ['title'] },
        { indexUid: 'batman_2', q: 'batman', attributesToRetrieve: ['title'] },
      ],
    });
    const titles = r.hits.map((h) => h.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(r.estimatedTotalHits).toBe(titles.length);
  });

  test('golden: per-query pagination, facets and distinct are refused', async () => {
    for (const k of ['limit', 'offset', 'page', 'hitsPerPage']) {
      const e = await rejection(multi({ federation: {}, queries: [{ indexUid: 'documents' }, { indexUid: 'documents', [k]: 1 }] }));
      expect([e.code, e.message]).toEqual([
        'invalid_multi_search_query_pagination',
        `Inside \`.queries[1]\`: Using pagination options is not allowed in federated queries.\n - Hint: remove \`${k}\` from the query or remove \`federation\` from the request\n - Hint: pass \`federation.limit\` and \`federation.offset\` for pagination in federated search`,
      ]);
    }
    const facets = await rejection(multi({ federation: {}, queries: [{ indexUid: 'documents' }, { indexUid: 'movies', facets: ['BOOSTED'] }] }));
    expect([facets.code, facets.message]).toEqual([
      'invalid_multi_search_query_facets',
      'Inside `.queries[1]`: Using facet options is not allowed in federated queries.\n - Hint: remove `facets` from the query or remove `federation` from the request\n - Hint: pass `federation.facetsByIndex.movies: ["BOOSTED"]` for facets in federated search',
    ]);
    const distinct = await rejection(multi({ federation: { distinct: 'title' }, queries: [{ indexUid: 'documents' }, { indexUid: 'documents', distinct: 'title' }] }));
    expect(distinct.code).toBe('invalid_multi_search_distinct');
  });

  test('golden: weights must be positive', async () => {
    const e = await rejection(multi({ federation: {}, queries: [{ indexUid: 'documents', federationOptions: { weight: -12 } }] }));
    expect([e.code, e.message]).toEqual([
      'invalid_multi_search_weight',
      'Invalid value at `.queries[0].federationOptions.weight`: the value of `weight` is invalid, expected a positive float (>= 0.0).',
    ]);
  });

  test('golden: facetsByIndex errors, for used and unused indexes', async () => {
    const used = await rejection(multi({ federation: { facetsByIndex: { documents: ['name'] } }, queries: [{ indexUid: 'nested' }, { indexUid: 'documents' }] }));
    expect([used.code, used.message]).toEqual([
      'invalid_search_facets',
      'Inside `.queries[1]`: Inside `.federation.facetsByIndex.documents`: Invalid facet distribution: Pattern `name` is not filterable. Available filterable attributes patterns are: `id, title`.',
    ]);
    const unused = await rejection(multi({ federation: { facetsByIndex: { documents: ['name'] } }, queries: [{ indexUid: 'nested' }] }));
    expect(unused.message).toBe(
      'Inside `.federation.facetsByIndex.documents`: Invalid facet distribution: Pattern `name` is not filterable. Available filterable attributes patterns are: `id, title`.\n - Note: index `documents` is not used in queries',
    );
    const missing = await rejection(multi({ federation: { facetsByIndex: { zorglub: ['a'] } }, queries: [] }));
    expect([missing.code, missing.message]).toEqual([
      'index_not_found',
      'Inside `.federation.facetsByIndex.zorglub`: Index `zorglub` not found.\n - Note: index `zorglub` is not used in queries',
    ]);
  });

  test('golden: merged facets need one value order per facet', async () => {
    const other = `order-${Math.random().toString(36).slice(2)}`;
    await add(other, DOCUMENTS, { filterableAttributes: ['color'], faceting: { sortFacetValuesBy: { color: 'count' } } });
    const e = await rejection(
      multi({ federation: { facetsByIndex: { movies: ['color'], [other]: ['color'] }, mergeFacets: {} }, queries: [{ indexUid: 'movies' }, { indexUid: other }] }),
    );
    expect([e.code, e.message]).toEqual([
      'invalid_multi_search_facet_order',
      `Inside \`.queries[1]\`: Inside \`.federation.facetsByIndex.${other}\`: Inconsistent order for values in facet \`color\`: index \`movies\` orders alphabetically, but index \`${other}\` orders by count.\n - Hint: Remove \`federation.mergeFacets\` or change \`faceting.sortFacetValuesBy\` to be consistent in settings.`,
    ]);
  });
});
