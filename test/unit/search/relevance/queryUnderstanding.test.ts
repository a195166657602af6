/**
 * Query understanding (spec §5.1–§5.2): negations, phrases, synonyms (one-way, multi-word), prefix rules, the
 * 10-term limit, `prefixSearch: disabled`, `disableOnAttributes` with numbers, the 1,000 prefix derivations.
 * Cases from Meilisearch's HTTP tests (`meilisearch/tests/search/mod.rs`) and the spec.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const MOVIES = [
  { title: 'Shazam!', id: '287947', color: ['green', 'blue'] },
  { title: 'Captain Marvel', id: '299537', color: ['yellow', 'blue'] },
  { title: 'Escape Room', id: '522681', color: ['yellow', 'red'] },
  { title: 'How to Train Your Dragon: The Hidden World', id: '166428', color: ['green', 'red'] },
  { title: 'Gläss', id: '450465', color: ['blue', 'red'] },
];

describe('negative words and phrases', () => {
  it('excludes documents with the exact word or phrase; only negations = placeholder minus them', async () => {
    const t = await indexWith(MOVIES);
    expect(await t.ids('-escape')).toEqual(['287947', '299537', '166428', '450465']);
    expect(await t.ids('-"train your dragon"')).toEqual(['287947', '299537', '522681', '450465']);
    expect(await t.ids('-escape escape')).toEqual([]);
  });

  it('a dash followed by a space negates nothing', async () => {
    const t = await indexWith(MOVIES);
    expect(await t.ids('- escape')).toEqual(['522681']);
    expect(await t.ids('- "train your dragon"')).toEqual(['166428']);
  });

  it('a negated word still lets its synonyms match', async () => {
    const t = await indexWith(MOVIES, { synonyms: { escape: ['gläss'] } });
    expect(await t.ids('-escape escape')).toEqual(['450465']);
  });
});

describe('phrases and stop words', () => {
  it('a phrase with stop words still matches through the gaps', async () => {
    const t = await indexWith(MOVIES, { stopWords: ['the', 'of'] });
    expect(await t.ids('how "to" train "the')).toHaveLength(1);
  });

  it('stop words are prefixes only at the very end', async () => {
    const t = await indexWith(MOVIES, { stopWords: ['the', 'The', 'a', 'an', 'to', 'in', 'of'] });
    expect(await t.ids('to the')).toEqual([]);
    expect(await t.ids('to the ')).toEqual(['287947', '299537', '522681', '166428', '450465']);
  });
});

describe('synonyms', () => {
  const docs = [
    { id: 1, text: 'good morning everyone' },
    { id: 2, text: 'hello there' },
    { id: 3, text: 'the united states of america' },
    { id: 4, text: 'earth and moon' },
  ];

  it('are one-way and match multi-word values as phrases', async () => {
    const t = await indexWith(docs, { synonyms: { hello: ['good morning'], world: ['earth'], 'united states': ['usa'] } });
    expect((await t.ids('hello')).sort()).toEqual([1, 2]);
    expect(await t.ids('good morning ')).toEqual([1]);
    expect(await t.ids('world')).toEqual([4]);
  });

  it('multi-word keys match the n-gram of the query words', async () => {
    const t = await indexWith([...docs, { id: 5, text: 'usa today' }], { synonyms: { 'united states': ['usa'] } });
    expect(await t.ids('united states', { matchingStrategy: 'all' })).toEqual([3, 5]);
  });
});

describe('prefix and typo edge cases', () => {
  it('prefixSearch disabled turns off the prefix of the last word', async () => {
    const t = await indexWith([{ id: 1, t: 'hello' }, { id: 2, t: 'help' }, { id: 3, t: 'hel' }], { prefixSearch: 'disabled' });
    expect(await t.ids('hel')).toEqual([3]);
  });

  it('numbers still match exactly in typo-disabled attributes', async () => {
    const t = await indexWith(MOVIES, { typoTolerance: { disableOnAttributes: ['title', 'id'] } });
    expect(await t.ids('287947')).toEqual(['287947']);
  });

  it('disableOnNumbers: numbers never match through typos', async () => {
    const docs = [{ id: 1, n: '123456' }, { id: 2, n: '123457' }];
    const t = await indexWith(docs);
    expect((await t.ids('123456 ')).sort()).toEqual([1, 2]);
    await t.update({ typoTolerance: { disableOnNumbers: true } });
    expect(await t.ids('123456 ')).toEqual([1]);
  });

  it('reads at most 10 terms', async () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
    const t = await indexWith([{ id: 1, t: words.join(' ') }, { id: 2, t: `${words.join(' ')} kilo` }]);
    const r = await t.search(`${words.join(' ')} kilo`, { matchingStrategy: 'all', showRankingScoreDetails: true });
    // "kilo" is the 11th term: ignored, both documents match.
    expect(r.hits.map((h) => h.id)).toEqual([1, 2]);
  });

  it('a prefix expands to the first 1,000 indexed words starting with it (Meilisearch issue 5547)', async () => {
    const docs = Array.from({ length: 65_535 }, (_, i) => ({ id: i, title: `title${i}` }));
    const t = await indexWith(docs);
    expect(await t.ids('title')).toEqual([0, 1, 10, 100, 101, 102, 103, 104, 105, 106, 107, 108, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007]);
  }, 60_000);
});
