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

export type Hit<T = Record<string, unknown>> = T & {
  _formatted?: Record<string, unknown>;
  _matchesPosition?: Record<string, MatchPosition[]>;
  _rankingScore?: number;
  _rankingScoreDetails?: Record<string, unknown>;
  _geoDistance?: number;
  _federation?: { indexUid: string; queriesPosition: number; weightedRankingScore: number };
};

export interface FacetStat {
  min: number;
  max: number;
}

export interface SearchResponse<T = Record<string, unknown>> {
  hits: Hit<T>[];
  query: string;
  processingTimeMs: number;
  limit?: number;
  offset?: number;
  estimatedTotalHits?: number;
  hitsPerPage?: number;
  page?: number;
  totalPages?: number;
  totalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, FacetStat>;
  requestUid?: string;
}

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

export interface MultiSearchResponse {
  results: (SearchResponse & { indexUid: string })[];
}

export type FederatedSearchResponse = Omit<SearchResponse, 'query'> & {
  facetsByIndex?: Record<string, { distribution: Record<string, Record<string, number>>; stats: Record<string, FacetStat> }>;
};
