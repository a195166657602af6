/**
 * `facets` → `facetDistribution` and `facetStats` (spec §6), computed on the candidates of a search from
 * the merged facet values.
 *
 * Meilisearch's two algorithms are reproduced with their visible differences: with `alpha` order and at
 * most 3,000 candidates it walks the candidates' own values and orders numbers by their *text* ("10" <
 * "9"); otherwise it walks the values in order (numbers numerically) or by count. Numbers come first and
 * consume the `maxValuesPerFacet` budget first; strings are keyed by the original spelling of the lowest
 * candidate document holding them.
 */
import type { DocSet } from '../../storage/docSet.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { FacetOrder } from '../../types/settings.ts';
import type { FacetStat } from '../../types/search.ts';
import type { PostingsReader } from '../postingsReader.ts';
import type { FacetIndex } from './facetIndex.ts';
import { checkFacetPatterns, selectFacetFields } from './facetPatterns.ts';
import { formatF64 } from '../filter/rustCompat.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';

/** `facetDistribution` and `facetStats` of a search. */
export interface FacetResult {
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, FacetStat>;
}

/** Meilisearch's candidate count below which distributions are computed document by document. */
export const CANDIDATES_THRESHOLD = 3000;

/**
 * Validates `facets` (each pattern must overlap a filterable rule, else `invalid_search_facets`) and
 * returns the patterns to compute, or null when no facets were asked.
 */
export function resolveFacets(state: IndexState, facets: string[] | null): string[] | null {
  if (facets === null) return null;
  checkFacetPatterns(state.settings.filterableAttributes, facets);
  return facets;
}

/** Per-value counts of `candidates` over `[0, n)` values stored as runs. */
function countRuns(n: number, offsets: Uint32Array, docs: Uint32Array, bits: Uint32Array): Uint32Array {
  const counts = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    let c = 0;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const d = docs[k];
      if ((bits[d >>> 5] & (1 << (d & 31))) !== 0) c++;
    }
    counts[v] = c;
  }
  return counts;
}

/** Per-value counts through the candidates' own rows (cheap when candidates are few). */
function countRows(n: number, candidates: DocSet, rowOf: (doc: number) => Uint32Array): Uint32Array {
  const counts = new Uint32Array(n);
  for (const d of candidates) for (const v of rowOf(d)) counts[v]++;
  return counts;
}

function candidateBits(candidates: DocSet): Uint32Array {
  const max = candidates.length ? candidates[candidates.length - 1] : 0;
  const bits = new Uint32Array((max >>> 5) + 1);
  for (const d of candidates) bits[d >>> 5] |= 1 << (d & 31);
  return bits;
}

/** Counts of every number and string value among the candidates. */
export function facetCounts(col: FacetIndex, candidates: DocSet): { numbers: Uint32Array; strings: Uint32Array } {
  const entries = col.numDocs.length + col.strDocs.length;
  if (col.hasDocRows ? candidates.length < entries : candidates.length * 4 < entries) {
    return {
      numbers: countRows(col.numbers.length, candidates, (d) => col.docNumberValues(d)),
      strings: countRows(col.strings.length, candidates, (d) => col.docStringValues(d)),
    };
  }
  const bits = candidateBits(candidates);
  return {
    numbers: countRuns(col.numbers.length, col.numOffsets, col.numDocs, bits),
    strings: countRuns(col.strings.length, col.strOffsets, col.strDocs, bits),
  };
}

/** Value indices with a count, ordered by descending count, ties by descending value (Meilisearch's heap). */
function byCount(counts: Uint32Array): number[] {
  const idx: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) idx.push(i);
  return idx.sort((a, b) => counts[b] - counts[a] || b - a);
}

/** The distribution of one field (values in Meilisearch's order, at most `max`). */
export function fieldDistribution(
  col: FacetIndex | null,
  candidates: DocSet,
  order: FacetOrder,
  max: number,
  counts = col && candidates.length ? facetCounts(col, candidates) : null,
): Map<string, number> {
  const out = new Map<string, number>();
  if (!col || !counts || candidates.length === 0) return out;
  if (order === 'alpha' && candidates.length <= CANDIDATES_THRESHOLD) {
    // Document by document: numbers keyed and ordered by their text, then strings by normalized value.
    const numbers: [string, number][] = [];
    for (let i = 0; i < counts.numbers.length; i++) if (counts.numbers[i]) numbers.push([formatF64(col.numbers[i]), counts.numbers[i]]);
    numbers.sort((a, b) => compareUtf8(a[0], b[0]));
    for (const [k, c] of numbers.slice(0, Math.max(0, max - out.size))) out.set(k, c);
    const budget = Math.max(0, max - out.size);
    let taken = 0;
    for (let i = 0; i < counts.strings.length && taken < budget; i++) {
      if (!counts.strings[i]) continue;
      out.set(col.originalOf(i, candidates), counts.strings[i]);
      taken++;
    }
    return out;
  }
  // Value by value; Meilisearch checks the budget after each insertion.
  const full = () => out.size === max;
  const numOrder = order === 'count' ? byCount(counts.numbers) : [...counts.numbers.keys()].filter((i) => counts.numbers[i] > 0);
  for (const i of numOrder) {
    out.set(formatF64(col.numbers[i]), counts.numbers[i]);
    if (full()) return out;
  }
  const strOrder = order === 'count' ? byCount(counts.strings) : [...counts.strings.keys()].filter((i) => counts.strings[i] > 0);
  for (const i of strOrder) {
    out.set(col.originalOf(i, candidates), counts.strings[i]);
    if (full()) return out;
  }
  return out;
}

/** `{min, max}` of the numbers among the candidates, or null when they hold none. */
export function fieldStats(col: FacetIndex | null, candidates: DocSet, all = col && candidates.length ? facetCounts(col, candidates) : null): FacetStat | null {
  if (!col || !all || col.numbers.length === 0 || candidates.length === 0) return null;
  const counts = all.numbers;
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < counts.length; i++) {
    if (!counts[i]) continue;
    if (lo < 0) lo = i;
    hi = i;
  }
  return lo < 0 ? null : { min: col.numbers[lo], max: col.numbers[hi] };
}

/**
 * Distribution and stats of every field `patterns` select, over `candidates`.
 *
 * @example
 * ```ts
 * const { facetDistribution, facetStats } = await computeFacetDistribution(reader, state, candidates, ['genre', 'price']);
 * // { genre: { Horror: 3, drama: 1 } }, { price: { min: 5, max: 42.5 } }
 * ```
 */
export async function computeFacetDistribution(reader: PostingsReader, state: IndexState, candidates: DocSet, patterns: string[]): Promise<FacetResult> {
  const fields = selectFacetFields(state, patterns);
  const fids = fields.map((f) => state.fields.id(f.name)!);
  const columns = await reader.facetColumns(fids);
  const max = state.settings.faceting.maxValuesPerFacet;
  const facetDistribution: Record<string, Record<string, number>> = {};
  const facetStats: Record<string, FacetStat> = {};
  fields.forEach((f, k) => {
    const col = columns.get(fids[k]) ?? null;
    const counts = col && candidates.length ? facetCounts(col, candidates) : null;
    facetDistribution[f.name] = Object.fromEntries(fieldDistribution(col, candidates, f.order, max, counts));
    const stats = fieldStats(col, candidates, counts);
    if (stats) facetStats[f.name] = stats;
  });
  return { facetDistribution, facetStats };
}
