/** The shortcuts for the settings that pick attributes: searched, displayed, filterable, sortable, distinct, localized. */
import type { EnqueuedTaskPromise } from '../engine.ts';
import type { Settings, SettingsKey, SettingsUpdate } from '../types/settings.ts';
import { getter, resetter, updater } from './shortcut.ts';

/**
 * The per-setting shortcuts of {@link Index} for the settings that pick attributes. `getX()`, `updateX(value)` and
 * `resetX()` are `getSetting('x')`, `updateSetting('x', value)` and `resetSetting('x')`; they are properties
 * holding a bound function, so they can be passed around (`const get = index.getSynonyms`).
 * {@link TextSettingsShortcuts} and {@link SearchSettingsShortcuts} extend it with the other settings.
 *
 * @example
 * ```ts
 * await index.updateFilterableAttributes(['genres', 'year']).waitTask();
 * await index.updateSetting('filterableAttributes', ['genres', 'year']).waitTask(); // the same
 * ```
 */
export abstract class AttributeSettingsShortcuts {
  /**
   * Reads one setting; {@link Index.getSetting} implements it.
   *
   * @example
   * ```ts
   * const rules = await index.getSetting('rankingRules');
   * ```
   */
  abstract getSetting<K extends SettingsKey>(key: K): Promise<Settings[K]>;

  /**
   * Updates one setting (`null` resets it); {@link Index.updateSetting} implements it.
   *
   * @example
   * ```ts
   * await index.updateSetting('stopWords', ['the', 'a']).waitTask();
   * ```
   */
  abstract updateSetting<K extends SettingsKey>(key: K, value: Settings[K] | SettingsUpdate[K] | null): EnqueuedTaskPromise;

  /**
   * Resets one setting to its default; {@link Index.resetSetting} implements it.
   *
   * @example
   * ```ts
   * await index.resetSetting('synonyms').waitTask();
   * ```
   */
  abstract resetSetting(key: SettingsKey): EnqueuedTaskPromise;

  /**
   * Reads the [displayed attributes](https://www.meilisearch.com/docs/reference/api/settings#displayed-attributes):
   * the fields returned in documents and hits (`['*']`, all, by default).
   *
   * @example
   * ```ts
   * const shown = await index.getDisplayedAttributes(); // ['*']
   * ```
   */
  getDisplayedAttributes = getter(this, 'displayedAttributes');

  /**
   * Sets the [displayed attributes](https://www.meilisearch.com/docs/reference/api/settings#displayed-attributes):
   * the fields returned in documents and hits; the others are still searched and filtered.
   *
   * @example
   * ```ts
   * await index.updateDisplayedAttributes(['title', 'overview', 'poster']).waitTask();
   * ```
   */
  updateDisplayedAttributes = updater(this, 'displayedAttributes');

  /**
   * Resets the [displayed attributes](https://www.meilisearch.com/docs/reference/api/settings#displayed-attributes)
   * to `['*']`: every field is returned.
   *
   * @example
   * ```ts
   * await index.resetDisplayedAttributes().waitTask();
   * ```
   */
  resetDisplayedAttributes = resetter(this, 'displayedAttributes');

  /**
   * Reads the [searchable attributes](https://www.meilisearch.com/docs/reference/api/settings#searchable-attributes):
   * the fields a query matches, most important first (`['*']`, all, by default).
   *
   * @example
   * ```ts
   * const searched = await index.getSearchableAttributes(); // ['title', 'overview']
   * ```
   */
  getSearchableAttributes = getter(this, 'searchableAttributes');

  /**
   * Sets the [searchable attributes](https://www.meilisearch.com/docs/reference/api/settings#searchable-attributes):
   * the fields a query matches; their order matters, a match in an earlier one ranks higher.
   *
   * @example
   * ```ts
   * await index.updateSearchableAttributes(['title', 'overview', 'cast']).waitTask();
   * ```
   */
  updateSearchableAttributes = updater(this, 'searchableAttributes');

  /**
   * Resets the [searchable attributes](https://www.meilisearch.com/docs/reference/api/settings#searchable-attributes)
   * to `['*']`: every field is searched.
   *
   * @example
   * ```ts
   * await index.resetSearchableAttributes().waitTask();
   * ```
   */
  resetSearchableAttributes = resetter(this, 'searchableAttributes');

  /**
   * Reads the [filterable attributes](https://www.meilisearch.com/docs/reference/api/settings#filterable-attributes):
   * the fields `filter` and `facets` may use (none by default).
   *
   * @example
   * ```ts
   * const filterable = await index.getFilterableAttributes(); // ['genres', 'year']
   * ```
   */
  getFilterableAttributes = getter(this, 'filterableAttributes');

