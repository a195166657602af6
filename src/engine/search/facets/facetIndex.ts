/**
 * One field's facet values across every live segment of an index, tombstones applied: the structure the
 * filter evaluator, the facet distribution, facet search, sort and distinct all read.
 *
 * Values are stored as compressed-sparse-row runs: `numbers[i]` owns
 * `numDocs[numOffsets[i] .. numOffsets[i + 1])` (sorted, unique), same for strings. A contiguous range of
 * values is therefore one contiguous run of `numDocs`, which makes `price 10 TO 20` a single slice. The
 * per-document view (doc → value indices), needed when a small candidate set meets a field with many
 * values, is built lazily on first use.
 */
import type { FacetColumn } from '../../storage/facetCodec.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';
import { difference, EMPTY, has, unionMany, type DocSet, fromBits } from '../../storage/docSet.ts';

/** One original spelling of a normalized string value, with the documents that wrote it so. */
export interface Spelling {
  original: string;
  docs: DocSet;
}

/** `_geo` coordinates per document, ascending by document. */
export interface GeoPoints {
  docs: DocSet;
  lat: Float64Array;
  lng: Float64Array;
}

/** A bound of a value range; `null` = unbounded on that side. */
export type Bound<T> = { value: T; inclusive: boolean } | null;

/** A segment's column and the tombstones to apply to it. */
export interface SegmentColumn {
  column: FacetColumn;
  tombstones: DocSet;
}

/** Lazily built doc → value-index rows (`offsets` indexed by docid). */
interface DocRows {
  offsets: Uint32Array;
  values: Uint32Array;
}

