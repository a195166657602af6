import { describe, expect, it } from 'vitest';
import { memoryEngine, movies, thrown } from './helpers.ts';
import { SETTINGS_KEYS } from '../../../src/engine/settings/defaults.ts';
import { INDEX_METHODS } from '../../../src/shared/methods.ts';

const DEFAULTS = {
  displayedAttributes: ['*'],
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
  stopWords: [],
  nonSeparatorTokens: [],
  separatorTokens: [],
  dictionary: [],
  synonyms: {},
  distinctAttribute: null,
  proximityPrecision: 'byWord',
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [], disableOnNumbers: false },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 1000 },
  embedders: {},
  searchCutoffMs: null,
  localizedAttributes: null,
  facetSearch: true,
  prefixSearch: 'indexingTime',
};

describe('settings', () => {
  it('returns every key with its default, in Meilisearch order', async () => {
    const e = await memoryEngine();
    await e.createIndex('a').waitTask();
    const s = await e.index('a').getSettings();
    expect(s).toEqual(DEFAULTS);
    expect(Object.keys(s)).toEqual(Object.keys(DEFAULTS));
    await e.close();
  });

  it('a settings update creates the index and stores sets sorted and deduplicated', async () => {
    const e = await memoryEngine();
    await e.index('a').updateSettings({ sortableAttributes: ['year', 'title', 'year'], stopWords: ['the', 'a'] }).waitTask();
    expect(await e.index('a').getSortableAttributes()).toEqual(['title', 'year']);
    expect(await e.index('a').getStopWords()).toEqual(['a', 'the']);
    await e.close();
  });

  it('null resets a key; resetSettings resets every key', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.updateSettings({ searchableAttributes: ['title'], typoTolerance: { enabled: false }, pagination: { maxTotalHits: 10 } }).waitTask();
    await idx.updateSettings({ searchableAttributes: null }).waitTask();
    expect(await idx.getSearchableAttributes()).toEqual(['*']);
    expect((await idx.getTypoTolerance()).enabled).toBe(false);
    await idx.resetSettings().waitTask();
    expect(await idx.getSettings()).toEqual(DEFAULTS);
    await e.close();
  });

  it('typoTolerance, faceting and pagination are merged field by field', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.updateTypoTolerance({ minWordSizeForTypos: { oneTypo: 3 } }).waitTask();
    await idx.updateTypoTolerance({ disableOnWords: ['Foo'] }).waitTask();
    expect(await idx.getTypoTolerance()).toEqual({ ...DEFAULTS.typoTolerance, minWordSizeForTypos: { oneTypo: 3, twoTypos: 9 }, disableOnWords: ['Foo'] });
    await idx.updateFaceting({ sortFacetValuesBy: { genres: 'count' } }).waitTask();
    expect(await idx.getFaceting()).toEqual({ maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha', genres: 'count' } });
    await e.close();
  });

  it('per-setting sub-routes update and reset with a bare value', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    const t = await idx.updateRankingRules(['typo', 'words', 'title:asc']).waitTask();
    expect(t.details).toEqual({ rankingRules: ['typo', 'words', 'title:asc'] });
    expect(await idx.getRankingRules()).toEqual(['typo', 'words', 'title:asc']);
    await idx.resetRankingRules().waitTask();
    expect(await idx.getRankingRules()).toEqual(DEFAULTS.rankingRules);
    await idx.updateSynonyms({ wolverine: ['logan', 'xmen'], logan: ['wolverine'] }).waitTask();
    expect(await idx.getSynonyms()).toEqual({ logan: ['wolverine'], wolverine: ['logan', 'xmen'] });
    await e.close();
  });

  it('every setting has get/update/reset shortcuts, forwarded to the page client, that work detached from the index', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    const shortcuts = SETTINGS_KEYS.flatMap((k) => ['get', 'update', 'reset'].map((verb) => verb + k[0].toUpperCase() + k.slice(1)));
    for (const name of shortcuts) expect(typeof (idx as unknown as Record<string, unknown>)[name], name).toBe('function');
    expect(INDEX_METHODS).toEqual(expect.arrayContaining(shortcuts));
    const { getSearchCutoffMs, updateSearchCutoffMs, resetSearchCutoffMs } = idx; // properties holding bound functions
    await updateSearchCutoffMs(150).waitTask();
    expect(await getSearchCutoffMs()).toBe(150);
    await resetSearchCutoffMs().waitTask();
    expect(await getSearchCutoffMs()).toBe(null);
    await e.close();
  });

  it('rejects wrong types synchronously with invalid_settings_* and deserr messages', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    const cases: [() => unknown, string, string][] = [
      [() => idx.updateSettings({ displayedAttributes: 'doggo' as unknown as string[] }), 'invalid_settings_displayed_attributes', 'Invalid value type at `.displayedAttributes`: expected an array, but found a string: `"doggo"`'],
      [() => idx.updateSettings({ distinctAttribute: ['doggo'] as unknown as string }), 'invalid_settings_distinct_attribute', 'Invalid value type at `.distinctAttribute`: expected a string, but found an array: `["doggo"]`'],
      [() => idx.updateSettings({ typoTolerance: 'doggo' as never }), 'invalid_settings_typo_tolerance', 'Invalid value type at `.typoTolerance`: expected an object, but found a string: `"doggo"`'],
      [() => idx.updateSettings({ pagination: { maxTotalHits: 0 } }), 'invalid_settings_pagination', 'Invalid value at `.pagination.maxTotalHits`: a non-zero integer value lower than `18446744073709551615` was expected, but found a zero'],
      [() => idx.updateSettings({ rankingRules: ['manyTheFish'] }), 'invalid_settings_ranking_rules', 'Invalid value at `.rankingRules[0]`: `manyTheFish` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.'],
      [() => idx.updateSettings({ proximityPrecision: 'near' as never }), 'invalid_settings_proximity_precision', 'Unknown value `near` at `.proximityPrecision`: expected one of `byWord`, `byAttribute`'],
      [() => idx.updateStopWords('doggo' as unknown as string[]), 'invalid_settings_stop_words', 'Invalid value type: expected an array, but found a string: `"doggo"`'],
      [() => idx.updateSettings({ localizedAttributes: [{ locales: ['xx'], attributePatterns: ['*'] }] }), 'invalid_settings_localized_attributes', ''],
      [() => idx.updateSettings({ doggo: 1 } as never), 'bad_request', ''],
    ];
    for (const [fn, code, message] of cases) {
      const err = await thrown(fn);
      expect(err.code).toBe(code);
      if (message) expect(err.message).toBe(message);
    }
    expect((await e.getTasks()).total).toBe(0);
    await e.close();
  });

  it('rejects at processing time what Meilisearch rejects while processing', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    const typo = await idx.updateTypoTolerance({ minWordSizeForTypos: { oneTypo: 6, twoTypos: 5 } }).waitTask();
    expect(typo.error?.code).toBe('invalid_settings_typo_tolerance');
    expect(typo.error?.message).toBe(
      '`minWordSizeForTypos` setting is invalid. `oneTypo` and `twoTypos` fields should be between `0` and `255`, and `twoTypos` should be greater or equals to `oneTypo` but found `oneTypo: 6` and twoTypos: 5`.',
    );
    const mixed = await idx.updateRankingRules(['attribute', 'attributeRank']).waitTask();
    expect(mixed.error?.code).toBe('invalid_settings_ranking_rules');
    expect((await idx.getSettings()).rankingRules).toEqual(DEFAULTS.rankingRules);
    await e.close();
  });

  it('changing searchable attributes re-indexes: only listed fields match', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    await idx.addDocuments(movies).waitTask();
    expect((await idx.search('drama')).hits.length).toBe(2);
    await idx.updateSearchableAttributes(['title']).waitTask();
    expect((await idx.search('drama')).hits.length).toBe(0);
    expect((await idx.search('moana')).hits.map((h) => h.id)).toEqual([5]);
    await idx.resetSearchableAttributes().waitTask();
    expect((await idx.search('drama')).hits.length).toBe(2);
    await e.close();
  });

  it('stop words are not indexed after the update (re-index)', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    await idx.addDocuments(movies).waitTask();
    expect((await e.ctx.catalog.state('movies')).dictionary()).toContain('of');
    await idx.updateStopWords(['of']).waitTask();
    expect((await e.ctx.catalog.state('movies')).dictionary()).not.toContain('of');
    expect((await idx.search('life pi')).hits.map((h) => h.id)).toEqual([3]);
    await e.close();
  });

  it('displayedAttributes shape search hits but not document routes', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    await idx.addDocuments(movies).waitTask();
    await idx.updateDisplayedAttributes(['title']).waitTask();
    expect((await idx.search('carol')).hits).toEqual([{ title: 'Carol' }]);
    expect(await idx.getDocument(1)).toEqual(movies[0]);
    await e.close();
  });
});
