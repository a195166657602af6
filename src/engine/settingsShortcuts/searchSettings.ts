/** The shortcuts for the settings that tune search: ranking, typos, facets, limits, prefixes, embedders. */
import { TextSettingsShortcuts } from './textSettings.ts';
import { getter, resetter, updater } from './shortcut.ts';

/**
 * The per-setting shortcuts of {@link Index} for the settings that tune search: ranking, typo tolerance, facets,
 * limits. {@link Index} extends it; see {@link AttributeSettingsShortcuts} for how the shortcuts work.
 *
 * @example
 * ```ts
 * await index.updateTypoTolerance({ disableOnAttributes: ['isbn'] }).waitTask();
 * ```
 */
export abstract class SearchSettingsShortcuts extends TextSettingsShortcuts {
  /**
   * Reads the [ranking rules](https://www.meilisearch.com/docs/reference/api/settings#ranking-rules): the criteria
   * that order the hits, applied one after the other to break ties.
   *
   * @example
   * ```ts
   * const rules = await index.getRankingRules(); // ['words', 'typo', 'proximity', 'attributeRank', …]
   * ```
   */
  getRankingRules = getter(this, 'rankingRules');

  /**
   * Sets the [ranking rules](https://www.meilisearch.com/docs/reference/api/settings#ranking-rules): built-in rules
   * and `attribute:asc` / `attribute:desc` rules on sortable attributes, most important first.
   *
   * @example
   * ```ts
   * const rules = ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'];
   * await index.updateRankingRules([...rules, 'release_date:desc']).waitTask(); // newest first on ties
   * ```
   */
  updateRankingRules = updater(this, 'rankingRules');

  /**
   * Resets the [ranking rules](https://www.meilisearch.com/docs/reference/api/settings#ranking-rules) to the
   * default ones.
   *
   * @example
   * ```ts
   * await index.resetRankingRules().waitTask();
   * ```
   */
  resetRankingRules = resetter(this, 'rankingRules');

  /**
   * Reads the [proximity precision](https://www.meilisearch.com/docs/reference/api/settings#proximity-precision):
   * how the proximity rule measures the distance between query words (`'byWord'` by default).
   *
   * @example
   * ```ts
   * const precision = await index.getProximityPrecision(); // 'byWord'
   * ```
   */
  getProximityPrecision = getter(this, 'proximityPrecision');

  /**
   * Sets the [proximity precision](https://www.meilisearch.com/docs/reference/api/settings#proximity-precision):
   * with `'byAttribute'`, query words are close when they are in the same field, however far apart.
   *
   * @example
   * ```ts
   * await index.updateProximityPrecision('byAttribute').waitTask();
   * ```
   */
  updateProximityPrecision = updater(this, 'proximityPrecision');

  /**
   * Resets the [proximity precision](https://www.meilisearch.com/docs/reference/api/settings#proximity-precision)
   * to `'byWord'`.
   *
   * @example
   * ```ts
   * await index.resetProximityPrecision().waitTask();
   * ```
   */
  resetProximityPrecision = resetter(this, 'proximityPrecision');

  /**
   * Reads the [typo tolerance](https://www.meilisearch.com/docs/reference/api/settings#typo-tolerance): whether
   * misspelt words match, from which word length, and where not.
   *
   * @example
   * ```ts
   * const { enabled, minWordSizeForTypos } = await index.getTypoTolerance(); // true, { oneTypo: 5, twoTypos: 9 }
   * ```
   */
  getTypoTolerance = getter(this, 'typoTolerance');

  /**
   * Updates the [typo tolerance](https://www.meilisearch.com/docs/reference/api/settings#typo-tolerance): the
   * fields given change, the others are kept.
   *
   * @example
   * ```ts
   * await index.updateTypoTolerance({ minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } }).waitTask();
   * await index.updateTypoTolerance({ disableOnAttributes: ['isbn'] }).waitTask(); // ISBNs match exactly
   * ```
   */
  updateTypoTolerance = updater(this, 'typoTolerance');

  /**
   * Resets the [typo tolerance](https://www.meilisearch.com/docs/reference/api/settings#typo-tolerance) to its
   * defaults: on, one typo from 5 letters, two from 9.
   *
   * @example
   * ```ts
   * await index.resetTypoTolerance().waitTask();
   * ```
   */
  resetTypoTolerance = resetter(this, 'typoTolerance');

  /**
   * Reads the [faceting](https://www.meilisearch.com/docs/reference/api/settings#faceting) settings: how many values
   * each facet returns (100 by default) and in which order.
   *
   * @example
   * ```ts
   * const { maxValuesPerFacet, sortFacetValuesBy } = await index.getFaceting(); // 100, { '*': 'alpha' }
   * ```
   */
  getFaceting = getter(this, 'faceting');

  /**
   * Updates the [faceting](https://www.meilisearch.com/docs/reference/api/settings#faceting) settings: the fields
   * given change, the others are kept.
   *
   * @example
   * ```ts
   * await index.updateFaceting({ maxValuesPerFacet: 20, sortFacetValuesBy: { genres: 'count' } }).waitTask();
   * ```
   */
  updateFaceting = updater(this, 'faceting');

  /**
   * Resets the [faceting](https://www.meilisearch.com/docs/reference/api/settings#faceting) settings to 100 values
   * per facet, in alphabetical order.
   *
   * @example
   * ```ts
   * await index.resetFaceting().waitTask();
   * ```
   */
  resetFaceting = resetter(this, 'faceting');

