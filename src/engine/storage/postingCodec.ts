import { EngineError } from '../../errors/engineError.ts';
import type { DocSet } from './docSet.ts';

/**
 * Posting list of one word in one segment: the documents containing it and, per document, every
 * occurrence as `fid * 65536 + position` (ascending). Layout (version 1):
 *
 *   u8 version · varint n · varint docBytes · n doc deltas · n occurrence counts · occurrences (delta per doc)
 *
 * `docBytes` lets a reader decode the document ids without touching the positions.
 */
export const POSTING_VERSION = 1;

export interface Posting {
  docs: DocSet;
  /** occurrences of docs[i] are occ[offsets[i] .. offsets[i+1]) */
  offsets: Uint32Array;
  occ: Uint32Array;
}

export function packOccurrence(fid: number, position: number): number {
  return fid * 65536 + position;
}

export function occFid(occ: number): number {
  return Math.floor(occ / 65536);
}

export function occPosition(occ: number): number {
  return occ % 65536;
}

/** Encoding scratch, reused across postings (a writer per posting cost more than the encoding itself). */
let scratch = new Uint8Array(1 << 16);
let sortScratch = new Uint32Array(256);

/** Bytes of the unsigned LEB128 varint of `n` (0 ≤ n < 2^53). */
function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    size++;
  }
  return size;
}

/** Writes the varint of `n` (0 ≤ n < 2^53) at `pos` of `buf` (room checked by the caller); returns the next position. */
function putVarint(buf: Uint8Array, pos: number, n: number): number {
  if (n < 0x100000000) {
    // Postings hold uint32s: bit operations, no float division.
    while (n > 0x7f) {
      buf[pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[pos++] = n;
    return pos;
  }
  while (n >= 0x80) {
    buf[pos++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  buf[pos++] = n;
  return pos;
}

/**
 * Encodes a posting from parallel arrays: `docs` ascending; `counts[i]` occurrences of docs[i] listed
 * consecutively in `occ` (each doc's occurrences need not be sorted; they are sorted here).
 */
export function encodePosting(docs: ArrayLike<number>, counts: ArrayLike<number>, occ: ArrayLike<number>): Uint8Array {
  const n = docs.length;
  // At most 5 bytes per uint32 (8 for larger doc ids), plus the header.
  const worst = 1 + 10 + 10 + n * 8 + n * 5 + occ.length * 5;
  if (scratch.length < worst) scratch = new Uint8Array(Math.max(worst, scratch.length * 2));
  const buf = scratch;
  let docBytes = 0;
  for (let i = 0; i < n; i++) docBytes += varintSize(i === 0 ? docs[0] : docs[i] - docs[i - 1]);
  let pos = 0;
  buf[pos++] = POSTING_VERSION;
  pos = putVarint(buf, pos, n);
  pos = putVarint(buf, pos, docBytes);
  for (let i = 0; i < n; i++) pos = putVarint(buf, pos, i === 0 ? docs[0] : docs[i] - docs[i - 1]);
  for (let i = 0; i < n; i++) pos = putVarint(buf, pos, counts[i]);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i];
    let sorted = true;
    for (let k = 1; k < c; k++) {
      if (occ[o + k] < occ[o + k - 1]) {
        sorted = false;
        break;
      }
    }
    let list: ArrayLike<number> = occ;
    let base = o;
    if (!sorted) {
      if (sortScratch.length < c) sortScratch = new Uint32Array(Math.max(c, sortScratch.length * 2));
      const tmp = sortScratch.subarray(0, c);
      for (let k = 0; k < c; k++) tmp[k] = occ[o + k];
      tmp.sort();
      list = tmp;
      base = 0;
    }
    let p = 0;
    for (let k = 0; k < c; k++) {
      const v = list[base + k];
      pos = putVarint(buf, pos, k === 0 ? v : v - p);
      p = v;
    }
    o += c;
  }
  return buf.slice(0, pos);
}

function checkVersion(bytes: Uint8Array): void {
  if (bytes[0] !== POSTING_VERSION) throw new EngineError('invalid_store_file', `Unknown posting list version ${bytes[0]}.`);
}

function truncated(): never {
  throw new RangeError('Unexpected end of data');
}

/**
 * Decodes `count` varints of `bytes` from `pos` into `out` from `at`, as deltas (`delta`: each value adds to the
 * previous one, the first to `base`) or as they are. Returns the position after the last one. Inline varints on
 * locals: a reader object and a method call per value were most of the decoding time.
 */
function readVarints(bytes: Uint8Array, pos: number, count: number, out: Uint32Array, at: number, delta: boolean): number {
  const end = bytes.length;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    if (pos >= end) truncated();
    let b = bytes[pos++];
    let v = b;
    if (b >= 0x80) {
      v = b & 0x7f;
      let mul = 0x80;
      do {
        if (pos >= end) truncated();
        b = bytes[pos++];
        v += (b & 0x7f) * mul;
        mul *= 0x80;
      } while (b >= 0x80);
    }
    prev = delta && i > 0 ? prev + v : v;
    out[at + i] = prev;
  }
  return pos;
}

const HEAD = new Uint32Array(2);

/** The header: document count and where the document ids start. */
function header(bytes: Uint8Array): { n: number; docsAt: number } {
  checkVersion(bytes);
  const at = readVarints(bytes, 1, 2, HEAD, 0, false);
  return { n: HEAD[0], docsAt: at };
}

/** Only the document ids. */
export function decodePostingDocs(bytes: Uint8Array): DocSet {
  const { n, docsAt } = header(bytes);
  const docs = new Uint32Array(n);
  readVarints(bytes, docsAt, n, docs, 0, true);
  return docs;
}

export function decodePosting(bytes: Uint8Array): Posting {
  const { n, docsAt } = header(bytes);
  const docs = new Uint32Array(n);
  let pos = readVarints(bytes, docsAt, n, docs, 0, true);
  const offsets = new Uint32Array(n + 1);
  pos = readVarints(bytes, pos, n, offsets, 1, false);
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const total = offsets[n];
  const occ = new Uint32Array(total);
  // Each document's first occurrence is absolute, the others deltas.
  const end = bytes.length;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const stop = offsets[i + 1];
    let prev = 0;
    let first = true;
    while (k < stop) {
      if (pos >= end) truncated();
      let b = bytes[pos++];
      let v = b;
      if (b >= 0x80) {
        v = b & 0x7f;
        let mul = 0x80;
        do {
          if (pos >= end) truncated();
          b = bytes[pos++];
          v += (b & 0x7f) * mul;
          mul *= 0x80;
        } while (b >= 0x80);
      }
      prev = first ? v : prev + v;
      first = false;
      occ[k++] = prev;
    }
  }
  return { docs, offsets, occ };
}

