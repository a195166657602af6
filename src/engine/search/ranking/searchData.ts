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
import { EMPTY, unionMany, type DocSet } from '../../storage/docSet.ts';
import type { Posting } from '../../storage/postingCodec.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { PostingsReader } from '../postingsReader.ts';
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

/**
 * Calls `f(i, j)` for every i, j with a[i] === b[j] (both sorted). Gallops through the longer list when the
 * other is much shorter.
 */
export function joinSorted(a: ArrayLike<number>, b: ArrayLike<number>, f: (i: number, j: number) => void): void {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return;
  if (na * 8 < nb || nb * 8 < na) {
    const small = na < nb ? a : b;
    const large = na < nb ? b : a;
    let j = 0;
    for (let i = 0; i < small.length && j < large.length; i++) {
      const x = small[i];
      if (large[j] < x) {
        let step = 1;
        let hi = j + 1;
        while (hi < large.length && large[hi] < x) {
          j = hi;
          hi += step;
          step *= 2;
        }
        if (hi > large.length) hi = large.length;
        while (j < hi) {
          const mid = (j + hi) >>> 1;
          if (large[mid] < x) j = mid + 1;
          else hi = mid;
        }
      }
      if (j < large.length && large[j] === x) {
        if (na < nb) f(i, j);
        else f(j, i);
      }
    }
    return;
  }
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const x = a[i];
    const y = b[j];
    if (x === y) f(i++, j++);
    else if (x < y) i++;
    else j++;
  }
}

/** Documents of a posting having an occurrence in one of `fids`. */
function docsInFields(p: Posting, fids: ReadonlySet<number>): DocSet {
  const out = new Uint32Array(p.docs.length);
  let n = 0;
  for (let i = 0; i < p.docs.length; i++) {
    for (let k = p.offsets[i]; k < p.offsets[i + 1]; k++) {
      if (fids.has(Math.floor(p.occ[k] / 65536))) {
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

  /** Loads the postings of `words` (one read for every block not cached). */
  load(words: Iterable<string>): Promise<void> {
    return this.reader.load(words);
  }

  posting(word: string): Posting {
    return this.reader.posting(word);
  }

  /** Documents where `word` matches as an original query word (`original`) or as a derivation. */
  wordDocs(word: string, original: boolean): DocSet {
    const cache = original ? this.originalDocs : this.derivedDocs;
    let d = cache.get(word);
    if (d === undefined) {
      const p = this.posting(word);
      const fids = original ? this.originalFids : this.tolerantFids;
      if (!original && !this.policy.restricted && this.policy.disableOnNumbers && isNumericWord(word)) d = EMPTY;
      else d = fids === null ? p.docs : docsInFields(p, fids);
      cache.set(word, d);
    }
    return d;
  }

  /** Whether occurrences in field `fid` count (Meilisearch returns nothing for fields outside `attributesToSearchOn`). */
  fieldAllowed(fid: number): boolean {
    return this.policy.restricted === null || this.policy.restricted.all.has(fid);
  }

  /** Words of the dictionary starting with `prefix`. */
  wordsWithPrefix(prefix: string): string[] {
    const lo = lowerBound(this.dict, prefix);
    if (lo >= this.dict.length || !this.dict[lo].startsWith(prefix)) return [];
    return this.dict.slice(lo, endOfPrefix(this.dict, prefix, lo));
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
    const postings = words.map((w) => this.posting(w));
    for (const p of postings) joinSorted(p.docs, docs, (pi, di) => (count[di + 1] += p.offsets[pi + 1] - p.offsets[pi]));
    for (let i = 0; i < n; i++) count[i + 1] += count[i];
    const start = count.slice();
    const fill = count.slice(0, n);
    const occ = new Uint32Array(start[n]);
    const word = new Uint32Array(start[n]);
    postings.forEach((p, wi) => {
      joinSorted(p.docs, docs, (pi, di) => {
        let o = fill[di];
        for (let k = p.offsets[pi]; k < p.offsets[pi + 1]; k++) {
          occ[o] = p.occ[k];
          word[o++] = wi;
        }
        fill[di] = o;
      });
    });
    // Several words per document: sort that document's entries by occurrence (insertion sort, lists are short).
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
