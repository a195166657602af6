/**
 * Documents matching query terms, phrases and term subsets (Meilisearch's `resolve_query_graph`), and the
 * per-field and per-position splits of a term's matches used by the attribute and position rules.
 */
import { EMPTY, has, intersect, unionMany, type DocSet } from '../../storage/docSet.ts';
import type { QueryGraph } from '../query/queryGraph.ts';
import {
  phraseKey,
  subsetKey,
  subsetPhrases,
  subsetPrefixDb,
  subsetWords,
  type ExactTerm,
  type Phrase,
  type TermSubset,
} from '../query/queryTerm.ts';
import { matchSorted, type DocOccurrences, type SearchData, type SortedMatches } from './searchData.ts';

function computeBucket(p: number): number {
  if (p < 16) return p;
  if (p < 24) return 24;
  return 2 ** Math.ceil(Math.log2(p));
}

/** Every position's bucket, precomputed (positions are < 65,536). */
const BUCKETS = new Uint32Array(65536);
/** The distinct buckets, and each position's index among them. */
const BUCKET_VALUES: number[] = [];
const BUCKET_SLOT = new Uint8Array(65536);
// Filled range by range (buckets never decrease with the position): a call per position, plus a Set and an
// indexOf per position, ran at every worker start in the interpreter (~3 ms of a cold start).
for (let p = 0; p < 65536; ) {
  const b = computeBucket(p);
  const last = Math.min(65535, p < 16 ? p : p < 24 ? 23 : b);
  BUCKETS.fill(b, p, last + 1);
  BUCKET_SLOT.fill(BUCKET_VALUES.length, p, last + 1);
  BUCKET_VALUES.push(b);
  p = last + 1;
}

/** Meilisearch's `bucketed_position`: exact below 16, 16..23 → 24, then the next power of two. */
export function bucketedPosition(p: number): number {
  return p < 65536 ? BUCKETS[p] : computeBucket(p);
}

/** Cost of a distance between a document position and a query position (wordPosition rule). */
export function costFromDistance(d: number): number {
  if (d === 0) return 0;
  if (d === 1) return 1;
  if (d <= 4) return 2;
  if (d <= 7) return 3;
  if (d <= 11) return 4;
  if (d <= 16) return 5;
  if (d <= 24) return 6;
  if (d <= 64) return 7;
  if (d <= 256) return 8;
  if (d <= 1024) return 9;
  return 10;
}

/** Whether `a` at occurrence `oa` and `b` at `ob` are in the same field with 1 ≤ ob − oa ≤ max. */
function forwardWithin(oa: number, ob: number, max: number): boolean {
  const d = ob - oa;
  return d >= 1 && d <= max && oa >>> 16 === ob >>> 16;
}

export class TermResolver {
  private readonly phrases = new Map<string, DocSet>();
  private readonly subsets = new Map<string, DocSet>();
  /** `slotMasks` of the last universe split, per mode and subset. */
  private readonly masks = new Map<string, Uint32Array>();
  private masksUniverse: DocSet | null = null;

  constructor(readonly data: SearchData) {}

  /** Documents containing the phrase (Meilisearch's word-pair approximation, see `phrasePairHolds`). */
  phraseDocs(p: Phrase): DocSet {
    const key = phraseKey(p);
    let d = this.phrases.get(key);
    if (d === undefined) {
      d = this.computePhraseDocs(p);
      this.phrases.set(key, d);
    }
    return d;
  }

