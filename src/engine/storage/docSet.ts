/**
 * Sets of internal document ids as sorted, duplicate-free `Uint32Array`s. Dense unions go through a bitset.
 * These are the "bitmaps" of the engine: candidates, filters, facet values and tombstones.
 */
export type DocSet = Uint32Array;

export const EMPTY: DocSet = new Uint32Array(0);

export function has(set: DocSet, x: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = set[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** First index in `set` at or after `from` whose value is ≥ x (galloping search). */
function gallop(set: DocSet, x: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < set.length && set[hi] < x) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > set.length) hi = set.length;
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (set[mid] < x) from = mid + 1;
    else hi = mid;
  }
  return from;
}

export function intersect(a: DocSet, b: DocSet): DocSet {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length === 0) return EMPTY;
  const out = new Uint32Array(a.length);
  let n = 0;
  if (a.length * 16 < b.length) {
    let j = 0;
    for (let i = 0; i < a.length && j < b.length; i++) {
      j = gallop(b, a[i], j);
      if (j < b.length && b[j] === a[i]) out[n++] = a[i];
    }
  } else {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i];
      const y = b[j];
      if (x === y) {
        out[n++] = x;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
  }
  return n === out.length ? out : out.slice(0, n);
}

export function union(a: DocSet, b: DocSet): DocSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) {
      out[n++] = x;
      i++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return n === out.length ? out : out.slice(0, n);
}

/** a \ b */
export function difference(a: DocSet, b: DocSet): DocSet {
  if (a.length === 0 || b.length === 0) return a;
  const out = new Uint32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    j = b.length > a.length * 16 ? gallop(b, x, j) : advance(b, x, j);
    if (j < b.length && b[j] === x) continue;
    out[n++] = x;
  }
  return n === out.length ? out : out.slice(0, n);
}

function advance(set: DocSet, x: number, j: number): number {
  while (j < set.length && set[j] < x) j++;
  return j;
}

/** Union of many sets; uses a bitset when the result is dense. */
export function unionMany(sets: readonly DocSet[]): DocSet {
  const nonEmpty = sets.filter((s) => s.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0];
  if (nonEmpty.length === 2) return union(nonEmpty[0], nonEmpty[1]);
  let max = 0;
  let total = 0;
  for (const s of nonEmpty) {
    total += s.length;
    if (s[s.length - 1] > max) max = s[s.length - 1];
  }
  if (total * 8 < max / 32) {
    const all = new Uint32Array(total);
    let o = 0;
    for (const s of nonEmpty) {
      all.set(s, o);
      o += s.length;
    }
    all.sort();
    return dedupeSorted(all);
  }
  const bits = new Uint32Array((max >>> 5) + 1);
  for (const s of nonEmpty) for (let i = 0; i < s.length; i++) bits[s[i] >>> 5] |= 1 << (s[i] & 31);
  return fromBits(bits);
}

export function dedupeSorted(all: Uint32Array): DocSet {
  if (all.length < 2) return all;
  let n = 1;
  for (let i = 1; i < all.length; i++) if (all[i] !== all[n - 1]) all[n++] = all[i];
  return n === all.length ? all : all.slice(0, n);
}

/** Sorted ids of the set bits of a bitset (bit i of word w = id w*32+i). */
export function fromBits(bits: Uint32Array): DocSet {
  let count = 0;
  for (let w = 0; w < bits.length; w++) count += popcount(bits[w]);
  const out = new Uint32Array(count);
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const t = word & -word;
      out[n++] = (w << 5) + (31 - Math.clz32(t));
      word ^= t;
    }
  }
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Sorted set from arbitrary numbers. */
export function fromArray(values: Iterable<number>): DocSet {
  const a = Uint32Array.from(values);
  a.sort();
  return dedupeSorted(a);
}

/** `0..n-1` */
export function range(n: number): DocSet {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
