/**
 * The `sort` rule and custom `field:asc|desc` rules (spec §5.4): numbers before strings in both directions,
 * documents without a value last, multi-valued documents at their best value; details with the bucket value,
 * hidden for fields that are not displayed; no effect on `_rankingScore`. Golden orders from Meilisearch's
 * `tests/sort.rs` (sort values come from the filters layer's sort source).
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const DOCS: Record<string, unknown>[] = [
  { id: 0, letter: 'A', rank: 0, vague: 0 },
  { id: 1, letter: 'A', rank: 1, vague: '0' },
  { id: 2, letter: 'B', rank: 0, vague: 1 },
  { id: 3, letter: 'B', rank: 1, vague: '1' },
  { id: 4, letter: 'B', rank: 2, vague: [1, 2] },
  { id: 5, letter: 'C', rank: 0, vague: [1, '2'] },
  { id: 6, letter: 'C', rank: 1 },
  { id: 7, letter: 'C', rank: 2, vague: null },
  { id: 8, letter: 'D', rank: 0, vague: [null, null, ''] },
  { id: 9, letter: 'E', rank: 0, vague: '' },
  { id: 10, letter: 'E', rank: 1, vague: { sub: 0 } },
  { id: 11, letter: 'E', rank: 2, vague: true },
  { id: 12, letter: 'E', rank: 3, vague: false },
  { id: 13, letter: 'E', rank: 4, vague: 1.5673 },
  { id: 14, letter: 'E', rank: 5 },
  { id: 15, letter: 'F', rank: 0 },
  { id: 16, letter: 'F', rank: 1 },
  { id: 17, letter: 'F', rank: 2 },
  { id: 18, letter: 'G', rank: 0 },
  { id: 19, letter: 'G', rank: 1 },
  { id: 20, letter: 'H', rank: 0, vague: true },
  { id: 21, letter: 'I', rank: 0, vague: false },
  { id: 22, letter: 'I', rank: 1, vague: [1.1367, 'help', null] },
  { id: 23, letter: 'I', rank: 2, vague: [1.2367, 'hello'] },
];
const SETTINGS = { searchableAttributes: ['text'], sortableAttributes: ['rank', 'vague', 'letter'], rankingRules: ['sort'] };

describe('the sort rule in a placeholder search', () => {
  it('sorts strings by normalized value, numbers numerically, numbers first in both directions', async () => {
    const t = await indexWith(DOCS, SETTINGS);
    expect(await t.ids(null, { sort: ['letter:desc'] })).toEqual([21, 22, 23, 20, 18, 19, 15, 16, 17, 9, 10, 11, 12, 13, 14, 8, 5, 6, 7, 2]);
    expect(await t.ids(null, { sort: ['rank:desc'] })).toEqual([14, 13, 12, 4, 7, 11, 17, 23, 1, 3, 6, 10, 16, 19, 22, 0, 2, 5, 8, 9]);
    const asc = await t.search(null, { sort: ['vague:asc'], showRankingScoreDetails: true, showRankingScore: true });
    expect(asc.hits.map((h) => h.id)).toEqual([0, 2, 4, 5, 22, 23, 13, 1, 3, 12, 21, 11, 20, 6, 7, 8, 9, 10, 14, 15]);
    expect(asc.hits.map((h) => (h._rankingScoreDetails?.['vague:asc'] as { value: unknown }).value)).toEqual([0, 1, 1, 1, 1.1367, 1.2367, 1.5673, '0', '1', 'false', 'false', 'true', 'true', null, null, null, null, null, null, null]);
    expect(asc.hits.every((h) => h._rankingScore === 1)).toBe(true);
    expect(await t.ids(null, { sort: ['vague:desc'] })).toEqual([4, 13, 23, 22, 2, 5, 0, 11, 20, 12, 21, 3, 1, 6, 7, 8, 9, 10, 14, 15]);
  });

  it('hides the name and values of a sort on a field that is not displayed', async () => {
    const t = await indexWith(DOCS, { ...SETTINGS, displayedAttributes: ['id', 'text', 'vague'] });
    const r = await t.search(null, { sort: ['vague:asc', 'letter:asc'], showRankingScoreDetails: true });
    expect(r.hits.map((h) => h.id)).toEqual([0, 2, 4, 5, 22, 23, 13, 1, 3, 12, 21, 11, 20, 6, 7, 8, 9, 10, 14, 15]);
    expect(r.hits[0]._rankingScoreDetails).toEqual({ 'vague:asc': { order: 0, value: 0 }, '<hidden-rule-1>': { order: 1, value: '<hidden>' } });
  });
});

describe('sort with a query and custom rules', () => {
  it('applies sort criteria where `sort` sits in the rules; a custom rule on an already sorted field is skipped', async () => {
    const docs = [
      { id: 1, text: 'blue car', price: 30 },
      { id: 2, text: 'blue', price: 10 },
      { id: 3, text: 'car blue', price: 20 },
      { id: 4, text: 'red car', price: 5 },
    ];
    const t = await indexWith(docs, { searchableAttributes: ['text'], sortableAttributes: ['price'], rankingRules: ['words', 'sort', 'price:desc', 'proximity'] });
    // `red car` lacks the mandatory first word. Words first, then price ascending from the parameter; the
    // custom price:desc comes after and is skipped as a duplicate.
    const r = await t.search('blue car', { sort: ['price:asc'], showRankingScoreDetails: true });
    expect(r.hits.map((h) => h.id)).toEqual([3, 1, 2]);
    expect(Object.keys(r.hits[0]._rankingScoreDetails ?? {})).toEqual(['words', 'price:asc', 'proximity']);
    // Without the parameter, the custom rule applies.
    expect(await t.ids('blue car')).toEqual([1, 3, 2]);
  });
});