  private computePhraseDocs(p: Phrase): DocSet {
    const words = p.words;
    const present = words.filter((w): w is string => w !== null);
    if (present.length === 0) return EMPTY;
    let candidates: DocSet | null = null;
    for (const w of present) {
      const docs = this.data.wordDocs(w, true);
      if (docs.length === 0) return EMPTY;
      candidates = candidates === null ? docs : intersect(candidates, docs);
    }
    if (candidates === null || candidates.length === 0) return EMPTY;
    // Every pair of words at most 2 apart in the phrase must be that close (or closer) in some field.
    const win = Math.min(3, words.length);
    const pairs = new Map<string, { a: string; b: string; max: number }>();
    for (let s = 0; s + win <= words.length; s++) {
      for (let i = s; i < s + win; i++) {
        for (let j = i + 1; j < s + win; j++) {
          const a = words[i];
          const b = words[j];
          if (a === null || b === null) continue;
          pairs.set(`${a}\u0000${b}\u0000${j - i}`, { a, b, max: j - i });
        }
      }
    }
    if (pairs.size === 0) return candidates;
    const distinct = [...new Set(present)];
    const index = new Map(distinct.map((w, i) => [w, i]));
    const occ = this.data.occurrences(distinct, candidates);
    const out: number[] = [];
    const checks = [...pairs.values()].map((p) => ({ a: index.get(p.a)!, b: index.get(p.b)!, max: p.max }));
    for (let i = 0; i < candidates.length; i++) {
      if (checks.every((c) => this.pairHolds(occ, i, c.a, c.b, c.max))) out.push(candidates[i]);
    }
    return Uint32Array.from(out);
  }

  /**
   * Meilisearch's word-pair proximity database, per document: `a` then `b` at most `max` positions apart in one
   * field (by attribute: both in one searched field).
   */
  private pairHolds(occ: DocOccurrences, i: number, a: number, b: number, max: number): boolean {
    const s = occ.start[i];
    const e = occ.start[i + 1];
    if (this.data.policy.byAttribute) {
      const fa = new Set<number>();
      for (let k = s; k < e; k++) if (occ.word[k] === a && this.data.fieldAllowed(occ.occ[k] >>> 16)) fa.add(occ.occ[k] >>> 16);
      for (let k = s; k < e; k++) if (occ.word[k] === b && fa.has(occ.occ[k] >>> 16)) return true;
      return false;
    }
    for (let k = s; k < e; k++) {
      if (occ.word[k] !== a) continue;
      const o = occ.occ[k];
      for (let x = k + 1; x < e && occ.occ[x] <= o + max; x++) if (occ.word[x] === b && forwardWithin(o, occ.occ[x], max)) return true;
    }
    return false;
  }

  /** Every document matching some derivation of the subset (whole index), memoized. */
  private subsetAllDocs(s: TermSubset): DocSet {
    const key = subsetKey(s);
    let d = this.subsets.get(key);
    if (d === undefined) {
      const parts: DocSet[] = [];
      for (const w of subsetWords(s)) parts.push(this.data.wordDocs(w.word, w.original));
      for (const p of subsetPhrases(s)) parts.push(this.phraseDocs(p));
      const pdb = subsetPrefixDb(s);
      if (pdb) parts.push(this.data.prefixDocs(pdb.word, pdb.original));
      d = unionMany(parts);
      this.subsets.set(key, d);
    }
    return d;
  }

  /** Documents of `universe` matching the subset (Meilisearch's `compute_query_term_subset_docids`). */
  subsetDocs(s: TermSubset, universe: DocSet | null): DocSet {
    const all = this.subsetAllDocs(s);
    return universe === null ? all : intersect(all, universe);
  }

  /** Documents matching the exact word or phrase. */
  exactTermDocs(e: ExactTerm, universe: DocSet): DocSet {
    return intersect(e.kind === 'phrase' ? this.phraseDocs(e.phrase) : this.data.wordDocs(e.word, true), universe);
  }

  /** Documents of `universe` matching the query graph along some path (`compute_query_graph_docids`). */
  graphDocs(g: QueryGraph, universe: DocSet): DocSet {
    const order = g.topologicalOrder();
    const docs = new Map<number, DocSet>();
    for (const n of order) {
      const node = g.nodes[n];
      if (node.kind === 'start') {
        docs.set(n, universe);
        continue;
      }
      const preds = unionMany([...g.preds[n]].map((p) => docs.get(p) ?? EMPTY));
      if (node.kind === 'end') return preds;
      if (node.kind === 'term') docs.set(n, preds.length ? this.subsetDocs(node.term.subset, preds) : EMPTY);
    }
    return EMPTY;
  }