function lowerBound<T>(n: number, at: (i: number) => T, cmp: (a: T, b: T) => number, x: T, inclusive: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cmp(at(mid), x);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const compareNumbers = (a: number, b: number): number => a - b;

/** Sorted unique union of `docs[start..end)` whose pieces are each sorted: a bitset when dense. */
export function unionRun(docs: Uint32Array, start: number, end: number, maxDoc: number): DocSet {
  const n = end - start;
  if (n <= 0) return EMPTY;
  if (n * 8 < maxDoc / 32) {
    const all = docs.slice(start, end);
    all.sort();
    let k = 1;
    for (let i = 1; i < all.length; i++) if (all[i] !== all[k - 1]) all[k++] = all[i];
    return k === all.length ? all : all.slice(0, k);
  }
  const bits = new Uint32Array((maxDoc >>> 5) + 1);
  for (let i = start; i < end; i++) bits[docs[i] >>> 5] |= 1 << (docs[i] & 31);
  return bitsToSet(bits);
}

/** Sorted docs of a bitset. */
export const bitsToSet = fromBits;

/**
 * The merged facet values of one field (see the module comment for the layout).
 *
 * @example
 * ```ts
 * const col = await reader.facetColumn(fid);
 * const [from, to] = col.numberRange({ value: 10, inclusive: true }, null);
 * const docs = col.numbersDocs(from, to); // documents with a number ≥ 10
 * ```
 */
export class FacetIndex {
  private rows: { numbers: DocRows; strings: DocRows } | undefined;

  constructor(
    /** distinct numbers, ascending */
    readonly numbers: Float64Array,
    readonly numOffsets: Uint32Array,
    readonly numDocs: Uint32Array,
    /** distinct normalized strings (§4.8), ascending in UTF-8 byte order */
    readonly strings: string[],
    readonly strOffsets: Uint32Array,
    readonly strDocs: Uint32Array,
    /** original spellings of each string value, ordered by their first document */
    readonly spellings: Spelling[][],
    readonly exists: DocSet,
    readonly isNull: DocSet,
    readonly isEmpty: DocSet,
    readonly geo: GeoPoints | null,
    /** highest docid appearing anywhere in the column (sizes bitsets) */
    readonly maxDoc: number,
  ) {}

  /** Approximate heap size, for the cache budget, counting the per-document rows built on demand. */
  get bytes(): number {
    const rows = (this.maxDoc + 2) * 8 + (this.numDocs.length + this.strDocs.length) * 4;
    let s = 0;
    for (const str of this.strings) s += str.length * 2 + 48;
    for (const sp of this.spellings) if (sp.length > 1) for (const x of sp) s += x.docs.byteLength + x.original.length * 2 + 64;
    return (
      s +
      rows +
      this.numbers.byteLength +
      this.numOffsets.byteLength +
      this.numDocs.byteLength +
      this.strOffsets.byteLength +
      this.strDocs.byteLength +
      this.exists.byteLength +
      this.isNull.byteLength +
      this.isEmpty.byteLength +
      (this.geo ? this.geo.docs.byteLength * 5 : 0) +
      256
    );
  }

  numberDocs(i: number): DocSet {
    return this.numDocs.subarray(this.numOffsets[i], this.numOffsets[i + 1]);
  }

  stringDocs(i: number): DocSet {
    return this.strDocs.subarray(this.strOffsets[i], this.strOffsets[i + 1]);
  }

  /** Index of a number, or -1. */
  findNumber(n: number): number {
    const i = lowerBound(this.numbers.length, (k) => this.numbers[k], compareNumbers, n, true);
    return i < this.numbers.length && this.numbers[i] === n ? i : -1;
  }

  /** Index of a normalized string, or -1. */
  findString(s: string): number {
    const i = lowerBound(this.strings.length, (k) => this.strings[k], compareUtf8, s, true);
    return i < this.strings.length && this.strings[i] === s ? i : -1;
  }

  /** `[from, to)` value indices of numbers within the bounds. */
  numberRange(lo: Bound<number>, hi: Bound<number>): [number, number] {
    const n = this.numbers.length;
    const at = (k: number) => this.numbers[k];
    const from = lo ? lowerBound(n, at, compareNumbers, lo.value, lo.inclusive) : 0;
    const to = hi ? lowerBound(n, at, compareNumbers, hi.value, !hi.inclusive) : n;
    return [from, Math.max(from, to)];
  }

  /** `[from, to)` value indices of strings within the bounds (byte order). */
  stringRange(lo: Bound<string>, hi: Bound<string>): [number, number] {
    const n = this.strings.length;
    const at = (k: number) => this.strings[k];
    const from = lo ? lowerBound(n, at, compareUtf8, lo.value, lo.inclusive) : 0;
    const to = hi ? lowerBound(n, at, compareUtf8, hi.value, !hi.inclusive) : n;
    return [from, Math.max(from, to)];
  }

  /** Documents holding a number of `[from, to)`. */
  numbersDocs(from: number, to: number): DocSet {
    if (to - from === 1) return this.numberDocs(from);
    return unionRun(this.numDocs, this.numOffsets[from], this.numOffsets[to], this.maxDoc);
  }

  /** Documents holding a string of `[from, to)`. */
  stringsDocs(from: number, to: number): DocSet {
    if (to - from === 1) return this.stringDocs(from);
    return unionRun(this.strDocs, this.strOffsets[from], this.strOffsets[to], this.maxDoc);
  }

  /** Number value indices of a document (ascending). */
  docNumberValues(doc: number): Uint32Array {
    const r = this.docRows().numbers;
    return doc + 1 < r.offsets.length ? r.values.subarray(r.offsets[doc], r.offsets[doc + 1]) : EMPTY;
  }

  /** String value indices of a document (ascending). */
  docStringValues(doc: number): Uint32Array {
    const r = this.docRows().strings;
    return doc + 1 < r.offsets.length ? r.values.subarray(r.offsets[doc], r.offsets[doc + 1]) : EMPTY;
  }

  /** Whether the per-document rows exist already (they cost a pass over every value). */
  get hasDocRows(): boolean {
    return this.rows !== undefined;
  }

  private docRows(): { numbers: DocRows; strings: DocRows } {
    if (!this.rows) {
      this.rows = {
        numbers: buildRows(this.numOffsets, this.numDocs, this.maxDoc),
        strings: buildRows(this.strOffsets, this.strDocs, this.maxDoc),
      };
    }
    return this.rows;
  }

  /**
   * The original spelling of string value `i` from the lowest document of `among` holding it (any document
   * when `among` is null), as Meilisearch reports it.
   */
  originalOf(i: number, among: DocSet | null): string {
    const sp = this.spellings[i];
    if (sp.length === 1 || among === null) return sp[0].original;
    let best = sp[0].original;
    let bestDoc = Infinity;
    for (const s of sp) {
      const d = firstCommon(s.docs, among);
      if (d < bestDoc) {
        bestDoc = d;
        best = s.original;
      }
    }
    return best;
  }
}

/** Lowest element of both sorted sets, or Infinity. */
function firstCommon(a: DocSet, b: DocSet): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return a[i];
    if (a[i] < b[j]) i++;
    else j++;
  }
  return Infinity;
}

function buildRows(offsets: Uint32Array, docs: Uint32Array, maxDoc: number): DocRows {
  const counts = new Uint32Array(maxDoc + 2);
  for (let k = 0; k < docs.length; k++) counts[docs[k] + 1]++;
  for (let d = 1; d < counts.length; d++) counts[d] += counts[d - 1];
  const rowOffsets = counts.slice();
  const values = new Uint32Array(docs.length);
  const cursor = counts; // reused as write cursors
  const n = offsets.length - 1;
  // Values are visited in ascending order, so each document's row comes out ascending too.
  for (let v = 0; v < n; v++) {
    for (let k = offsets[v]; k < offsets[v + 1]; k++) values[cursor[docs[k]]++] = v;
  }
  return { offsets: rowOffsets, values };
}

