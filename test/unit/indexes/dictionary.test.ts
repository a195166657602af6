import { describe, expect, it } from 'vitest';
import { mergeSortedUnique } from '../../../src/engine/indexes/indexState.ts';

describe('the term dictionary of live segments (mergeSortedUnique)', () => {
  const byUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('equals the sorted union of the segments’ sorted word lists (UTF-16 order, no duplicates)', () => {
    let seed = 9;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const letters = ['a', 'b', 'é', 'z', 'ж', '東', '😀', 'A'];
    for (let round = 0; round < 200; round++) {
      const lists = Array.from({ length: rnd(6) }, () => {
        const set = new Set<string>();
        const n = rnd(40);
        for (let i = 0; i < n; i++) set.add(Array.from({ length: 1 + rnd(3) }, () => letters[rnd(letters.length)]).join(''));
        return [...set].sort(byUnits);
      });
      const expected = [...new Set(lists.flat())].sort(byUnits);
      expect(mergeSortedUnique(lists)).toEqual(expected);
    }
  });

  it('returns a single list as it is', () => {
    const only = ['a', 'b'];
    expect(mergeSortedUnique([[], only, []])).toBe(only);
    expect(mergeSortedUnique([])).toEqual([]);
  });
});
