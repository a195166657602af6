/**
 * N-grams and split words (spec §5.2): adjacent words concatenated (2 → 1 typo when long enough, 3 → none,
 * prefix when the last word is), a word split in two adjacent indexed words (with or without typo tolerance, not
 * for phrases, not disabled by disableOnWords/Attributes). Golden ids from Meilisearch's
 * `tests/ngram_split_words.rs`.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const DOCS = ['the sun flowers are pretty', 'the sun flower is tall', 'the sunflowers are pretty', 'the sunflower is tall', 'the sunflawer is tall', 'sunflowering is not a verb', 'xy z'].map((text, id) => ({ id, text }));
const BASE = { searchableAttributes: ['text'], rankingRules: ['words'] };
const NO_TYPOS = { ...BASE, typoTolerance: { enabled: false } };
const all = { matchingStrategy: 'all' as const };

describe('n-grams', () => {
  it('matches 2-grams and 3-grams, prefix included, even without typo tolerance', async () => {
    const t = await indexWith(DOCS, NO_TYPOS);
    expect(await t.ids('sun flower', all)).toEqual([0, 1, 2, 3, 5]);
    expect(await t.ids('sun flower s are', all)).toEqual([0, 2]);
    expect(await t.ids('sun flower ', all)).toEqual([1, 3]);
    expect(await t.ids('sun flow', all)).toEqual([0, 1, 2, 3, 5]);
    expect(await t.ids('su nf l', all)).toEqual([2, 3, 4, 5]);
  });

  it('a 2-gram may have a typo, a 3-gram none', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('sun flawer', all)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await t.ids('sunf la wer', all)).toEqual([4]);
  });

  it('never joins a phrase with a word or another phrase', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('"sun" flower', all)).toEqual([0, 1]);
    expect(await t.ids('"sun" "flower"', all)).toEqual([1]);
  });
});

describe('split words', () => {
  it('splits a word in two adjacent words, however short, with or without typos', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('sunflower ', all)).toEqual([1, 2, 3, 4]);
    expect(await t.ids('xyz', all)).toEqual([6]);
    const u = await indexWith(DOCS, NO_TYPOS);
    expect(await u.ids('sunflower ', all)).toEqual([1, 3]);
  });

  it('splits 2-grams but not 3-grams back into their own words', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('sunf lower', all)).toEqual([1, 2, 3, 4, 5]);
    expect(await t.ids('sunf lo wer', all)).toEqual([1, 2, 3, 5]);
  });

  it('is not disabled by disableOnWords or disableOnAttributes', async () => {
    const t = await indexWith(DOCS, { ...BASE, typoTolerance: { disableOnWords: ['sunflower'], disableOnAttributes: ['text'] } });
    expect(await t.ids('the sunflower is tall', all)).toEqual([1, 3]);
  });
});
