import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { Store } from '../../../src/engine/storage/store.ts';
import { prefixRange } from '../../../src/engine/storage/store.ts';
import { ALL_STORES } from '../../../src/engine/storage/schema.ts';

// Two real stores of the schema stand in for any pair.
const A = 'meta';
const B = 'tasks';

/** One conformance suite for every Store backend (the tantivy `Directory` idea). */
export function storeConformance(label: string, open: (name: string) => Promise<Store>): void {
  describe(`Store conformance: ${label}`, () => {
    let store: Store;
    let n = 0;
    beforeEach(async () => {
      store = await open(`conf-${label}-${Date.now()}-${n++}`);
    });
    afterEach(async () => {
      await store.destroy();
    });

    it('lists the object stores of the schema', () => {
      expect([...store.storeNames()].sort()).toEqual([...ALL_STORES].sort());
    });

    it('puts and gets values by number, string and array keys', async () => {
      await store.write([A], async (tx) => {
        tx.put(A, 1, { x: 1 });
        tx.put(A, 'k', 'str');
        tx.put(A, [1, 'w', 2], new Uint8Array([1, 2, 3]));
      });
      const got = await store.read([A], async (tx) => [await tx.get(A, 1), await tx.get(A, 'k'), await tx.get(A, [1, 'w', 2]), await tx.get(A, 'missing')]);
      expect(got[0]).toEqual({ x: 1 });
      expect(got[1]).toBe('str');
      expect(Array.from(got[2] as Uint8Array)).toEqual([1, 2, 3]);
      expect(got[3]).toBeUndefined();
    });

    it('orders keys like IndexedDB: numbers < strings < arrays, arrays element-wise', async () => {
      const keys = [[2], B, 10, [1, 'z'], A, 2, [1, A, 0], [1]];
      await store.write([A], async (tx) => keys.forEach((k, i) => tx.put(A, k, i)));
      const all = await store.read([A], (tx) => tx.getAllKeys(A));
      expect(all).toEqual([2, 10, A, B, [1], [1, A, 0], [1, 'z'], [2]]);
    });

    it('scans ranges with bounds, open bounds, limits and reverse order', async () => {
      await store.write([A], async (tx) => {
        for (let i = 0; i < 10; i++) tx.put(A, i, i * 10);
      });
      const r = await store.read([A], async (tx) => ({
        closed: await tx.getAll(A, { range: { lower: 2, upper: 5 } }),
        open: await tx.getAll(A, { range: { lower: 2, upper: 5, lowerOpen: true, upperOpen: true } }),
        limited: await tx.getAllKeys(A, { range: { lower: 3 }, limit: 2 }),
        reversed: await tx.getAllKeys(A, { range: { upper: 4 }, reverse: true, limit: 3 }),
        entries: await tx.entries(A, { range: { lower: 8 } }),
        count: await tx.count(A, { lower: 5 }),
      }));
      expect(r.closed).toEqual([20, 30, 40, 50]);
      expect(r.open).toEqual([30, 40]);
      expect(r.limited).toEqual([3, 4]);
      expect(r.reversed).toEqual([4, 3, 2]);
      expect(r.entries).toEqual([[8, 80], [9, 90]]);
      expect(r.count).toBe(5);
    });

    it('selects every key under an array prefix', async () => {
      await store.write([A], async (tx) => {
        tx.put(A, [1, 0], 'x');
        tx.put(A, [1, 5, 'w'], 'y');
        tx.put(A, [1, 'z'], 'z');
        tx.put(A, [2, 0], 'no');
        tx.put(A, 1, 'no');
      });
      expect(await store.read([A], (tx) => tx.getAll(A, { range: prefixRange([1]) }))).toEqual(['x', 'y', 'z']);
    });

    it('deletes single keys, ranges and whole stores', async () => {
      await store.write([A, B], async (tx) => {
        for (let i = 0; i < 6; i++) tx.put(A, i, i);
        tx.put(B, 'x', 1);
      });
      await store.write([A, B], async (tx) => {
        tx.delete(A, 0);
        tx.delete(A, { lower: 2, upper: 3 });
        tx.clear(B);
      });
      expect(await store.read([A, B], async (tx) => [await tx.getAllKeys(A), await tx.count(B)])).toEqual([[1, 4, 5], 0]);
    });

    it('commits all writes of a transaction or none when it throws', async () => {
      await store.write([A], async (tx) => tx.put(A, 'keep', 1));
      await expect(
        store.write([A, B], async (tx) => {
          tx.put(A, 'keep', 2);
          tx.put(B, 'new', 1);
          tx.delete(A, 'keep');
          await tx.get(A, 'keep');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.read([A, B], async (tx) => [await tx.get(A, 'keep'), await tx.get(B, 'new')])).toEqual([1, undefined]);
    });

    it('sees its own writes inside a write transaction', async () => {
      const seen = await store.write([A], async (tx) => {
        tx.put(A, 1, 'one');
        return tx.get(A, 1);
      });
      expect(seen).toBe('one');
    });

    it('stores copies: mutating a value after put or get does not change the record', async () => {
      const v = { list: [1, 2] };
      await store.write([A], async (tx) => tx.put(A, 1, v));
      v.list.push(3);
      const got = await store.read([A], (tx) => tx.get<{ list: number[] }>(A, 1));
      got!.list.push(4);
      expect(await store.read([A], (tx) => tx.get(A, 1))).toEqual({ list: [1, 2] });
    });

    it('reads many keys at once, in the order asked, with undefined for missing ones', async () => {
      await store.write([A], async (tx) => {
        tx.put(A, 'x', 1);
        tx.put(A, 'y', 2);
      });
      expect(await store.read([A], (tx) => tx.getMany(A, ['y', 'nope', 'x']))).toEqual([2, undefined, 1]);
    });

    it('refuses stores that are not part of the transaction or do not exist', async () => {
      await expect(store.read([A], (tx) => tx.get(B, 1))).rejects.toBeTruthy();
      await expect(store.read(['zzz'], async () => 1)).rejects.toBeTruthy();
    });

    it('handles thousands of records in one transaction', async () => {
      await store.write([A], async (tx) => {
        for (let i = 0; i < 5000; i++) tx.put(A, [7, i], { i });
      });
      const r = await store.read([A], async (tx) => [await tx.count(A), (await tx.getAll<{ i: number }>(A, { range: prefixRange([7]), limit: 3 })).map((v) => v.i)]);
      expect(r).toEqual([5000, [0, 1, 2]]);
    });
  });
}
