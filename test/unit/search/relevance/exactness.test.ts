/**
 * The exactness rule (spec §5.4): an attribute equal to the query, then one starting with it, then the number of
 * query words present exactly; only while the remaining query has no hole; later graph rules see only the exact
 * terms exactness kept. Golden ids and score details from Meilisearch's `tests/exactness.rs` snapshots.
 */
import { describe, it } from 'vitest';
import { indexWith } from './helpers.ts';
import { expectSnapshot, scored } from './snapshots.ts';

const docs = (texts: string[]) => texts.map((text, id) => ({ id, text }));
const ORDERED = ['', 'the', 'the quick', 'the quick brown', 'the quick brown fox', 'the quick brown fox jumps', 'the quick brown fox jumps over', 'the quick brown fox jumps over the', 'the quick brown fox jumps over the lazy', 'the quick brown fox jumps over the lazy dog'];
const REVERSED = ['', 'dog', 'lazy dog', 'the lazy dog', 'over the lazy dog', 'jumps over the lazy dog', 'fox jumps over the lazy dog', 'brown fox jumps over the lazy dog', 'quick brown fox jumps over the lazy dog', 'the quick brown fox jumps over the lazy dog'];
const RANDOM = ['', 'over', 'jump dog', 'brown the lazy', 'jump dog quick the', 'fox the lazy dog brown', 'jump fox quick lazy the dog', 'the dog brown over jumps quick lazy', 'the jumps dog quick over brown lazy fox'];
const STARTS_WITH = [
  'what a lovely view from this balcony, I love it',
  'this balcony is overlooking the sea',
  'this balcony',
  'over looking the sea is a beautiful balcony',
  'a beautiful balcony is overlooking the sea',
  'overlooking the sea is a beautiful balcony, I love it',
  'overlooking the sea is a beautiful balcony',
  'overlooking',
];
const WITH_TYPOS = [
  '', 'the', 'the quack', 'the quack briwn', 'the quack briwn fox', 'the quack briwn fox jlmps', 'the quack briwn fox jlmps over', 'the quack briwn fox jlmps over the', 'the quack briwn fox jlmps over the lazy', 'the quack briwn fox jlmps over the lazy dog',
  ...ORDERED,
];
const PROXIMITIES = [
  'lazy jumps dog brown quick the over fox the',
  'the quick brown fox jumps over the very lazy dog',
  'the quick brown fox jumps over the lazy dog',
  'dog brown quick the over fox the lazy',
  'the quick brown fox over the very lazy dog',
  'the quick brown fox over the lazy dog',
  'brown quick the over fox',
  'the very quick brown fox over',
  'the quick brown fox over',
];
const IGNORED_TERMS = ['lazy jumps dog brown quick the over fox the', 'lazy jumps dog brown quick the over fox the. quack briwn jlmps', 'lazy jumps dog brown quick the over fox the. quack briwn jlmps overt'];
const TYPO_AND_PREFIX = ['expraordinarily quick brown fox', 'extraordinarily quick brown fox', 'extra quick brown fox', 'expraordinarily quack brown fox', 'expraordinapily quick brown fox'];

const Q = 'the quick brown fox jumps over the lazy dog';
const last = { matchingStrategy: 'last' as const, ...scored };
const settings = (rankingRules: string[]) => ({ searchableAttributes: ['text'], rankingRules });

describe('exact attribute then exact words', () => {
  it('ranks attributes equal to the query, then starting with it, then by exact word count', async () => {
    const ordered = await indexWith(docs(ORDERED), settings(['exactness']));
    expectSnapshot(await ordered.search(Q, last), 'exactness__exactness_simple_ordered');
    const reversed = await indexWith(docs(REVERSED), settings(['exactness']));
    expectSnapshot(await reversed.search(Q, last), 'exactness__exactness_simple_reversed');
    expectSnapshot(await reversed.search(Q, last), 'exactness__exactness_simple_reversed-3');
    const random = await indexWith(docs(RANDOM), settings(['exactness']));
    expectSnapshot(await random.search(Q, last), 'exactness__exactness_simple_random');
  });

  it('an attribute starting with the query (word or phrase) beats one merely containing it', async () => {
    const t = await indexWith(docs(STARTS_WITH), settings(['exactness']));
    expectSnapshot(await t.search('this balcony', last), 'exactness__exactness_attribute_starts_with_simple');
    expectSnapshot(await t.search('"overlooking the sea" is a beautiful balcony', last), 'exactness__exactness_attribute_starts_with_phrase');
    expectSnapshot(await t.search('overlooking the sea is a beautiful balcony', last), 'exactness__exactness_attribute_starts_with_phrase-3');
    expectSnapshot(await t.search('overlocking the sea is a beautiful balcony', last), 'exactness__exactness_all_candidates_with_typo');
  });
});

describe('exactness with other rules', () => {
  it('after words, and words after exactness', async () => {
    const t = await indexWith(docs(WITH_TYPOS), settings(['words', 'exactness']));
    expectSnapshot(await t.search(Q, last), 'exactness__exactness_after_words');
    await t.update({ rankingRules: ['exactness', 'words'] });
    expectSnapshot(await t.search(Q, last), 'exactness__words_after_exactness');
  });

  it('proximity after exactness only sees the exact terms', async () => {
    const t = await indexWith(docs(PROXIMITIES), settings(['exactness', 'words', 'proximity']));
    expectSnapshot(await t.search(Q, last), 'exactness__proximity_after_exactness');
    const u = await indexWith(docs(IGNORED_TERMS), settings(['exactness', 'words', 'proximity']));
    expectSnapshot(await u.search(Q, last), 'exactness__proximity_after_exactness-4');
  });

  it('exactness prefers exact words over typos and prefixes; typo then exactness', async () => {
    const t = await indexWith(docs(TYPO_AND_PREFIX), settings(['exactness', 'words', 'typo']));
    expectSnapshot(await t.search('quick brown fox extra', last), 'exactness__exactness_followed_by_typo_prefer_no_typo_prefix');
    await t.update({ rankingRules: ['words', 'typo', 'exactness'] });
    expectSnapshot(await t.search('extraordinarily quick brown fox', last), 'exactness__typo_followed_by_exactness');
  });
});
