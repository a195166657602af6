/**
 * Contracts between the stages of a search. `searchIndex.ts` wires them:
 *
 *   plan (validate filter/sort/facets/distinct against settings)        → filters/, facets/, sort/   [filters layer]
 *   universe = filter ? evaluateFilter(...) : live documents             → filters/                   [filters layer]
 *   query = parseQuery(...)                                              → query/                     [relevance layer]
 *   ranking = rankDocuments(...) using SortSource and DistinctSource     → ranking/                   [relevance layer]
 *   facets = computeFacetDistribution(ranking.candidates)                → facets/                    [filters layer]
 *   hits = formatHits(docs, ranking.page, query.matchingWords)           → format/                    [filters layer]
 */
import type { DocSet } from '../storage/docSet.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexState } from '../indexes/indexState.ts';
import type { SortCriterion } from '../settings/rankingRules.ts';
import type { PostingsReader } from './postingsReader.ts';
import type { ResolvedSearchParams } from './searchParams.ts';
import type { ScoreDetail } from './ranking/scoreDetails.ts';

/** One bucket of documents sharing a sort value (numbers, then strings, then documents without a value). */
export interface SortBucket {
  docs: DocSet;
  /** the value (numbers as numbers, strings normalized); null for the documents without a value */
  value: number | string | null;
}

export interface GeoBucket {
  docs: DocSet;
  /** coordinates of the documents of this bucket, null when they have no `_geo` */
  point: { lat: number; lng: number } | null;
  /** meters from the sort point, null when no `_geo` */
  distance: number | null;
}

/**
 * Sort values for the `sort` ranking rule, custom `field:asc|desc` rules and document listing sort.
 * Provided by the facets layer from facet columns.
 */
export interface SortSource {
  /**
   * Ordered buckets of `docs` by `field`: numbers before strings in both directions (numbers by value, strings
   * by normalized value), documents without the field last. A multi-valued document goes to the first bucket
   * reached by any of its values.
   */
  buckets(field: string, order: 'asc' | 'desc', docs: DocSet): AsyncIterable<SortBucket>;
  /** Ordered buckets by haversine distance of `_geo` to `point`; documents without `_geo` last. */
  geoBuckets(point: [number, number], order: 'asc' | 'desc', docs: DocSet): AsyncIterable<GeoBucket>;
}

/** Values of the distinct attribute, provided by the facets layer. */
export interface DistinctSource {
  /** Distinct keys per document (numbers and normalized strings); a document without the field maps to []. */
  keys(docids: readonly number[]): Promise<Map<number, (string | number)[]>>;
  /**
   * Optional: every live document holding one of `keys` (same forms as `keys` returns). Distinct removes those
   * documents from the remaining candidates and totals as soon as one of them is kept; without this method the
   * ranking reads the keys of every candidate once instead.
   */
  docsWithKeys?(keys: readonly (string | number)[]): Promise<DocSet>;
}

/**
 * One query term as the highlighter needs it (Meilisearch's `MatchingWords`). Terms come in query order: the
 * words and phrases of the query, then the n-grams. Meilisearch tries every phrase first (in this order), then
 * single words over the terms sorted non-prefix first, wider `queryPositions` first (stable).
 */
export interface MatchingTerm {
  /** first and last query word positions covered (an n-gram covers several) */
  queryPositions: [number, number];
  /** normalized words that match this term as a whole token (original, typos, n-gram concatenation) — non-prefix terms */
  words: string[];
  /**
   * The prefix term's derivations (the word itself if indexed, words it prefixes, typo words): a token whose
   * normalized form starts with one matches. Meilisearch then highlights the first min(`highlightChars`, length of
   * the matched derivation) characters of the token's normalized form (mapped back through `Token.charMap`).
   * Empty when the prefix is in Meilisearch's prefix database and not itself a word (nothing highlighted).
   */
  prefixes: string[];
  /** multi-word derivations (phrase, split word, synonyms), consecutive normalized words; '' = a stop word slot */
  phrases: string[][];
  /** characters of the query word (n-gram: of the concatenation): how much of a token a prefix match highlights */
  highlightChars?: number;
}

export interface MatchingWords {
  terms: MatchingTerm[];
}

/** What the relevance layer makes of `q`. `null` = placeholder search. */
export interface ParsedQuery {
  matchingWords: MatchingWords;
}

export interface RankedHit {
  docid: number;
  /** `_rankingScore` (when asked) */
  score?: number;
  /** `_rankingScoreDetails` (when asked) */
  details?: Record<string, unknown>;
  /**
   * The buckets the hit went through, rule by rule (raw ranks and sort values): what federated search needs to
   * compare hits of several queries (Meilisearch's weighted score values: consecutive ranks merged, sort values).
   */
  scoreDetails?: readonly ScoreDetail[];
  /** `_geoDistance` in meters, when sorting by `_geoPoint` */
  geoDistance?: number;
}

export interface RankingInput {
  ctx: EngineContext;
  state: IndexState;
  reader: PostingsReader;
  params: ResolvedSearchParams;
  query: ParsedQuery | null;
  universe: DocSet;
  /** parsed `sort` parameter (validated), empty when absent */
  sort: SortCriterion[];
  sortSource: SortSource;
  /** distinct attribute in effect (param over setting), or null */
  distinct: string | null;
  distinctSource: DistinctSource | null;
  offset: number;
  limit: number;
  /** finite pagination: totals must be exact after distinct */
  exhaustive: boolean;
}

export interface RankingOutput {
  /** the hits of the page, in order */
  page: RankedHit[];
  /** every candidate (for facets and totals), distinct duplicates removed when `exhaustive` */
  candidates: DocSet;
  /** the number to report as total (candidates minus distinct duplicates met and below-threshold hits) */
  totalHits: number;
}
