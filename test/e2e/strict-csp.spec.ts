/**
 * pocketsearch in an app built by Vite from the packed package (test/package/tinyApp.mjs), served under
 * `default-src 'self'; worker-src 'self'` (no `blob:`): the worker, its nested segment builders and its lazy chunks
 * load and search works. Under `worker-src 'none'`, or with a worker URL that does not exist, `createClient`
 * rejects with the coded `worker_unavailable` (well before its 30 s start-up deadline) instead of hanging.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openEnginePage } from './fixtures.ts';
import { buildTinyApp, makeTinyApp, packPackage, repoRoot } from '../package/tinyApp.mjs';

interface TinyClient {
  index(uid: string): { addDocuments(docs: object[]): { waitTask(o?: object): Promise<{ status: string; batchUid: number | null }> } };
  getBatch(uid: number): Promise<{ stats: { progressTrace?: Record<string, string> } }>;
  createDump(): { waitTask(o?: object): Promise<{ status: string; error: unknown }> };
  createSnapshot(): { waitTask(o?: object): Promise<{ status: string; error: unknown }> };
}

/**
 * Three builds of the app: Vite's defaults (the worker in one file), `worker.format: 'es'` (lazy chunks kept), and
 * an app that starts `pocketsearch/worker` itself (`createClient({ worker })`).
 */
const VARIANTS = {
  defaults: { config: {}, hostedWorker: false },
  esWorker: { config: { worker: { format: 'es' } }, hostedWorker: false },
  hostedWorker: { config: {}, hostedWorker: true },
} as const;
const appDir = (variant: string) => join(repoRoot, 'test-results', `tiny-app-${variant}`);
const appUrl = (policy: string, variant: string) => `/__csp/${policy}/test-results/tiny-app-${variant}/dist/index.html`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const tarball = packPackage(join(repoRoot, 'test-results', 'tiny-app-pack'));
  for (const [variant, { config, hostedWorker }] of Object.entries(VARIANTS)) {
    makeTinyApp(appDir(variant), tarball, { hostedWorker });
    await buildTinyApp(appDir(variant), config);
  }
});

/** The app's outcome: `{hits}` or `{error: {code, message}}`. */
async function outcome(page: Page): Promise<{ hits?: number[]; error?: { code?: string; message?: string } }> {
  const out = page.locator('#out');
  await expect(out).not.toHaveText('starting', { timeout: 20_000 });
  return JSON.parse((await out.textContent()) ?? '{}');
}

for (const variant of Object.keys(VARIANTS)) {
  test(`under default-src 'self'; worker-src 'self' the built app (${variant}) searches, indexes in nested workers, writes a dump and a snapshot`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(appUrl('strict', variant));
    expect(response?.headers()['content-security-policy']).toBe("default-src 'self'; worker-src 'self'");
    expect(await outcome(page)).toEqual({ hits: [1, 2] });
    const more = await page.evaluate(async () => {
      const client = (window as unknown as { client: TinyClient }).client;
      // Enough documents for the nested segment builders to take part (PARALLEL_MIN_DOCS).
      const docs = Array.from({ length: 4000 }, (_, i) => ({ id: 100 + i, title: `document ${i} star` }));
      const indexed = await client.index('movies').addDocuments(docs).waitTask({ timeout: 60_000 });
      const batch = await client.getBatch(indexed.batchUid as number);
      const dump = await client.createDump().waitTask({ timeout: 60_000 });
      const snapshot = await client.createSnapshot().waitTask({ timeout: 60_000 });
      return { indexed: indexed.status, nested: 'indexing > building segments in other threads' in (batch.stats.progressTrace ?? {}), dump: [dump.status, dump.error], snapshot: [snapshot.status, snapshot.error] };
    });
    // `nested`: the segment builders ran in their own workers (machines with two cores or more, as CI has).
    expect(more).toEqual({ indexed: 'succeeded', nested: true, dump: ['succeeded', null], snapshot: ['succeeded', null] });
    expect(violations).toEqual([]);
  });
}

test("under worker-src 'none' createClient rejects with worker_unavailable, saying what to do", async ({ page }) => {
  await page.goto(appUrl('noworker', 'defaults'));
  const { error } = await outcome(page);
  expect(error?.code).toBe('worker_unavailable');
  expect(error?.message).toContain('worker-src');
  expect(error?.message).toContain('pocketsearch/worker');
  expect(error?.message).toContain('createClient({ worker:');
});

test('workerUrl starts the worker from there; a worker URL that does not exist rejects with worker_unavailable', async ({ page }) => {
  await openEnginePage(page);
  const hosted = await page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-worker-url', workerUrl: '/dist/worker/worker.js' });
    await client.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
    const { hits } = await client.index('movies').search('carol');
    await client.close();
    return hits.map((h) => h.id);
  });
  expect(hosted).toEqual([1]);
  const error = await page.evaluate(async () => {
    try {
      await window.pocketsearch.createClient({ name: 'e2e-missing-worker', workerUrl: '/dist/worker/no-such-worker.js' });
      return null;
    } catch (e) {
      const err = e as { code?: string; name?: string; message?: string };
      return { code: err.code, name: err.name, message: err.message };
    }
  });
  expect(error).toMatchObject({ code: 'worker_unavailable', name: 'EngineError' });
  expect(error?.message).toContain('could not be loaded');
});
