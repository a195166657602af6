/**
 * Document routes that take a filter or a sort — `getDocuments({ filter, sort })` and delete by filter —
 * and filters over documents that were deleted or replaced (tombstones applied at read time).
 */
import { describe, expect, test } from 'vitest';
import { engineWith, filterIds, rejection } from './engineHelpers.ts';

const DOCS = [
  { id: 1, color: 'Green', age: 36, name: 'Lucas' },
  { id: 2, color: 'blue', age: 20, name: 'Anna' },
  { id: 3, color: 'green', age: 50, name: 'Zoe' },
  { id: 4, color: 'Brown', name: 'Bob' },
];

describe('getDocuments with filter and sort', () => {
  test('filter keeps matching documents in internal order, total counts them', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color', 'age'] });
    const res = await e.index('test').getDocuments({ filter: 'color = green', fields: ['id'] });
    expect(res).toEqual({ results: [{ id: 1 }, { id: 3 }], offset: 0, limit: 20, total: 2 });
  });

  test('sort orders by value, missing last; ties keep internal order', async () => {
    const e = await engineWith(DOCS, { sortableAttributes: ['age', 'color'] });
    const res = await e.index('test').getDocuments({ sort: ['age:desc'], fields: ['id'] });
    expect(res.results).toEqual([{ id: 3 }, { id: 1 }, { id: 2 }, { id: 4 }]);
    const byColor = await e.index('test').getDocuments({ sort: 'color:asc,age:asc', fields: ['id'] });
    expect(byColor.results).toEqual([{ id: 2 }, { id: 4 }, { id: 1 }, { id: 3 }]);
  });

  test('filter, sort, offset and limit together', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['age'], sortableAttributes: ['name'] });
    const res = await e.index('test').getDocuments({ filter: 'age EXISTS', sort: ['name:asc'], offset: 1, limit: 1, fields: ['name'] });
    expect(res).toEqual({ results: [{ name: 'Lucas' }], offset: 1, limit: 1, total: 3 });
  });

  test('golden: a non-filterable attribute (no index prefix on document routes)', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color'] });
    const err = await rejection(e.index('test').getDocuments({ filter: 'doggo = bernese' }));
    expect(err.code).toBe('invalid_document_filter');
    expect(err.message).toBe('Attribute `doggo` is not filterable. Available filterable attribute patterns are: `color`.\n1:6 doggo = bernese');
  });

  test('golden: a syntax error', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color'] });
    const err = await rejection(e.index('test').getDocuments({ filter: 'doggo' }));
    expect(err.code).toBe('invalid_document_filter');
    expect(err.message).toMatch(/^Was expecting an operation `=`, .* at `doggo`\.\n1:6 doggo$/);
  });

  test('golden: sort on a non-sortable attribute', async () => {
    const e = await engineWith(DOCS);
    const err = await rejection(e.index('test').getDocuments({ sort: ['name:asc'] }));
    expect(err.code).toBe('invalid_document_sort');
    expect(err.message).toBe('Attribute `name` is not sortable. This index does not have configured sortable attributes.');
  });

  test('_geoPoint sort in a comma-separated sort string', async () => {
    const e = await engineWith([{ id: 1, _geo: { lat: 10, lng: 0 } }, { id: 2, _geo: { lat: 1, lng: 0 } }, { id: 3 }], { sortableAttributes: ['_geo'] });
    const res = await e.index('test').getDocuments({ sort: '_geoPoint(0, 0):asc', fields: ['id'] });
    expect(res.results).toEqual([{ id: 2 }, { id: 1 }, { id: 3 }]);
  });
});

describe('delete by filter', () => {
  test('deletes exactly the matching documents', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color'] });
    const task = await e.index('test').deleteDocuments({ filter: 'color = green' }).waitTask();
    expect(task.status).toBe('succeeded');
    expect(task.details).toMatchObject({ deletedDocuments: 2 });
    expect((await e.index('test').getDocuments({ fields: ['id'] })).results).toEqual([{ id: 2 }, { id: 4 }]);
  });

  test('golden: the task fails on a non-filterable attribute, index-prefixed', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color'] });
    const task = await e.index('test').deleteDocuments({ filter: 'catto = jorts' }).waitTask();
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({
      code: 'invalid_document_filter',
      message: 'Index `test`: Attribute `catto` is not filterable. Available filterable attribute patterns are: `color`.\n1:6 catto = jorts',
    });
  });
});

describe('filters after writes', () => {
  test('deleted documents no longer match (tombstones)', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color', 'age'] });
    expect(await filterIds(e, 'color = green')).toEqual([1, 3]);
    await e.index('test').deleteDocument(3).waitTask();
    expect(await filterIds(e, 'color = green')).toEqual([1]);
    expect(await filterIds(e, 'NOT color = green')).toEqual([2, 4]);
  });

  test('a replaced document matches its new values only', async () => {
    const e = await engineWith(DOCS, { filterableAttributes: ['color', 'age'] });
    await e.index('test').addDocuments([{ id: 1, color: 'red', age: 1 }]).waitTask();
    expect(await filterIds(e, 'color = green')).toEqual([3]);
    expect(await filterIds(e, 'color = red')).toEqual([1]);
    expect(await filterIds(e, 'age < 10')).toEqual([1]);
  });

  test('values spread over several segments are merged', async () => {
    const e = await engineWith(DOCS.slice(0, 2), { filterableAttributes: ['color', 'age'] });
    await e.index('test').addDocuments(DOCS.slice(2)).waitTask();
    expect(await filterIds(e, 'color = green')).toEqual([1, 3]);
    expect(await filterIds(e, 'age 20 TO 40')).toEqual([1, 2]);
  });

  test('a setting change that makes an attribute filterable indexes it', async () => {
    const e = await engineWith(DOCS);
    await e.index('test').updateFilterableAttributes(['name']).waitTask();
    expect(await filterIds(e, 'name STARTS WITH b')).toEqual([4]);
  });
});
