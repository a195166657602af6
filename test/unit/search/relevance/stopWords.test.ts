/**
 * Stop words (spec §4.6, §5.1): case-sensitive, not indexed, dropped from queries except as the prefix word,
 * gaps inside phrases; a query of stop words only is a placeholder search. Golden ids and details from
 * Meilisearch's `tests/stop_words.rs` (default ranking rules).
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';
import { expectSnapshot, scored } from './snapshots.ts';
import { detailsToJson, type ExactMatchType, type ScoreDetail } from '../../../../src/engine/search/ranking/scoreDetails.ts';

const TITLES = ['Shazam!', 'Captain Marvel', 'Escape Room', 'How to Train Your Dragon: The Hidden World', 'Gläss', 'How to Attempt to Train Your Dragon', 'How to Train Your Dragon: the Hidden World'];
const DOCS = TITLES.map((title, id) => ({ id, title }));
const SETTINGS = { searchableAttributes: ['title'], stopWords: ['to', 'The', 'xyz'] };
const last = { matchingStrategy: 'last' as const, ...scored };

/** Default-rules details: words, typo, proximity, attributeRank, wordPosition, exactness. */
function details(words: [number, number], typos: [number, number], proximity: [number, number], position: [number, number], match: ExactMatchType, exact: [number, number]) {
  const d: ScoreDetail[] = [
    { kind: 'words', rank: { rank: words[0], max: words[1] } },
    { kind: 'typo', rank: { rank: typos[1] + 1 - typos[0], max: typos[1] + 1 } },
    { kind: 'proximity', rank: { rank: proximity[0], max: proximity[1] } },
    { kind: 'fid', rank: { rank: 1, max: 1 } },
    { kind: 'position', rank: { rank: position[0], max: position[1] } },
    { kind: 'exactAttribute', match },
    { kind: 'exactWords', rank: { rank: exact[0] + 1, max: exact[1] + 1 } },
  ];
  return detailsToJson(d, false);
}

describe('stop words in queries', () => {
  it('drops stop words except the last one when it is a prefix (stop words are case-sensitive)', async () => {
    const t = await indexWith(DOCS, SETTINGS);
    const cases: [string, Record<string, unknown>][] = [
      ['xyz to the', details([1, 1], [0, 1], [1, 1], [9, 11], 'noExactMatch', [1, 1])],
      ['to the xyz', details([1, 2], [0, 1], [1, 1], [9, 11], 'noExactMatch', [1, 1])],
      ['to the xyz ', details([1, 1], [0, 1], [1, 1], [9, 11], 'noExactMatch', [1, 1])],
      ['to the dragon xyz', details([2, 3], [0, 2], [3, 4], [17, 21], 'noExactMatch', [2, 2])],
    ];
    for (const [q, expected] of cases) {
      const r = await t.search(q, last);
      expect(r.hits.map((h) => h.id), q).toEqual([6]);
      expect(r.hits[0]._rankingScoreDetails, q).toEqual(expected);
    }
  });

  it('stop words are gaps in phrases; phrases of stop words only are dropped', async () => {
    const t = await indexWith(DOCS, SETTINGS);
    let r = await t.search('"how to train your dragon"', last);
    expect(r.hits.map((h) => h.id)).toEqual([3, 6]);
    for (const h of r.hits) expect(h._rankingScoreDetails).toEqual(details([4, 4], [0, 0], [1, 1], [11, 11], 'matchesStart', [1, 1]));
    r = await t.search('how "to" train "the', last);
    expect(r.hits.map((h) => h.id)).toEqual([6]);
    expect(r.hits[0]._rankingScoreDetails).toEqual(details([3, 3], [0, 2], [2, 4], [29, 31], 'noExactMatch', [3, 3]));
    expectSnapshot(await t.search('how "to" train "The dragon', last), 'stop_words__stop_words_in_phrase-6');
  });

  it('a query of stop words only is a placeholder search', async () => {
    const t = await indexWith(DOCS, SETTINGS);
    const r = await t.search('"to"', last);
    expect(r.hits.map((h) => h.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expectSnapshot(r, 'stop_words__stop_words_in_phrase-8');
    expect(r.hits.every((h) => h._rankingScore === 1)).toBe(true);
  });
});
