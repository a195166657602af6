/**
 * Typo tolerance (spec §5.2): budgets by word length, the first-letter rule, disableOnWords/Attributes,
 * phrases and n-grams, and the typo ranking rule's buckets. Golden orders from Meilisearch's
 * `milli/src/search/new/tests/typo.rs` (same documents, inserted in id order so internal ids match).
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const TEXTS = [
  'the quick brown fox jumps over the lazy dog',
  'the quick brown foxes jump over the lazy dog',
  'the quick brown fax sends a letter to the dog',
  'the quickest brownest fox jumps over the laziest dog',
  "a fox doesn't quack, that crown goes to the duck.",
  'the quicker browner fox jumped over the lazier dog',
  'the extravagant fox skyrocketed over the languorous dog',
  'the quick brown fox jumps over the lazy',
  'the quick brown fox jumps over the',
  'the quick brown fox jumps over',
  'the quick brown fox jumps',
  'the quick brown fox',
  'the quick brown',
  'the quick',
  'netwolk interconections sunflawar',
  'network interconnections sunflawer',
  'network interconnection sunflower',
  'network interconnection sun flower',
  'network interconnection sunflowering',
  'network interconnection sun flowering',
  'network interconnection sunflowar',
  'the fast brownish fox jumps over the lackadaisical dog',
  'the quick brown fox jumps over the lackadaisical dog',
  'the quivk brown fox jumps over the lazy dog',
];
const DOCS: Record<string, unknown>[] = [
  ...TEXTS.map((text, id) => ({ id, text })),
  { id: 24, tolerant_text: 'the quick brown fox jumps over the lazy dog' },
  { id: 25, tolerant_text: 'the quivk brown fox jumps over the lazy dog' },
];
const BASE = { searchableAttributes: ['text'], rankingRules: ['words'] };
const all = { matchingStrategy: 'all' as const };

describe('typo budgets by word length', () => {
  it('matches nothing but the exact words when typo tolerance is disabled', async () => {
    const t = await indexWith(DOCS, { ...BASE, typoTolerance: { enabled: false } });
    expect(await t.ids('the quick brown fox jumps over the lazy dog', all)).toEqual([0]);
  });

  it('allows one typo from 5 characters (replaced, missing, extra, swapped letters)', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('the quick brown fox jumps over the lazy dog', all)).toEqual([0, 23]);
    expect(await t.ids('the quack brown fox jumps over the lazy dog', all)).toEqual([0]);
    expect(await t.ids('the quicest brownest fox jummps over the laziest dog', all)).toEqual([3]);
  });

  it('allows no typo inside a phrase', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('the "quick brewn" fox jumps over the lazy dog', all)).toEqual([]);
  });
});

describe('disableOnWords and disableOnAttributes', () => {
  it('disables typos on the listed words but not prefixes', async () => {
    const t = await indexWith(DOCS, { ...BASE, typoTolerance: { disableOnWords: ['quick', 'quack', 'sunflower'] } });
    expect(await t.ids('the quick brown fox jumps over the lazy dog', all)).toEqual([0]);
    expect(await t.ids('the quack brown fox jumps over the lazy dog', all)).toEqual([]);
    expect(await t.ids('the quicest brownest fox jummps over the laziest dog', all)).toEqual([3]);
    expect(await t.ids('network interconnection sunflower', all)).toEqual([16, 17, 18]);
  });

  it('typo derivations never match in typo-disabled attributes', async () => {
    const t = await indexWith(DOCS, {
      ...BASE,
      searchableAttributes: ['text', 'tolerant_text'],
      typoTolerance: { disableOnAttributes: ['text'], disableOnWords: ['quivk'] },
    });
    expect(await t.ids('the quick brown fox jumps over the lazy dog', all)).toEqual([0, 24, 25]);
    expect(await t.ids('the quidk brown fox jumps over the lazy dog', all)).toEqual([24, 25]);
    expect(await t.ids('the quivk brown fox jumps over the lazy dog', all)).toEqual([23, 25]);
    expect(await t.ids('the quicest brownest fox jummps over the laziest dog', all)).toEqual([]);
  });
});

describe('n-grams and typos', () => {
  it('a 2-gram of 9+ characters gets one typo; words split in more pieces do not match', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('the extra lagant fox skyrocketed over the languorous dog', all)).toEqual([6]);
    expect(await t.ids('the ex tra lagant fox skyrocketed over the languorous dog', all)).toEqual([]);
  });
});

describe('the typo ranking rule', () => {
  it('inserts the words rule before itself when absent', async () => {
    const expected = [0, 23, 7, 8, 9, 22, 10, 11, 1, 2, 12, 13, 4, 3, 5, 6, 21];
    const t = await indexWith(DOCS, { ...BASE, rankingRules: ['typo'] });
    expect(await t.ids('the quick brown fox jumps over the lazy dog', { matchingStrategy: 'last' })).toEqual(expected);
    await t.update({ rankingRules: ['words', 'typo'] });
    expect(await t.ids('the quick brown fox jumps over the lazy dog', { matchingStrategy: 'last' })).toEqual(expected);
  });

  it('puts documents with the same typo count in one bucket; splits cost one typo', async () => {
    const t = await indexWith(DOCS, BASE);
    expect(await t.ids('network interconnection sunflower', all)).toEqual([14, 15, 16, 17, 18, 20]);
    await t.update({ rankingRules: ['typo'] });
    const r = await t.search('network interconnection sunflower', { ...all, showRankingScoreDetails: true });
    expect(r.hits.map((h) => h.id)).toEqual([16, 18, 17, 20, 15, 14]);
    const typo = r.hits.map((h) => h._rankingScoreDetails?.typo as { typoCount: number; maxTypoCount: number });
    expect(typo.map((d) => [d.typoCount, d.maxTypoCount])).toEqual([[0, 5], [0, 5], [1, 5], [1, 5], [2, 5], [5, 5]]);
    expect(await t.ids('network interconnection sun flower', all)).toEqual([17, 19, 16, 18, 20, 15]);
  });

  it('synonyms cost no typo (multi-word synonyms of an n-gram cost the n-gram)', async () => {
    const t = await indexWith(DOCS, { ...BASE, rankingRules: ['typo'], synonyms: { lackadaisical: ['lazy'], 'fast brownish': ['quick brown'] } });
    expect(await t.ids('the quick brown fox jumps over the lackadaisical dog', all)).toEqual([0, 22, 23]);
    const r = await t.search('the fast brownish fox jumps over the lackadaisical dog', { ...all, showRankingScoreDetails: true });
    expect(r.hits.map((h) => h.id)).toEqual([21, 0, 22]);
    expect(r.hits.map((h) => (h._rankingScoreDetails?.typo as { typoCount: number }).typoCount)).toEqual([0, 2, 2]);
    expect(r.hits.map((h) => (h._rankingScoreDetails?.typo as { maxTypoCount: number }).maxTypoCount)).toEqual([13, 13, 13]);
  });
});
