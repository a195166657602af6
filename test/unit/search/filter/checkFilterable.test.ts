import { describe, expect, it } from 'vitest';
import {
  checkFilterable,
  checkFilterFeatures,
  parseFilter,
  type CheckFilterableOptions,
  type FilterErrorCode,
} from '../../../../src/engine/search/filter/index.ts';
import type { EngineError } from '../../../../src/errors/engineError.ts';
import type { FilterableAttribute } from '../../../../src/engine/types/settings.ts';
import type { Filter } from '../../../../src/engine/types/search.ts';
import { engineErrorOf } from './filterTestHelpers.ts';

function errorOf(
  filter: Filter,
  rules: FilterableAttribute[],
  options: CheckFilterableOptions = {},
  code: FilterErrorCode = 'invalid_search_filter',
): EngineError {
  const node = parseFilter(filter, code);
  if (!node) throw new Error('no filter');
  return engineErrorOf(() => checkFilterable(node, rules, code, options));
}

function passes(filter: Filter, rules: FilterableAttribute[], options: CheckFilterableOptions = {}): void {
  const node = parseFilter(filter, 'invalid_search_filter');
  if (!node) throw new Error('no filter');
  expect(() => checkFilterable(node, rules, 'invalid_search_filter', options)).not.toThrow();
}

const operatorError = (op: string, field: string, allowed: string, feature: string, rule = 0): string =>
  `Filter operator \`${op}\` is not allowed for the attribute \`${field}\`.\n` +
  `  - Note: allowed operators: ${allowed}.\n` +
  `  - Note: field \`${field}\` matched rule #${rule} in \`filterableAttributes\`\n` +
  `  - Hint: enable ${feature} in rule #${rule} by modifying the features.filter object\n` +
  `  - Hint: prepend another rule matching \`${field}\` with appropriate filter features before rule #${rule}`;

const EQUALITY_ONLY = 'OR, AND, NOT, =, !=, IN, IS EMPTY, IS NULL, EXISTS';
const COMPARISON_ONLY = 'OR, AND, NOT, <, >, <=, >=, TO, IS EMPTY, IS NULL, EXISTS';

describe('checkFilterable: attributes that are not filterable', () => {
  it.each<[string, Filter, FilterableAttribute[], string]>([
    ['no rules', 'doggo=bernese', [], 'Attribute `doggo` is not filterable. This index does not have configured filterable attributes.\n1:6 doggo=bernese'],
    ['one rule', 'doggo = bernese', ['color'], 'Attribute `doggo` is not filterable. Available filterable attribute patterns are: `color`.\n1:6 doggo = bernese'],
    ['sorted patterns', 'catto = jorts', ['title', 'id'], 'Attribute `catto` is not filterable. Available filterable attribute patterns are: `id`, `title`.\n1:6 catto = jorts'],
    ['quoted attribute', '"author" IN ["a1"]', [], 'Attribute `author` is not filterable. This index does not have configured filterable attributes.\n2:8 "author" IN ["a1"]'],
    ['object rule patterns', '"doggos.age" > "2"', [{ attributePatterns: ['doggos.*'], features: { filter: { equality: false, comparison: false } } }, { attributePatterns: ['doggos.*'] }], 'Attribute `doggos.age` is not filterable. Available filterable attribute patterns are: `doggos.*`.\n2:12 "doggos.age" > "2"'],
    ['parent of a pattern', '"doggos" EXISTS', [{ attributePatterns: ['doggos.*'] }], 'Attribute `doggos` is not filterable. Available filterable attribute patterns are: `doggos.*`.\n2:8 "doggos" EXISTS'],
    ['parent of nested rules', '"nested" = "array"', ['title', 'nested.object', 'nested.machin'], 'Attribute `nested` is not filterable. Available filterable attribute patterns are: `nested.machin`, `nested.object`, `title`.\n2:8 "nested" = "array"'],
    ['after a filterable one', 'title = "test" AND name IN [12]', ['title'], 'Attribute `name` is not filterable. Available filterable attribute patterns are: `title`.\n20:24 title = "test" AND name IN [12]'],
    ['inside NOT', 'title = "test" AND name != 12', ['title'], 'Attribute `name` is not filterable. Available filterable attribute patterns are: `title`.\n20:24 title = "test" AND name != 12'],
    ['array element', ['title = a', ['many = Glass']], ['title'], 'Attribute `many` is not filterable. Available filterable attribute patterns are: `title`.\n1:5 many = Glass'],
  ])('%s', (_, filter, rules, expected) => {
    const error = errorOf(filter, rules);
    expect(error.code).toBe('invalid_search_filter');
    expect(error.message).toBe(expected);
  });

  it('reports the last non-filterable attribute of the filter first', () => {
    expect(errorOf('a = 1 OR (b = 2 AND NOT c = 3) OR ok = 1', ['ok']).message).toMatch(/^Attribute `c` is not/);
    expect(errorOf(['a = 1', 'b = 2'], []).message).toMatch(/^Attribute `b` is not[^\n]*\n1:2 b = 2$/);
  });

  it('reports it before operator errors and geo errors', () => {
    const rules: FilterableAttribute[] = [{ attributePatterns: ['x'] }, '_geo'];
    expect(errorOf('x > 1 AND _geoRadius(100, 1, 1) AND y = 1', rules).message).toMatch(/^Attribute `y` is not/);
  });

  it('lists only patterns of rules that allow filtering, once', () => {
    const rules: FilterableAttribute[] = [
      { attributePatterns: ['off_*'], features: { facetSearch: true, filter: { equality: false, comparison: false } } },
      'b',
      { attributePatterns: ['a*', 'b'] },
    ];
    expect(errorOf('zz = 1', rules).message).toBe(
      'Attribute `zz` is not filterable. Available filterable attribute patterns are: `a*`, `b`.\n1:3 zz = 1',
    );
    expect(errorOf('off_x = 1', rules).message).toMatch(/^Attribute `off_x` is not filterable/);
  });

  it('uses the code it is given', () => {
    const error = errorOf('doggo = 1', [], {}, 'invalid_document_filter');
    expect(error.code).toBe('invalid_document_filter');
  });

  it('lets `_vectors` through (it is not an attribute of the filterable rules)', () => {
    passes('_vectors EXISTS', []);
  });
});

