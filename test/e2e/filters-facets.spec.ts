import type { Page } from '@playwright/test';
import { test, expect, openEnginePage } from './fixtures.ts';
import type { FederatedSearchResponse } from '../../src/engine/types/search.ts';

declare global {
  interface Window {
    pocketsearch: typeof import('../../src/index.ts');
    ready: boolean;
  }
}

const open = (page: Page) => openEnginePage(page);

test('a filtered, faceted, highlighted search runs in the worker over IndexedDB', async ({ page }) => {
  await open(page);
  const out = await page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-filters' });
    const movies = client.index('movies');
    await movies.updateSettings({ filterableAttributes: ['genre', 'year', '_geo'], sortableAttributes: ['year'] }).waitTask();
    await movies
      .addDocuments([
        { id: 1, title: 'Star Wars', genre: 'Sci-Fi', year: 1977, _geo: { lat: 48.85, lng: 2.35 } },
        { id: 2, title: 'Starship Troopers', genre: 'sci-fi', year: 1997, _geo: { lat: 40.7, lng: -74 } },
        { id: 3, title: 'Star Trek', genre: 'Adventure', year: 2009 },
        { id: 4, title: 'Carol', genre: 'Drama', year: 2015 },
      ])
      .waitTask();
    const search = await movies.search('star', {
      filter: ['year > 1980', ['genre = SCI-FI', 'genre = adventure']],
      facets: ['genre', 'year'],
      attributesToHighlight: ['title'],
      showMatchesPosition: true,
      sort: ['year:desc'],
    });
    const geo = await movies.search('', { filter: '_geoRadius(48.85, 2.35, 1000)' });
    const facetSearch = await movies.searchForFacetValues({ facetName: 'genre', facetQuery: 'sci' });
    const multi = await client.multiSearch({
      federation: { limit: 3 },
      queries: [
        { indexUid: 'movies', q: 'carol' },
        { indexUid: 'movies', q: 'trek', filter: 'year = 2009' },
      ],
    });
    let error: { code?: string; message?: string } = {};
    try {
      await movies.search('', { filter: 'title = x' });
    } catch (e) {
      error = { code: (e as { code?: string }).code, message: (e as Error).message };
    }
    await client.close();
    return { search, geo: geo.hits.map((h) => h.id), facetSearch: facetSearch.facetHits, multi, error };
  });
  expect(out.search.hits.map((h) => h.id)).toEqual([3, 2]);
  expect(out.search.hits[0]._formatted).toEqual({ id: '3', title: '<em>Star</em> Trek', genre: 'Adventure', year: '2009' });
  expect(out.search.hits[1]._formatted?.title).toBe('<em>Star</em>ship Troopers');
  expect(out.search.hits[0]._matchesPosition).toEqual({ title: [{ start: 0, length: 4 }] });
  expect(out.search.facetDistribution).toEqual({ genre: { Adventure: 1, 'sci-fi': 1 }, year: { '1997': 1, '2009': 1 } });
  expect(out.search.facetStats).toEqual({ year: { min: 1997, max: 2009 } });
  expect(out.geo).toEqual([1]);
  expect(out.facetSearch).toEqual([{ value: 'Sci-Fi', count: 2 }]);
  const merged = out.multi as FederatedSearchResponse;
  expect(merged.hits.map((h) => [h.id, h._federation?.queriesPosition])).toEqual([
    [4, 0],
    [3, 1],
  ]);
  expect(out.error.code).toBe('invalid_search_filter');
  expect(out.error.message).toBe(
    'Index `movies`: Attribute `title` is not filterable. Available filterable attribute patterns are: `_geo`, `genre`, `year`.\n1:6 title = x',
  );
});
