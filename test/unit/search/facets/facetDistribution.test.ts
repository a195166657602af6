/**
 * facetDistribution and facetStats computed from the stored facet values (spec §6).
 */
import { describe, expect, test } from 'vitest';
import type { Engine } from '../../../../src/engine/engine.ts';
import type { SettingsUpdate } from '../../../../src/engine/types/settings.ts';
import { engineWith, filterDocs, readerOf } from '../filters/engineHelpers.ts';
import { computeFacetDistribution, fieldDistribution, resolveFacets } from '../../../../src/engine/search/facets/facetDistribution.ts';
import { EngineError } from '../../../../src/errors/engineError.ts';
import type { Document } from '../../../../src/engine/types/indexes.ts';

async function facets(engine: Engine, patterns: string[], filter?: string) {
  const { state, reader } = await readerOf(engine);
  resolveFacets(state, patterns);
  const candidates = filter ? await filterDocs(engine, filter) : state.liveDocs();
  return computeFacetDistribution(reader, state, candidates, patterns);
}

/** One field's distribution as an ordered Map (plain objects reorder integer-like keys). */
async function ordered(engine: Engine, field: string, order: 'alpha' | 'count' = 'alpha', max = 100) {
  const { state, reader } = await readerOf(engine);
  return fieldDistribution(await reader.facetColumn(state.fields.id(field)!), state.liveDocs(), order, max);
}

const MOVIES: Document[] = [
  { id: 1, genre: 'Horror', year: 2001, rating: 3.5, tags: ['a'] },
  { id: 2, genre: 'horror', year: 1999, rating: 4 },
  { id: 3, genre: 'Drama', year: 10 },
  { id: 4, genre: ['Drama', 'Comedy'], year: 9, tags: [] },
];

const setup = (settings: SettingsUpdate = {}, docs = MOVIES) => engineWith(docs, { filterableAttributes: ['genre', 'year', 'rating', 'tags', 'doggos'], ...settings });

describe('facetDistribution', () => {
  test('counts each value among the candidates; strings keyed by the spelling of the lowest document', async () => {
    const r = await facets(await setup(), ['genre']);
    expect(r.facetDistribution).toEqual({ genre: { Comedy: 1, Drama: 2, Horror: 2 } });
  });

  test('only candidates count, and the spelling comes from the lowest candidate', async () => {
    const r = await facets(await setup(), ['genre'], 'year < 2000');
    expect(r.facetDistribution.genre).toEqual({ horror: 1, Drama: 2, Comedy: 1 });
  });

  test('numbers come first, keyed by their f64 text', async () => {
    // (A JS object lists integer-like keys first whatever the insertion order: the order is checked on the Map.)
    const engine = await engineWith([{ id: 1, v: ['b', 4] }, { id: 2, v: [3.5, 'A'] }], { filterableAttributes: ['v'] });
    expect([...(await ordered(engine, 'v'))]).toEqual([
      ['3.5', 1],
      ['4', 1],
      ['A', 1],
      ['b', 1],
    ]);
  });

  test('with few candidates and alpha order numbers are ordered as text ("10" before "9")', async () => {
    const r = await facets(await setup({ faceting: { maxValuesPerFacet: 2 } }), ['year']);
    // text order: "10" < "1999" < "2001" < "9": the budget of 2 keeps "10" and "1999"
    expect(Object.keys(r.facetDistribution.year).sort()).toEqual(['10', '1999']);
    expect([...(await ordered(await setup(), 'year'))].map(([k]) => k)).toEqual(['10', '1999', '2001', '9']);
  });

  test('count order: numbers by descending count, then strings by descending count', async () => {
    const docs = [
      { id: 1, v: ['x', 1] },
      { id: 2, v: ['x', 2] },
      { id: 3, v: ['y', 2] },
      { id: 4, v: ['x'] },
    ];
    const engine = await engineWith(docs, { filterableAttributes: ['v'], faceting: { sortFacetValuesBy: { v: 'count' } } });
    expect([...(await ordered(engine, 'v', 'count'))]).toEqual([
      ['2', 2],
      ['1', 1],
      ['x', 3],
      ['y', 1],
    ]);
  });

  test('maxValuesPerFacet: numbers consume the budget first', async () => {
    const r = await facets(await setup({ faceting: { maxValuesPerFacet: 1 }, filterableAttributes: ['mixed'] }, [
      { id: 1, mixed: 'a' },
      { id: 2, mixed: 5 },
    ]), ['mixed']);
    expect(r.facetDistribution).toEqual({ mixed: { '5': 1 } });
  });

  test('a field present without values among the candidates gives {}', async () => {
    const r = await facets(await setup(), ['tags'], 'genre = drama');
    expect(r.facetDistribution).toEqual({ tags: {} });
  });

  test('patterns select every matching filterable field, in name order', async () => {
    const r = await facets(await setup(), ['*']);
    expect(Object.keys(r.facetDistribution)).toEqual(['genre', 'rating', 'tags', 'year']);
    const prefixed = await facets(await setup(), ['g*', '*ar']);
    expect(Object.keys(prefixed.facetDistribution)).toEqual(['genre', 'year']);
  });

  test('a parent field selects its nested fields', async () => {
    const engine = await setup({}, [{ id: 1, doggos: [{ name: 'bobby', age: 2 }, { name: 'buddy', age: 4 }] }]);
    const r = await facets(engine, ['doggos']);
    expect(r.facetDistribution).toEqual({ doggos: {}, 'doggos.age': { '2': 1, '4': 1 }, 'doggos.name': { bobby: 1, buddy: 1 } });
  });
});