  /**
   * Reads the [pagination](https://www.meilisearch.com/docs/reference/api/settings#pagination) settings: how many
   * hits a search can reach at most (`maxTotalHits`, 1000 by default).
   *
   * @example
   * ```ts
   * const { maxTotalHits } = await index.getPagination(); // 1000
   * ```
   */
  getPagination = getter(this, 'pagination');

  /**
   * Updates the [pagination](https://www.meilisearch.com/docs/reference/api/settings#pagination) settings: a higher
   * `maxTotalHits` makes more hits reachable by `offset` or `page`.
   *
   * @example
   * ```ts
   * await index.updatePagination({ maxTotalHits: 5000 }).waitTask();
   * ```
   */
  updatePagination = updater(this, 'pagination');

  /**
   * Resets the [pagination](https://www.meilisearch.com/docs/reference/api/settings#pagination) settings to
   * `maxTotalHits: 1000`.
   *
   * @example
   * ```ts
   * await index.resetPagination().waitTask();
   * ```
   */
  resetPagination = resetter(this, 'pagination');

  /**
   * Reads the [embedders](https://www.meilisearch.com/docs/reference/api/settings#embedders) (none by default).
   * pocketsearch has keyword search only: embedders are kept as given, for dumps, never used.
   *
   * @example
   * ```ts
   * const embedders = await index.getEmbedders(); // {}
   * ```
   */
  getEmbedders = getter(this, 'embedders');

  /**
   * Updates the [embedders](https://www.meilisearch.com/docs/reference/api/settings#embedders). pocketsearch has
   * keyword search only: they are kept as given, for dumps, never used.
   *
   * @example
   * ```ts
   * await index.updateEmbedders({ default: { source: 'userProvided', dimensions: 384 } }).waitTask();
   * ```
   */
  updateEmbedders = updater(this, 'embedders');

  /**
   * Resets the [embedders](https://www.meilisearch.com/docs/reference/api/settings#embedders) to none.
   *
   * @example
   * ```ts
   * await index.resetEmbedders().waitTask();
   * ```
   */
  resetEmbedders = resetter(this, 'embedders');

  /**
   * Reads the [search cutoff](https://www.meilisearch.com/docs/reference/api/settings#search-cutoff): the time in
   * milliseconds after which a search returns the hits ranked so far (`null` by default: 1500 ms).
   *
   * @example
   * ```ts
   * const cutoff = await index.getSearchCutoffMs(); // null
   * ```
   */
  getSearchCutoffMs = getter(this, 'searchCutoffMs');

  /**
   * Sets the [search cutoff](https://www.meilisearch.com/docs/reference/api/settings#search-cutoff): the time in
   * milliseconds after which a search stops ranking and returns what it has.
   *
   * @example
   * ```ts
   * await index.updateSearchCutoffMs(150).waitTask(); // broad queries stop ranking after 150 ms
   * ```
   */
  updateSearchCutoffMs = updater(this, 'searchCutoffMs');

  /**
   * Resets the [search cutoff](https://www.meilisearch.com/docs/reference/api/settings#search-cutoff) to `null`
   * (1500 ms).
   *
   * @example
   * ```ts
   * await index.resetSearchCutoffMs().waitTask();
   * ```
   */
  resetSearchCutoffMs = resetter(this, 'searchCutoffMs');

  /**
   * Reads whether [facet search](https://www.meilisearch.com/docs/reference/api/settings#facet-search) is on
   * (`true` by default).
   *
   * @example
   * ```ts
   * const facetSearch = await index.getFacetSearch(); // true
   * ```
   */
  getFacetSearch = getter(this, 'facetSearch');

  /**
   * Turns [facet search](https://www.meilisearch.com/docs/reference/api/settings#facet-search) on or off: off,
   * `searchForFacetValues` is refused (`facet_search_disabled`).
   *
   * @example
   * ```ts
   * await index.updateFacetSearch(false).waitTask();
   * ```
   */
  updateFacetSearch = updater(this, 'facetSearch');

  /**
   * Resets [facet search](https://www.meilisearch.com/docs/reference/api/settings#facet-search) to on.
   *
   * @example
   * ```ts
   * await index.resetFacetSearch().waitTask();
   * ```
   */
  resetFacetSearch = resetter(this, 'facetSearch');

  /**
   * Reads the [prefix search](https://www.meilisearch.com/docs/reference/api/settings#prefix-search) setting:
   * whether the last query word also matches longer words (`'indexingTime'`, on, by default).
   *
   * @example
   * ```ts
   * const prefixSearch = await index.getPrefixSearch(); // 'indexingTime'
   * ```
   */
  getPrefixSearch = getter(this, 'prefixSearch');

  /**
   * Sets the [prefix search](https://www.meilisearch.com/docs/reference/api/settings#prefix-search) setting:
   * `'disabled'` matches whole words only (`'dun'` no longer finds "Dune").
   *
   * @example
   * ```ts
   * await index.updatePrefixSearch('disabled').waitTask();
   * ```
   */
  updatePrefixSearch = updater(this, 'prefixSearch');

  /**
   * Resets the [prefix search](https://www.meilisearch.com/docs/reference/api/settings#prefix-search) setting to
   * `'indexingTime'`: the last query word matches longer words again.
   *
   * @example
   * ```ts
   * await index.resetPrefixSearch().waitTask();
   * ```
   */
  resetPrefixSearch = resetter(this, 'prefixSearch');
}
