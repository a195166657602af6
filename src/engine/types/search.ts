/** Search parameters and responses (spec §1.3–§1.5). */

export type MatchingStrategy = 'last' | 'all' | 'frequency';

/** A filter: an expression string, or the array form (outer AND of inner ORs). */
export type Filter = string | (string | string[])[];

export interface SearchParams {
  q?: string | null;
  offset?: number;
  limit?: number;
  page?: number;
  hitsPerPage?: number;
  filter?: Filter | null;
  facets?: string[] | null;
  attributesToRetrieve?: string[] | null;
  attributesToCrop?: string[] | null;
  cropLength?: number;
  cropMarker?: string;
  attributesToHighlight?: string[] | null;
  highlightPreTag?: string;
  highlightPostTag?: string;
  showMatchesPosition?: boolean;
  sort?: string[] | null;
  matchingStrategy?: MatchingStrategy;
  showRankingScore?: boolean;
  showRankingScoreDetails?: boolean;
  rankingScoreThreshold?: number | null;
  attributesToSearchOn?: string[] | null;
  distinct?: string | null;
  locales?: string[] | null;
}

export interface MatchPosition {
  start: number;
  length: number;
  indices?: number[];
}

/**
 * A value as it comes back in `_formatted`: numbers as their JSON text (Meilisearch highlights and crops numbers
 * as strings), arrays and objects field by field, other values unchanged.
 */
export type FormattedValue<V> = V extends number
  ? string
  : V extends readonly (infer E)[]
    ? FormattedValue<E>[]
    : V extends object
      ? FormattedDocument<V>
      : V;

/**
 * `_formatted` of a hit typed `T`: every field optional (only the retrieved, highlighted or cropped fields are
 * there), numbers turned into strings. Meilisearch's JS client says `Partial<T>`, which is wrong for numbers.
 *
 * @example
 * ```ts
 * interface Book { id: number; title: string }
 * const f: FormattedDocument<Book> = { id: '1', title: '<em>Dune</em>' };
 * ```
 */
export type FormattedDocument<T> = { [K in keyof T]?: FormattedValue<T[K]> };

/**
 * One search hit: the document (typed `T` as the caller says, it is not checked) plus the fields the search
 * parameters ask for.
 *
 * @example
 * ```ts
 * const { hits } = await engine.index<Book>('books').search('dune', { attributesToHighlight: ['title'] });
 * const title: string = hits[0].title;
 * const highlighted: string | undefined = hits[0]._formatted?.title;
 * ```
 */
export type Hit<T = Record<string, unknown>> = T & {
  _formatted?: FormattedDocument<T>;
  _matchesPosition?: Record<string, MatchPosition[]>;
  _rankingScore?: number;
  _rankingScoreDetails?: Record<string, unknown>;
  _geoDistance?: number;
  _federation?: { indexUid: string; queriesPosition: number; weightedRankingScore: number };
};

/** The hits of a response. */
export type Hits<T = Record<string, unknown>> = Hit<T>[];

export interface FacetStat {
  min: number;
  max: number;
}

/** `page`/`hitsPerPage` pagination: the response counts pages exhaustively. */
export interface FinitePagination {
  hitsPerPage: number;
  page: number;
  totalPages: number;
  totalHits: number;
}

/** `offset`/`limit` pagination (the default): the total is an estimate. */
export interface InfinitePagination {
  offset: number;
  limit: number;
  estimatedTotalHits: number;
}

/** `yes` when `S` surely has key `K`, `no` when it surely has not, `maybe` otherwise. */
type Has<S, K extends string> = K extends keyof S ? (undefined extends S[K] ? 'maybe' : 'yes') : 'no';

/**
 * The pagination fields of a response to parameters typed `S`: {@link FinitePagination} when `page` or
 * `hitsPerPage` is surely given, {@link InfinitePagination} when neither can be, both optional when the type cannot
 * tell (e.g. `S` is `SearchParams`).
 */
export type PaginationOf<S extends SearchParams | undefined> = S extends SearchParams
  ? 'yes' extends Has<S, 'page'> | Has<S, 'hitsPerPage'>
    ? FinitePagination
    : Has<S, 'page'> | Has<S, 'hitsPerPage'> extends 'no'
      ? InfinitePagination
      : Partial<FinitePagination & InfinitePagination>
  : Partial<FinitePagination & InfinitePagination>;

/** The fields of every search response, whatever its pagination. */
export interface SearchResponseBase<T = Record<string, unknown>> {
  hits: Hit<T>[];
  query: string;
  processingTimeMs: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, FacetStat>;
  requestUid?: string;
}

/**
 * A search response with hits typed `T`; `S`, the type of the search parameters, decides which pagination fields
 * it surely has (as in Meilisearch's JS client).
 *
 * @example
 * ```ts
 * const r: SearchResponse<Book, { page: number }> = await engine.index<Book>('books').search('dune', { page: 2 });
 * console.log(r.totalPages, r.hits[0].title);
 * ```
 */
export type SearchResponse<T = Record<string, unknown>, S extends SearchParams | undefined = SearchParams> = SearchResponseBase<T> & PaginationOf<S>;

/**
 * Search parameters typed `S`, with keys that are not search parameters refused: a generic parameter would
 * otherwise let an object literal through with a misspelt key (no excess-property check on inferred types).
 * An index signature (`Record<string, unknown>` parameters) is let through, as `SearchParams` lets it.
 */
export type ExactSearchParams<S> = S & { [K in keyof S as string extends K ? never : K extends keyof SearchParams ? never : K]: never };

export interface FacetSearchParams {
  facetName: string;
  facetQuery?: string | null;
  q?: string | null;
  filter?: Filter | null;
  matchingStrategy?: MatchingStrategy;
  attributesToSearchOn?: string[] | null;
  rankingScoreThreshold?: number | null;
  locales?: string[] | null;
  exhaustiveFacetCount?: boolean | null;
}

export interface FacetSearchResponse {
  facetHits: { value: string; count: number }[];
  facetQuery: string | null;
  processingTimeMs: number;
}

export interface FederationOptions {
  weight?: number;
  remote?: string;
  queryPosition?: number;
}

export type MultiSearchQuery = SearchParams & { indexUid: string; federationOptions?: FederationOptions };

export interface Federation {
  limit?: number;
  offset?: number;
  page?: number;
  hitsPerPage?: number;
  facetsByIndex?: Record<string, string[]>;
  mergeFacets?: { maxValuesPerFacet?: number } | null;
  distinct?: string;
}

export interface MultiSearchParams {
  queries: MultiSearchQuery[];
  federation?: Federation | null;
}

/** One result of a non-federated multi-search: a search response plus the index it searched. */
export type MultiSearchResult<T = Record<string, unknown>> = SearchResponse<T> & { indexUid: string };

export interface MultiSearchResponse<T = Record<string, unknown>> {
  results: MultiSearchResult<T>[];
}

/** A federated multi-search: one list of hits (each with `_federation`) merged from every query. */
export type FederatedSearchResponse<T = Record<string, unknown>> = Omit<SearchResponse<T>, 'query'> & {
  facetsByIndex?: Record<string, { distribution: Record<string, Record<string, number>>; stats: Record<string, FacetStat> }>;
};
