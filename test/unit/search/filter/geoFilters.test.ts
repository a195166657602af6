import { describe, expect, it } from 'vitest';
import { checkFilterable, parseFilter } from '../../../../src/engine/search/filter/index.ts';
import type { FilterableAttribute } from '../../../../src/engine/types/settings.ts';
import type { FilterGeoRadius } from '../../../../src/engine/search/filter/ast.ts';
import { engineErrorOf, p, syntaxError } from './filterTestHelpers.ts';

function check(filter: string, rules: FilterableAttribute[]): string {
  const node = parseFilter(filter, 'invalid_search_filter');
  if (!node) throw new Error('no filter');
  const error = engineErrorOf(() => checkFilterable(node, rules, 'invalid_search_filter'));
  expect(error.code).toBe('invalid_search_filter');
  return error.message;
}

function passes(filter: string, rules: FilterableAttribute[]): void {
  const node = parseFilter(filter, 'invalid_search_filter');
  if (!node) throw new Error('no filter');
  expect(() => checkFilterable(node, rules, 'invalid_search_filter')).not.toThrow();
}

describe('geo functions: parsing', () => {
  it.each([
    ['_geoRadius(12, 13, 14)', '_geoRadius({12}, {13}, {14})'],
    ['NOT _geoRadius(12, 13, 14)', 'NOT (_geoRadius({12}, {13}, {14}))'],
    ['_geoRadius(12,13,14)', '_geoRadius({12}, {13}, {14})'],
    ['_geoRadius(12,13,14,1000)', '_geoRadius({12}, {13}, {14}, {1000})'],
    ['  _geoRadius( -1.5e1 , +.5 , 1. )', '_geoRadius({-1.5e1}, {+.5}, {1.})'],
    ['_geoBoundingBox([12, 13], [14, 15])', '_geoBoundingBox([{12}, {13}], [{14}, {15}])'],
    ['NOT _geoBoundingBox([12, 13], [14, 15])', 'NOT (_geoBoundingBox([{12}, {13}], [{14}, {15}]))'],
    ['_geoBoundingBox([12,13],[14,15])', '_geoBoundingBox([{12}, {13}], [{14}, {15}])'],
    ['_geoPolygon([12, 13], [14, 15], [16, 17])', '_geoPolygon([[{12}, {13}], [{14}, {15}], [{16}, {17}], ])'],
    ['_geoPolygon([12, 13], [14, 15], [-1.2,2939.2], [1,1])', '_geoPolygon([[{12}, {13}], [{14}, {15}], [{-1.2}, {2939.2}], [{1}, {1}], ])'],
    ['_geoPolygon([1, 2], [3, 4], [5, 6],)', '_geoPolygon([[{1}, {2}], [{3}, {4}], [{5}, {6}], ])'],
  ])('%s', (filter, expected) => {
    expect(p(filter)).toBe(expected);
  });

  it('keeps raw text and numbers of the arguments', () => {
    const node = parseFilter('_geoRadius(45.4777599, 9.1967508, 0, 1e999)', 'invalid_search_filter') as FilterGeoRadius;
    expect(node.lat).toMatchObject({ raw: '45.4777599', number: 45.4777599 });
    expect(node.radius.number).toBe(0);
    expect(node.resolution).toMatchObject({ raw: '1e999', number: null });
  });

  it.each([
    ['_geoRadius(1, 2)', 'Was expecting 3 or 4 arguments for `_geoRadius`, but instead found 2.\n17:17 _geoRadius(1, 2)'],
    ['_geoRadius(1, 2, 3, 4, 5)', 'Was expecting 3 or 4 arguments for `_geoRadius`, but instead found 5.\n26:26 _geoRadius(1, 2, 3, 4, 5)'],
    ['_geoRadius(a, 1, 2)', 'The `_geoRadius` filter must be in the form: `_geoRadius(latitude, longitude, radius, optionalResolution)`.\n12:20 _geoRadius(a, 1, 2)'],
    ['_geoRadius(1, 2, a)', 'The `_geoRadius` filter must be in the form: `_geoRadius(latitude, longitude, radius, optionalResolution)`.\n16:20 _geoRadius(1, 2, a)'],
    ['_geoRadius(1e, 2, 3)', 'The `_geoRadius` filter must be in the form: `_geoRadius(latitude, longitude, radius, optionalResolution)`.\n14:21 _geoRadius(1e, 2, 3)'],
    ['_geoBoundingBox([1, 2])', 'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.\n24:24 _geoBoundingBox([1, 2])'],
    ['_geoBoundingBox([1, 2, 3], [4, 5])', 'Was expecting 2 coordinates but instead found 3.\n18:19 _geoBoundingBox([1, 2, 3], [4, 5])'],
    ['_geoBoundingBox([1, 2], [4])', 'Was expecting 2 coordinates but instead found 1.\n26:27 _geoBoundingBox([1, 2], [4])'],
    ['_geoPolygon([1, 2], [3, 4])', 'The `_geoPolygon` filter expects at least 3 points but only 2 were specified\n25:26 _geoPolygon([1, 2], [3, 4])'],
  ])('argument error: %s', (filter, expected) => {
    expect(syntaxError(filter)).toBe(expected);
  });
});

