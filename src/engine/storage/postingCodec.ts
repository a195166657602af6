import { ByteReader, ByteWriter } from './byteCodec.ts';
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

/**
 * Encodes a posting from parallel arrays: `docs` ascending; `counts[i]` occurrences of docs[i] listed
 * consecutively in `occ` (each doc's occurrences need not be sorted; they are sorted here).
 */
export function encodePosting(docs: ArrayLike<number>, counts: ArrayLike<number>, occ: ArrayLike<number>): Uint8Array {
  const n = docs.length;
  const docWriter = new ByteWriter(n * 2 + 8);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    docWriter.varint(i === 0 ? docs[i] : docs[i] - prev);
    prev = docs[i];
  }
  const w = new ByteWriter(n * 4 + occ.length * 2 + 16);
  w.byte(POSTING_VERSION);
  w.varint(n);
  w.varint(docWriter.length);
  w.bytes(docWriter.finish());
  for (let i = 0; i < n; i++) w.varint(counts[i]);
  let o = 0;
  let scratch: number[] = [];
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
      scratch = Array.prototype.slice.call(occ, o, o + c) as number[];
      scratch.sort((a, b) => a - b);
      list = scratch;
      base = 0;
    }
    let p = 0;
    for (let k = 0; k < c; k++) {
      const v = list[base + k];
      w.varint(k === 0 ? v : v - p);
      p = v;
    }
    o += c;
  }
  return w.finish();
}

function header(bytes: Uint8Array): ByteReader {
  const r = new ByteReader(bytes);
  const v = r.byte();
  if (v !== POSTING_VERSION) throw new EngineError('invalid_store_file', `Unknown posting list version ${v}.`);
  return r;
}

/** Only the document ids. */
export function decodePostingDocs(bytes: Uint8Array): DocSet {
  const r = header(bytes);
  const n = r.varint();
  r.varint();
  const docs = new Uint32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev = i === 0 ? r.varint() : prev + r.varint();
    docs[i] = prev;
  }
  return docs;
}

export function decodePosting(bytes: Uint8Array): Posting {
  const r = header(bytes);
  const n = r.varint();
  r.varint();
  const docs = new Uint32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev = i === 0 ? r.varint() : prev + r.varint();
    docs[i] = prev;
  }
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + r.varint();
  const occ = new Uint32Array(offsets[n]);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = offsets[i + 1] - offsets[i];
    let p = 0;
    for (let k = 0; k < c; k++) {
      p = k === 0 ? r.varint() : p + r.varint();
      occ[o++] = p;
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
