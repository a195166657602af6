/**
 * What ranking reads from the index for one search, computed from the loaded postings (docs + `fid/position`
 * occurrences) instead of Meilisearch's precomputed databases:
 *
 * - `wordDocs`: `word_docids` / `exact_word_docids` — documents where a word matches, as an original query word
 *   (any searched field) or as a derivation (typo, n-gram: not in typo-disabled fields, not numbers with
 *   `disableOnNumbers`), honouring `attributesToSearchOn`;
 * - `occurrences`: every occurrence of a set of words in a set of documents, grouped by document — what the
 *   proximity, attribute, position and exactness rules need, restricted to the candidates of the moment.
 *
 * Everything is memoized for the duration of the search.
 */
import { difference, EMPTY, has, unionMany, type DocSet } from '../../storage/docSet.ts';
import type { Posting } from '../../storage/postingCodec.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { PostingsReader, SegmentPosting } from '../postingsReader.ts';
import type { FieldPolicy } from './fieldPolicy.ts';
import { endOfPrefix, lowerBound } from '../query/dictionaryWalk.ts';

/** Occurrences of some words in some documents: for docs[i], entries start[i] .. start[i+1]. */
export interface DocOccurrences {
  docs: DocSet;
  start: Uint32Array;
  /** `fid * 65536 + position`, ascending within a document */
  occ: Uint32Array;
  /** index of the word in the list the occurrences were collected for */
  word: Uint32Array;
}

