/**
 * `interceptFetch` in a page: the real `meilisearch` client, with its default `fetch`, talks to the page's
 * pocketsearch client (worker over IndexedDB); its API errors are its own `MeilisearchApiError`s; other requests
 * still reach the network; restoring puts the browser's `fetch` back.
 */
import { test, expect } from './fixtures.ts';

declare global {
  interface Window {
    Meilisearch: typeof import('meilisearch').Meilisearch;
    MeilisearchApiError: typeof import('meilisearch').MeilisearchApiError;
    createClient: typeof import('../../src/index.ts').createClient;
    interceptFetch: typeof import('../../src/http/index.ts').interceptFetch;
  }
}

test('the official client over interceptFetch: its own API errors, writes, search; other requests pass; restore', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/test/e2e/pages/intercept-fetch.html');
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);

  const result = await page.evaluate(async () => {
    const host = 'http://localhost:7700';
    const browserFetch = window.fetch;
    const client = await window.createClient({ name: 'e2e-intercept-fetch' });
    const restore = window.interceptFetch(client, { host });
    const meili = new window.Meilisearch({ host });

    const err = await meili
      .index('missing')
      .getDocument(1)
      .catch((e: unknown) => e);
    const apiError = err as InstanceType<typeof window.MeilisearchApiError>;
    let handled = false;
    try {
      await meili.getIndex('missing');
    } catch (e) {
      if (e instanceof window.MeilisearchApiError && e.cause?.code === 'index_not_found') handled = true;
    }

    const task = await meili
      .index('movies')
      .addDocuments([
        { id: 1, title: 'Star Wars' },
        { id: 2, title: 'Carol' },
      ])
      .waitTask({ timeout: 20_000 });
    const hits = (await meili.index('movies').search('carol')).hits;
    const own = await client.index('movies').getDocument(1); // the same database, through the client directly

    // Not for Meilisearch: the test server's package.json, over the network.
    const elsewhere = await (await fetch(`${location.origin}/package.json`)).json();

    restore();
    const restored = window.fetch === browserFetch;
    await client.close();
    return {
      isApiError: err instanceof window.MeilisearchApiError,
      code: apiError.cause?.code,
      status: apiError.response?.status,
      message: apiError.message,
      handled,
      taskStatus: task.status,
      hits,
      own,
      elsewhere: (elsewhere as { name: string }).name,
      restored,
    };
  });

  expect(result).toEqual({
    isApiError: true,
    code: 'index_not_found',
    status: 404,
    message: 'Index `missing` not found.',
    handled: true,
    taskStatus: 'succeeded',
    hits: [{ id: 2, title: 'Carol' }],
    own: { id: 1, title: 'Star Wars' },
    elsewhere: 'pocketsearch',
    restored: true,
  });
  expect(errors).toEqual([]);
});
