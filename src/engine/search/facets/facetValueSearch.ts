/**
 * Matching a facet query against the string values of a field (spec §1.5), like Meilisearch's facet
 * search: values are compared in their *search* form (the facet string normalized like a query word:
 * lowercase, accents removed), the query is a prefix of the whole value (not of its words), with 0, 1
 * or 2 typos by the query's UTF-8 byte length. Hits keep Meilisearch's order: value order for `alpha`,
 * descending count (ties: descending value) for `count`, at most `maxValuesPerFacet`.
 */
import type { Analyzer } from '../../text/types.ts';
import type { FacetOrder } from '../../types/settings.ts';
import type { DocSet } from '../../storage/docSet.ts';
import { compareUtf8, utf8Length } from '../../storage/byteCodec.ts';
import type { FacetIndex } from './facetIndex.ts';

/** A facet search hit. */
export interface FacetHit {
  value: string;
  count: number;
}

/** Search keys of a field: each search-normalized form with the value indices sharing it, in byte order. */
interface SearchKeys {
  keys: string[];
  values: number[][];
}

const keyCache = new WeakMap<FacetIndex, WeakMap<Analyzer, SearchKeys>>();

function searchKeys(col: FacetIndex, analyzer: Analyzer): SearchKeys {
  let byAnalyzer = keyCache.get(col);
  if (!byAnalyzer) keyCache.set(col, (byAnalyzer = new WeakMap()));
  let sk = byAnalyzer.get(analyzer);
  if (!sk) {
    const groups = new Map<string, number[]>();
    col.strings.forEach((s, i) => {
      const k = analyzer.normalizeWord(s);
      const list = groups.get(k);
      if (list) list.push(i);
      else groups.set(k, [i]);
    });
    const keys = [...groups.keys()].sort(compareUtf8);
    sk = { keys, values: keys.map((k) => groups.get(k)!) };
    byAnalyzer.set(analyzer, sk);
  }
  return sk;
}

/**
 * Whether some prefix of `key` is within `maxTypos` edits of `query` (Damerau–Levenshtein, a transposition
 * costing 1), as a Levenshtein prefix automaton accepts.
 */
export function prefixWithin(query: readonly number[], key: readonly number[], maxTypos: number): boolean {
  const m = query.length;
  const n = Math.min(key.length, m + maxTypos);
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  if (prev[m] <= maxTypos) return true;
  for (let j = 1; j <= n; j++) {
    const cur = new Array<number>(m + 1);
    cur[0] = j;
    let rowMin = cur[0];
    for (let i = 1; i <= m; i++) {
      const cost = query[i - 1] === key[j - 1] ? 0 : 1;
      let v = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost);
      if (i > 1 && j > 1 && query[i - 1] === key[j - 2] && query[i - 2] === key[j - 1]) v = Math.min(v, prev2[i - 2] + 1);
      cur[i] = v;
      if (v < rowMin) rowMin = v;
    }
    if (cur[m] <= maxTypos) return true;
    if (rowMin > maxTypos) return false;
    prev2 = prev;
    prev = cur;
  }
  return false;
}

const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);

/** How a facet query is matched. */
export interface FacetQueryOptions {
  /** allowed typos by byte length: `< oneTypo` → 0, `< twoTypos` → 1, else 2; null = typos off (plain prefix) */
  typos: { oneTypo: number; twoTypos: number } | null;
  /** normalized `disableOnWords`: such a query only matches a value equal to it */
  exactWords: ReadonlySet<string>;
}

/** Collects hits up to `max`, in Meilisearch's order for `order`. */
class HitCollection {
  readonly hits: FacetHit[] = [];
  constructor(
    private readonly order: FacetOrder,
    private readonly max: number,
  ) {}

  /** false once an alpha collection is full (the walk can stop). */
  insert(hit: FacetHit): boolean {
    if (this.order === 'alpha') {
      if (this.hits.length < this.max) {
        this.hits.push(hit);
        if (this.hits.length < this.max) return true;
      }
      return false;
    }
    if (this.hits.length < this.max) this.hits.push(hit);
    else if (this.max > 0) {
      // replace the worst hit (lowest count, then lowest value) when the new one counts at least as much
      let worst = 0;
      for (let i = 1; i < this.hits.length; i++) if (cmpHit(this.hits[i], this.hits[worst]) < 0) worst = i;
      if (this.hits[worst].count <= hit.count) this.hits[worst] = hit;
    }
    return true;
  }

  sorted(): FacetHit[] {
    return this.order === 'alpha' ? this.hits : [...this.hits].sort((a, b) => cmpHit(b, a));
  }
}

function cmpHit(a: FacetHit, b: FacetHit): number {
  return a.count - b.count || compareUtf8(a.value, b.value);
}

function countIn(docs: DocSet, candidates: DocSet): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < docs.length && j < candidates.length) {
    if (docs[i] === candidates[j]) {
      n++;
      i++;
      j++;
    } else if (docs[i] < candidates[j]) i++;
    else j++;
  }
  return n;
}

/**
 * Facet values of `col` matching `query` (all values when null), counted over `candidates`.
 *
 * @example searchFacetValues(col, 'adv', candidates, analyzer, 'alpha', 100, { typos: { oneTypo: 5, twoTypos: 9 }, exactWords: new Set() })
 */
export function matchFacetValues(
  col: FacetIndex,
  query: string | null,
  candidates: DocSet,
  analyzer: Analyzer,
  order: FacetOrder,
  max: number,
  options: FacetQueryOptions,
): FacetHit[] {
  const out = new HitCollection(order, max);
  const offer = (i: number): boolean => {
    const docs = col.stringDocs(i);
    const count = countIn(docs, candidates);
    // The spelling of the value's lowest document overall (not only among candidates), as Meilisearch.
    return count === 0 ? true : out.insert({ value: col.originalOf(i, null), count });
  };
  if (query === null) {
    for (let i = 0; i < col.strings.length; i++) if (!offer(i)) break;
    return out.sorted();
  }
  const q = analyzer.normalizeWord(query);
  const { keys, values } = searchKeys(col, analyzer);
  let accept: (key: string) => boolean;
  if (options.typos && options.exactWords.has(q)) accept = (key) => key === q;
  else if (options.typos) {
    const bytes = utf8Length(q);
    const typos = bytes < options.typos.oneTypo ? 0 : bytes < options.typos.twoTypos ? 1 : 2;
    const qc = codePoints(q);
    accept = typos === 0 ? (key) => key.startsWith(q) : (key) => prefixWithin(qc, codePoints(key), typos);
  } else accept = (key) => key.startsWith(q);
  for (let k = 0; k < keys.length; k++) {
    if (!accept(keys[k])) continue;
    // Meilisearch stops offering a key's values once full, but keeps walking keys (a full alpha list refuses them).
    for (const i of values[k]) if (!offer(i)) break;
  }
  return out.sorted();
}