describe('checkFilterable: operators allowed by the rule features', () => {
  const equalityOnly: FilterableAttribute[] = [{ attributePatterns: ['cattos', 'doggos.age'] }];
  const comparisonOnly: FilterableAttribute[] = [
    { attributePatterns: ['cattos', 'doggos.age'], features: { facetSearch: false, filter: { equality: false, comparison: true } } },
  ];

  it.each<[string, FilterableAttribute[], string, string, string, string]>([
    ['doggos.age > 2', equalityOnly, '>', 'doggos.age', EQUALITY_ONLY, 'comparison'],
    ['doggos.age 2 TO 4', equalityOnly, 'TO', 'doggos.age', EQUALITY_ONLY, 'comparison'],
    ['cattos <= b', equalityOnly, '<=', 'cattos', EQUALITY_ONLY, 'comparison'],
    ['cattos = pésti', comparisonOnly, '=', 'cattos', COMPARISON_ONLY, 'equality'],
    ['cattos != pésti', comparisonOnly, '!=', 'cattos', COMPARISON_ONLY, 'equality'],
    ['cattos IN [pésti, simba]', comparisonOnly, '=', 'cattos', COMPARISON_ONLY, 'equality'],
    ['cattos NOT IN [pésti]', comparisonOnly, '=', 'cattos', COMPARISON_ONLY, 'equality'],
  ])('%s', (filter, rules, op, field, allowed, feature) => {
    const error = errorOf(filter, rules, {}, 'invalid_document_filter');
    // Meilisearch reports disallowed operators as search filter errors, whatever the route
    expect(error.code).toBe('invalid_search_filter');
    expect(error.message).toBe(operatorError(op, field, allowed, feature));
  });

  it('accepts what the features allow, and EXISTS / IS NULL / IS EMPTY / STARTS WITH with either', () => {
    passes('cattos = a AND cattos IN [a, b] AND cattos != c AND cattos EXISTS AND cattos IS NULL AND cattos IS NOT EMPTY', equalityOnly);
    passes('cattos > 1 AND cattos 1 TO 2 AND cattos STARTS WITH a AND cattos NOT EXISTS', comparisonOnly);
    passes('cattos IN []', comparisonOnly);
    passes('title > 1 AND title = 2 AND title.sub 1 TO 2', ['title']);
  });

  it('names the deciding rule and checks operands left to right', () => {
    const rules: FilterableAttribute[] = ['title', { attributePatterns: ['price_*'] }, { attributePatterns: ['*'], features: { filter: { comparison: true } } }];
    expect(errorOf('price_eur >= 10 AND other < 1', rules).message).toBe(operatorError('>=', 'price_eur', EQUALITY_ONLY, 'comparison', 1));
    passes('other < 1 AND title 1 TO 5', rules);
  });

  it('skips the operator check for attributes the index has never seen', () => {
    const fieldExists = (attribute: string): boolean => attribute !== 'doggos.age';
    passes('doggos.age > 2', equalityOnly, { fieldExists });
    expect(errorOf('cattos > 2', equalityOnly, { fieldExists }).message).toBe(operatorError('>', 'cattos', EQUALITY_ONLY, 'comparison'));
  });
});

describe('checkFilterable: experimental features', () => {
  const CONTAINS =
    'Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature. See https://github.com/orgs/meilisearch/discussions/763';

  it('refuses CONTAINS unless enabled, pointing at the first CONTAINS keyword', () => {
    let error = errorOf('doggo CONTAINS kefir', ['doggo']);
    expect(error.code).toBe('feature_not_enabled');
    expect(error.message).toBe(`${CONTAINS}\n7:15 doggo CONTAINS kefir`);
    error = errorOf('doggo != echo AND doggo CONTAINS kefir', ['doggo']);
    expect(error.message).toBe(`${CONTAINS}\n25:33 doggo != echo AND doggo CONTAINS kefir`);
    error = errorOf('NOT (a = 1 OR b NOT CONTAINS x) OR c CONTAINS y', []);
    expect(error.message).toBe(`${CONTAINS}\n21:29 NOT (a = 1 OR b NOT CONTAINS x) OR c CONTAINS y`);
    passes('doggo CONTAINS kefir', ['doggo'], { containsFilterEnabled: true });
  });

  it('checks features before filterability', () => {
    expect(errorOf('nope = 1 AND doggo CONTAINS kefir', []).code).toBe('feature_not_enabled');
    expect(errorOf('nope = 1 AND doggo CONTAINS kefir', [], { containsFilterEnabled: true }).message).toMatch(/^Attribute `doggo`/);
  });

  it('refuses shard filters', () => {
    const node = parseFilter('x = 1 OR _shard = "a"', 'invalid_search_filter');
    const error = engineErrorOf(() => checkFilterFeatures(node!));
    expect(error.code).toBe('feature_not_enabled');
    expect(error.message).toBe(
      'using a shard filter requires enabling the `network` experimental feature. See https://github.com/orgs/meilisearch/discussions/805\n10:16 x = 1 OR _shard = "a"',
    );
  });
});
