/**
 * Facets through `search` and `searchForFacetValues` (spec §1.3, §1.5), against Meilisearch's
 * `tests/search/mod.rs` and `tests/search/facet_search.rs`.
 */
import { describe, expect, test } from 'vitest';
import { engineWith, rejection } from '../filters/engineHelpers.ts';

const NESTED = [
  { id: 852, father: 'jean', mother: 'michelle', doggos: [{ name: 'bobby', age: 2 }, { name: 'buddy', age: 4 }], cattos: 'pésti' },
  { id: 654, father: 'pierre', mother: 'sabine', doggos: [{ name: 'gros bill', age: 8 }], cattos: ['simba', 'pestiféré'] },
  { id: 750, father: 'romain', mother: 'michelle', cattos: ['enigma'] },
  { id: 951, father: 'jean-baptiste', mother: 'sophie', doggos: [{ name: 'turbo', age: 5 }, { name: 'fast', age: 6 }], cattos: ['moumoute', 'gomez'] },
];
const NESTED_SETTINGS = { filterableAttributes: ['father', 'doggos', 'cattos'], sortableAttributes: ['doggos'] };

const GENRES = [
  { title: 'Shazam!', genres: ['Action', 'Adventure'], id: '287947' },
  { title: 'Captain Marvel', genres: ['Action', 'Adventure'], id: '299537' },
  { title: 'Escape Room', genres: ['Horror', 'Thriller', 'Multiple Words'], id: '522681' },
  { title: 'How to Train Your Dragon: The Hidden World', genres: ['Action', 'Comedy'], id: '166428' },
  { title: 'Gläss', genres: ['Thriller'], id: '450465' },
];

describe('search facets', () => {
  test('facetDistribution of nested fields, through a parent or by name', async () => {
    const e = await engineWith(NESTED, NESTED_SETTINGS);
    const father = await e.index('test').search('', { facets: ['father'] });
    expect(father.facetDistribution).toEqual({ father: { jean: 1, pierre: 1, romain: 1, 'jean-baptiste': 1 } });
    const byName = await e.index('test').search('', { facets: ['doggos.name'] });
    expect(byName.facetDistribution).toEqual({ 'doggos.name': { bobby: 1, buddy: 1, 'gros bill': 1, turbo: 1, fast: 1 } });
    const parent = await e.index('test').search('', { facets: ['doggos'] });
    expect(Object.keys(parent.facetDistribution!)).toHaveLength(3);
    expect(parent.facetDistribution!['doggos.age']).toEqual({ '2': 1, '4': 1, '5': 1, '6': 1, '8': 1 });
    expect(parent.facetStats).toEqual({ 'doggos.age': { min: 2, max: 8 } });
  });

  test('facets count the candidates of q and filter', async () => {
    const e = await engineWith(NESTED, NESTED_SETTINGS);
    const res = await e.index('test').search('michelle', { facets: ['father'], filter: 'doggos EXISTS' });
    expect(res.facetDistribution).toEqual({ father: { jean: 1 } });
  });

  test('the spelling of the latest version of a document wins after a replace', async () => {
    const e = await engineWith([{ id: 1, dog: 'Bouvier Bernois' }], { filterableAttributes: ['dog'] });
    await e.index('test').addDocuments([{ id: 1, dog: 'bouvier bernois' }]).waitTask();
    const res = await e.index('test').search('', { facets: ['dog'] });
    expect(res.facetDistribution).toEqual({ dog: { 'bouvier bernois': 1 } });
  });

  test('maxValuesPerFacet defaults to 100', async () => {
    const docs = Array.from({ length: 500 }, (_, id) => ({ id, number: id * 10 }));
    const e = await engineWith(docs, { filterableAttributes: ['number'] });
    const res = await e.index('test').search('', { facets: ['number'] });
    expect(Object.keys(res.facetDistribution!.number)).toHaveLength(100);
  });

  test('no facets key without facets; empty facets give empty objects', async () => {
    const e = await engineWith(NESTED, NESTED_SETTINGS);
    expect('facetDistribution' in (await e.index('test').search(''))).toBe(false);
    const res = await e.index('test').search('', { facets: [] });
    expect(res.facetDistribution).toEqual({});
    expect(res.facetStats).toEqual({});
  });

  test('golden: facets on a non-filterable pattern', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['title'] });
    const err = await rejection(e.index('test').search('', { facets: ['doggo'] }));
    expect(err.code).toBe('invalid_search_facets');
    expect(err.message).toBe('Invalid facet distribution: Pattern `doggo` is not filterable. Available filterable attributes patterns are: `title`.');
  });
});