const NUMERIC = /^[\p{N}!-\/:-@\[-`{-~]*$/u;

/** Meilisearch's `disableOnNumbers` test: only numeric characters or ASCII punctuation. */
export function isNumericWord(w: string): boolean {
  return NUMERIC.test(w);
}

/** Indexes of the common elements of two sorted lists: a[ia[k]] === b[ib[k]] for k < n. */
export interface SortedMatches {
  ia: Int32Array;
  ib: Int32Array;
  n: number;
}

/**
 * The common elements of two sorted lists (both indexes). Gallops through the longer list when the other is
 * much shorter, else walks both. No callback: hot loops iterate the result. With `scratch` (large enough) the
 * result reuses its arrays: for callers done with one result before asking the next.
 */
export function matchSorted(a: ArrayLike<number>, b: ArrayLike<number>, scratch?: SortedMatches): SortedMatches {
  const na = a.length;
  const nb = b.length;
  const cap = Math.min(na, nb);
  const reuse = scratch !== undefined && scratch.ia.length >= cap;
  const ia = reuse ? scratch.ia : new Int32Array(cap);
  const ib = reuse ? scratch.ib : new Int32Array(cap);
  let n = 0;
  if (cap === 0) return { ia, ib, n };
  if (na * 8 < nb || nb * 8 < na) {
    const aSmall = na < nb;
    const small = aSmall ? a : b;
    const large = aSmall ? b : a;
    const nl = large.length;
    let j = 0;
    for (let i = 0; i < small.length && j < nl; i++) {
      const x = small[i];
      if (large[j] < x) {
        let step = 1;
        let hi = j + 1;
        while (hi < nl && large[hi] < x) {
          j = hi;
          hi += step;
          step *= 2;
        }
        if (hi > nl) hi = nl;
        while (j < hi) {
          const mid = (j + hi) >>> 1;
          if (large[mid] < x) j = mid + 1;
          else hi = mid;
        }
      }
      if (j < nl && large[j] === x) {
        ia[n] = aSmall ? i : j;
        ib[n++] = aSmall ? j : i;
      }
    }
    return { ia, ib, n };
  }
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      ia[n] = i++;
      ib[n++] = j++;
    } else if (x < y) i++;
    else j++;
  }
  return { ia, ib, n };
}

/**
 * a \ b, fast when b is much smaller than a: the kept runs of `a` are block-copied between b's elements (the
 * bucket sort removes small buckets from large universes over and over).
 */
export function without(a: DocSet, b: DocSet): DocSet {
  if (a.length === 0 || b.length === 0) return a;
  if (b.length * 32 > a.length) return difference(a, b);
  const out = new Uint32Array(a.length);
  let n = 0;
  let from = 0;
  for (let k = 0; k < b.length; k++) {
    const x = b[k];
    let lo = from;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < a.length && a[lo] === x) {
      out.set(a.subarray(from, lo), n);
      n += lo - from;
      from = lo + 1;
    }
  }
  out.set(a.subarray(from), n);
  n += a.length - from;
  return n === a.length ? a : out.subarray(0, n);
}

/** Whether two sorted sets share an element (early exit). */
export function intersects(a: DocSet, b: DocSet): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a[a.length - 1] < b[0] || b[b.length - 1] < a[0]) return false;
  const small = a.length < b.length ? a : b;
  const large = a.length < b.length ? b : a;
  let lo = 0;
  for (let i = 0; i < small.length; i++) {
    const x = small[i];
    let hi = large.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (large[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo === large.length) return false;
    if (large[lo] === x) return true;
  }
  return false;
}

/** Documents of a posting having an occurrence in one of `fids`. */
function docsInFields(p: Posting, fids: ReadonlySet<number>): DocSet {
  const out = new Uint32Array(p.docs.length);
  let n = 0;
  for (let i = 0; i < p.docs.length; i++) {
    for (let k = p.offsets[i]; k < p.offsets[i + 1]; k++) {
      if (fids.has(p.occ[k] >>> 16)) {
        out[n++] = p.docs[i];
        break;
      }
    }
  }
  return n === out.length ? out : out.slice(0, n);
}

export class SearchData {
  readonly dict: readonly string[];
  private readonly originalDocs = new Map<string, DocSet>();
  private readonly derivedDocs = new Map<string, DocSet>();
  private readonly anyDocs = new Map<string, DocSet>();
  private readonly occCache = new Map<string, DocOccurrences>();
  /** fields a derived word may match in (null = every field of the posting) */
  private readonly tolerantFids: ReadonlySet<number> | null;
  /** fields an original word may match in (null = every field of the posting) */
  private readonly originalFids: ReadonlySet<number> | null;

  constructor(
    readonly state: IndexState,
    readonly reader: PostingsReader,
    readonly policy: FieldPolicy,
  ) {
    this.dict = state.dictionary();
    const r = policy.restricted;
    if (r) {
      this.tolerantFids = r.tolerant;
      this.originalFids = r.all;
    } else {
      this.originalFids = null;
      this.tolerantFids = policy.exactFids.size ? new Set(policy.searchable.map((s) => s.fid).filter((f) => !policy.exactFids.has(f))) : null;
    }
  }

  /** words whose positions are loaded */
  private readonly positioned = new Set<string>();

  /**
   * Whether matching a word in some fields only (`attributesToSearchOn`, typo-disabled attributes) is at play:
   * then documents of a word depend on its positions' fields, which must be loaded.
   */
  get docsNeedPositions(): boolean {
    return this.originalFids !== null || this.tolerantFids !== null;
  }

  /** Loads the documents of `words` (one read for every block not cached), positions only when needed. */
  async loadDocs(words: Iterable<string>): Promise<void> {
    if (this.docsNeedPositions) await this.loadPositions(words);
    else await this.reader.loadDocs(words);
  }

  /** Loads the full postings (documents and positions) of `words`. */
  async loadPositions(words: Iterable<string>): Promise<void> {
    const missing = [...new Set(words)].filter((w) => !this.positioned.has(w));
    if (missing.length === 0) return;
    await this.reader.load(missing, false);
    for (const w of missing) this.positioned.add(w);
  }

  /** Loads the positions of those of `words` occurring in `docs` (what a rule needs for its universe). */
  async loadPositionsIn(words: Iterable<string>, docs: DocSet): Promise<void> {
    const wanted: string[] = [];
    for (const w of new Set(words)) if (!this.positioned.has(w) && intersects(this.allDocs(w), docs)) wanted.push(w);
    await this.loadPositions(wanted);
  }

  /**
   * The word's posting in each live segment (tombstones to apply); none when its positions were not loaded —
   * callers load them for the documents they look at (`loadPositionsIn`), so an unloaded word has none there.
   */
  parts(word: string): readonly SegmentPosting[] {
    return this.positioned.has(word) ? this.reader.parts(word) : [];
  }

  /** Every live document containing `word` in any field (Meilisearch's pair databases ignore restrictions). */
  allDocs(word: string): DocSet {
    let d = this.anyDocs.get(word);
    if (d === undefined) {
      d = unionMany(this.reader.docParts(word).map((p) => (p.tombstones.length ? difference(p.docs, p.tombstones) : p.docs)));
      this.anyDocs.set(word, d);
    }
    return d;
  }

  /** Documents where `word` matches as an original query word (`original`) or as a derivation. */
  wordDocs(word: string, original: boolean): DocSet {
    const cache = original ? this.originalDocs : this.derivedDocs;
    let d = cache.get(word);
    if (d === undefined) {
      const fids = original ? this.originalFids : this.tolerantFids;
      if (!original && !this.policy.restricted && this.policy.disableOnNumbers && isNumericWord(word)) d = EMPTY;
      else if (fids === null) d = this.allDocs(word);
      else d = unionMany(this.parts(word).map((p) => difference(docsInFields(p.posting, fids), p.tombstones)));
      cache.set(word, d);
    }
    return d;
  }

  /** Whether occurrences in field `fid` count (Meilisearch returns nothing for fields outside `attributesToSearchOn`). */
  fieldAllowed(fid: number): boolean {
    return this.policy.restricted === null || this.policy.restricted.all.has(fid);
  }

  private readonly prefixWords = new Map<string, readonly string[]>();

  /** Words of the dictionary starting with `prefix`. */
  wordsWithPrefix(prefix: string): readonly string[] {
    let words = this.prefixWords.get(prefix);
    if (!words) {
      const lo = lowerBound(this.dict, prefix);
      words = lo < this.dict.length && this.dict[lo].startsWith(prefix) ? this.dict.slice(lo, endOfPrefix(this.dict, prefix, lo)) : [];
      this.prefixWords.set(prefix, words);
    }
    return words;
  }

  /** Union of the documents of every word starting with `prefix` (Meilisearch's prefix database). */
  prefixDocs(prefix: string, original: boolean): DocSet {
    return unionMany(this.wordsWithPrefix(prefix).map((w) => this.wordDocs(w, original)));
  }

  /**
   * Occurrences of `words` (every field, as Meilisearch's proximity and position databases ignore
   * `attributesToSearchOn`) in the documents of `docs`, grouped by document. Memoized by `key`.
   */
  occurrences(words: readonly string[], docs: DocSet, key?: string): DocOccurrences {
    if (key !== undefined) {
      const hit = this.occCache.get(key);
      if (hit && hit.docs === docs) return hit;
    }
    const n = docs.length;
    const count = new Uint32Array(n + 1);
    const parts = words.map((w) => this.parts(w));
    // A document tombstoned in one segment may live in another (ids are reused): skip its stale occurrences.
    const matches = parts.map((ps) =>
      ps.map(({ posting: p, tombstones }) => {
        const m = matchSorted(p.docs, docs);
        if (tombstones.length) {
          let k = 0;
          for (let x = 0; x < m.n; x++) {
            if (has(tombstones, docs[m.ib[x]])) continue;
            m.ia[k] = m.ia[x];
            m.ib[k++] = m.ib[x];
          }
          m.n = k;
        }
        return m;
      }),
    );
    parts.forEach((ps, wi) =>
      ps.forEach(({ posting: p }, pi) => {
        const m = matches[wi][pi];
        for (let x = 0; x < m.n; x++) count[m.ib[x] + 1] += p.offsets[m.ia[x] + 1] - p.offsets[m.ia[x]];
      }),
    );
    for (let i = 0; i < n; i++) count[i + 1] += count[i];
    const start = count.slice();
    const fill = count.slice(0, n);
    const occ = new Uint32Array(start[n]);
    const word = new Uint32Array(start[n]);
    parts.forEach((ps, wi) =>
      ps.forEach(({ posting: p }, pi) => {
        const m = matches[wi][pi];
        const po = p.occ;
        const offs = p.offsets;
        for (let x = 0; x < m.n; x++) {
          const di = m.ib[x];
          let o = fill[di];
          for (let k = offs[m.ia[x]], e = offs[m.ia[x] + 1]; k < e; k++) {
            occ[o] = po[k];
            word[o++] = wi;
          }
          fill[di] = o;
        }
      }),
    );
    // Several words per document: sort its entries by occurrence (insertion sort, lists are short). A document
    // is live in one segment only, so one word's entries come sorted.
    if (words.length > 1) {
      for (let i = 0; i < n; i++) {
        const s = start[i];
        const e = start[i + 1];
        for (let a = s + 1; a < e; a++) {
          const o = occ[a];
          const w = word[a];
          let b = a - 1;
          while (b >= s && occ[b] > o) {
            occ[b + 1] = occ[b];
            word[b + 1] = word[b];
            b--;
          }
          occ[b + 1] = o;
          word[b + 1] = w;
        }
      }
    }
    const out: DocOccurrences = { docs, start, occ, word };
    if (key !== undefined) this.occCache.set(key, out);
    return out;
  }
}