describe('geo functions: checkFilterable', () => {
  it('needs `_geo` (or `_geojson`) declared as a string rule', () => {
    expect(check('_geoRadius(42, 150, 10)', [])).toBe(
      'Attribute `_geo/_geojson` is not filterable. This index does not have configured filterable attributes.\n12:14 _geoRadius(42, 150, 10)',
    );
    expect(check('_geoBoundingBox([42, 150], [30, 10])', [])).toBe(
      'Attribute `_geo/_geojson` is not filterable. This index does not have configured filterable attributes.\n18:20 _geoBoundingBox([42, 150], [30, 10])',
    );
    expect(check('_geoRadius(-90, 150, 10)', ['title'])).toBe(
      'Attribute `_geo/_geojson` is not filterable. Available filterable attribute patterns are: `title`.\n12:15 _geoRadius(-90, 150, 10)',
    );
    expect(check('_geoRadius(1, 2, 3)', [{ attributePatterns: ['_geo'] }])).toContain('Attribute `_geo/_geojson` is not filterable.');
    passes('_geoRadius(45.4777599, 9.1967508, 0)', ['_geo']);
    passes('_geoBoundingBox([42, 150], [30, 10])', ['_geojson']);
  });

  it('needs `_geojson` for _geoPolygon, checked before its coordinates', () => {
    expect(check('_geoPolygon([0, 0], [0, 2], [2, 2], [2, 0])', ['_geo'])).toBe(
      'Attribute `_geojson` is not filterable. Available filterable attribute patterns are: `_geo`.\n14:15 _geoPolygon([0, 0], [0, 2], [2, 2], [2, 0])',
    );
    expect(check('_geoPolygon([0, 0], [0, 200], [2, 2])', ['_geojson'])).toContain('Bad longitude `200`.');
    passes('_geoPolygon([0, 0], [0, 2], [2, 2])', ['_geojson']);
  });

  const geoRules: FilterableAttribute[] = ['_geo', 'price'];
  it.each([
    ['_geoRadius(-100, 150, 10)', 'Bad latitude `-100`. Latitude must be contained between -90 and 90 degrees.\n12:16 _geoRadius(-100, 150, 10)'],
    ['_geoRadius(-90.0000001, 150, 10)', 'Bad latitude `-90.0000001`. Latitude must be contained between -90 and 90 degrees.\n12:23 _geoRadius(-90.0000001, 150, 10)'],
    ['_geoRadius(-10, 250, 10)', 'Bad longitude `250`. Longitude must be contained between -180 and 180 degrees. Hint: try using `-110` instead.\n17:20 _geoRadius(-10, 250, 10)'],
    ['_geoRadius(-10, 180.000001, 10)', 'Bad longitude `180.000001`. Longitude must be contained between -180 and 180 degrees. Hint: try using `-179.999999` instead.\n17:27 _geoRadius(-10, 180.000001, 10)'],
    ['_geoBoundingBox([-90.0000001, 150], [30, 10])', 'Bad latitude `-90.0000001`. Latitude must be contained between -90 and 90 degrees.\n18:29 _geoBoundingBox([-90.0000001, 150], [30, 10])'],
    ['_geoBoundingBox([90.0000001, 150], [30, 10])', 'Bad latitude `90.0000001`. Latitude must be contained between -90 and 90 degrees.\n18:28 _geoBoundingBox([90.0000001, 150], [30, 10])'],
    ['_geoBoundingBox([30, 10], [-90.0000001, 150])', 'Bad latitude `-90.0000001`. Latitude must be contained between -90 and 90 degrees.\n28:39 _geoBoundingBox([30, 10], [-90.0000001, 150])'],
    ['_geoBoundingBox([-10, 180.000001], [30, 10])', 'Bad longitude `180.000001`. Longitude must be contained between -180 and 180 degrees. Hint: try using `-179.999999` instead.\n23:33 _geoBoundingBox([-10, 180.000001], [30, 10])'],
    ['_geoBoundingBox([-10, -180.000001], [30, 10])', 'Bad longitude `-180.000001`. Longitude must be contained between -180 and 180 degrees. Hint: try using `179.999999` instead.\n23:34 _geoBoundingBox([-10, -180.000001], [30, 10])'],
    ['_geoBoundingBox([30, 10], [-10, -180.000001])', 'Bad longitude `-180.000001`. Longitude must be contained between -180 and 180 degrees. Hint: try using `179.999999` instead.\n33:44 _geoBoundingBox([30, 10], [-10, -180.000001])'],
    ['_geoBoundingBox([30, 10], [-10, 180.000001])', 'Bad longitude `180.000001`. Longitude must be contained between -180 and 180 degrees. Hint: try using `-179.999999` instead.\n33:43 _geoBoundingBox([30, 10], [-10, 180.000001])'],
    ['_geoBoundingBox([10, 10], [30, 20])', 'The top latitude `10` is below the bottom latitude `30`.\n32:34 _geoBoundingBox([10, 10], [30, 20])'],
    ['_geoRadius(1, 2, 3, 2)', 'Invalid resolution `2`. Resolution must be between 3 and 1000.\n21:22 _geoRadius(1, 2, 3, 2)'],
    ['_geoRadius(1, 2, 3, 1000.9)', ''],
    ['_geoRadius(1, 2, 3, -5)', 'Invalid resolution `0`. Resolution must be between 3 and 1000.\n21:23 _geoRadius(1, 2, 3, -5)'],
    ['_geoRadius(1, 2, 3, 1e30)', 'Invalid resolution `18446744073709551615`. Resolution must be between 3 and 1000.\n21:25 _geoRadius(1, 2, 3, 1e30)'],
    ['_geoRadius(1e400, 2, 3)', 'Non finite floats are not supported\n12:17 _geoRadius(1e400, 2, 3)'],
    ['_geoRadius(100, 1e400, 3)', 'Non finite floats are not supported\n17:22 _geoRadius(100, 1e400, 3)'],
    ['_geoRadius(1, 2, -1e400)', 'Non finite floats are not supported\n18:24 _geoRadius(1, 2, -1e400)'],
    ['_geoRadius(1e-7, 1e25, 3)', 'Bad longitude `10000000000000000000000000`. Longitude must be contained between -180 and 180 degrees. Hint: try using `-116` instead.\n18:22 _geoRadius(1e-7, 1e25, 3)'],
  ])('coordinates: %s', (filter, expected) => {
    if (expected === '') passes(filter, geoRules);
    else expect(check(filter, geoRules)).toBe(expected);
  });

  it('reports a not-filterable attribute before any geo error', () => {
    expect(check('_geoRadius(-100, 150, 10) AND color = red', geoRules)).toContain('Attribute `color` is not filterable.');
  });
});
