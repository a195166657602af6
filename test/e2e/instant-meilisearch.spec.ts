/**
 * InstantSearch.js widgets (search box, hits with highlight, refinement list, pagination) over
 * `@meilisearch/instant-meilisearch`, answered by the in-browser engine through `pocketsearchHttpClient(client)`.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

declare global {
  interface Window {
    start(): Promise<void>;
  }
}

async function openPage(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/test/e2e/pages/instant-meilisearch.html');
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(() => window.start());
  expect(errors).toEqual([]);
}

const titles = (page: Page) => page.locator('#hits .title').allInnerTexts();

test('search box, highlighted hits, refinement list and pagination work against the in-browser engine', async ({ page }) => {
  await openPage(page);

  // Placeholder search: 8 movies, 2 per page.
  await expect(page.locator('#hits .title')).toHaveCount(2);
  await expect(page.locator('.ais-Pagination-item--page')).toHaveCount(4);

  // Refinement list with facet counts; refining narrows the hits.
  const drama = page.locator('.ais-RefinementList-item', { hasText: 'Drama' });
  await expect(drama.locator('.ais-RefinementList-count')).toHaveText('3');
  await expect(page.locator('.ais-RefinementList-item', { hasText: 'Science Fiction' }).locator('.ais-RefinementList-count')).toHaveText('4');
  await drama.locator('input').check();
  await expect(page.locator('.ais-Pagination-item--page')).toHaveCount(2);

  // Search box → highlighted hits, still refined.
  await page.locator('.ais-SearchBox-input').fill('star');
  await expect(page.locator('.ais-Pagination-item--page')).toHaveCount(1);
  await expect.poll(async () => (await titles(page)).sort()).toEqual(['A Star Is Born', 'Lone Star']);
  await expect(page.locator('#hits mark').first()).toHaveText(/^star$/i);
  await expect(drama.locator('.ais-RefinementList-count')).toHaveText('2'); // counts follow the query

  // Pagination: back to all genres, go to page 2.
  await drama.locator('input').uncheck();
  await expect(page.locator('.ais-Pagination-item--page')).toHaveCount(4); // 7 movies match "star" (prefix)
  const firstPage = await titles(page);
  await page.locator('.ais-Pagination-item--page a', { hasText: '2' }).click();
  await expect(page.locator('.ais-Pagination-item--selected')).toHaveText('2');
  await expect.poll(() => titles(page)).not.toEqual(firstPage);
  expect(await titles(page)).toHaveLength(2);
});
