import { describe, expect, it } from 'vitest';
import {
  filterablePatterns,
  isGeoFilterEnabled,
  matchesAttributePattern,
  matchFilterableRule,
  resolveFeatures,
} from '../../../../src/engine/search/filter/index.ts';
import type { FilterableAttribute } from '../../../../src/engine/types/settings.ts';

describe('matchesAttributePattern (object rules)', () => {
  it.each<[string, string, boolean]>([
    ['*', 'test', true],
    ['test*', 'test', true],
    ['test*', 'testa', true],
    ['*test', 'test', true],
    ['*test', 'atest', true],
    ['*test*', 'test', true],
    ['*test*', 'atesta', true],
    ['*test*', 'atest', true],
    ['*test*', 'testa', true],
    ['test*test', 'test', false],
    ['*test', 'testa', false],
    ['test*', 'atest', false],
    ['title', 'title', true],
    ['title', 'title.en', false],
    ['doggos.*', 'doggos', false],
    ['doggos.*', 'doggos.age', true],
    ['**', 'anything', true],
  ])('%s ~ %s → %s', (pattern, attribute, expected) => {
    expect(matchesAttributePattern(pattern, attribute)).toBe(expected);
  });
});

describe('matchFilterableRule', () => {
  it('matches string rules on the attribute and its nested fields only', () => {
    expect(matchFilterableRule('a', ['a'])?.index).toBe(0);
    expect(matchFilterableRule('a.b.c', ['a'])?.index).toBe(0);
    expect(matchFilterableRule('ab', ['a'])).toBeNull();
    expect(matchFilterableRule('a', ['a.b'])).toBeNull();
    expect(matchFilterableRule('title', ['*'])).toBeNull();
  });

  it('matches object rules through their patterns, without nested fields', () => {
    const rules: FilterableAttribute[] = [{ attributePatterns: ['genre', '*_id'] }];
    expect(matchFilterableRule('genre', rules)?.rule).toBe(rules[0]);
    expect(matchFilterableRule('author_id', rules)?.index).toBe(0);
    expect(matchFilterableRule('genre.name', rules)).toBeNull();
  });

  it('lets the first matching rule decide, even one that disables filtering', () => {
    const rules: FilterableAttribute[] = [
      { attributePatterns: ['doggos.a*'], features: { facetSearch: false, filter: { equality: false, comparison: false } } },
      { attributePatterns: ['doggos.*'] },
      'doggos',
    ];
    expect(matchFilterableRule('doggos.age', rules)).toEqual({
      rule: rules[0],
      index: 0,
      features: { facetSearch: false, filter: { equality: false, comparison: false } },
    });
    expect(matchFilterableRule('doggos.name', rules)?.index).toBe(1);
    expect(matchFilterableRule('doggos', rules)?.index).toBe(2);
  });

  it('resolves feature defaults', () => {
    expect(resolveFeatures('x')).toEqual({ facetSearch: true, filter: { equality: true, comparison: true } });
    expect(resolveFeatures({ attributePatterns: ['x'] })).toEqual({ facetSearch: false, filter: { equality: true, comparison: false } });
    expect(resolveFeatures({ attributePatterns: ['x'], features: { facetSearch: true } })).toEqual({
      facetSearch: true,
      filter: { equality: true, comparison: false },
    });
    expect(resolveFeatures({ attributePatterns: ['x'], features: { filter: { comparison: true } } })).toEqual({
      facetSearch: false,
      filter: { equality: true, comparison: true },
    });
  });
});

describe('filterablePatterns and geo rules', () => {
  it('sorts by code point and drops rules without filtering', () => {
    expect(filterablePatterns(['é', 'z', 'Z', { attributePatterns: ['a', 'z'] }, { attributePatterns: ['q'], features: { filter: { equality: false } } }])).toEqual(['Z', 'a', 'z', 'é']);
  });

  it('enables geo filtering only for the string rule `_geo`', () => {
    expect(isGeoFilterEnabled(['_geo'])).toBe(true);
    expect(isGeoFilterEnabled([{ attributePatterns: ['_geo'] }])).toBe(false);
    expect(isGeoFilterEnabled(['_geo.lat'])).toBe(false);
  });
});
