/**
 * Settings that change how closeness and exactness are measured: `proximityPrecision: byAttribute` (spec §5.4:
 * sharing an attribute counts as closest) and the 30-word limit of exact attribute matches.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const scored = { showRankingScoreDetails: true, matchingStrategy: 'all' as const };
const proximityScore = (h: Record<string, unknown>) => ((h._rankingScoreDetails as Record<string, { score: number }>).proximity.score);

describe('proximityPrecision', () => {
  const docs = [
    { id: 1, title: 'blue whale', body: 'none' },
    { id: 2, title: 'blue sky and a very big whale', body: 'none' },
    { id: 3, title: 'blue', body: 'whale' },
    { id: 4, title: 'whale blue', body: 'none' },
  ];

  it('byWord tells distances apart', async () => {
    const t = await indexWith(docs, { rankingRules: ['words', 'proximity'] });
    const r = await t.search('blue whale', scored);
    expect(r.hits.map((h) => h.id)).toEqual([1, 4, 2, 3]);
    expect(r.hits.map(proximityScore)).toEqual([1, 0.75, 0.25, 0.25]);
  });

  it('byAttribute only asks whether the words share an attribute', async () => {
    const t = await indexWith(docs, { rankingRules: ['words', 'proximity'], proximityPrecision: 'byAttribute' });
    const r = await t.search('blue whale', scored);
    expect(r.hits.map((h) => h.id)).toEqual([1, 2, 4, 3]);
    expect(r.hits.map(proximityScore)).toEqual([1, 1, 1, 0.25]);
  });

  it('byAttribute phrases only need their words in one attribute', async () => {
    const t = await indexWith(docs, { proximityPrecision: 'byAttribute' });
    expect(await t.ids('"blue whale"')).toEqual([1, 2, 4]);
    const u = await indexWith(docs);
    expect(await u.ids('"blue whale"')).toEqual([1]);
  });
});

describe('exact attribute', () => {
  const words = Array.from({ length: 31 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
  const exactness = (h: Record<string, unknown>) => ((h._rankingScoreDetails as Record<string, { matchType: string }>).exactness.matchType);

  it('matches exactly only attributes of at most 30 words', async () => {
    const docs = [
      { id: 30, text: words.slice(0, 30).join(' ') },
      { id: 31, text: words.join(' ') },
    ];
    const t = await indexWith(docs, { rankingRules: ['exactness'] });
    const r30 = await t.search(`"${words.slice(0, 30).join(' ')}"`, scored);
    expect(r30.hits.map((h) => [h.id, exactness(h)])).toEqual([
      [30, 'exactMatch'],
      [31, 'matchesStart'],
    ]);
    const r31 = await t.search(`"${words.join(' ')}"`, scored);
    expect(r31.hits.map((h) => [h.id, exactness(h)])).toEqual([[31, 'matchesStart']]);
  });

  it('counts the words of every value of an array field together', async () => {
    const t = await indexWith([{ id: 1, tags: ['red', 'apple'] }, { id: 2, tags: ['red apple'] }], { rankingRules: ['exactness'] });
    const r = await t.search('red apple', scored);
    // [red, apple] has 2 words, but "apple" is at position 8 (next array value): not at its query position.
    expect(r.hits.map((h) => [h.id, exactness(h)])).toEqual([
      [2, 'exactMatch'],
      [1, 'noExactMatch'],
    ]);
  });
});