describe('facetStats', () => {
  test('min and max of the numbers among the candidates; fields without numbers omitted', async () => {
    const r = await facets(await setup(), ['genre', 'year', 'rating']);
    expect(r.facetStats).toEqual({ rating: { min: 3.5, max: 4 }, year: { min: 9, max: 2001 } });
  });

  test('stats follow the candidates', async () => {
    const r = await facets(await setup(), ['year'], 'genre = drama');
    expect(r.facetStats).toEqual({ year: { min: 9, max: 10 } });
  });
});

describe('over 3000 candidates', () => {
  test('numbers are walked numerically and originals still come from the lowest candidate', async () => {
    const docs = Array.from({ length: 3100 }, (_, i) => ({ id: i, n: i % 12, s: i % 2 ? 'Odd' : 'EVEN' }));
    const engine = await engineWith(docs, { filterableAttributes: ['n', 's'], faceting: { maxValuesPerFacet: 3 } });
    const r = await facets(engine, ['n', 's']);
    expect(Object.keys(r.facetDistribution.n)).toEqual(['0', '1', '2']);
    expect([...(await ordered(engine, 'n', 'alpha', 100))].map(([k]) => k).slice(0, 4)).toEqual(['0', '1', '2', '3']);
    expect(r.facetDistribution.s).toEqual({ EVEN: 1550, Odd: 1550 });
  });
});

describe('facets errors (golden)', () => {
  const message = async (engine: Engine, patterns: string[]) => {
    const { state } = await readerOf(engine);
    try {
      resolveFacets(state, patterns);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).code).toBe('invalid_search_facets');
      return (e as EngineError).message;
    }
    throw new Error('expected an error');
  };

  test('a pattern no filterable rule overlaps', async () => {
    const engine = await engineWith([{ id: 1 }], { filterableAttributes: ['title', 'genres'] });
    expect(await message(engine, ['doggo'])).toBe('Invalid facet distribution: Pattern `doggo` is not filterable. Available filterable attributes patterns are: `genres, title`.');
  });

  test('no filterable attributes at all', async () => {
    const engine = await engineWith([{ id: 1 }]);
    expect(await message(engine, ['doggo'])).toBe('Invalid facet distribution: Pattern `doggo` is not filterable. This index does not have configured filterable attributes.');
  });

  test('a rule matching the pattern that disables filtering', async () => {
    const engine = await engineWith([{ id: 1 }], { filterableAttributes: [{ attributePatterns: ['genres'], features: { facetSearch: true, filter: { equality: false, comparison: false } } }] });
    expect(await message(engine, ['genres'])).toBe(
      'Invalid facet distribution: Attribute `genres` matched rule #0 in filterableAttributes, but this rule does not enable filtering.\nHint: enable filtering in rule #0 by modifying the features.filter object\nHint: prepend another rule matching `genres` with appropriate filter features before rule #0',
    );
  });

  test('wildcard patterns overlapping a rule are accepted', async () => {
    const engine = await engineWith([{ id: 1 }], { filterableAttributes: ['genres'] });
    const { state } = await readerOf(engine);
    expect(resolveFacets(state, ['*', 'gen*', 'genres.sub'])).toEqual(['*', 'gen*', 'genres.sub']);
  });
});
