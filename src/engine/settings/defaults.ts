import type { Settings, SettingsKey } from '../types/settings.ts';

/** Default ranking rules since Meilisearch 1.36. */
export const DEFAULT_RANKING_RULES = ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'];

export const DEFAULT_MAX_VALUES_PER_FACET = 100;
export const DEFAULT_MAX_TOTAL_HITS = 1000;
export const DEFAULT_SEARCH_CUTOFF_MS = 1500;

/** Settings of a new index (spec §1.6). Returns a fresh object each time. */
export function defaultSettings(): Settings {
  return {
    displayedAttributes: ['*'],
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: [...DEFAULT_RANKING_RULES],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: 'byWord',
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: DEFAULT_MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits: DEFAULT_MAX_TOTAL_HITS },
    embedders: {},
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: 'indexingTime',
  };
}

/** Settings keys in Meilisearch's GET order. */
export const SETTINGS_KEYS: readonly SettingsKey[] = Object.keys(defaultSettings()) as SettingsKey[];

/** Every field name accepted by `PATCH /settings`, in Meilisearch's declaration order (for "Unknown field" errors). */
export const SETTINGS_FIELDS_FOR_ERRORS: readonly string[] = [
  'displayedAttributes',
  'searchableAttributes',
  'filterableAttributes',
  'sortableAttributes',
  'foreignKeys',
  'rankingRules',
  'stopWords',
  'nonSeparatorTokens',
  'separatorTokens',
  'dictionary',
  'synonyms',
  'distinctAttribute',
  'proximityPrecision',
  'typoTolerance',
  'faceting',
  'pagination',
  'embedders',
  'searchCutoffMs',
  'localizedAttributes',
  'facetSearch',
  'prefixSearch',
  'chat',
];

/** kebab-case sub-route → settings key (`stop-words` → `stopWords`). */
export function settingsKeyFromRoute(route: string): SettingsKey | undefined {
  const key = route.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return (SETTINGS_KEYS as readonly string[]).includes(key) ? (key as SettingsKey) : undefined;
}