  /**
   * The parts of a subset's match that condition the attribute and position rules: single words and
   * prefix-database words count anywhere; a phrase counts where its first word is, in documents containing it.
   */
  private anchors(s: TermSubset): { words: string[]; phrasesOf: (Phrase[] | null)[]; single: boolean[] } {
    const words: string[] = [];
    const phrasesOf: (Phrase[] | null)[] = [];
    const single: boolean[] = [];
    const idx = new Map<string, number>();
    const slot = (w: string) => {
      let i = idx.get(w);
      if (i === undefined) {
        i = words.length;
        idx.set(w, i);
        words.push(w);
        phrasesOf.push(null);
        single.push(false);
      }
      return i;
    };
    for (const w of subsetWords(s)) single[slot(w.word)] = true;
    const pdb = subsetPrefixDb(s);
    if (pdb) for (const w of this.data.wordsWithPrefix(pdb.word)) single[slot(w)] = true;
    for (const p of subsetPhrases(s)) {
      const first = p.words.find((w): w is string => w !== null);
      if (first === undefined) continue;
      const i = slot(first);
      (phrasesOf[i] ??= []).push(p);
    }
    return { words, phrasesOf, single };
  }

  /**
   * Loads the positions a rule will read for `universe`: those of the words anchoring each term of the graph
   * (`anchors`: attribute and position rules), or of the words at each term's edges (`edges`: proximity).
   */
  async loadPositions(graph: QueryGraph, universe: DocSet, what: 'anchors' | 'edges'): Promise<void> {
    const words = new Set<string>();
    for (const id of graph.termNodes()) {
      const node = graph.nodes[id];
      if (node.kind !== 'term') continue;
      const s = node.term.subset;
      for (const w of this.anchors(s).words) words.add(w);
      if (what === 'edges') {
        for (const p of subsetPhrases(s)) {
          const first = p.words[0];
          const last = p.words[p.words.length - 1];
          if (first) words.add(first);
          if (last) words.add(last);
        }
      }
    }
    await this.data.loadPositionsIn(words, universe);
  }

  /**
   * Documents of `universe` per field where the subset matches (attribute rule conditions); with `costOf`, each
   * document only under its cheapest fields (see `splitBy`).
   */
  fieldDocs(s: TermSubset, universe: DocSet, costOf?: (fid: number) => number | null): Map<number, DocSet> {
    return this.splitBy(s, universe, 'fid', costOf);
  }

  /**
   * Documents of `universe` per bucketed position where the subset matches (position rule conditions); with
   * `costOf`, each document only under its cheapest buckets (see `splitBy`).
   */
  positionDocs(s: TermSubset, universe: DocSet, costOf?: (bucket: number) => number | null): Map<number, DocSet> {
    return this.splitBy(s, universe, 'position', costOf);
  }

