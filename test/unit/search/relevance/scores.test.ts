/**
 * `_rankingScore`, `_rankingScoreDetails` (spec §5.6), `rankingScoreThreshold` and `searchCutoffMs`. Golden
 * values from Meilisearch's HTTP tests (`meilisearch/tests/search/mod.rs`), compared to 1e-12.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';
import { globalRankScore, mergeRank } from '../../../../src/engine/search/ranking/scoreDetails.ts';

const MOVIES = [
  { title: 'Shazam!', id: '287947', color: ['green', 'blue'] },
  { title: 'Captain Marvel', id: '299537', color: ['yellow', 'blue'] },
  { title: 'Escape Room', id: '522681', color: ['yellow', 'red'] },
  { title: 'How to Train Your Dragon: The Hidden World', id: '166428', color: ['green', 'red'] },
  { title: 'Gläss', id: '450465', color: ['blue', 'red'] },
];
const BATMAN = [
  { title: 'Batman the dark knight returns: Part 1', id: 'A' },
  { title: 'Batman the dark knight returns: Part 2', id: 'B' },
  { title: 'Batman Returns', id: 'C' },
  { title: 'Batman', id: 'D' },
  { title: 'Badman', id: 'E' },
];
const SHARED = { filterableAttributes: ['id', 'title'], sortableAttributes: ['id', 'title'] };

describe('ranking score', () => {
  it('details every rule of the default order with its score', async () => {
    const t = await indexWith(MOVIES, SHARED);
    const r = await t.search('train dragon', { showRankingScoreDetails: true });
    expect(r.hits.map((h) => h.id)).toEqual(['166428']);
    expect(r.hits[0]._rankingScoreDetails).toEqual({
      words: { order: 0, matchingWords: 2, maxMatchingWords: 2, score: 1.0 },
      typo: { order: 1, typoCount: 0, maxTypoCount: 2, score: 1.0 },
      proximity: { order: 2, score: 0.75 },
      attributeRank: { order: 3, score: 1.0 },
      wordPosition: { order: 4, score: 0.8095238095238095 },
      exactness: { order: 5, matchType: 'noExactMatch', matchingWords: 2, maxMatchingWords: 2, score: 0.3333333333333333 },
    });
  });

  it('folds the buckets into one score', async () => {
    const t = await indexWith(BATMAN, SHARED);
    const r = await t.search('Badman the dark knight returns 1', { showRankingScore: true });
    expect(r.hits.map((h) => h.id)).toEqual(['A', 'B', 'E', 'C', 'D']);
    const expected = [0.9746605609456898, 0.8055252965383685, 0.16666666666666666, 0.07702020202020202, 0.07702020202020202];
    r.hits.forEach((h, i) => expect(h._rankingScore).toBeCloseTo(expected[i], 12));
  });

  it('a placeholder search scores 1', async () => {
    const t = await indexWith(BATMAN, SHARED);
    const r = await t.search(null, { showRankingScore: true, showRankingScoreDetails: true });
    expect(r.hits.map((h) => h._rankingScore)).toEqual([1, 1, 1, 1, 1]);
    expect(r.hits[0]._rankingScoreDetails).toEqual({});
  });

  it('wraps like Meilisearch\'s u32 arithmetic when the ranks multiply past 2^32', () => {
    const r = mergeRank({ rank: 70000, max: 70000 }, { rank: 70000, max: 70000 });
    expect(r).toEqual({ rank: ((69999 * 70000 + 70000) % 2 ** 32) >>> 0, max: (70000 * 70000) % 2 ** 32 });
    expect(globalRankScore([{ rank: 3, max: 4 }, { rank: 1, max: 2 }])).toBe(5 / 8);
  });
});

describe('rankingScoreThreshold', () => {
  const Q = 'Badman dark returns 1';
  const scores: Record<string, number> = { A: 0.93430081300813, B: 0.6685627880184332, E: 0.25, C: 0.11553030303030302, D: 0.11553030303030302 };

  it('drops lower-scored hits and leaves them out of the totals', async () => {
    const t = await indexWith(BATMAN, SHARED);
    const cases: [number, string[]][] = [
      [0.0, ['A', 'B', 'E', 'C', 'D']],
      [0.2, ['A', 'B', 'E']],
      [0.5, ['A', 'B']],
      [0.8, ['A']],
      [1.0, []],
    ];
    for (const [threshold, ids] of cases) {
      const r = await t.search(Q, { showRankingScore: true, rankingScoreThreshold: threshold });
      expect(r.hits.map((h) => h.id), String(threshold)).toEqual(ids);
      expect(r.estimatedTotalHits, String(threshold)).toBe(ids.length);
      for (const h of r.hits) expect(h._rankingScore).toBeCloseTo(scores[h.id as string], 12);
    }
  });

  it('ranks past the page for exact totals with finite pagination', async () => {
    const t = await indexWith(BATMAN, SHARED);
    const r = await t.search(Q, { rankingScoreThreshold: 0.2, hitsPerPage: 1 });
    expect(r.hits.map((h) => h.id)).toEqual(['A']);
    expect(r).toMatchObject({ totalHits: 3, totalPages: 3 });
  });
});

describe('searchCutoffMs', () => {
  it('with no time left, returns the candidates unsorted, each marked skipped', async () => {
    const docs = [
      { id: 852, father: 'jean', mother: 'michelle', doggos: [{ name: 'bobby', age: 2 }, { name: 'buddy', age: 4 }], cattos: 'pésti' },
      { id: 654, father: 'pierre', mother: 'sabine', doggos: [{ name: 'gros bill', age: 8 }], cattos: ['simba', 'pestiféré'] },
      { id: 750, father: 'romain', mother: 'michelle', cattos: ['enigma'] },
      { id: 951, father: 'jean-baptiste', mother: 'sophie', doggos: [{ name: 'turbo', age: 5 }, { name: 'fast', age: 6 }], cattos: ['moumoute', 'gomez'] },
    ];
    const t = await indexWith(docs, { searchCutoffMs: 0 });
    const r = await t.search('b', { showRankingScoreDetails: true, showRankingScore: true });
    expect(r.hits.map((h) => h.id)).toEqual([852, 654, 951]);
    expect(r.estimatedTotalHits).toBe(3);
    for (const h of r.hits) {
      expect(h._rankingScoreDetails).toEqual({ skipped: { order: 0 } });
      expect(h._rankingScore).toBe(0);
    }
  });
});