  /**
   * Sets the [filterable attributes](https://www.meilisearch.com/docs/reference/api/settings#filterable-attributes):
   * names, or rules that choose per pattern which filters and facet search a field allows.
   *
   * @example
   * ```ts
   * const year = { attributePatterns: ['year'], features: { filter: { equality: true, comparison: true } } };
   * await index.updateFilterableAttributes(['genres', year]).waitTask(); // `year > 2000` needs comparison
   * ```
   */
  updateFilterableAttributes = updater(this, 'filterableAttributes');

  /**
   * Resets the [filterable attributes](https://www.meilisearch.com/docs/reference/api/settings#filterable-attributes)
   * to none: filters and facets are refused until they are set again.
   *
   * @example
   * ```ts
   * await index.resetFilterableAttributes().waitTask();
   * ```
   */
  resetFilterableAttributes = resetter(this, 'filterableAttributes');

  /**
   * Reads the [sortable attributes](https://www.meilisearch.com/docs/reference/api/settings#sortable-attributes):
   * the fields the `sort` search parameter may use (none by default).
   *
   * @example
   * ```ts
   * const sortable = await index.getSortableAttributes(); // ['rating', 'year']
   * ```
   */
  getSortableAttributes = getter(this, 'sortableAttributes');

  /**
   * Sets the [sortable attributes](https://www.meilisearch.com/docs/reference/api/settings#sortable-attributes):
   * the fields the `sort` search parameter may use.
   *
   * @example
   * ```ts
   * await index.updateSortableAttributes(['year', 'rating']).waitTask();
   * ```
   */
  updateSortableAttributes = updater(this, 'sortableAttributes');

  /**
   * Resets the [sortable attributes](https://www.meilisearch.com/docs/reference/api/settings#sortable-attributes)
   * to none.
   *
   * @example
   * ```ts
   * await index.resetSortableAttributes().waitTask();
   * ```
   */
  resetSortableAttributes = resetter(this, 'sortableAttributes');

  /**
   * Reads the [distinct attribute](https://www.meilisearch.com/docs/reference/api/settings#distinct-attribute):
   * the field whose value appears in at most one hit (`null`, none, by default).
   *
   * @example
   * ```ts
   * const distinct = await index.getDistinctAttribute(); // 'product_id' or null
   * ```
   */
  getDistinctAttribute = getter(this, 'distinctAttribute');

  /**
   * Sets the [distinct attribute](https://www.meilisearch.com/docs/reference/api/settings#distinct-attribute): only
   * the best-ranked document of each value of that field is returned.
   *
   * @example
   * ```ts
   * await index.updateDistinctAttribute('product_id').waitTask(); // one hit per product, not per variant
   * ```
   */
  updateDistinctAttribute = updater(this, 'distinctAttribute');

  /**
   * Resets the [distinct attribute](https://www.meilisearch.com/docs/reference/api/settings#distinct-attribute) to
   * `null`: no deduplication.
   *
   * @example
   * ```ts
   * await index.resetDistinctAttribute().waitTask();
   * ```
   */
  resetDistinctAttribute = resetter(this, 'distinctAttribute');

  /**
   * Reads the [localized attributes](https://www.meilisearch.com/docs/reference/api/settings#localized-attributes):
   * the languages of given fields, for text analysis (`null` by default: detected from the text).
   *
   * @example
   * ```ts
   * const localized = await index.getLocalizedAttributes(); // [{ attributePatterns: ['*_ja'], locales: ['jpn'] }]
   * ```
   */
  getLocalizedAttributes = getter(this, 'localizedAttributes');

  /**
   * Sets the [localized attributes](https://www.meilisearch.com/docs/reference/api/settings#localized-attributes):
   * the languages (ISO 639-3 codes) of the fields matching each pattern.
   *
   * @example
   * ```ts
   * await index.updateLocalizedAttributes([{ attributePatterns: ['*_ja'], locales: ['jpn'] }]).waitTask();
   * ```
   */
  updateLocalizedAttributes = updater(this, 'localizedAttributes');

  /**
   * Resets the [localized attributes](https://www.meilisearch.com/docs/reference/api/settings#localized-attributes)
   * to `null`: each field's language is detected from its text.
   *
   * @example
   * ```ts
   * await index.resetLocalizedAttributes().waitTask();
   * ```
   */
  resetLocalizedAttributes = resetter(this, 'localizedAttributes');
}
