import { test, expect, openEnginePage } from './fixtures.ts';

// A batch large enough for the nested segment builders: they start inside the engine's worker (module workers of
// their own, dist/worker/segmentBuildWorker.js), build part of the segments, and the index answers exactly as if
// one thread had built it.
test('a large batch is indexed by the worker and its nested segment builders', async ({ page }) => {
  await openEnginePage(page);
  const out = await page.evaluate(async () => {
    const docs = Array.from({ length: 6_000 }, (_, i) => ({ id: i, title: `doc ${i} ${i % 7 === 0 ? 'seventh' : 'plain'} w${i % 101}`, n: i }));
    const client = await window.pocketsearch.createClient({ name: 'e2e-parallel-indexing' });
    const index = client.index('docs');
    await index.updateFilterableAttributes(['n']).waitTask();
    const task = await index.addDocuments(docs).waitTask({ timeout: 60_000 });
    const batch = await client.getBatch(task.batchUid as number);
    const seventh = await index.search('seventh', { filter: 'n < 100', limit: 100 });
    const stats = await index.getStats();
    await client.close();
    return { status: task.status, trace: Object.keys(batch.stats.progressTrace ?? {}), hits: seventh.hits.map((h) => h.id), count: stats.numberOfDocuments };
  });
  expect(out.status).toBe('succeeded');
  expect(out.count).toBe(6_000);
  expect(out.hits).toEqual(Array.from({ length: 15 }, (_, i) => i * 7));
  // The nested builders ran (on machines with at least two cores, which CI has).
  expect(out.trace).toContain('indexing > building segments in other threads');
});
