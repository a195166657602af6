/** Settings: whole object and every sub-route with its verb, through the official client and directly. */
import { beforeEach, describe, expect, test } from 'vitest';
import type { EnqueuedTaskPromise } from 'meilisearch';
import { apiError, call, errorBody, httpKit, movies, type HttpKit } from './helpers.ts';
import { defaultSettings } from '../../../src/engine/settings/defaults.ts';

let kit: HttpKit;
beforeEach(async () => {
  kit = await httpKit();
  await kit.meili.index('movies').addDocuments(movies).waitTask();
});

/** [client method suffix, kebab route, verb, value sent, value read back] */
const SUB_ROUTES: [string, string, 'PUT' | 'PATCH', unknown, unknown][] = [
  ['DisplayedAttributes', 'displayed-attributes', 'PUT', ['title', 'year'], ['title', 'year']],
  ['SearchableAttributes', 'searchable-attributes', 'PUT', ['title'], ['title']],
  ['FilterableAttributes', 'filterable-attributes', 'PUT', ['genres'], ['genres']],
  ['SortableAttributes', 'sortable-attributes', 'PUT', ['year', 'title'], ['title', 'year']],
  ['RankingRules', 'ranking-rules', 'PUT', ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'year:desc'], ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'year:desc']],
  ['StopWords', 'stop-words', 'PUT', ['the', 'a'], ['a', 'the']],
  ['NonSeparatorTokens', 'non-separator-tokens', 'PUT', ['@'], ['@']],
  ['SeparatorTokens', 'separator-tokens', 'PUT', ['|'], ['|']],
  ['Dictionary', 'dictionary', 'PUT', ['J.R.R.'], ['J.R.R.']],
  ['Synonyms', 'synonyms', 'PUT', { wolverine: ['logan'] }, { wolverine: ['logan'] }],
  ['DistinctAttribute', 'distinct-attribute', 'PUT', 'year', 'year'],
  ['ProximityPrecision', 'proximity-precision', 'PUT', 'byAttribute', 'byAttribute'],
  [
    'TypoTolerance',
    'typo-tolerance',
    'PATCH',
    { minWordSizeForTypos: { oneTypo: 4 } },
    { ...defaultSettings().typoTolerance, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
  ],
  ['Faceting', 'faceting', 'PATCH', { maxValuesPerFacet: 10 }, { maxValuesPerFacet: 10, sortFacetValuesBy: { '*': 'alpha' } }],
  ['Pagination', 'pagination', 'PATCH', { maxTotalHits: 50 }, { maxTotalHits: 50 }],
  ['SearchCutoffMs', 'search-cutoff-ms', 'PUT', 200, 200],
  ['LocalizedAttributes', 'localized-attributes', 'PUT', [{ locales: ['jpn'], attributePatterns: ['*_ja'] }], [{ locales: ['jpn'], attributePatterns: ['*_ja'] }]],
  ['FacetSearch', 'facet-search', 'PUT', false, false],
  ['PrefixSearch', 'prefix-search', 'PUT', 'disabled', 'disabled'],
];

type Methods = Record<string, (value?: unknown) => Promise<unknown> | EnqueuedTaskPromise>;

function keyOf(route: string): keyof ReturnType<typeof defaultSettings> {
  return route.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof ReturnType<typeof defaultSettings>;
}

