/** The demo as an installable, offline PWA: after the first visit it loads and searches with the network off. */
import { test, expect } from './fixtures.ts';
import { DEMO_URL, expectStats, openDemo, openPanel, screenshot, searchFor } from './demoHelpers.ts';

test('after the first visit the app loads and searches with the network off', async ({ context, page }, testInfo) => {
  await openDemo(page);
  await expect(page.locator('#offline-ready')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  // The network is really off (outside the service worker's scope nothing answers)…
  expect(await page.evaluate(() => fetch('/package.json', { cache: 'no-store' }).then(() => 'reachable', () => 'offline'))).toBe('offline');
  // …and the app, its data and its engine answer anyway.
  await expectStats(page, /^3,200 movies/);
  await searchFor(page, 'titanic', /Titanic/);
  await expect(page.locator('#hits .hit-title mark').first()).toHaveText(/titanic/i);
  await screenshot(page, testInfo, 'offline-search');

  // A new tab, still offline, with a query string: the shell comes from the cache too.
  const second = await context.newPage();
  await second.goto(`${DEMO_URL}?from=offline`);
  await expect(second.locator('body')).toHaveAttribute('data-ready', 'true');
  await searchFor(second, 'godfather', /Godfather/);
  await second.close();
  await context.setOffline(false);
});

test('the manifest makes the app installable (Chromium finds no installability error)', async ({ context, page }) => {
  await openDemo(page);
  await expect(page.locator('#offline-ready')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await context.newCDPSession(page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
  expect(manifest.url).toMatch(/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);

  // Every icon of the manifest is served with its declared type and size.
  const icons = await page.evaluate(async () => {
    const m = (await (await fetch('manifest.webmanifest')).json()) as { icons: { src: string; sizes: string; type: string }[] };
    return Promise.all(
      m.icons.map(async (icon) => {
        const blob = await (await fetch(icon.src)).blob();
        if (icon.type === 'image/svg+xml') return { ...icon, ok: blob.size > 0, actual: 'any' };
        const bitmap = await createImageBitmap(blob);
        return { ...icon, ok: true, actual: `${bitmap.width}x${bitmap.height}` };
      }),
    );
  });
  for (const icon of icons) expect(icon.actual, icon.src).toBe(icon.sizes);
});

test('an unmodified meilisearch client pointed at localhost:7700 is answered by the service worker, offline', async ({ context, page }, testInfo) => {
  await openDemo(page);
  await expect(page.locator('#offline-ready')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await openPanel(page, 'panel-http');
  await page.locator('#http-query').fill('batman');
  await page.locator('#http-search').click();
  await expect(page.locator('#http-route')).toHaveText(/answered by the service worker/);
  const body = JSON.parse((await page.locator('#http-output').textContent()) ?? '{}') as { hits: { title: string }[]; query: string; estimatedTotalHits: number };
  expect(body.query).toBe('batman');
  expect(body.hits.length).toBeGreaterThan(0);
  expect(body.hits[0].title).toMatch(/Batman/);
  await screenshot(page, testInfo, 'http-panel', page.locator('#panel-http'));

  // The same URL from plain fetch: a Meilisearch error body for an unknown index.
  const missing = await page.evaluate(async () => {
    const res = await fetch('http://localhost:7700/indexes/nope/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q":"x"}' });
    return { status: res.status, body: (await res.json()) as { code: string } };
  });
  expect(missing).toMatchObject({ status: 404, body: { code: 'index_not_found' } });
  await context.setOffline(false);
});
