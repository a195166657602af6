/**
 * Distinct in the bucket sort (spec §5.7): the best-ranked document per value, documents without the attribute
 * all kept, duplicates dropped from the totals as they are met (exactly for finite pagination). Golden orders
 * from Meilisearch's `tests/distinct.rs` (distinct values come from the filters layer's distinct source).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const DOCS = (JSON.parse(readFileSync(new URL('./fixtures/distinct.json', import.meta.url), 'utf8')) as Record<string, unknown>[][])[0];
const SETTINGS = { searchableAttributes: ['text'], sortableAttributes: ['rank1', 'letter'], distinctAttribute: 'letter', rankingRules: ['words'] };

describe('distinct', () => {
  it('keeps the first document per value in id order without ranking rules (setting or parameter)', async () => {
    const expected = [0, 2, 5, 8, 9, 15, 18, 20, 21, 24, 25, 26];
    const t = await indexWith(DOCS, SETTINGS);
    expect(await t.ids(null, { limit: 100 })).toEqual(expected);
    const u = await indexWith(DOCS, { ...SETTINGS, distinctAttribute: null, filterableAttributes: ['letter'] });
    expect(await u.ids(null, { distinct: 'letter', limit: 100 })).toEqual(expected);
  });

  it('keeps the best-sorted document per value', async () => {
    const t = await indexWith(DOCS, { ...SETTINGS, rankingRules: ['sort'] });
    expect(await t.ids(null, { sort: ['rank1:desc'] })).toEqual([14, 26, 4, 7, 17, 23, 1, 19, 25, 8, 20, 24]);
    expect(await t.ids(null, { sort: ['letter:desc'] })).toEqual([21, 20, 18, 15, 9, 8, 5, 2, 0, 24, 25, 26]);
    const r = await t.search(null, { sort: ['rank1:desc'], page: 1, hitsPerPage: 20 });
    expect(r.hits.map((h) => h.id)).toEqual([14, 26, 4, 7, 17, 23, 1, 19, 25, 8, 20, 24]);
    expect(r.totalHits).toBe(12);
  });

  it('keeps the best-ranked document per value for a query', async () => {
    const t = await indexWith(DOCS, { ...SETTINGS, rankingRules: ['words', 'typo'] });
    expect(await t.ids('the quick brown fox jumps over the lazy dog', { matchingStrategy: 'last' })).toEqual([3, 26, 0, 7, 8, 9, 15, 22, 18, 20, 25, 24]);
  });

  it('counts duplicates met while ranking out of estimatedTotalHits', async () => {
    const docs = [
      { id: 1, text: 'apple', color: 'red' },
      { id: 2, text: 'apple', color: 'red' },
      { id: 3, text: 'apple', color: 'green' },
      { id: 4, text: 'apple pie', color: 'green' },
      { id: 5, text: 'apple' },
    ];
    const t = await indexWith(docs, { searchableAttributes: ['text'], distinctAttribute: 'color' });
    const r = await t.search('apple');
    expect(r.hits.map((h) => h.id)).toEqual([1, 3, 5]);
    expect(r.estimatedTotalHits).toBe(3);
    const p = await t.search('apple', { hitsPerPage: 1 });
    expect(p.totalHits).toBe(3);
    expect(p.totalPages).toBe(3);
  });
});
