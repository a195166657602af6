/**
 * The proximity rule's conditions (spec §5.4) from word positions. Meilisearch stores, per document and per
 * ordered word pair, the smallest distance (1–3) at which the first word is followed by the second in one
 * field; a condition "terms at proximity f" holds when some derivation pair has exactly that smallest forward
 * distance f, or the reversed pair has f − 1 (not for phrases nor prefix-database words). With
 * `proximityPrecision: byAttribute`, any pair sharing a searched field counts as the closest proximity.
 *
 * Per document we compute which forward (bits 0–2) and backward (bits 3–5) distances some derivation pair
 * reaches, once per pair of terms, from the occurrences of both terms in the rule's universe.
 */
import { has, type DocSet } from '../../storage/docSet.ts';
import { locatedKey, subsetPhrases, subsetPrefixDb, subsetWords, type LocatedSubset, type Phrase } from '../query/queryTerm.ts';
import type { SearchData } from './searchData.ts';
import type { TermResolver } from './termDocs.ts';

interface Roles {
  words: string[];
  leftSingle: boolean[];
  leftPhrases: (Phrase[] | null)[];
  rightSingle: boolean[];
  rightPrefix: boolean[];
  rightPhrases: (Phrase[] | null)[];
}

function roles(data: SearchData, left: LocatedSubset, right: LocatedSubset): Roles {
  const r: Roles = { words: [], leftSingle: [], leftPhrases: [], rightSingle: [], rightPrefix: [], rightPhrases: [] };
  const idx = new Map<string, number>();
  const slot = (w: string) => {
    let i = idx.get(w);
    if (i === undefined) {
      i = r.words.length;
      idx.set(w, i);
      r.words.push(w);
      r.leftSingle.push(false);
      r.leftPhrases.push(null);
      r.rightSingle.push(false);
      r.rightPrefix.push(false);
      r.rightPhrases.push(null);
    }
    return i;
  };
  for (const w of subsetWords(left.subset)) r.leftSingle[slot(w.word)] = true;
  for (const p of subsetPhrases(left.subset)) {
    const last = p.words[p.words.length - 1];
    if (last !== null && last !== undefined) (r.leftPhrases[slot(last)] ??= []).push(p);
  }
  for (const w of subsetWords(right.subset)) r.rightSingle[slot(w.word)] = true;
  const pdb = subsetPrefixDb(right.subset);
  if (pdb) for (const w of data.wordsWithPrefix(pdb.word)) r.rightPrefix[slot(w)] = true;
  for (const p of subsetPhrases(right.subset)) {
    const first = p.words[0];
    if (first !== null && first !== undefined) (r.rightPhrases[slot(first)] ??= []).push(p);
  }
  return r;
}

/**
 * The distance bits of one document's occurrences (sorted) when no phrase is involved. Every pair within 3
 * positions sets its bit, not only each word pair's smallest distance: a document's bucket is its cheapest
 * path, which takes every pair at its smallest distance, so dearer bits decide neither buckets nor the paths
 * kept. Forward distance 1 is the cheapest there is: the walk stops there.
 */
function phraseFreeMask(occ: Uint32Array, word: Uint32Array, s: number, e: number, role: Uint8Array): number {
  let mask = 0;
  for (let a = s; a < e; a++) {
    const oa = occ[a];
    const ra = role[word[a]];
    if ((ra & 5) === 0) continue;
    for (let b = a + 1; b < e && occ[b] <= oa + 3; b++) {
      const ob = occ[b];
      if (ob === oa || ob >>> 16 !== oa >>> 16) continue;
      const rb = role[word[b]];
      const d = ob - oa;
      if (ra & 1 && rb & 2) mask |= 1 << (d - 1);
      if (ra & 4 && rb & 8) mask |= 1 << (3 + d - 1);
    }
    if (mask & 1) break;
  }
  return mask;
}

export class ProximityDocs {
  private readonly masks = new Map<string, { universe: DocSet; masks: Uint8Array }>();

  constructor(
    private readonly data: SearchData,
    private readonly terms: TermResolver,
  ) {}

  /** Forgets the masks (a new rule iteration has another universe). */
  reset(): void {
    this.masks.clear();
  }

