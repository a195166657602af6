/**
 * Distinct and sort through `search` (spec §5.4, §5.7): the ranking rules read the SortSource and the
 * DistinctSource of the filters layer. Goldens from Meilisearch's `tests/search/distinct.rs` and `geo.rs`.
 */
import { describe, expect, test } from 'vitest';
import { engineWith, rejection } from '../filters/engineHelpers.ts';

const PRODUCTS = [
  ['Leather Jacket', 'Lee Jeans', '123456', 'Brown'],
  ['Leather Jacket', 'Lee Jeans', '123456', 'Black'],
  ['Leather Jacket', 'Lee Jeans', '123456', 'Blue'],
  ['T-Shirt', 'Nike', '789012', 'Red'],
  ['T-Shirt', 'Nike', '789012', 'Blue'],
  ['Running Shoes', 'Adidas', '456789', 'Black'],
  ['Running Shoes', 'Adidas', '456789', 'White'],
  ['Hoodie', 'Puma', '987654', 'Gray'],
  ['Sweater', 'Gap', '234567', 'Green'],
  ['Sweater', 'Gap', '234567', 'Red'],
  ['Sweater', 'Gap', '234567', 'Blue'],
  ['Jeans', "Levi's", '345678', 'Indigo'],
  ['Jeans', "Levi's", '345678', 'Black'],
  ['Jeans', "Levi's", '345678', 'Stone Wash'],
].map(([description, brand, product_id, color], i) => ({ id: i + 1, description, brand, product_id, color }));

describe('distinct', () => {
  test('golden: offset/limit totals count the duplicates met while ranking', async () => {
    const e = await engineWith(PRODUCTS, { distinctAttribute: 'product_id' });
    const page = async (offset: number) => {
      const r = await e.index('test').search('', { offset, limit: 2 });
      return [r.hits.map((h) => h.product_id), r.estimatedTotalHits];
    };
    expect(await page(0)).toEqual([['123456', '789012'], 11]);
    expect(await page(2)).toEqual([['456789', '987654'], 10]);
    expect(await page(4)).toEqual([['234567', '345678'], 6]);
    expect(await page(5)).toEqual([['345678'], 6]);
    expect(await page(7)).toEqual([[], 6]);
  });

  test('golden: finite pagination totals are exact', async () => {
    const e = await engineWith(PRODUCTS, { distinctAttribute: 'product_id' });
    const r0 = await e.index('test').search('', { page: 0, hitsPerPage: 2 });
    expect([r0.hits.length, r0.totalPages, r0.totalHits]).toEqual([0, 3, 6]);
    const r2 = await e.index('test').search('', { page: 2, hitsPerPage: 2 });
    expect([r2.hits.map((h) => h.product_id), r2.totalHits]).toEqual([['456789', '987654'], 6]);
  });

  test('the distinct parameter must be filterable', async () => {
    const e = await engineWith(PRODUCTS, { filterableAttributes: ['brand'] });
    const r = await e.index('test').search('', { distinct: 'brand', page: 1, hitsPerPage: 10 });
    expect(r.totalHits).toBe(6);
    const err = await rejection(e.index('test').search('', { distinct: 'color' }));
    expect(err.code).toBe('invalid_search_distinct');
  });
});

describe('sort', () => {
  const DOCS = [
    { id: 1, title: 'a', price: 10 },
    { id: 2, title: 'a', price: 'banana' },
    { id: 3, title: 'a', price: 9 },
    { id: 4, title: 'a' },
    { id: 5, title: 'a', price: 'Apple' },
  ];

  test('numbers before strings in both directions, documents without a value last', async () => {
    const e = await engineWith(DOCS, { sortableAttributes: ['price'] });
    const ids = async (sort: string[], q = '') => (await e.index('test').search(q, { sort })).hits.map((h) => h.id);
    expect(await ids(['price:asc'])).toEqual([3, 1, 5, 2, 4]);
    expect(await ids(['price:desc'])).toEqual([1, 3, 2, 5, 4]);
    expect(await ids(['price:desc'], 'a')).toEqual([1, 3, 2, 5, 4]);
  });

  test('golden: sort errors through search', async () => {
    const e = await engineWith(DOCS, { sortableAttributes: ['price'] });
    const err = await rejection(e.index('test').search('', { sort: ['title:asc'] }));
    expect([err.code, err.message]).toEqual(['invalid_search_sort', 'Index `test`: Attribute `title` is not sortable. Available sortable attributes are: `price`.']);
  });

  test('golden: _geoPoint sort with _geoDistance, documents without _geo last', async () => {
    const docs = [
      { id: 1, name: 'Taco Truck', _geo: { lat: 34.0522, lng: -118.2437 } },
      { id: 2, name: 'La Bella Italia', _geo: { lat: '45.4777599', lng: '9.1967508' } },
      { id: 3, name: 'Crêpe Truck' },
    ];
    const e = await engineWith(docs, { sortableAttributes: ['_geo'], filterableAttributes: ['_geo'] });
    const r = await e.index('test').search('', { sort: ['_geoPoint(45.4777599, 9.1967508):asc'] });
    expect(r.hits.map((h) => [h.id, h._geoDistance])).toEqual([
      [2, 0],
      [1, 9714063],
      [3, undefined],
    ]);
    const box = await e.index('test').search('', { filter: '_geoBoundingBox([89, 179], [-89, -179])' });
    expect(box.hits.map((h) => h.id)).toEqual([1, 2]);
  });
});