/** Keeps only the documents for which `keep(doc)` holds (tombstones, filters). */
export function filterPosting(p: Posting, keep: (doc: number) => boolean): Posting {
  let kept = 0;
  for (let i = 0; i < p.docs.length; i++) if (keep(p.docs[i])) kept++;
  if (kept === p.docs.length) return p;
  const docs = new Uint32Array(kept);
  const offsets = new Uint32Array(kept + 1);
  let occLen = 0;
  for (let i = 0; i < p.docs.length; i++) if (keep(p.docs[i])) occLen += p.offsets[i + 1] - p.offsets[i];
  const occ = new Uint32Array(occLen);
  let n = 0;
  let o = 0;
  for (let i = 0; i < p.docs.length; i++) {
    if (!keep(p.docs[i])) continue;
    docs[n] = p.docs[i];
    const s = p.offsets[i];
    const e = p.offsets[i + 1];
    occ.set(p.occ.subarray(s, e), o);
    o += e - s;
    offsets[++n] = o;
  }
  return { docs, offsets, occ };
}

/** Merges postings whose document sets are disjoint (one word across segments) into one, by doc id. */
export function mergePostings(parts: readonly Posting[]): Posting {
  const nonEmpty = parts.filter((p) => p.docs.length > 0);
  if (nonEmpty.length === 0) return { docs: new Uint32Array(0), offsets: new Uint32Array(1), occ: new Uint32Array(0) };
  if (nonEmpty.length === 1) return nonEmpty[0];
  let n = 0;
  let occLen = 0;
  for (const p of nonEmpty) {
    n += p.docs.length;
    occLen += p.occ.length;
  }
  const docs = new Uint32Array(n);
  const offsets = new Uint32Array(n + 1);
  const occ = new Uint32Array(occLen);
  const idx = new Array<number>(nonEmpty.length).fill(0);
  let d = 0;
  let o = 0;
  for (;;) {
    let best = -1;
    for (let k = 0; k < nonEmpty.length; k++) {
      const p = nonEmpty[k];
      if (idx[k] < p.docs.length && (best < 0 || p.docs[idx[k]] < nonEmpty[best].docs[idx[best]])) best = k;
    }
    if (best < 0) break;
    const p = nonEmpty[best];
    const i = idx[best]++;
    if (d > 0 && docs[d - 1] === p.docs[i]) continue; // defensive: a doc live in two segments
    docs[d] = p.docs[i];
    const s = p.offsets[i];
    const e = p.offsets[i + 1];
    occ.set(p.occ.subarray(s, e), o);
    o += e - s;
    offsets[++d] = o;
  }
  return d === n ? { docs, offsets, occ } : { docs: docs.slice(0, d), offsets: offsets.slice(0, d + 1), occ: occ.slice(0, o) };
}
