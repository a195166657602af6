/**
 * Building blocks checked against brute force: the bounded dictionary walk (Damerau-Levenshtein, prefix
 * distance, first-letter ranges), sorted-set helpers, position buckets and distance costs.
 */
import { describe, expect, it } from 'vitest';
import { codePoints, prefixRange, walkWithinDistance } from '../../../../src/engine/search/query/dictionaryWalk.ts';
import { intersects, matchSorted, without } from '../../../../src/engine/search/ranking/searchData.ts';
import { bucketedPosition, costFromDistance } from '../../../../src/engine/search/ranking/termDocs.ts';
import { difference } from '../../../../src/engine/storage/docSet.ts';
import { rng as prng } from '../../../seededRandom.ts';

/** Optimal string alignment distance (adjacent transposition = 1). */
function osa(a: number[], b: number[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('dictionary walk', () => {
  const rnd = prng(5);
  const letters = 'abcde';
  const words = new Set<string>();
  while (words.size < 3000) {
    let w = '';
    const n = 1 + Math.floor(rnd() * 7);
    for (let i = 0; i < n; i++) w += letters[Math.floor(rnd() * letters.length)];
    words.add(w);
  }
  words.add('héllo').add('😀ab');
  const dict = [...words].sort();

  it('finds exactly the words within the distance, in dictionary order', () => {
    for (const q of ['abcde', 'bad', 'eeaa', 'cabd', 'a', 'abcdeab']) {
      for (const k of [1, 2]) {
        const qc = codePoints(q);
        const got: [string, number][] = [];
        walkWithinDistance(dict, 0, dict.length, qc, k, false, (i, d) => (got.push([dict[i], d]), true));
        const want = dict.map((w) => [w, osa(qc, codePoints(w))] as [string, number]).filter(([, d]) => d <= k);
        expect(got, `${q}/${k}`).toEqual(want);
      }
    }
  });

  it('prefix mode measures the closest prefix of each word', () => {
    for (const q of ['abc', 'bdd', 'ceab']) {
      const qc = codePoints(q);
      const got: [string, number][] = [];
      walkWithinDistance(dict, 0, dict.length, qc, 1, true, (i, d) => (got.push([dict[i], d]), true));
      const want = dict
        .map((w) => {
          const wc = codePoints(w);
          let best = Infinity;
          for (let l = 0; l <= wc.length; l++) best = Math.min(best, osa(qc, wc.slice(0, l)));
          return [w, best] as [string, number];
        })
        .filter(([, d]) => d <= 1);
      expect(got, q).toEqual(want);
    }
  });

  it('stops when asked and walks one first-letter range', () => {
    const [lo, hi] = prefixRange(dict, 'b');
    const got: string[] = [];
    walkWithinDistance(dict, lo, hi, codePoints('bad'), 1, false, (i) => (got.push(dict[i]), got.length < 3));
    expect(got).toHaveLength(3);
    expect(got.every((w) => w.startsWith('b'))).toBe(true);
  });
});

describe('sorted sets', () => {
  it('without, matchSorted and intersects agree with the plain versions', () => {
    const rnd = prng(9);
    for (let r = 0; r < 200; r++) {
      const a = Uint32Array.from(new Set(Array.from({ length: Math.floor(rnd() * 500) }, () => Math.floor(rnd() * 2000)))).sort();
      const b = Uint32Array.from(new Set(Array.from({ length: Math.floor(rnd() * (r % 2 ? 10 : 400)) }, () => Math.floor(rnd() * 2000)))).sort();
      expect(Array.from(without(a, b))).toEqual(Array.from(difference(a, b)));
      const m = matchSorted(a, b);
      const common = Array.from(a).filter((x) => b.includes(x));
      expect(Array.from(m.ia.subarray(0, m.n), (i) => a[i])).toEqual(common);
      expect(Array.from(m.ib.subarray(0, m.n), (i) => b[i])).toEqual(common);
      expect(intersects(a, b)).toBe(common.length > 0);
    }
  });
});

describe('positions', () => {
  it('buckets positions like Meilisearch and prices distances', () => {
    expect([0, 15, 16, 23, 24, 25, 32, 33, 64, 65, 1000].map(bucketedPosition)).toEqual([0, 15, 24, 24, 32, 32, 32, 64, 64, 128, 1024]);
    expect([0, 1, 2, 4, 5, 7, 8, 11, 12, 16, 17, 24, 25, 64, 65, 256, 257, 1024, 1025].map(costFromDistance)).toEqual([0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10]);
  });
});
