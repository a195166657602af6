/**
 * Comparison of hits from different federated queries (Meilisearch's weighted score values).
 */
import { describe, expect, test } from 'vitest';
import { compareWeighted, weightedValues } from '../../../../src/engine/search/multi/weightedScores.ts';
import type { RankedHit } from '../../../../src/engine/search/pipeline.ts';

const hit = (scoreDetails: RankedHit['scoreDetails'], score = 1): RankedHit => ({ docid: 0, score, scoreDetails });

describe('weighted score values', () => {
  test('consecutive ranks fold into one weighted score', () => {
    const v = weightedValues(hit([{ kind: 'words', rank: { rank: 2, max: 3 } }, { kind: 'typo', rank: { rank: 1, max: 2 } }]), 2);
    // (2−1)·2 + 1 = 3 of 6
    expect(v).toEqual([{ kind: 'score', value: (3 / 6) * 2 }]);
  });

  test('sort values split the ranks into groups', () => {
    const v = weightedValues(
      hit([{ kind: 'words', rank: { rank: 1, max: 1 } }, { kind: 'sort', field: 'title', ascending: true, redacted: false, value: 'a' }, { kind: 'typo', rank: { rank: 1, max: 2 } }]),
      1,
    );
    expect(v.map((x) => x.kind)).toEqual(['score', 'sort', 'score']);
  });

  test('ascending sort: the smaller value goes first; numbers before strings', () => {
    const a = weightedValues(hit([{ kind: 'sort', field: 't', ascending: true, redacted: false, value: 'badman' }]), 1);
    const b = weightedValues(hit([{ kind: 'sort', field: 't', ascending: true, redacted: false, value: 'batman' }]), 1);
    const n = weightedValues(hit([{ kind: 'sort', field: 't', ascending: true, redacted: false, value: 3 }]), 1);
    expect(compareWeighted(a, 1, b, 1)).toBeGreaterThan(0);
    expect(compareWeighted(n, 1, a, 1)).toBeGreaterThan(0);
  });

  test('opposite sort directions fall back to the weighted global score', () => {
    const a = weightedValues(hit([{ kind: 'sort', field: 't', ascending: true, redacted: false, value: 'z' }]), 1);
    const b = weightedValues(hit([{ kind: 'sort', field: 't', ascending: false, redacted: false, value: 'a' }]), 1);
    expect(compareWeighted(a, 0.2, b, 0.9)).toBeLessThan(0);
  });

  test('scores within f64 epsilon are equal', () => {
    const a = [{ kind: 'score' as const, value: 0.1 + 0.2 }];
    const b = [{ kind: 'score' as const, value: 0.3 }];
    expect(compareWeighted(a, 0.3, b, 0.3)).toBe(0);
  });
});
