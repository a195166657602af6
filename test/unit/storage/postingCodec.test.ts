import { describe, expect, it } from 'vitest';
import { decodePosting, decodePostingDocs, encodePosting, mergePostings } from '../../../src/engine/storage/postingCodec.ts';

describe('posting codec', () => {
  it('keeps its byte format (version 1: doc deltas, counts, per-document occurrence deltas)', () => {
    const docs = [0, 5, 200, 70000, 4294967294];
    const counts = [1, 3, 2, 1, 2];
    const occ = [7, 65536 * 2 + 300, 1, 65536 * 65535 + 65535, 3, 2, 131072, 9, 8];
    // Bytes written by the first implementation (ByteWriter), kept as a golden.
    expect(Array.from(encodePosting(docs, counts, occ))).toEqual([
      1, 5, 12, 0, 5, 195, 1, 168, 161, 4, 142, 221, 251, 255, 15, 1, 3, 2, 1, 2, 7, 1, 171, 130, 8, 211, 253, 247, 255, 15, 2, 1, 128, 128, 8, 8, 1,
    ]);
  });

  it('round-trips random postings (occurrences sorted per document), and decodes the documents alone', () => {
    let seed = 17;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const n = rnd(5) === 0 ? rnd(1000) : rnd(30);
      const docs: number[] = [];
      let d = rnd(3) === 0 ? 2 ** 31 + rnd(1000) : 0;
      for (let i = 0; i < n; i++) docs.push((d += 1 + rnd(rnd(2) ? 5 : 100_000)));
      const counts = docs.map(() => 1 + (rnd(8) === 0 ? rnd(60) : rnd(3)));
      const occ: number[] = [];
      for (const c of counts) for (let k = 0; k < c; k++) occ.push(rnd(65536) * 65536 + rnd(65536));
      const p = decodePosting(encodePosting(docs, counts, occ));
      expect(p.docs.join()).toBe(docs.join());
      const offsets = [0];
      const sorted: number[] = [];
      let o = 0;
      for (const c of counts) {
        offsets.push(offsets[offsets.length - 1] + c);
        sorted.push(...occ.slice(o, o + c).sort((a, b) => a - b));
        o += c;
      }
      // Joined: toEqual on long arrays is slow.
      expect(p.offsets.join()).toBe(offsets.join());
      expect(p.occ.join()).toBe(sorted.join());
      expect(decodePostingDocs(encodePosting(docs, counts, occ)).join()).toBe(docs.join());
    }
  });

  it('encodes a posting after a much larger one (reused scratch) and returns bytes it does not keep', () => {
    const big = encodePosting(Array.from({ length: 50_000 }, (_, i) => i * 3), new Array(50_000).fill(2), Array.from({ length: 100_000 }, (_, i) => i));
    const small = encodePosting([4], [1], [9]);
    expect(Array.from(small)).toEqual([1, 1, 1, 4, 1, 9]);
    expect(decodePosting(big).docs.length).toBe(50_000);
  });

  it('refuses an unknown version and truncated data', () => {
    const bytes = encodePosting([1, 2], [1, 1], [3, 4]);
    expect(() => decodePosting(Uint8Array.of(2, ...bytes.subarray(1)))).toThrow(/version 2/);
    expect(() => decodePosting(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
  });

  it('merges postings of disjoint documents in document order', () => {
    const a = decodePosting(encodePosting([1, 7], [1, 2], [5, 1, 2]));
    const b = decodePosting(encodePosting([3], [1], [9]));
    const m = mergePostings([a, b]);
    expect(Array.from(m.docs)).toEqual([1, 3, 7]);
    expect(Array.from(m.occ)).toEqual([5, 9, 1, 2]);
  });
});
