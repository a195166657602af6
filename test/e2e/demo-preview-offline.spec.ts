/**
 * The offline demo served by `vite preview` (the README's way to try a build), not only by the e2e test server:
 * Vite's static server answers with `Vary: Origin`, and the service worker's cache must still find what it stored,
 * so that after one online visit the app reloads offline and the HTTP panel's first use (a module loaded on demand)
 * works. Uses the built demo-dist/ (`npm run build` first); starts and stops `vite preview` on port 4174.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures.ts';
import { openPanel, searchFor } from './demoHelpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PREVIEW_PORT = 4174;
const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;

let server: ChildProcess | null = null;
let serverOutput = '';

/** Resolves once `url` answers; rejects when the server exits first or the deadline passes, with its output. */
async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server?.exitCode !== null) throw new Error(`vite preview exited (${server?.exitCode}):\n${serverOutput}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`vite preview did not answer ${url} within ${timeoutMs} ms:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.beforeAll(async () => {
  if (!existsSync(resolve(ROOT, 'demo-dist/index.html'))) throw new Error('demo-dist/ is missing: run `npm run build` first');
  server = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PREVIEW_PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (serverOutput += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (serverOutput += d.toString()));
  await waitForUrl(PREVIEW_URL, 30_000);
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once('exit', r));
  server.kill();
  await exited;
});

test('under vite preview (Vary: Origin) the app reloads offline and the HTTP panel works on its first use', async ({ context, page }) => {
  // What makes this server different: it varies its answers on Origin.
  const head = await fetch(`${PREVIEW_URL}index.html`);
  expect(head.headers.get('vary') ?? '').toMatch(/origin/i);

  await page.goto(PREVIEW_URL);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(page.locator('#offline-ready')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await searchFor(page, 'titanic', /Titanic/);

  // The panel imports the meilisearch client on first use: that chunk comes from the cache.
  await openPanel(page, 'panel-http');
  await page.locator('#http-query').fill('batman');
  await page.locator('#http-search').click();
  await expect(page.locator('#http-route')).toHaveText(/answered by the service worker/);
  const body = JSON.parse((await page.locator('#http-output').textContent()) ?? '{}') as { hits: { title: string }[] };
  expect(body.hits[0]?.title).toMatch(/Batman/);
  await context.setOffline(false);
});