function concatSorted(parts: DocSet[], sort: boolean): DocSet {
  if (parts.length === 1) return parts[0];
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint32Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  if (sort) out.sort();
  return out;
}

function csr(lists: DocSet[]): { offsets: Uint32Array; docs: Uint32Array } {
  const offsets = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i] + lists[i].length;
  const docs = new Uint32Array(offsets[lists.length]);
  for (let i = 0; i < lists.length; i++) docs.set(lists[i], offsets[i]);
  return { offsets, docs };
}

/**
 * Merges the columns of one field across segments, dropping tombstoned documents. A document id lives in
 * at most one segment once tombstones are applied, so merging is concatenation plus a sort per value.
 * Empty strings are not values (Meilisearch indexes `""` only as IS EMPTY).
 */
export function mergeFacetColumns(parts: readonly SegmentColumn[]): FacetIndex {
  const live = (docs: DocSet, tomb: DocSet) => (tomb.length ? difference(docs, tomb) : docs);
  const numbers = new Map<number, DocSet[]>();
  const strings = new Map<string, Map<string, DocSet[]>>();
  const geo: { doc: number; lat: number; lng: number }[] = [];
  const exists: DocSet[] = [];
  const isNull: DocSet[] = [];
  const isEmpty: DocSet[] = [];
  let maxDoc = 0;
  const seeMax = (d: DocSet) => {
    if (d.length && d[d.length - 1] > maxDoc) maxDoc = d[d.length - 1];
  };
  for (const { column: c, tombstones: t } of parts) {
    for (let i = 0; i < c.numbers.length; i++) {
      const docs = live(c.numberDocs[i], t);
      if (!docs.length) continue;
      const list = numbers.get(c.numbers[i]);
      if (list) list.push(docs);
      else numbers.set(c.numbers[i], [docs]);
    }
    for (let i = 0; i < c.strings.length; i++) {
      for (const sp of c.spellings[i]) {
        if (sp.original === '') continue;
        const docs = live(sp.docs, t);
        if (!docs.length) continue;
        let byOriginal = strings.get(c.strings[i]);
        if (!byOriginal) strings.set(c.strings[i], (byOriginal = new Map()));
        const list = byOriginal.get(sp.original);
        if (list) list.push(docs);
        else byOriginal.set(sp.original, [docs]);
      }
    }
    exists.push(live(c.exists, t));
    isNull.push(live(c.isNull, t));
    isEmpty.push(live(c.isEmpty, t));
    seeMax(exists[exists.length - 1]);
    if (c.geo) {
      for (let i = 0; i < c.geo.docs.length; i++) {
        const d = c.geo.docs[i];
        if (t.length && has(t, d)) continue;
        geo.push({ doc: d, lat: c.geo.lat[i], lng: c.geo.lng[i] });
      }
    }
  }
  const multi = parts.length > 1;
  const numKeys = [...numbers.keys()].sort(compareNumbers);
  const numLists = numKeys.map((k) => concatSorted(numbers.get(k)!, multi));
  const strKeys = [...strings.keys()].sort(compareUtf8);
  const spellings: Spelling[][] = [];
  const strLists = strKeys.map((k) => {
    const sp = [...strings.get(k)!].map(([original, lists]) => ({ original, docs: concatSorted(lists, multi) }));
    sp.sort((a, b) => a.docs[0] - b.docs[0]);
    spellings.push(sp);
    return sp.length === 1 ? sp[0].docs : unionMany(sp.map((s) => s.docs));
  });
  for (const l of numLists) seeMax(l);
  for (const l of strLists) seeMax(l);
  const n = csr(numLists);
  const s = csr(strLists);
  geo.sort((a, b) => a.doc - b.doc);
  const geoPoints: GeoPoints | null = geo.length
    ? { docs: Uint32Array.from(geo, (g) => g.doc), lat: Float64Array.from(geo, (g) => g.lat), lng: Float64Array.from(geo, (g) => g.lng) }
    : null;
  return new FacetIndex(
    Float64Array.from(numKeys),
    n.offsets,
    n.docs,
    strKeys,
    s.offsets,
    s.docs,
    spellings,
    unionMany(exists),
    unionMany(isNull),
    unionMany(isEmpty),
    geoPoints,
    maxDoc,
  );
}
