import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../src/engine/search/filter/index.ts';
import type { Filter } from '../../../../src/engine/types/search.ts';
import { engineErrorOf, p, syntaxError } from './filterTestHelpers.ts';

describe('parseFilter: array form', () => {
  it('is an AND of elements, each a string or an OR of strings', () => {
    expect(p(['channel = mv'])).toBe('{channel} = {mv}');
    expect(p([['channel = mv']])).toBe('{channel} = {mv}');
    expect(p(['(channel = mv)'])).toBe('{channel} = {mv}');
    expect(p(['channel = "Mister Mv"'])).toBe('{channel} = {Mister Mv}');
    expect(p(['channel = gotaga', ['timestamp = 44', 'channel != ponce']])).toBe(
      p('channel = gotaga AND (timestamp = 44 OR channel != ponce)'),
    );
    expect(p([['a = 1', 'b = 2'], ['c = 3', 'd = 4']])).toBe('AND[OR[{a} = {1}, {b} = {2}, ], OR[{c} = {3}, {d} = {4}, ], ]');
  });

  it('keeps an element whole: its own AND/OR nest inside', () => {
    expect(p(['a = 1 OR b = 2', 'c = 3'])).toBe('AND[OR[{a} = {1}, {b} = {2}, ], {c} = {3}, ]');
  });

  it('skips blank elements', () => {
    expect(p(['', 'a = 1', ['  ', 'b = 2'], []])).toBe('AND[{a} = {1}, {b} = {2}, ]');
    expect(p(['', ['', 'b = 2']])).toBe('{b} = {2}');
  });

  it('reports syntax errors relative to the failing element', () => {
    expect(syntaxError(['a = 1', ['b = 2', 'doggo']])).toBe(
      'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon` at `doggo`.\n1:6 doggo',
    );
    expect(syntaxError(['a = 1', 'b = ', 'c ='], 'invalid_document_filter')).toBe(
      'Was expecting a value but instead got nothing.\n5:5 b = ',
    );
  });

  it.each<[string, unknown, string]>([
    ['a boolean', true, 'expected String, Array, found: true'],
    ['a number', 1, 'expected String, Array, found: 1'],
    ['an object', { a: 1 }, 'expected String, Array, found: {"a":1}'],
    ['a nested array', ['a = 1', [['b = 2']]], 'expected String, found: ["b = 2"]'],
    ['a number element', ['a = 1', 2], 'expected String, [String], found: 2'],
    ['a null element', [null], 'expected String, [String], found: null'],
    ['an object in an OR', [['a = 1', { b: 'c' }]], 'expected String, found: {"b":"c"}'],
  ])('refuses %s with "Invalid syntax for the filter parameter"', (_, filter, detail) => {
    const error = engineErrorOf(() => parseFilter(filter as Filter, 'invalid_search_filter'));
    expect(error.code).toBe('invalid_search_filter');
    expect(error.message).toBe(`Invalid syntax for the filter parameter: \`${detail}\`.`);
  });

  it('checks element types before parsing any element', () => {
    const error = engineErrorOf(() => parseFilter(['doggo', 3] as unknown as Filter, 'invalid_document_filter'));
    expect(error.code).toBe('invalid_document_filter');
    expect(error.message).toBe('Invalid syntax for the filter parameter: `expected String, [String], found: 3`.');
  });
});

describe('parseFilter: _foreign filters', () => {
  const refused =
    'using a foreign filter requires enabling the `foreign_keys` experimental feature. See https://github.com/orgs/meilisearch/discussions/873';

  it('parses them and refuses them with feature_not_enabled, pointing at the foreign attribute', () => {
    const error = engineErrorOf(() => parseFilter('_foreign(author, id = a1)', 'invalid_document_filter'));
    expect(error.code).toBe('feature_not_enabled');
    expect(error.message).toBe(`${refused}\n10:16 _foreign(author, id = a1)`);
  });

  it('shows the text from the _foreign call on, and reports the last one', () => {
    const filter = 'x = 1 AND _foreign(author, birthday STARTS WITH "1958-" AND popularity >= 3.5) OR _foreign(b, c = 1)';
    expect(engineErrorOf(() => parseFilter(filter, 'invalid_search_filter')).message).toBe(
      `${refused}\n92:93 _foreign(b, c = 1)`,
    );
    expect(engineErrorOf(() => parseFilter(['a = 1', '_foreign(author, x = 1)', 'b = 2'], 'invalid_search_filter')).message).toBe(
      `${refused}\n10:16 _foreign(author, x = 1)`,
    );
  });

  it('reports syntax errors inside _foreign with their own message', () => {
    expect(syntaxError('x = 1 OR _foreign(author id = 1)')).toBe(
      'Was expecting a field name and an condition inside `_foreign(..)` filter but instead found `id = 1)`.\n26:33 _foreign(author id = 1)',
    );
    expect(syntaxError('_foreign')).toBe(
      'Was expecting a field name and an condition inside `_foreign(..)` filter but instead found ``.\n9:9 _foreign',
    );
  });

  it('leaves `_foreign` usable as a plain attribute', () => {
    expect(p('_foreign = 1')).toBe('{_foreign} = {1}');
  });
});
