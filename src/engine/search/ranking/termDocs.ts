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
import type { DocOccurrences, SearchData } from './searchData.ts';

/** Meilisearch's `bucketed_position`: exact below 16, 16..23 → 24, then the next power of two. */
export function bucketedPosition(p: number): number {
  if (p < 16) return p;
  if (p < 24) return 24;
  return 2 ** Math.ceil(Math.log2(p));
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
  return d >= 1 && d <= max && Math.floor(oa / 65536) === Math.floor(ob / 65536);
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
      for (let k = s; k < e; k++) if (occ.word[k] === a && this.data.fieldAllowed(Math.floor(occ.occ[k] / 65536))) fa.add(Math.floor(occ.occ[k] / 65536));
      for (let k = s; k < e; k++) if (occ.word[k] === b && fa.has(Math.floor(occ.occ[k] / 65536))) return true;
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

  /** Documents of `universe` per field where the subset matches (attribute rule conditions). */
  fieldDocs(s: TermSubset, universe: DocSet): Map<number, DocSet> {
    return this.splitBy(s, universe, (o) => {
      const fid = Math.floor(o / 65536);
      return this.data.fieldAllowed(fid) ? fid : -1;
    });
  }

  /** Documents of `universe` per bucketed position where the subset matches (position rule conditions). */
  positionDocs(s: TermSubset, universe: DocSet): Map<number, DocSet> {
    return this.splitBy(s, universe, (o) => bucketedPosition(o % 65536));
  }

  private splitBy(s: TermSubset, universe: DocSet, keyOf: (occ: number) => number): Map<number, DocSet> {
    const { words, phrasesOf, single } = this.anchors(s);
    const occ = this.data.occurrences(words, universe, `anchors:${subsetKey(s)}`);
    const lists = new Map<number, number[]>();
    const seen = new Set<number>();
    for (let i = 0; i < universe.length; i++) {
      const doc = universe[i];
      seen.clear();
      for (let k = occ.start[i]; k < occ.start[i + 1]; k++) {
        const w = occ.word[k];
        if (!single[w]) {
          const ps = phrasesOf[w];
          if (!ps || !ps.some((p) => has(this.phraseDocs(p), doc))) continue;
        }
        const key = keyOf(occ.occ[k]);
        if (key < 0 || seen.has(key)) continue;
        seen.add(key);
        let list = lists.get(key);
        if (!list) lists.set(key, (list = []));
        list.push(doc);
      }
    }
    const out = new Map<number, DocSet>();
    for (const [k, list] of lists) out.set(k, Uint32Array.from(list));
    return out;
  }
}
