/**
 * Documents matching query terms, phrases and term subsets (Meilisearch's `resolve_query_graph`), and the
 * per-field and per-position splits of a term's matches used by the attribute and position rules.
 */
import { dedupeSorted, EMPTY, has, intersect, unionMany, type DocSet } from '../../storage/docSet.ts';
import type { Posting } from '../../storage/postingCodec.ts';
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
const BUCKETS = Uint32Array.from({ length: 65536 }, (_, p) => computeBucket(p));
/** The distinct buckets, and each position's index among them. */
const BUCKET_VALUES = [...new Set(BUCKETS)];
const BUCKET_SLOT = Uint8Array.from(BUCKETS, (b) => BUCKET_VALUES.indexOf(b));

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

  /** Documents of `universe` per field where the subset matches (attribute rule conditions). */
  fieldDocs(s: TermSubset, universe: DocSet): Map<number, DocSet> {
    return this.splitBy(s, universe, 'fid');
  }

  /** Documents of `universe` per bucketed position where the subset matches (position rule conditions). */
  positionDocs(s: TermSubset, universe: DocSet): Map<number, DocSet> {
    return this.splitBy(s, universe, 'position');
  }

  /**
   * Walks the postings of the subset's anchor words in the universe's documents and files each document under
   * the key of each of its occurrences (deduplicated per key).
   */
  private splitBy(s: TermSubset, universe: DocSet, mode: 'fid' | 'position'): Map<number, DocSet> {
    const { words, phrasesOf, single } = this.anchors(s);
    const byField = mode === 'fid';
    const restricted = this.data.policy.restricted;
    // Slots are small integers (field ids, position bucket indexes): typed arrays in the hot loops, which run
    // twice (count, then fill) so that no list grows.
    const nSlots = byField ? this.data.state.fields.size : BUCKET_VALUES.length;
    const last = new Int32Array(nSlots);
    const counts = new Int32Array(nSlots);
    const runs: { p: Posting; m: SortedMatches; keep: Uint8Array | null }[] = [];
    for (let wi = 0; wi < words.length; wi++) {
      const phrases = single[wi] ? null : phrasesOf[wi];
      for (const { posting: p, tombstones } of this.data.parts(words[wi])) {
        const m = matchSorted(p.docs, universe);
        let keep: Uint8Array | null = null;
        if (tombstones.length || phrases) {
          keep = new Uint8Array(m.n);
          for (let x = 0; x < m.n; x++) {
            const doc = p.docs[m.ia[x]];
            keep[x] = (tombstones.length === 0 || !has(tombstones, doc)) && (!phrases || phrases.some((ph) => has(this.phraseDocs(ph), doc))) ? 1 : 0;
          }
        }
        runs.push({ p, m, keep });
      }
    }
    const lists: Uint32Array[] = [];
    const fill = new Int32Array(nSlots);
    let ordered = runs.length <= 1;
    for (let pass = 0; pass < 2; pass++) {
      last.fill(-1);
      for (const { p, m, keep } of runs) {
        const pdocs = p.docs;
        const offs = p.offsets;
        const occ = p.occ;
        for (let x = 0; x < m.n; x++) {
          if (keep && keep[x] === 0) continue;
          const pi = m.ia[x];
          const doc = pdocs[pi];
          for (let k = offs[pi], e = offs[pi + 1]; k < e; k++) {
            const o = occ[k];
            const slot = byField ? o >>> 16 : BUCKET_SLOT[o & 0xffff];
            if (last[slot] === doc) continue;
            if (byField && restricted && !restricted.all.has(slot)) continue;
            last[slot] = doc;
            if (pass === 0) counts[slot]++;
            else lists[slot][fill[slot]++] = doc;
          }
        }
      }
      if (pass === 0) for (let slot = 0; slot < nSlots; slot++) if (counts[slot]) lists[slot] = new Uint32Array(counts[slot]);
    }
    const out = new Map<number, DocSet>();
    lists.forEach((l, slot) => {
      // Several words or segments may interleave documents: sort and deduplicate then.
      if (l) out.set(byField ? slot : BUCKET_VALUES[slot], ordered ? l : dedupeSorted(l.sort()));
    });
    return out;
  }
}
