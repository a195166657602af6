/** Index settings, as Meilisearch's `GET /indexes/{uid}/settings` returns them (spec §1.6). */

export interface FilterFeatures {
  facetSearch?: boolean;
  filter?: { equality?: boolean; comparison?: boolean };
}

/** Object form of a filterable attribute rule (Meilisearch ≥ 1.14). */
export interface FilterableAttributeRule {
  attributePatterns: string[];
  features?: FilterFeatures;
}

export type FilterableAttribute = string | FilterableAttributeRule;

export interface TypoTolerance {
  enabled?: boolean;
  minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number };
  disableOnWords?: string[];
  disableOnAttributes?: string[];
  disableOnNumbers?: boolean;
}

export type FacetOrder = 'alpha' | 'count';

export interface Faceting {
  maxValuesPerFacet?: number;
  sortFacetValuesBy?: Record<string, FacetOrder>;
}

export interface PaginationSettings {
  maxTotalHits?: number;
}

export interface LocalizedAttribute {
  locales: string[];
  attributePatterns: string[];
}

export type ProximityPrecision = 'byWord' | 'byAttribute';
export type PrefixSearch = 'indexingTime' | 'disabled';

/** Every setting, fully resolved (defaults applied). Key order is Meilisearch's GET order. */
export interface Settings {
  displayedAttributes: string[];
  searchableAttributes: string[];
  filterableAttributes: FilterableAttribute[];
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  nonSeparatorTokens: string[];
  separatorTokens: string[];
  dictionary: string[];
  synonyms: Record<string, string[]>;
  distinctAttribute: string | null;
  proximityPrecision: ProximityPrecision;
  typoTolerance: Required<Omit<TypoTolerance, 'minWordSizeForTypos'>> & {
    minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  };
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, FacetOrder> };
  pagination: { maxTotalHits: number };
  embedders: Record<string, unknown>;
  searchCutoffMs: number | null;
  localizedAttributes: LocalizedAttribute[] | null;
  facetSearch: boolean;
  prefixSearch: PrefixSearch;
}

/** A settings update, with only the keys to change; `null` resets a key to its default. */
export type SettingsUpdate = {
  [K in keyof Settings]?: K extends 'typoTolerance'
    ? TypoTolerance | null
    : K extends 'faceting'
      ? Faceting | null
      : K extends 'pagination'
        ? PaginationSettings | null
        : Settings[K] | null;
};

export type SettingsKey = keyof Settings;
