/**
 * `vite` (the dev server) serves an app that imports pocketsearch from node_modules with no configuration: its
 * dependency optimizer pre-bundles the page entry into node_modules/.vite/deps/ and must still find the worker
 * (`new URL('./worker/worker.js', import.meta.url)` in the pre-bundled module points back into the package), the
 * nested segment builders and the chunks loaded on first use.
 */
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { test, expect } from './fixtures.ts';
import { makeTinyApp, packPackage, repoRoot } from '../package/tinyApp.mjs';

interface DevClient {
  index(uid: string): { addDocuments(docs: object[]): { waitTask(o?: object): Promise<{ status: string }> } };
  createDump(): { waitTask(o?: object): Promise<{ status: string }> };
}

let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const app = join(repoRoot, 'test-results', 'tiny-app-dev');
  makeTinyApp(app, packPackage(join(repoRoot, 'test-results', 'tiny-app-dev-pack')));
  // Port 0: any free port (the suite's own server has E2E_PORT).
  server = await createServer({ root: app, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: true } });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  expect(url).not.toBe('');
});

test.afterAll(async () => {
  await server?.close();
});

test('the Vite dev server runs the app: search, a dump (lazy chunk), the worker from the package', async ({ page }) => {
  const workerScripts: string[] = [];
  const requests: string[] = [];
  page.on('worker', (w) => workerScripts.push(new URL(w.url()).pathname));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(url);
  await expect(page.locator('#out')).toHaveText('{"hits":[1,2]}', { timeout: 60_000 });
  expect(requests).toContain('/node_modules/.vite/deps/pocketsearch.js'); // the page entry was pre-bundled
  expect(workerScripts).toContain('/node_modules/pocketsearch/dist/worker/worker.js');
  const dump = await page.evaluate(async () => {
    const client = (window as unknown as { client: DevClient }).client;
    const docs = Array.from({ length: 3000 }, (_, i) => ({ id: 100 + i, title: `document ${i}` }));
    const indexed = await client.index('movies').addDocuments(docs).waitTask({ timeout: 60_000 });
    const task = await client.createDump().waitTask({ timeout: 60_000 });
    return [indexed.status, task.status];
  });
  expect(dump).toEqual(['succeeded', 'succeeded']);
});
