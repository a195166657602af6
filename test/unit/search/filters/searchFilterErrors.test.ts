/**
 * Golden search-filter errors: what Meilisearch raises inside the index carries "Index `uid`: ";
 * syntax errors and disabled features do not (spec §2, §6).
 */
import { describe, expect, test } from 'vitest';
import { engineWith, readerOf } from './engineHelpers.ts';
import { prepareFilter } from '../../../../src/engine/search/filters/prepareFilter.ts';
import { EngineError } from '../../../../src/errors/engineError.ts';
import type { Filter } from '../../../../src/engine/types/search.ts';
import type { SettingsUpdate } from '../../../../src/engine/types/settings.ts';

async function error(settings: SettingsUpdate, filter: Filter, code: 'invalid_search_filter' | 'invalid_document_filter' = 'invalid_search_filter') {
  const engine = await engineWith([{ id: 1, title: 'Glass', doggos: { age: 2 }, cattos: 'x' }], settings, 'movies');
  const { state } = await readerOf(engine, 'movies');
  try {
    prepareFilter(state, filter, code);
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return { code: (e as EngineError).code, message: (e as EngineError).message };
  }
  throw new Error('expected an error');
}

describe('search filter errors', () => {
  test('a non-filterable attribute, in the array form', async () => {
    expect(await error({ filterableAttributes: ['title'] }, ['title = Glass', ['"many" = "Glass"']])).toEqual({
      code: 'invalid_search_filter',
      message: 'Index `movies`: Attribute `many` is not filterable. Available filterable attribute patterns are: `title`.\n2:6 "many" = "Glass"',
    });
  });

  test('no filterable attributes at all', async () => {
    expect((await error({}, 'title = Glass')).message).toBe(
      'Index `movies`: Attribute `title` is not filterable. This index does not have configured filterable attributes.\n1:6 title = Glass',
    );
  });

  test('an operator the matching rule does not allow', async () => {
    const rules = { filterableAttributes: [{ attributePatterns: ['doggos.age'], features: { filter: { equality: true, comparison: false } } }] };
    expect(await error(rules, 'doggos.age > 2')).toEqual({
      code: 'invalid_search_filter',
      message:
        'Index `movies`: Filter operator `>` is not allowed for the attribute `doggos.age`.\n  - Note: allowed operators: OR, AND, NOT, =, !=, IN, IS EMPTY, IS NULL, EXISTS.\n  - Note: field `doggos.age` matched rule #0 in `filterableAttributes`\n  - Hint: enable comparison in rule #0 by modifying the features.filter object\n  - Hint: prepend another rule matching `doggos.age` with appropriate filter features before rule #0',
    });
  });

  test('syntax errors carry no index prefix', async () => {
    expect(await error({ filterableAttributes: ['title'] }, 'title & Glass')).toEqual({
      code: 'invalid_search_filter',
      message:
        'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon` at `title & Glass`.\n1:14 title & Glass',
    });
  });

  test('CONTAINS without the feature: feature_not_enabled, no prefix', async () => {
    const e = await error({ filterableAttributes: ['title'] }, 'title CONTAINS gla');
    expect(e.code).toBe('feature_not_enabled');
    expect(e.message.startsWith('Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature.')).toBe(true);
  });

  test('geo filters need _geo filterable', async () => {
    expect((await error({ filterableAttributes: ['title'] }, '_geoRadius(0, 0, 10)')).message).toBe(
      'Index `movies`: Attribute `_geo/_geojson` is not filterable. Available filterable attribute patterns are: `title`.\n12:13 _geoRadius(0, 0, 10)',
    );
  });

  test('document filters: the same messages without the prefix', async () => {
    expect(await error({ filterableAttributes: ['title'] }, 'doggo = bernese', 'invalid_document_filter')).toEqual({
      code: 'invalid_document_filter',
      message: 'Attribute `doggo` is not filterable. Available filterable attribute patterns are: `title`.\n1:6 doggo = bernese',
    });
  });
});
