/** The posting cache: a byte budget, read entries kept over unread ones, one iterator per eviction. */
import { describe, expect, it } from 'vitest';
import { PostingCache } from '../../../src/engine/search/postingCache.ts';

describe('PostingCache', () => {
  it('never holds more than its byte budget', () => {
    const cache = new PostingCache(1000);
    for (let i = 0; i < 500; i++) {
      cache.set(`1/0/w${i}`, i, 30 + (i % 7));
      expect(cache.size).toBeLessThanOrEqual(1000);
    }
    expect(cache.get('1/0/w499')).toBe(499); // the newest entry stays
    expect(cache.get('1/0/w0')).toBeUndefined(); // the oldest went
  });

  it('evicts entries nobody read before entries that were read', () => {
    const cache = new PostingCache(1000);
    for (let i = 0; i < 10; i++) cache.set(`1/0/w${i}`, i, 100);
    expect(cache.get('1/0/w0')).toBe(0);
    expect(cache.get('1/0/w1')).toBe(1);
    cache.set('1/0/new', 'x', 100); // over budget: frees down to 7/8
    expect(cache.get('1/0/w0')).toBe(0);
    expect(cache.get('1/0/w1')).toBe(1);
    expect(cache.get('1/0/w2')).toBeUndefined();
    expect(cache.get('1/0/w3')).toBeUndefined();
    expect(cache.get('1/0/new')).toBe('x');
    expect(cache.size).toBeLessThanOrEqual(875);
  });

  it('a read entry is spared once, then evicted if not read again', () => {
    const cache = new PostingCache(400);
    for (let i = 0; i < 4; i++) cache.set(`1/0/w${i}`, i, 100);
    for (let i = 0; i < 4; i++) cache.get(`1/0/w${i}`); // every entry read
    cache.set('1/0/a', 'a', 100); // every entry gets its second chance, then the oldest go: 7/8 of 400 with 'a'
    expect(cache.size).toBe(300);
    expect(cache.get('1/0/a')).toBe('a');
    const left = [0, 1, 2, 3].filter((i) => cache.get(`1/0/w${i}`) !== undefined);
    expect(left).toEqual([2, 3]);
  });

  it('does not cache an entry larger than a quarter of the budget', () => {
    const cache = new PostingCache(1000);
    cache.set('1/0/big', 'big', 251);
    expect(cache.get('1/0/big')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('replacing a key counts its bytes once', () => {
    const cache = new PostingCache(1000);
    cache.set('1/0/w', 1, 200);
    cache.set('1/0/w', 2, 100);
    expect(cache.size).toBe(100);
    expect(cache.get('1/0/w')).toBe(2);
  });

  it('dropIndex removes only that index’s entries', () => {
    const cache = new PostingCache(1000);
    cache.set('1/0/a', 'a', 10);
    cache.set('12/0/a', 'b', 10);
    cache.dropIndex(1);
    expect(cache.get('1/0/a')).toBeUndefined();
    expect(cache.get('12/0/a')).toBe('b');
    expect(cache.size).toBe(10);
  });
});
