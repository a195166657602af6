/**
 * `pocketsearch/sw`: a page whose app talks to Meilisearch at http://localhost:7700 (no server there) is answered
 * by pocketsearch in its service worker — also with the network off.
 */
import { test, expect } from './fixtures.ts';
import { E2E_ORIGIN } from './origin.ts';

declare global {
  interface Window {
    Meilisearch: typeof import('meilisearch').Meilisearch;
    createClient: typeof import('../../src/index.ts').createClient;
    installServiceWorker(): Promise<void>;
    pageClient: import('../../src/index.ts').PocketClient;
  }
}

const MEILI = 'http://localhost:7700';

test('offline, <meilisearch origin>/indexes/movies/search is answered by the local engine', async ({ page, context }) => {
  await page.goto('/test/e2e/pages/service-worker.html');
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  await page.evaluate(() => window.installServiceWorker());

  // Online: the unmodified app indexes documents with the official client (requests go to the service worker).
  const indexed = await page.evaluate(async (host) => {
    const meili = new window.Meilisearch({ host, apiKey: 'masterKey' });
    const index = meili.index('movies');
    await index.updateSettings({ searchableAttributes: ['title'] }).waitTask();
    const task = await index
      .addDocuments([
        { id: 1, title: 'Star Wars', year: 1977 },
        { id: 2, title: 'Starship Troopers', year: 1997 },
        { id: 3, title: 'Carol', year: 2015 },
      ])
      .waitTask({ timeout: 20_000 });
    return task.status;
  }, MEILI);
  expect(indexed).toBe('succeeded');

  // The page's worker client starts while online: its worker is a file the browser fetches (an offline app
  // precaches it with the rest of its build, as the demo's service worker does).
  await page.evaluate(async () => {
    window.pageClient = await window.createClient({ name: 'e2e-sw' });
  });

  await context.setOffline(true);
  // The origin crosses into the page as an argument: the function runs there, where this module's imports do not exist.
  const offline = await page.evaluate(async ({ host, origin }) => {
    const post = await fetch(`${host}/indexes/movies/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer masterKey' },
      body: JSON.stringify({ q: 'star', attributesToRetrieve: ['id', 'title'] }),
    });
    const get = await fetch(`${host}/indexes/movies/search?q=carol`);
    const missing = await fetch(`${host}/indexes/nope/search?q=x`);
    const elsewhere = await fetch(`${origin}/package.json`).then(
      () => 'reached',
      () => 'network error',
    );
    return {
      post: { status: post.status, body: await post.json() },
      get: { status: get.status, body: await get.json() },
      missing: { status: missing.status, body: await missing.json() },
      elsewhere,
    };
  }, { host: MEILI, origin: E2E_ORIGIN });
  expect(offline.post.status).toBe(200);
  expect(offline.post.body).toMatchObject({
    hits: [
      { id: 1, title: 'Star Wars' },
      { id: 2, title: 'Starship Troopers' },
    ],
    query: 'star',
    estimatedTotalHits: 2,
  });
  expect(offline.get.status).toBe(200);
  expect(offline.get.body.hits).toEqual([{ id: 3, title: 'Carol', year: 2015 }]);
  expect(offline.missing).toEqual({
    status: 404,
    body: { message: 'Index `nope` not found.', code: 'index_not_found', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#index_not_found' },
  });
  expect(offline.elsewhere).toBe('network error'); // other requests are not intercepted: the browser really is offline

  // The service worker's engine and the page's worker client share the database (and coordinate).
  const fromPage = await page.evaluate(async () => {
    const client = window.pageClient;
    const hits = (await client.index('movies').search('star')).hits.map((h) => h.id);
    await client.close();
    return hits;
  });
  expect(fromPage).toEqual([1, 2]);
});
