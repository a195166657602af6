/**
 * The proximity rule (spec §5.4): distances 1–3 told apart, farther or across a hard separator costs the same;
 * reversed pairs cost one more; phrases, split words and synonyms are close through their first/last words;
 * prefix-database prefixes only count forward. Golden orders from Meilisearch's `tests/proximity.rs`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const SIMPLE = [
  'the very quick dark brown and smart fox did jump over the terribly lazy and small dog',
  'the. quick brown fox jumps over the lazy. dog',
  'the quick brown fox jumps over the lazy. dog',
  'dog the quick brown fox jumps over the lazy',
  'the quickbrown fox jumps over the lazy dog',
  'brown quick fox jumps over the lazy dog',
  'the really quick brown fox jumps over the very lazy dog',
  'the really quick brown fox jumps over the lazy dog',
  'the quick brown fox jumps over the lazy',
  'the quack brown fox jumps over the lazy',
].map((text, id) => ({ id, text }));
// Id 9 twice in one payload: the second replaces the first.
SIMPLE.push({ id: 9, text: 'the quack brown fox jumps over the lazy dog' }, { id: 10, text: 'the quick brown fox jumps over the lazy dog' });

const EDGE = JSON.parse(readFileSync(new URL('./fixtures/proximityEdgeCases.json', import.meta.url), 'utf8')) as { id: number; text: string }[];
const SETTINGS = { searchableAttributes: ['text'], rankingRules: ['words', 'proximity'] };
const all = { matchingStrategy: 'all' as const };

describe('proximity buckets', () => {
  it('orders by word distance; a hard separator is as far as it gets', async () => {
    const t = await indexWith(SIMPLE, SETTINGS);
    expect(await t.ids('the quick brown fox jumps over the lazy dog', all)).toEqual([9, 10, 4, 7, 6, 2, 3, 5, 1, 0]);
  });

  it('a split word, a phrase or a multi-word synonym is close through its last word, in documents containing it', async () => {
    const t = await indexWith(EDGE, SETTINGS);
    const r = await t.search('sunflower wilting', { ...all, showRankingScore: true });
    expect(r.hits.map((h) => h.id)).toEqual([2, 4, 5, 1, 3]);
    expect(r.hits.map((h) => h._rankingScore)).toEqual([1, 1, 1, 0.25, 0.25]);
    expect(await t.ids('"sun flower" wilting', all)).toEqual([2, 4, 1]);
    await t.update({ synonyms: { xyz: ['sun flower'] } });
    expect(await t.ids('xyz wilting', all)).toEqual([2, 4, 1]);
  });

  it('prefix-database prefixes count forward proximities only; other prefixes both ways', async () => {
    const t = await indexWith(EDGE, SETTINGS);
    const r = await t.search('best s', { ...all, showRankingScoreDetails: true });
    expect(r.hits.map((h) => h.id)).toEqual([10, 9, 6, 7, 8, 11, 12, 13, 15]);
    expect(r.hits.map((h) => (h._rankingScoreDetails?.proximity as { score: number }).score)).toEqual([1, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
    expect(await t.ids('best su', all)).toEqual([10, 13, 9, 12, 6, 7, 8, 11, 15]);
    expect(await t.ids('best win', all)).toEqual([19, 18, 15, 16, 17, 20, 21, 22]);
    expect(await t.ids('best wint', all)).toEqual([19, 22, 18, 21, 15, 16, 17, 20]);
    expect(await t.ids('best wi', all)).toEqual([19, 18, 15, 16, 17, 20, 21, 22]);
  });
});
