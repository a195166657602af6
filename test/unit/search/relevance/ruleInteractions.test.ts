/**
 * How a rule narrows the query for the next one (spec §5.4: "later rules only consider the ways kept by earlier
 * rules"): after typo, proximity only looks at the derivations of the bucket's paths; proximity does not narrow
 * derivations for typo. Golden ids and details from Meilisearch's `tests/typo_proximity.rs` and
 * `tests/proximity_typo.rs`.
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';
import { expectSnapshot, scored } from './snapshots.ts';

const all = { matchingStrategy: 'all' as const, ...scored };

describe('typo then proximity', () => {
  const DOCS = [
    'beautigul summer. beautiful x y z summer',
    'beautiful summer',
    'beautigul sommer. beautigul x summer',
    'beautiful sommer',
    'delicitous. sweet. dessert. delicitous sweet desgert',
    'delicious. sweet desgert. delicious sweet desgert',
  ].map((text, id) => ({ id, text }));
  const settings = { searchableAttributes: ['text'], rankingRules: ['words', 'typo', 'proximity'] };

  it('proximity only measures the derivation pairs the typo bucket used', async () => {
    const t = await indexWith(DOCS, settings);
    expectSnapshot(await t.search('beautiful summer', all), 'typo_proximity__trap_basic_and_complex1-2');
    expectSnapshot(await t.search('delicious sweet dessert', all), 'typo_proximity__trap_complex2-2');
  });
});

describe('proximity then typo', () => {
  it('keeps every derivation of the proximity bucket for the typo rule', async () => {
    const t = await indexWith(
      ['summer. holiday. sommer holidty', 'summer. holiday. sommer holiday'].map((text, id) => ({ id, text })),
      { searchableAttributes: ['text'], rankingRules: ['words', 'proximity', 'typo'] },
    );
    const r = await t.search('summer holiday', all);
    expect(r.hits.map((h) => h.id)).toEqual([0, 1]);
    for (const h of r.hits) {
      expect(h._rankingScoreDetails).toEqual({
        proximity: { order: 0, score: 1 },
        typo: { order: 1, typoCount: 0, maxTypoCount: 2, score: 1 },
      });
    }
  });
});
