/**
 * The words rule and the matching strategies (spec §5.3): `last` removes words from the end, phrases are never
 * removed, `all` removes nothing; `words` is inserted before the other query rules. Golden orders from
 * Meilisearch's `milli/src/search/new/tests/words_tms.rs`.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const TEXTS = [
  '',
  'the',
  'the quick',
  'the quick brown',
  'the quick brown fox',
  'the quick brown fox jumps',
  'the quick brown fox jumps over',
  'the quick brown fox jumps over the',
  'the quick brown fox jumps over the lazy',
  'the quick brown fox jumps over the lazy dog',
  'the brown quick fox jumps over the lazy dog',
  'the quick brown fox talks to the lazy and slow dog',
  'the quick brown fox talks to the lazy dog',
  'the mighty and quick brown fox jumps over the lazy dog',
  'the great quick brown fox jumps over the lazy dog',
  'this quick brown and very scary fox jumps over the lazy dog',
  'this quick brown and scary fox jumps over the lazy dog',
  'the quick brown fox jumps over the really lazy dog',
  'the brown quick fox jumps over the really lazy dog',
  'the brown quick fox immediately jumps over the really lazy dog',
  'the brown quick fox immediately jumps over the really lazy blue dog',
  'the quick brown. quick brown fox. brown fox jumps. fox jumps over. over the lazy. the lazy dog.',
  'the, quick, brown, fox, jumps, over, the, lazy, dog',
];
const DOCS = TEXTS.map((text, id) => ({ id, text }));
const BASE = { searchableAttributes: ['text'], rankingRules: ['words'] };
const last = { matchingStrategy: 'last' as const };
const Q = 'the quick brown fox jumps over the lazy dog';

describe('matching strategy last', () => {
  it('removes query words from the end; a repeated word counts once', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids(Q, last)).toEqual([9, 10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 8, 6, 7, 5, 4, 11, 12, 3]);
    expect(await t.ids(`extravagant ${Q}`, last)).toEqual([]);
  });

  it('never removes a phrase; words before a later phrase can go', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('"the quick brown fox" jumps over the lazy dog', last)).toEqual([9, 17, 21, 8, 6, 7, 5, 4, 11, 12]);
    expect(await t.ids('"the quick brown fox" jumps over the "lazy" dog', last)).toEqual([9, 17, 21, 8, 11, 12]);
  });

  it('a whole-query phrase, closed or not, counts every word', async () => {
    const t = await indexWith(DOCS, BASE);
    for (const q of [`"${Q}"`, `"${Q}`]) {
      const r = await t.search(q, { ...last, showRankingScoreDetails: true });
      expect(r.hits.map((h) => h.id)).toEqual([9]);
      expect(r.hits[0]._rankingScoreDetails).toEqual({ words: { order: 0, matchingWords: 9, maxMatchingWords: 9, score: 1 } });
    }
  });

  it('keeps the hit count whatever the position of attributeRank or wordPosition', async () => {
    const t = await indexWith(DOCS, BASE);
    const counts: number[] = [];
    for (const rules of [
      ['words', 'typo', 'proximity', 'attributeRank', 'wordPosition', 'exactness'],
      ['attributeRank', 'words', 'typo', 'proximity', 'wordPosition', 'exactness'],
      ['wordPosition', 'words', 'typo', 'proximity', 'attributeRank', 'exactness'],
    ]) {
      await t.update({ rankingRules: rules });
      counts.push((await t.ids(Q, { ...last, limit: 100 })).length);
    }
    expect(counts).toEqual([22, 22, 22]);
  });
});

describe('words then proximity', () => {
  it('orders the buckets of each word count by proximity', async () => {
    const t = await indexWith(DOCS, { ...BASE, rankingRules: ['words', 'proximity'] });
    expect(await t.ids(Q, last)).toEqual([9, 21, 14, 17, 13, 10, 18, 16, 19, 15, 20, 22, 8, 7, 6, 5, 4, 11, 12, 3]);
    expect(await t.ids('the brown quick fox jumps over the lazy dog', last)).toEqual([10, 18, 19, 9, 20, 21, 14, 17, 13, 15, 16, 22, 8, 7, 6, 5, 4, 11, 12, 3]);
  });

  it('takes the first and last words of phrases into account', async () => {
    const t = await indexWith(DOCS, { ...BASE, rankingRules: ['words', 'proximity'] });
    expect(await t.ids('the "quick brown" fox jumps over the lazy dog', last)).toEqual([9, 21, 14, 17, 13, 16, 15, 8, 7, 6, 5, 4, 11, 12, 3]);
    expect(await t.ids('the "quick brown" "fox jumps" over the lazy dog', last)).toEqual([9, 21, 14, 17, 13, 16, 15, 8, 7, 6, 5]);
  });

  it('matching strategy all removes nothing', async () => {
    const t = await indexWith(DOCS, { ...BASE, rankingRules: ['words', 'proximity'] });
    expect(await t.ids(Q, { matchingStrategy: 'all' })).toEqual([9, 21, 14, 17, 13, 10, 18, 16, 19, 15, 20, 22]);
    expect(await t.ids('extravagant', { matchingStrategy: 'all' })).toEqual([]);
  });
});