  /**
   * Files each document of `universe` under the key (field id, position bucket) of each occurrence of the
   * subset's anchor words. With `costOf` (key → cost, null = no condition) a document is filed only under its
   * cheapest keys: a rule's bucket of cost c holds the documents whose cheapest path costs c, and such a path
   * takes every term at one of its cheapest keys, so dearer keys decide neither buckets nor the paths kept.
   */
  private splitBy(s: TermSubset, universe: DocSet, mode: 'fid' | 'position', costOf?: (key: number) => number | null): Map<number, DocSet> {
    const byField = mode === 'fid';
    const nSlots = byField ? this.data.state.fields.size : BUCKET_VALUES.length;
    const keyOf = (slot: number) => (byField ? slot : BUCKET_VALUES[slot]);
    const W = (nSlots + 31) >>> 5;
    const masks = this.slotMasks(s, universe, byField, nSlots, W);
    let kept = masks;
    if (costOf) {
      const cost = Int32Array.from({ length: nSlots }, (_, slot) => costOf(keyOf(slot)) ?? -1);
      kept = new Uint32Array(masks.length);
      for (let base = 0; base < masks.length; base += W) {
        let min = -1;
        for (let w = 0; w < W; w++) {
          for (let m = masks[base + w]; m !== 0; m &= m - 1) {
            const c = cost[(w << 5) | (31 - Math.clz32(m & -m))];
            if (c >= 0 && (min < 0 || c < min)) min = c;
          }
        }
        if (min < 0) continue;
        for (let w = 0; w < W; w++) {
          let out = 0;
          for (let m = masks[base + w]; m !== 0; m &= m - 1) {
            const bit = 31 - Math.clz32(m & -m);
            if (cost[(w << 5) | bit] === min) out |= 1 << bit;
          }
          kept[base + w] = out;
        }
      }
    }
    // Count, then fill in universe order: every list comes out sorted and without duplicates.
    const counts = new Int32Array(nSlots);
    for (let i = 0; i < kept.length; i++) for (let m = kept[i]; m !== 0; m &= m - 1) counts[((i % W) << 5) | (31 - Math.clz32(m & -m))]++;
    const lists: Uint32Array[] = [];
    for (let slot = 0; slot < nSlots; slot++) if (counts[slot]) lists[slot] = new Uint32Array(counts[slot]);
    const fill = new Int32Array(nSlots);
    for (let u = 0, base = 0; u < universe.length; u++, base += W) {
      for (let w = 0; w < W; w++) {
        for (let m = kept[base + w]; m !== 0; m &= m - 1) {
          const slot = (w << 5) | (31 - Math.clz32(m & -m));
          lists[slot][fill[slot]++] = universe[u];
        }
      }
    }
    const out = new Map<number, DocSet>();
    lists.forEach((l, slot) => {
      if (l) out.set(keyOf(slot), l);
    });
    return out;
  }

  /**
   * Per document of `universe`, the bit set (W words) of the slots where the subset's anchors occur. Memoized
   * for the last universe: a word repeated in the query, or both split rules, reuse the walk.
   */
  private slotMasks(s: TermSubset, universe: DocSet, byField: boolean, nSlots: number, W: number): Uint32Array {
    const key = `${byField ? 'f' : 'p'}${subsetKey(s)}`;
    if (this.masksUniverse !== universe) {
      this.masksUniverse = universe;
      this.masks.clear();
    }
    const cached = this.masks.get(key);
    if (cached) return cached;
    const { words, phrasesOf, single } = this.anchors(s);
    const restricted = byField ? this.data.policy.restricted : null;
    const allowed = restricted ? Uint8Array.from({ length: nSlots }, (_, f) => (restricted.all.has(f) ? 1 : 0)) : null;
    const masks = new Uint32Array(universe.length * W);
    // Every match is walked before the next is asked: one pair of index arrays serves them all.
    const scratch: SortedMatches = { ia: new Int32Array(universe.length), ib: new Int32Array(universe.length), n: 0 };
    for (let wi = 0; wi < words.length; wi++) {
      const phrases = single[wi] ? null : phrasesOf[wi];
      for (const { posting: p, tombstones } of this.data.parts(words[wi])) {
        const m = matchSorted(p.docs, universe, scratch);
        const { docs: pdocs, offsets: offs, occ } = p;
        for (let x = 0; x < m.n; x++) {
          const pi = m.ia[x];
          if (tombstones.length && has(tombstones, pdocs[pi])) continue;
          if (phrases && !phrases.some((ph) => has(this.phraseDocs(ph), pdocs[pi]))) continue;
          const base = m.ib[x] * W;
          if (W === 1) {
            // The common case (position buckets, or at most 32 fields): one word per document.
            let acc = masks[base];
            for (let k = offs[pi], e = offs[pi + 1]; k < e; k++) {
              const o = occ[k];
              const slot = byField ? o >>> 16 : BUCKET_SLOT[o & 0xffff];
              if (allowed === null || allowed[slot] === 1) acc |= 1 << slot;
            }
            masks[base] = acc;
          } else {
            for (let k = offs[pi], e = offs[pi + 1]; k < e; k++) {
              const o = occ[k];
              const slot = byField ? o >>> 16 : BUCKET_SLOT[o & 0xffff];
              if (allowed === null || allowed[slot] === 1) masks[base + (slot >>> 5)] |= 1 << (slot & 31);
            }
          }
        }
      }
    }
    this.masks.set(key, masks);
    return masks;
  }
}
