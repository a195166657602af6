/** Search routes: POST and GET through the official client, GET parameter parsing, facet search, multi-search. */
import { beforeAll, describe, expect, test } from 'vitest';
import { apiError, call, errorBody, httpKit, movies, type HttpKit } from './helpers.ts';
import { fixSortQueryParameters, searchGetParams } from '../../../src/http/routes/searchGetParams.ts';
import { QueryParams } from '../../../src/http/queryParams.ts';

let kit: HttpKit;
beforeAll(async () => {
  kit = await httpKit();
  await kit.meili.index('movies').addDocuments(movies).waitTask();
});

function getParams(qs: string) {
  return searchGetParams(new QueryParams(new URLSearchParams(qs)));
}

describe('POST and GET search (client)', () => {
  test('same answer both ways; pagination fields', async () => {
    const index = kit.meili.index('movies');
    const post = await index.search('adventure', { limit: 2, offset: 1 });
    const get = await index.searchGet('adventure', { limit: 2, offset: 1 });
    expect(post.hits).toEqual(get.hits);
    expect(post).toMatchObject({ query: 'adventure', limit: 2, offset: 1 });
    const pages = await index.searchGet('', { hitsPerPage: 2, page: 2 });
    expect(pages).toMatchObject({ hitsPerPage: 2, page: 2, totalPages: 3, totalHits: 5 });
    expect(pages.hits.map((h) => h.id)).toEqual([3, 4]);
  });

  test('attributesToRetrieve, matchingStrategy, showRankingScore, attributesToSearchOn, rankingScoreThreshold', async () => {
    const index = kit.meili.index('movies');
    const params = {
      attributesToRetrieve: ['title'],
      matchingStrategy: 'all' as const,
      showRankingScore: true,
      attributesToSearchOn: ['title'],
      rankingScoreThreshold: 0,
    };
    const post = await index.search('life pi', params);
    const get = await index.searchGet('life pi', params);
    expect(post.hits.map((h) => h.title)).toEqual(['Life of Pi']);
    expect(get.hits.map((h) => h.title)).toEqual(['Life of Pi']);
  });

  test('showRankingScore / showRankingScoreDetails over POST and GET', async () => {
    const index = kit.meili.index('movies');
    const post = await index.search('life pi', { showRankingScore: true, showRankingScoreDetails: true });
    const get = await index.searchGet('life pi', { showRankingScore: true, showRankingScoreDetails: true });
    expect(typeof post.hits[0]._rankingScore).toBe('number');
    expect(get.hits).toEqual(post.hits);
  });

  test('missing index → 404 index_not_found', async () => {
    expect(await apiError(kit.meili.index('nope').search('x'))).toEqual({ status: 404, body: errorBody('index_not_found', 'Index `nope` not found.') });
    expect((await call(kit.fetch, 'GET', '/indexes/nope/search?q=x')).status).toBe(404);
  });

  test('parameter errors: POST (JSON messages) and GET (query messages)', async () => {
    const post = await call(kit.fetch, 'POST', '/indexes/movies/search', { limit: 'a' });
    expect(post).toMatchObject({
      status: 400,
      body: errorBody('invalid_search_limit', 'Invalid value type at `.limit`: expected a positive integer, but found a string: `"a"`'),
    });
    const get = await call(kit.fetch, 'GET', '/indexes/movies/search?limit=a');
    expect(get.body).toEqual(errorBody('invalid_search_limit', 'Invalid value in parameter `limit`: could not parse `a` as a positive integer'));
    const bool = await call(kit.fetch, 'GET', '/indexes/movies/search?showRankingScore=yes');
    expect(bool.body).toEqual(
      errorBody('invalid_search_show_ranking_score', 'Invalid value in parameter `showRankingScore`: could not parse `yes` as a boolean, expected either `true` or `false`'),
    );
    const strategy = await call(kit.fetch, 'GET', '/indexes/movies/search?matchingStrategy=any');
    expect(strategy.body).toEqual(
      errorBody('invalid_search_matching_strategy', 'Unknown value `any` for parameter `matchingStrategy`: expected one of `last`, `all`, `frequency`'),
    );
    const threshold = await call(kit.fetch, 'GET', '/indexes/movies/search?rankingScoreThreshold=2');
    expect(threshold.body).toEqual(
      errorBody(
        'invalid_search_ranking_score_threshold',
        'Invalid value in parameter `rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.',
      ),
    );
    const unknown = await call(kit.fetch, 'GET', '/indexes/movies/search?filters=a');
    expect((unknown.body as { message: string }).message).toMatch(/^Unknown parameter `filters`: did you mean `filter`\? expected one of `q`, `offset`/);
    const field = await call(kit.fetch, 'POST', '/indexes/movies/search', { query: 'a' });
    expect((field.body as { code: string; message: string }).code).toBe('bad_request');
    expect((field.body as { message: string }).message).toMatch(/^Unknown field `query`: expected one of `q`/);
  });

  test('POST needs a JSON Content-Type and a JSON body', async () => {
    const none = await kit.fetch('http://localhost:7700/indexes/movies/search', { method: 'POST', body: new Blob(['{}']) });
    expect(none.status).toBe(415);
    expect(await none.json()).toEqual(
      errorBody('missing_content_type', 'A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`'),
    );
    const text = await call(kit.fetch, 'POST', '/indexes/movies/search', '{}', { 'Content-Type': 'text/plain' });
    expect(text).toMatchObject({
      status: 415,
      body: errorBody('invalid_content_type', 'The Content-Type `text/plain` is invalid. Accepted values for the Content-Type header are: `application/json`'),
    });
    const charset = await call(kit.fetch, 'POST', '/indexes/movies/search', '{}', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
    const empty = await call(kit.fetch, 'POST', '/indexes/movies/search', '', { 'Content-Type': 'application/json' });
    expect(empty).toMatchObject({ status: 400, body: errorBody('missing_payload', 'A json payload is missing.') });
    const bad = await call(kit.fetch, 'POST', '/indexes/movies/search', '{"q":', { 'Content-Type': 'application/json' });
    expect(bad).toMatchObject({ status: 400, body: errorBody('malformed_payload', 'The json payload provided is malformed. `EOF while parsing a value at line 1 column 5`.') });
  });
});

describe('GET parameter parsing', () => {
  test('lists, booleans, integers, strings', () => {
    expect(
      getParams('q=a&offset=1&limit=2&attributesToRetrieve=title,year&attributesToCrop=overview:5&cropLength=3&cropMarker=~&attributesToHighlight=*&highlightPreTag=[&highlightPostTag=]&showMatchesPosition=true&facets=genres,year&distinct=year&attributesToSearchOn=title&locales=eng,fra&showRankingScore=false&showRankingScoreDetails=true'),
    ).toEqual({
      q: 'a',
      offset: 1,
      limit: 2,
      attributesToRetrieve: ['title', 'year'],
      attributesToCrop: ['overview:5'],
      cropLength: 3,
      cropMarker: '~',
      attributesToHighlight: ['*'],
      highlightPreTag: '[',
      highlightPostTag: ']',
      showMatchesPosition: true,
      facets: ['genres', 'year'],
      distinct: 'year',
      attributesToSearchOn: ['title'],
      locales: ['eng', 'fra'],
      showRankingScore: false,
      showRankingScoreDetails: true,
    });
  });

  test('filter is JSON-decoded when it parses', () => {
    expect(getParams('filter=year%20%3D%202015').filter).toBe('year = 2015');
    expect(getParams(`filter=${encodeURIComponent('["a = 1", ["b = 2", "c = 3"]]')}`).filter).toEqual(['a = 1', ['b = 2', 'c = 3']]);
    expect(getParams(`filter=${encodeURIComponent('"quoted"')}`).filter).toBe('quoted');
  });

  test('sort is split on commas with _geoPoint(a, b) re-joined', () => {
    expect(fixSortQueryParameters('price:asc,_geoPoint(48.8, 2.3):desc,title:asc')).toEqual(['price:asc', '_geoPoint(48.8,2.3):desc', 'title:asc']);
    expect(fixSortQueryParameters('_geoPoint(1,2):asc')).toEqual(['_geoPoint(1,2):asc']);
    expect(getParams('sort=a:asc,b:desc').sort).toEqual(['a:asc', 'b:desc']);
  });

  test('embedder parameters are refused (keyword search only)', async () => {
    const r = await call(kit.fetch, 'GET', '/indexes/movies/search?hybridEmbedder=default');
    expect(r.status).toBe(400);
    expect((r.body as { code: string }).code).toBe('feature_not_enabled');
  });
});

describe('filters, sort, facets, formatting, facet search and multi-search over HTTP', () => {
  beforeAll(async () => {
    await kit.meili
      .index('movies')
      .updateSettings({ filterableAttributes: ['genres', 'year'], sortableAttributes: ['year', 'title'] })
      .waitTask();
  });

  test('filter, facets, highlight, crop, matches position — POST and GET agree', async () => {
    const index = kit.meili.index('movies');
    const params = {
      filter: 'year >= 2015',
      facets: ['genres'],
      attributesToHighlight: ['title'],
      highlightPreTag: '<b>',
      highlightPostTag: '</b>',
      attributesToCrop: ['title'],
      cropLength: 2,
      showMatchesPosition: true,
    };
    const post = await index.search('wonder', params);
    const get = await index.searchGet('wonder', params);
    expect(get.hits).toEqual(post.hits);
    expect(get.facetDistribution).toEqual(post.facetDistribution);
    expect(post.hits[0]._formatted?.title).toContain('<b>Wonder</b>');
    expect(post.facetDistribution?.genres).toEqual({ Action: 1, Adventure: 1 }); // counts over the query's matches
    const facets = await index.searchGet('', { filter: 'year >= 2015', facets: ['genres'] });
    expect(facets.facetDistribution?.genres).toEqual({ Action: 2, Adventure: 2, Drama: 1, Fantasy: 1, Romance: 1, 'Science Fiction': 1 });
    expect(facets.hits.map((h) => h.id)).toEqual([1, 2, 4, 5]);
    expect(post.hits[0]._matchesPosition?.title).toEqual([{ start: 0, length: 6 }]);
    const invalid = await call(kit.fetch, 'GET', '/indexes/movies/search?filter=title%20%3D%20x');
    expect(invalid.status).toBe(400);
    expect((invalid.body as { code: string }).code).toBe('invalid_search_filter');
  });

  test('sort and distinct — POST and GET agree', async () => {
    const index = kit.meili.index('movies');
    const post = await index.search('', { sort: ['year:desc', 'title:asc'], distinct: 'year' });
    const get = await index.searchGet('', { sort: ['year:desc', 'title:asc'], distinct: 'year' });
    expect(get.hits).toEqual(post.hits);
    expect(post.hits.map((h) => h.year)).toEqual([2017, 2016, 2015, 2012]);
  });

  test('_geoPoint sort through GET (re-joined), _geoDistance; locales and cropMarker accepted', async () => {
    const places = kit.meili.index('places');
    await places
      .addDocuments([
        { id: 1, name: 'Louvre museum', _geo: { lat: 48.8606, lng: 2.3376 } },
        { id: 2, name: 'Eiffel tower', _geo: { lat: 48.8584, lng: 2.2945 } },
        { id: 3, name: 'Notre-Dame cathedral', _geo: { lat: 48.853, lng: 2.3499 } },
      ])
      .waitTask();
    await places.updateSortableAttributes(['_geo']).waitTask();
    const get = await call(kit.fetch, 'GET', `/indexes/places/search?sort=${encodeURIComponent('_geoPoint(48.8584, 2.2945):asc')}&locales=eng`);
    expect(get.status).toBe(200);
    const hits = (get.body as { hits: { id: number; _geoDistance: number }[] }).hits;
    expect(hits.map((h) => h.id)).toEqual([2, 1, 3]);
    expect(hits[0]._geoDistance).toBe(0);
    const post = await places.search('', { sort: ['_geoPoint(48.8584, 2.2945):asc'], locales: ['eng'] });
    expect(post.hits).toEqual(hits);
    const crop = await places.searchGet('museum', { attributesToCrop: ['name'], cropLength: 1, cropMarker: '[…]' });
    expect(crop.hits[0]._formatted?.name).toBe('[…]museum');
  });

  test('array filters in GET and POST', async () => {
    const index = kit.meili.index('movies');
    const post = await index.search('', { filter: [['genres = Drama', 'genres = Action'], 'year > 2014'] });
    const get = await call(kit.fetch, 'GET', `/indexes/movies/search?filter=${encodeURIComponent(JSON.stringify([['genres = Drama', 'genres = Action'], 'year > 2014']))}`);
    expect((get.body as { hits: unknown[] }).hits).toEqual(post.hits);
  });

  test('facet search', async () => {
    const r = await kit.meili.index('movies').searchForFacetValues({ facetName: 'genres', facetQuery: 'adv' });
    expect(r.facetHits).toEqual([{ value: 'Adventure', count: 3 }]);
    const missing = await call(kit.fetch, 'POST', '/indexes/movies/facet-search', {});
    expect((missing.body as { code: string }).code).toBe('missing_facet_search_facet_name');
  });

  test('multi-search, with an error prefixed by its query position', async () => {
    const r = await kit.meili.multiSearch({ queries: [{ indexUid: 'movies', q: 'carol' }, { indexUid: 'movies', q: 'moana', limit: 1 }] });
    expect(r.results.map((x) => x.hits[0]?.title)).toEqual(['Carol', 'Moana']);
    const missing = await call(kit.fetch, 'POST', '/multi-search', { queries: [{ indexUid: 'movies' }, { indexUid: 'nope' }] });
    expect(missing).toMatchObject({ status: 404, body: errorBody('index_not_found', 'Inside `.queries[1]`: Index `nope` not found.') });
    const bad = await call(kit.fetch, 'POST', '/multi-search', { queries: [{ indexUid: 'movies' }, { indexUid: 'movies', limit: -1 }] });
    expect(bad.body).toEqual(
      errorBody('invalid_search_limit', 'Invalid value type at `.queries[1].limit`: expected a positive integer, but found a negative integer: `-1`'),
    );
  });
});