describe('searchForFacetValues', () => {
  test('prefix, typos and counts', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'] });
    const res = await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'a' });
    expect(res.facetHits).toEqual([
      { value: 'Action', count: 3 },
      { value: 'Adventure', count: 2 },
    ]);
    expect(res.facetQuery).toBe('a');
    expect((await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'adventre' })).facetHits).toHaveLength(1);
  });

  test('every value for an empty query, counted over q and filter', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'] });
    const all = await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: '', q: '' });
    expect(all.facetHits.map((h) => h.value)).toEqual(['Action', 'Adventure', 'Comedy', 'Horror', 'Multiple Words', 'Thriller']);
    const filtered = await e.index('test').searchForFacetValues({ facetName: 'genres', filter: 'genres = thriller' });
    expect(filtered.facetHits).toEqual([
      { value: 'Horror', count: 1 },
      { value: 'Multiple Words', count: 1 },
      { value: 'Thriller', count: 2 },
    ]);
    expect(filtered.facetQuery).toBeNull();
    const queried = await e.index('test').searchForFacetValues({ facetName: 'genres', q: 'captain' });
    expect(queried.facetHits).toEqual([
      { value: 'Action', count: 1 },
      { value: 'Adventure', count: 1 },
    ]);
  });

  test('typo tolerance off: no typos', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'], typoTolerance: { enabled: false } });
    expect((await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'adventre' })).facetHits).toEqual([]);
    expect((await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'àdventure' })).facetHits).toHaveLength(1);
  });

  test('sortFacetValuesBy count', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'], faceting: { sortFacetValuesBy: { '*': 'count' } } });
    const res = await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'a' });
    expect(res.facetHits).toEqual([
      { value: 'Action', count: 3 },
      { value: 'Adventure', count: 2 },
    ]);
  });

  test('golden: facetSearch disabled', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'], facetSearch: false });
    const err = await rejection(e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'a' }));
    expect(err.code).toBe('facet_search_disabled');
    expect(err.message).toBe('The facet search is disabled for this index');
  });

  test('golden: facet names that are not facet-searchable', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'] });
    const err = await rejection(e.index('test').searchForFacetValues({ facetName: 'invalid', facetQuery: 'a' }));
    expect(err.code).toBe('invalid_facet_search_facet_name');
    expect(err.message).toBe(
      'Attribute `invalid` is not facet-searchable. Available facet-searchable attributes patterns are: `genres`. To make it facet-searchable add it to the `filterableAttributes` index settings.',
    );
    const rule = await engineWith(GENRES, { filterableAttributes: [{ attributePatterns: ['genres'] }] });
    const ruleErr = await rejection(rule.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'a' }));
    expect(ruleErr.message).toBe(
      'Attribute `genres` is not facet-searchable. Note: this attribute matches rule #0 in filterableAttributes, but this rule does not enable facetSearch.\nHint: enable facetSearch in rule #0 by adding `"facetSearch": true` to the rule.\nHint: prepend another rule matching genres with facetSearch: true before rule #0',
    );
    const none = await engineWith(GENRES, { filterableAttributes: [{ attributePatterns: ['doggos.name'] }] });
    const noneErr = await rejection(none.index('test').searchForFacetValues({ facetName: 'invalid.name', facetQuery: 'b' }));
    expect(noneErr.message).toBe(
      'Attribute `invalid.name` is not facet-searchable. This index does not have configured facet-searchable attributes. To make it facet-searchable add it to the `filterableAttributes` index settings.',
    );
  });

  test('golden: parameter errors', async () => {
    const e = await engineWith(GENRES, { filterableAttributes: ['genres'] });
    const missing = await rejection(e.index('test').searchForFacetValues({ facetQuery: 'a' } as never));
    expect([missing.code, missing.message]).toEqual(['missing_facet_search_facet_name', 'Missing field `facetName`']);
    const bad = await rejection(e.index('test').searchForFacetValues({ facetName: 'genres', exhaustiveFacetCount: 'yes' } as never));
    expect(bad.code).toBe('invalid_facet_search_exhaustive_facet_count');
  });

  test('golden: exhaustiveFacetCount counts after distinct on the whole candidate set', async () => {
    // Meilisearch's distinct_facet_search_on_movies: 50 documents, 23 colors, distinctAttribute color. Without
    // exhaustiveFacetCount, only the duplicates met while ranking the first page (20 hits) are dropped: 27.
    const colors = 'crimson,emerald,azure,scarlet,coral,navy,onyx,cerulean,slate,gold,obsidian,jade,sepia,ruby,charcoal,amethyst,ebony,forest,amber,lime,sapphire,burgundy,turquoise,emerald,sepia,crimson,slate,azure,onyx,charcoal,amethyst,ruby,sapphire,gold,turquoise,obsidian,jade,burgundy,forest,amber,azure,obsidian,coral,scarlet,emerald,navy,burgundy,amber,sepia,slate'.split(',');
    const docs = colors.map((color, i) => ({ id: i + 1, genres: ['Drama', 'Blob'], color }));
    const e = await engineWith(docs, { filterableAttributes: ['genres', 'color'], distinctAttribute: 'color' });
    const quick = await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'blob', q: '' });
    expect(quick.facetHits).toEqual([{ value: 'Blob', count: 27 }]);
    const exact = await e.index('test').searchForFacetValues({ facetName: 'genres', facetQuery: 'blob', q: '', exhaustiveFacetCount: true });
    expect(exact.facetHits).toEqual([{ value: 'Blob', count: 23 }]);
  });
});