  /** Documents of `universe` where `left` then `right` are at proximity `forward` (or reversed at forward − 1). */
  docs(left: LocatedSubset, right: LocatedSubset, forward: number, universe: DocSet): DocSet {
    const key = `${locatedKey(left)}\u0004${locatedKey(right)}`;
    let m = this.masks.get(key);
    if (!m) {
      m = { universe, masks: this.compute(left, right, universe) };
      this.masks.set(key, m);
    }
    const want = (1 << (forward - 1)) | (forward >= 2 ? 1 << (3 + forward - 2) : 0);
    const out: number[] = [];
    const base = m.universe;
    // `universe` is a subset of the universe the masks were computed on: walk both.
    let j = 0;
    for (let i = 0; i < universe.length; i++) {
      const d = universe[i];
      while (j < base.length && base[j] < d) j++;
      if (j < base.length && base[j] === d && m.masks[j] & want) out.push(d);
    }
    return Uint32Array.from(out);
  }

  private compute(left: LocatedSubset, right: LocatedSubset, universe: DocSet): Uint8Array {
    const r = roles(this.data, left, right);
    const masks = new Uint8Array(universe.length);
    const occ = this.data.occurrences(r.words, universe);
    const W = r.words.length;
    // Few words (the usual case): a flat table of pair distances; many (prefix terms): a map.
    const flat = W * W <= 65536 ? new Uint8Array(W * W) : null;
    const touched: number[] = [];
    const best = new Map<number, number>();
    const inPhrase = (ps: Phrase[] | null, doc: number) => ps !== null && ps.some((p) => has(this.terms.phraseDocs(p), doc));
    const leftOk = (w: number, doc: number) => r.leftSingle[w] || inPhrase(r.leftPhrases[w], doc);
    const rightOk = (w: number, doc: number) => r.rightSingle[w] || r.rightPrefix[w] || inPhrase(r.rightPhrases[w], doc);
    // Without phrases a pair's roles do not depend on the document: per word, whether it may open (bit 0) or
    // close (bit 1) a forward pair, and open (bit 2) or close (bit 3) a reversed one.
    const phraseFree = !r.leftPhrases.some((p) => p !== null) && !r.rightPhrases.some((p) => p !== null);
    const role = Uint8Array.from(r.words, (_, w) => (r.leftSingle[w] ? 1 : 0) | (r.rightSingle[w] || r.rightPrefix[w] ? 2 : 0) | (r.rightSingle[w] ? 4 : 0) | (r.leftSingle[w] ? 8 : 0));
    const byAttribute = this.data.policy.byAttribute;
    for (let i = 0; i < universe.length; i++) {
      const doc = universe[i];
      const s = occ.start[i];
      const e = occ.start[i + 1];
      if (e - s < 2) continue;
      let mask = 0;
      if (byAttribute) {
        // Any left word and right word sharing a searched field: the closest proximity.
        for (let a = s; a < e && !mask; a++) {
          const fa = occ.occ[a] >>> 16;
          if (!this.data.fieldAllowed(fa) || !leftOk(occ.word[a], doc)) continue;
          for (let b = s; b < e; b++) {
            if ((occ.occ[b] >>> 16) === fa && rightOk(occ.word[b], doc)) {
              mask = 0b111;
              break;
            }
          }
        }
        masks[i] = mask;
        continue;
      }
      if (phraseFree) {
        masks[i] = phraseFreeMask(occ.occ, occ.word, s, e, role);
        continue;
      }
      // Smallest distance per (first word, second word) pair in this document.
      for (let a = s; a < e; a++) {
        const oa = occ.occ[a];
        const fa = oa >>> 16;
        for (let b = a + 1; b < e && occ.occ[b] <= oa + 3; b++) {
          const ob = occ.occ[b];
          if (ob === oa || (ob >>> 16) !== fa) continue;
          const k = occ.word[a] * W + occ.word[b];
          const d = ob - oa;
          if (flat) {
            const prev = flat[k];
            if (prev === 0) touched.push(k);
            if (prev === 0 || d < prev) flat[k] = d;
          } else {
            const prev = best.get(k);
            if (prev === undefined || d < prev) best.set(k, d);
          }
        }
      }
      const pair = (k: number, d: number) => {
        const x = Math.floor(k / W);
        const y = k % W;
        if (leftOk(x, doc) && rightOk(y, doc)) mask |= 1 << (d - 1);
        if (r.rightSingle[x] && r.leftSingle[y]) mask |= 1 << (3 + d - 1);
      };
      if (flat) {
        for (const k of touched) {
          pair(k, flat[k]);
          flat[k] = 0;
        }
        touched.length = 0;
      } else {
        for (const [k, d] of best) pair(k, d);
        best.clear();
      }
      masks[i] = mask;
    }
    return masks;
  }
}
