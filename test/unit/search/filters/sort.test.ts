/**
 * Sort values (the SortSource the ranking rules read) and the `sort` parameter's checks and messages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../../../src/engine/engine.ts';
import { engineWith, idsOf, readerOf } from './engineHelpers.ts';
import { createSortSource, parseSortParam } from '../../../../src/engine/search/sort/sortSource.ts';
import { EngineError } from '../../../../src/errors/engineError.ts';

const DOCS = [
  { id: 1, price: 10 },
  { id: 2, price: 'banana' },
  { id: 3, price: 9 },
  { id: 4 },
  { id: 5, price: ['Apple', 100] },
  { id: 6, price: [2, 50] },
  { id: 7, price: 'cherry' },
];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(DOCS, { sortableAttributes: ['price', '_geo'], displayedAttributes: ['id', 'price'] });
});

async function order(dir: 'asc' | 'desc'): Promise<{ ids: unknown[]; values: unknown[] }> {
  const { state, reader } = await readerOf(engine);
  const ids: unknown[] = [];
  const values: unknown[] = [];
  for await (const b of createSortSource(reader, state).buckets('price', dir, state.liveDocs())) {
    ids.push(await idsOf(engine, b.docs));
    values.push(b.value);
  }
  return { ids, values };
}

describe('sort buckets', () => {
  test('ascending: numbers by value, then strings by normalized value, then documents without the field', async () => {
    const { ids, values } = await order('asc');
    expect(values).toEqual([2, 9, 10, 100, 'banana', 'cherry', null]);
    expect(ids).toEqual([[6], [3], [1], [5], [2], [7], [4]]);
  });

  test('a multi-valued document goes to the first bucket any of its values reaches', async () => {
    // Document 5 holds 100 and "Apple": as a number it is reached before any string in both directions,
    // and document 6 (2 and 50) is reached by its 2 ascending, by its 50 descending.
    const asc = await order('asc');
    expect(asc.ids.flat().indexOf(5)).toBe(3);
    expect(asc.ids[0]).toEqual([6]);
    const desc = await order('desc');
    expect(desc.ids[0]).toEqual([5]);
  });

  test('descending: numbers (largest first) before strings, missing still last', async () => {
    const { ids, values } = await order('desc');
    expect(values).toEqual([100, 50, 10, 9, 'cherry', 'banana', null]);
    expect(ids).toEqual([[5], [6], [1], [3], [7], [2], [4]]);
  });

  test('a field no document has puts every document in the missing bucket', async () => {
    const { state, reader } = await readerOf(engine);
    const buckets = [];
    for await (const b of createSortSource(reader, state).buckets('nope', 'asc', state.liveDocs())) buckets.push(b);
    expect(buckets).toHaveLength(1);
    expect(buckets[0].value).toBeNull();
    expect(buckets[0].docs.length).toBe(7);
  });

  test('few candidates among many values are keyed document by document, same order', async () => {
    const { state, reader } = await readerOf(engine);
    const some = state.liveDocs().filter((_, i) => i % 2 === 0);
    const ids: unknown[] = [];
    for await (const b of createSortSource(reader, state).buckets('price', 'asc', some)) ids.push(...(await idsOf(engine, b.docs)));
    expect(ids).toEqual([3, 1, 5, 7]); // 9, 10, 100, "cherry"
  });
});

describe('sort buckets over many candidates (values walked in order)', () => {
  test('walking values gives the same order as keying documents', async () => {
    const docs = Array.from({ length: 200 }, (_, i) => ({ id: i, v: i % 3 === 0 ? `s${i % 5}` : [i % 7, (i * 3) % 11] }));
    const e = await engineWith(docs, { sortableAttributes: ['v'] }, 'many');
    const { state, reader } = await readerOf(e, 'many');
    const source = createSortSource(reader, state);
    for (const dir of ['asc', 'desc'] as const) {
      const walked: number[][] = [];
      for await (const b of source.buckets('v', dir, state.liveDocs())) walked.push(Array.from(b.docs));
      const keyed: number[][] = [];
      const some = state.liveDocs().subarray(0, 60);
      for await (const b of source.buckets('v', dir, some)) keyed.push(Array.from(b.docs));
      const restricted = walked.map((b) => b.filter((d) => d < 60)).filter((b) => b.length);
      expect(keyed).toEqual(restricted);
      expect(walked.flat().sort((a, b) => a - b)).toEqual(Array.from(state.liveDocs()));
    }
  });
});

describe('custom ranking rules', () => {
  test('a field:desc rule sorts on that field without it being sortable', async () => {
    const docs = [{ id: 1, t: 'a', price: 1 }, { id: 2, t: 'a', price: 5 }, { id: 3, t: 'a', price: 3 }];
    const e = await engineWith(docs, { rankingRules: ['words', 'price:desc'] }, 'custom');
    expect((await e.index('custom').search('a')).hits.map((h) => h.id)).toEqual([2, 3, 1]);
    expect((await e.index('custom').search('')).hits.map((h) => h.id)).toEqual([2, 3, 1]);
  });

  test('adding the rule later re-indexes the field', async () => {
    const docs = [{ id: 1, price: 1 }, { id: 2, price: 5 }, { id: 3, price: 3 }];
    const e = await engineWith(docs, {}, 'later');
    await e.index('later').updateRankingRules(['words', 'price:asc']).waitTask();
    expect((await e.index('later').search('')).hits.map((h) => h.id)).toEqual([1, 3, 2]);
  });
});

describe('sort parameter', () => {
  const error = async (sort: string[], code: 'invalid_search_sort' | 'invalid_document_sort' = 'invalid_search_sort') => {
    const { state } = await readerOf(engine);
    try {
      parseSortParam(state, sort, code);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      return (e as EngineError).message;
    }
    throw new Error('expected an error');
  };

  test('parses fields and _geoPoint, split at the last colon', async () => {
    const { state } = await readerOf(engine);
    expect(parseSortParam(state, ['price:desc', '_geoPoint(1.5, -2):asc'], 'invalid_search_sort')).toEqual([
      { member: { field: 'price' }, order: 'desc' },
      { member: { geo: [1.5, -2] }, order: 'asc' },
    ]);
  });

  test('golden: a non-sortable attribute, sortable attributes hidden by displayedAttributes', async () => {
    expect(await error(['title:asc'])).toBe('Index `test`: Attribute `title` is not sortable. Available sortable attributes are: `price, <..hidden-attributes>`.');
  });

  test('golden: document sort lists every sortable attribute, without index prefix', async () => {
    expect(await error(['title:asc'], 'invalid_document_sort')).toBe('Attribute `title` is not sortable. Available sortable attributes are: `_geo, price`.');
  });

  test('golden: syntax errors', async () => {
    expect(await error(['title'])).toBe('Invalid syntax for the sort parameter: expected expression ending by `:asc` or `:desc`, found `title`.');
    expect(await error(['_geo:asc'])).toBe(
      '`_geo` is a reserved keyword and thus can\'t be used as a sort expression. Use the _geoPoint(latitude, longitude) built-in rule to sort on _geo field coordinates.',
    );
    expect(await error(['_geoDistance:asc'])).toBe("`_geoDistance` is a reserved keyword and thus can't be used as a sort expression.");
    expect(await error(['_geoPoint:asc'])).toBe(
      'Invalid syntax for the geo parameter: expected expression formated like `_geoPoint(latitude, longitude)` and ending by `:asc` or `:desc`, found `_geoPoint`.',
    );
    expect(await error(['_geoPoint(100, 0):asc'])).toBe('Bad latitude `100`. Latitude must be contained between -90 and 90 degrees.');
    expect(await error(['_geoPoint(0, 200):asc'])).toBe('Bad longitude `200`. Longitude must be contained between -180 and 180 degrees. Hint: try using `-160` instead.');
  });

  test('golden: the sort ranking rule must be present for search', async () => {
    const e = await engineWith([{ id: 1, price: 1 }], { sortableAttributes: ['price'], rankingRules: ['words', 'typo'] }, 'norule');
    const { state } = await readerOf(e, 'norule');
    expect(() => parseSortParam(state, ['price:asc'], 'invalid_search_sort')).toThrow(
      'Index `norule`: You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.',
    );
    expect(parseSortParam(state, ['price:asc'], 'invalid_document_sort')).toHaveLength(1);
  });

  test('a nested field of a sortable attribute is sortable', async () => {
    const e = await engineWith([{ id: 1, a: { b: 1 } }], { sortableAttributes: ['a'] }, 'nested');
    const { state } = await readerOf(e, 'nested');
    expect(parseSortParam(state, ['a.b:asc'], 'invalid_search_sort')).toHaveLength(1);
  });
});