describe('whole settings object', () => {
  test('GET defaults, PATCH a partial object, null resets a key, DELETE resets all', async () => {
    const index = kit.meili.index('movies');
    expect(await index.getSettings()).toEqual(defaultSettings());
    const task = await index.updateSettings({ stopWords: ['the'], sortableAttributes: ['year'], pagination: { maxTotalHits: 10 } }).waitTask();
    expect(task).toMatchObject({ type: 'settingsUpdate', status: 'succeeded', details: { sortableAttributes: ['year'], stopWords: ['the'], pagination: { maxTotalHits: 10 } } });
    expect(await index.getSettings()).toMatchObject({ stopWords: ['the'], sortableAttributes: ['year'], pagination: { maxTotalHits: 10 } });
    await index.updateSettings({ stopWords: null }).waitTask();
    expect((await index.getSettings()).stopWords).toEqual([]);
    await index.resetSettings().waitTask();
    expect(await index.getSettings()).toEqual(defaultSettings());
  });

  test('writes create the index; GET on a missing index is 404', async () => {
    await kit.meili.index('fresh').updateSettings({ searchableAttributes: ['title'] }).waitTask();
    expect((await kit.meili.index('fresh').getSettings()).searchableAttributes).toEqual(['title']);
    expect(await apiError(kit.meili.index('nope').getSettings())).toEqual({ status: 404, body: errorBody('index_not_found', 'Index `nope` not found.') });
  });

  test('type errors and unknown fields are rejected synchronously', async () => {
    const r = await call(kit.fetch, 'PATCH', '/indexes/movies/settings', { stopWords: 'the' });
    expect(r).toMatchObject({
      status: 400,
      body: errorBody('invalid_settings_stop_words', 'Invalid value type at `.stopWords`: expected an array, but found a string: `"the"`'),
    });
    const unknown = await call(kit.fetch, 'PATCH', '/indexes/movies/settings', { stopWord: [] });
    expect((unknown.body as { code: string; message: string }).code).toBe('bad_request');
    expect((unknown.body as { message: string }).message).toMatch(/^Unknown field `stopWord`: did you mean `stopWords`\? expected one of /);
    const rule = await call(kit.fetch, 'PUT', '/indexes/movies/settings/ranking-rules', ['wrods']);
    expect((rule.body as { code: string }).code).toBe('invalid_settings_ranking_rules');
  });
});

describe('every sub-route with its verb (client)', () => {
  test.each(SUB_ROUTES)('%s: update, get, reset', async (name, _route, _verb, value, readBack) => {
    const index = kit.meili.index('movies') as unknown as Methods;
    const task = await (index[`update${name}`](value) as EnqueuedTaskPromise).waitTask();
    expect(task.status).toBe('succeeded');
    expect(await index[`get${name}`]()).toEqual(readBack);
    await (index[`reset${name}`]() as EnqueuedTaskPromise).waitTask();
    expect(await index[`get${name}`]()).toEqual(defaultSettings()[keyOf(_route)]);
  });

  test('embedders: GET and reset (no embedders in pocketsearch)', async () => {
    const index = kit.meili.index('movies');
    expect(await index.getEmbedders()).toEqual({});
    expect((await index.resetEmbedders().waitTask()).status).toBe('succeeded');
  });
});

describe('sub-routes (direct)', () => {
  test.each(SUB_ROUTES)('%s: %s answers 202 to %s, 405 to the other verb, null resets', async (_name, route, verb, value) => {
    const path = `/indexes/movies/settings/${route}`;
    const ok = await call(kit.fetch, verb, path, value);
    expect(ok.status).toBe(202);
    expect(ok.body).toMatchObject({ indexUid: 'movies', status: 'enqueued', type: 'settingsUpdate' });
    const other = await call(kit.fetch, verb === 'PUT' ? 'PATCH' : 'PUT', path, value);
    expect(other.status).toBe(405);
    const reset = await call(kit.fetch, verb, path, null);
    expect(reset.status).toBe(202);
    await kit.meili.tasks.waitForTask((reset.body as { taskUid: number }).taskUid);
    expect((await call(kit.fetch, 'GET', path)).body).toEqual(defaultSettings()[keyOf(route)]);
  });

  test('unknown or camelCase sub-routes are 404; experimental ones are refused', async () => {
    expect((await call(kit.fetch, 'GET', '/indexes/movies/settings/stopWords')).status).toBe(404);
    expect((await call(kit.fetch, 'GET', '/indexes/movies/settings/nope')).status).toBe(404);
    const chat = await call(kit.fetch, 'GET', '/indexes/movies/settings/chat');
    expect(chat.status).toBe(400);
    expect((chat.body as { code: string }).code).toBe('feature_not_enabled');
  });

  test('sub-route body errors use the setting’s code and a root path', async () => {
    const r = await call(kit.fetch, 'PUT', '/indexes/movies/settings/stop-words', { a: 1 });
    expect(r.body).toEqual(errorBody('invalid_settings_stop_words', 'Invalid value type: expected an array, but found an object: `{"a":1}`'));
    const pag = await call(kit.fetch, 'PATCH', '/indexes/movies/settings/pagination', { maxTotalHits: 0 });
    expect((pag.body as { code: string }).code).toBe('invalid_settings_pagination');
  });
});
