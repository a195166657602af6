/**
 * The legacy `attribute` rule (attributeRank then wordPosition, rendered as one `attribute` detail) and the
 * split rules: searchable attribute order as weight, distance of each word to its query position (bucketed
 * positions), n-grams priced by their word count. Golden ids and details from Meilisearch's
 * `tests/attribute_fid.rs` and `tests/word_position.rs` snapshots.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';
import { expectSnapshot, scored } from './snapshots.ts';

const fixture = (name: string) => (JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>[][])[0];
const all = { matchingStrategy: 'all' as const, ...scored };

describe('attribute rank (searchable attribute order)', () => {
  it('ranks by the weight of the attribute each word matches in', async () => {
    const t = await indexWith(fixture('attributeFid.json'), { searchableAttributes: ['title', 'description', 'plot'], rankingRules: ['attribute'] });
    const r = await t.search('the quick brown fox jumps over the lazy dog', all);
    expectSnapshot(r, 'attribute_fid__attribute_fid_simple', true);
    expectSnapshot(r, 'attribute_fid__attribute_fid_ngrams-4', true);
  });

  it('renders attributeRank and wordPosition separately when set separately', async () => {
    const t = await indexWith(fixture('attributeFid.json'), { searchableAttributes: ['title', 'description', 'plot'], rankingRules: ['attributeRank', 'wordPosition'] });
    const r = await t.search('the quick brown fox', { ...all, limit: 1 });
    expect(Object.keys(r.hits[0]._rankingScoreDetails ?? {})).toEqual(['attributeRank', 'wordPosition']);
  });
});

describe('word position', () => {
  const settings = { searchableAttributes: ['text', 'text2', 'other'], rankingRules: ['attribute'] };

  it('ranks words near their query position first (positions bucketed past 16)', async () => {
    const t = await indexWith(fixture('wordPosition.json'), settings);
    expectSnapshot(await t.search('quick brown', all), 'word_position__attribute_position_simple-2', true);
    expectSnapshot(await t.search('quick brown', all), 'word_position__attribute_position_different_fields', true);
    expectSnapshot(await t.search('quick brown', all), 'word_position__attribute_position_ngrams', true);
  });

  it('repeated query words each look for their own position', async () => {
    const t = await indexWith(fixture('wordPosition.json'), settings);
    expectSnapshot(await t.search('a a a a a', all), 'word_position__attribute_position_repeated', true);
  });
});
