/** The shortcuts for the settings that shape words: stop words, separators, dictionary, synonyms. */
import { AttributeSettingsShortcuts } from './attributeSettings.ts';
import { getter, resetter, updater } from './shortcut.ts';

/**
 * The per-setting shortcuts of {@link Index} for the settings that shape words: how text is cut into words, which
 * words are ignored, which are searched as one another. See {@link AttributeSettingsShortcuts} for how the
 * shortcuts work.
 *
 * @example
 * ```ts
 * await index.updateStopWords(['the', 'a', 'of']).waitTask();
 * ```
 */
export abstract class TextSettingsShortcuts extends AttributeSettingsShortcuts {
  /**
   * Reads the [stop words](https://www.meilisearch.com/docs/reference/api/settings#stop-words): words ignored in
   * queries, to save time on very common ones (none by default).
   *
   * @example
   * ```ts
   * const stopWords = await index.getStopWords(); // ['a', 'of', 'the'] (stored sorted)
   * ```
   */
  getStopWords = getter(this, 'stopWords');

  /**
   * Sets the [stop words](https://www.meilisearch.com/docs/reference/api/settings#stop-words): words ignored in
   * queries, such as the articles of the documents' language.
   *
   * @example
   * ```ts
   * await index.updateStopWords(['the', 'a', 'of']).waitTask();
   * ```
   */
  updateStopWords = updater(this, 'stopWords');

  /**
   * Resets the [stop words](https://www.meilisearch.com/docs/reference/api/settings#stop-words) to none.
   *
   * @example
   * ```ts
   * await index.resetStopWords().waitTask();
   * ```
   */
  resetStopWords = resetter(this, 'stopWords');

  /**
   * Reads the [non-separator tokens](https://www.meilisearch.com/docs/reference/api/settings#non-separator-tokens):
   * default separators that no longer cut words (none by default).
   *
   * @example
   * ```ts
   * const kept = await index.getNonSeparatorTokens(); // ['#', '@']
   * ```
   */
  getNonSeparatorTokens = getter(this, 'nonSeparatorTokens');

  /**
   * Sets the [non-separator tokens](https://www.meilisearch.com/docs/reference/api/settings#non-separator-tokens):
   * default separators that no longer cut words.
   *
   * @example
   * ```ts
   * await index.updateNonSeparatorTokens(['@', '#']).waitTask(); // `#rust` and `@alice` stay one word
   * ```
   */
  updateNonSeparatorTokens = updater(this, 'nonSeparatorTokens');

  /**
   * Resets the [non-separator tokens](https://www.meilisearch.com/docs/reference/api/settings#non-separator-tokens)
   * to none: every default separator cuts words.
   *
   * @example
   * ```ts
   * await index.resetNonSeparatorTokens().waitTask();
   * ```
   */
  resetNonSeparatorTokens = resetter(this, 'nonSeparatorTokens');

  /**
   * Reads the [separator tokens](https://www.meilisearch.com/docs/reference/api/settings#separator-tokens): strings
   * that cut words besides the default separators (none by default).
   *
   * @example
   * ```ts
   * const separators = await index.getSeparatorTokens(); // ['&sep', '|']
   * ```
   */
  getSeparatorTokens = getter(this, 'separatorTokens');

  /**
   * Sets the [separator tokens](https://www.meilisearch.com/docs/reference/api/settings#separator-tokens): strings
   * that cut words besides the default separators.
   *
   * @example
   * ```ts
   * await index.updateSeparatorTokens(['|', '&sep']).waitTask(); // 'red|green' is two words
   * ```
   */
  updateSeparatorTokens = updater(this, 'separatorTokens');

  /**
   * Resets the [separator tokens](https://www.meilisearch.com/docs/reference/api/settings#separator-tokens) to none:
   * only the default separators cut words.
   *
   * @example
   * ```ts
   * await index.resetSeparatorTokens().waitTask();
   * ```
   */
  resetSeparatorTokens = resetter(this, 'separatorTokens');

  /**
   * Reads the [dictionary](https://www.meilisearch.com/docs/reference/api/settings#dictionary): strings kept as one
   * word even with separators inside (none by default).
   *
   * @example
   * ```ts
   * const dictionary = await index.getDictionary(); // ['C++', 'J. R. R.']
   * ```
   */
  getDictionary = getter(this, 'dictionary');

  /**
   * Sets the [dictionary](https://www.meilisearch.com/docs/reference/api/settings#dictionary): strings kept as one
   * word even with separators inside.
   *
   * @example
   * ```ts
   * await index.updateDictionary(['J. R. R.', 'C++']).waitTask(); // 'J. R. R. Tolkien' starts with one word
   * ```
   */
  updateDictionary = updater(this, 'dictionary');

  /**
   * Resets the [dictionary](https://www.meilisearch.com/docs/reference/api/settings#dictionary) to none.
   *
   * @example
   * ```ts
   * await index.resetDictionary().waitTask();
   * ```
   */
  resetDictionary = resetter(this, 'dictionary');

  /**
   * Reads the [synonyms](https://www.meilisearch.com/docs/reference/api/settings#synonyms): for each word or phrase,
   * those a query for it also matches (none by default).
   *
   * @example
   * ```ts
   * const synonyms = await index.getSynonyms(); // { sf: ['science fiction'] }
   * ```
   */
  getSynonyms = getter(this, 'synonyms');

  /**
   * Sets the [synonyms](https://www.meilisearch.com/docs/reference/api/settings#synonyms): one-way; list both
   * directions for words that mean each other.
   *
   * @example
   * ```ts
   * await index.updateSynonyms({ sf: ['science fiction'], 'science fiction': ['sf'] }).waitTask();
   * ```
   */
  updateSynonyms = updater(this, 'synonyms');

  /**
   * Resets the [synonyms](https://www.meilisearch.com/docs/reference/api/settings#synonyms) to none.
   *
   * @example
   * ```ts
   * await index.resetSynonyms().waitTask();
   * ```
   */
  resetSynonyms = resetter(this, 'synonyms');
}
