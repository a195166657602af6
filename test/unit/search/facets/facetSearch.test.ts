/**
 * Facet value search (spec §1.5): prefix of the whole value, typos by byte length, order and limits.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../../../src/engine/engine.ts';
import { engineWith, readerOf } from '../filters/engineHelpers.ts';
import { matchFacetValues, prefixWithin, type FacetQueryOptions } from '../../../../src/engine/search/facets/facetValueSearch.ts';
import type { DocSet } from '../../../../src/engine/storage/docSet.ts';

// Meilisearch's facet-search test documents.
const DOCUMENTS = [
  { title: 'Shazam!', genres: ['Action', 'Adventure'], id: '287947' },
  { title: 'Captain Marvel', genres: ['Action', 'Adventure'], id: '299537' },
  { title: 'Escape Room', genres: ['Horror', 'Thriller', 'Multiple Words'], id: '522681' },
  { title: 'How to Train Your Dragon: The Hidden World', genres: ['Action', 'Comedy'], id: '166428' },
  { title: 'Gläss', genres: ['Thriller'], id: '450465' },
];

const TYPOS: FacetQueryOptions = { typos: { oneTypo: 5, twoTypos: 9 }, exactWords: new Set() };

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(DOCUMENTS, { filterableAttributes: ['genres', 'title'] });
});

async function search(query: string | null, options = TYPOS, order: 'alpha' | 'count' = 'alpha', max = 100, field = 'genres', candidates?: DocSet) {
  const { state, reader } = await readerOf(engine);
  const col = await reader.facetColumn(state.fields.id(field)!);
  return matchFacetValues(col!, query, candidates ?? state.liveDocs(), state.analyzer(), order, max, options);
}

describe('facet query matching', () => {
  test('a prefix of the whole value, not of its words', async () => {
    expect(await search('a')).toEqual([
      { value: 'Action', count: 3 },
      { value: 'Adventure', count: 2 },
    ]);
    expect(await search('words')).toEqual([]);
    expect(await search('multiple w')).toEqual([{ value: 'Multiple Words', count: 1 }]);
  });

  test('the query is normalized like a query word: case and accents ignored', async () => {
    expect(await search('ÀDVENTURE')).toEqual([{ value: 'Adventure', count: 2 }]);
    expect(await search('glass', TYPOS, 'alpha', 100, 'title')).toEqual([{ value: 'Gläss', count: 1 }]);
  });

  test('one typo from 5 bytes, none below', async () => {
    expect(await search('adventre')).toEqual([{ value: 'Adventure', count: 2 }]);
    expect(await search('acton')).toEqual([{ value: 'Action', count: 3 }]);
    expect(await search('actn')).toEqual([]);
  });

  test('no typos when typo tolerance is off: plain prefix', async () => {
    expect(await search('adventre', { typos: null, exactWords: new Set() })).toEqual([]);
  });

  test('a query listed in disableOnWords only matches exactly', async () => {
    const options = { ...TYPOS, exactWords: new Set(['adventre', 'adv']) };
    expect(await search('adventre', options)).toEqual([]);
    expect(await search('adv', options)).toEqual([]);
  });

  test('no query: every value with candidates, in value order', async () => {
    expect((await search(null)).map((h) => h.value)).toEqual(['Action', 'Adventure', 'Comedy', 'Horror', 'Multiple Words', 'Thriller']);
  });

  test('counts are over the candidates only', async () => {
    const { state } = await readerOf(engine);
    const first = state.liveDocs().subarray(0, 1);
    expect(await search('a', TYPOS, 'alpha', 100, 'genres', first)).toEqual([
      { value: 'Action', count: 1 },
      { value: 'Adventure', count: 1 },
    ]);
  });
});

describe('facet hit order and limit', () => {
  test('count order: descending count', async () => {
    expect(await search('a', TYPOS, 'count')).toEqual([
      { value: 'Action', count: 3 },
      { value: 'Adventure', count: 2 },
    ]);
  });

  test('maxValuesPerFacet caps hits (alpha keeps the first values)', async () => {
    expect(await search('a', TYPOS, 'alpha', 1)).toEqual([{ value: 'Action', count: 3 }]);
  });

  test('maxValuesPerFacet caps hits (count keeps the most frequent)', async () => {
    expect(await search(null, TYPOS, 'count', 2)).toEqual([
      { value: 'Action', count: 3 },
      { value: 'Thriller', count: 2 },
    ]);
  });
});

describe('prefix automaton', () => {
  const cp = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
  test('accepts when some prefix of the key is within the distance', () => {
    expect(prefixWithin(cp('advnture'), cp('adventure'), 1)).toBe(true);
    expect(prefixWithin(cp('avdent'), cp('adventure'), 1)).toBe(true); // transposition
    expect(prefixWithin(cp('xyz'), cp('adventure'), 2)).toBe(false);
    expect(prefixWithin(cp(''), cp('anything'), 0)).toBe(true);
  });
});
