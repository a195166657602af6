/**
 * Dumps in Chromium (issue 5, "Proof"): a dump created while tasks are enqueued appears in OPFS only once complete,
 * a second dump request during the first fails, the file goes through a real browser download, and a fresh profile
 * that uploads it through a file input gets identical documents, settings, tasks and search results.
 * Run `node scripts/build.mjs lib` first.
 */
import { rmSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, launchProfile, newProfileDir } from './fixtures.ts';
import { openBackupPage, sampleWorkerHeap } from './backupPage.ts';
import type { Task } from '../../src/index.ts';

const FIXTURES = new URL('../fixtures/meilisearch-dumps/', import.meta.url).pathname;

/** In the page: documents `from`..`to` of a small synthetic set. */
async function defineDocs(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { docs: (a: number, b: number) => Record<string, unknown>[] }).docs = (from, to) =>
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k;
        return { id: i, title: `document ${i}`, body: `${['alpha', 'beta', 'gamma', 'delta'][i % 4]} text ${i % 97} ${'lorem ipsum '.repeat(8)}`, n: i % 13 };
      });
  });
}

type TaskLike = Pick<Task, 'uid' | 'type' | 'status' | 'indexUid' | 'details' | 'error' | 'canceledBy'>;
const essentials = (tasks: Task[]): TaskLike[] => tasks.map(({ uid, type, status, indexUid, details, error, canceledBy }) => ({ uid, type, status, indexUid, details, error, canceledBy }));

test('a dump taken while tasks are enqueued: whole when visible, one at a time, downloaded, uploaded into a fresh profile', async ({ page }) => {
  test.setTimeout(240_000);
  await openBackupPage(page);
  await defineDocs(page);
  const N = 30_000;
  const run = await page.evaluate(async (n) => {
    const docs = (window as unknown as { docs: (a: number, b: number) => Record<string, unknown>[] }).docs;
    const client = await window.pocketsearch.createClient({ name: 'e2e-dumps' });
    window.client = client;
    const wait = { timeout: 120_000 };
    await client.index('docs').updateSettings({ searchableAttributes: ['title', 'body'], filterableAttributes: ['n'] }).waitTask(wait);
    for (let i = 0; i < n; i += 10_000) await client.index('docs').addDocuments(docs(i, i + 10_000)).waitTask(wait);
    await client.index('small').addDocuments([{ id: 1, title: 'first' }, { id: 2, title: 'second' }]).waitTask(wait);
    // Tasks enqueued around the dump: a large addition (processing first), then more work, the dump, more work.
    const big = await client.index('docs').addDocuments(docs(n, n + 10_000));
    const queued = await client.index('small').addDocuments([{ id: 3, title: 'queued while dumping' }]);
    const dump = await client.createDump();
    const after = await client.index('small').deleteDocument(1);
    let secondDump = 'not tried';
    let queuedDuringDump = '';
    const visibleWhileProcessing = new Map<string, number>();
    for (;;) {
      const t = await client.getTask(dump.taskUid);
      if (t.status === 'processing') {
        for (const f of await window.opfsList('dumps')) visibleWhileProcessing.set(f.name, f.size);
        if (secondDump === 'not tried') {
          try {
            await client.createDump();
            secondDump = 'accepted';
          } catch (e) {
            secondDump = (e as { code?: string }).code ?? String(e);
          }
          queuedDuringDump = (await client.getTask(queued.taskUid)).status;
        }
      }
      if (t.status !== 'enqueued' && t.status !== 'processing') break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const dumpTask = await client.getTask(dump.taskUid);
    const uid = dumpTask.details?.dumpUid as string;
    await client.waitForTasks([big.taskUid, queued.taskUid, after.taskUid], wait);
    return {
      dumpTask,
      uid,
      secondDump,
      queuedDuringDump,
      visibleWhileProcessing: [...visibleWhileProcessing].map(([name, size]) => ({ name, size })),
      visibleAfter: await window.opfsList('dumps'),
      status: await client.getDumpStatus(uid),
      list: await client.listDumps(),
      picture: await window.picture(client),
    };
  }, N);

  expect(run.dumpTask).toMatchObject({ status: 'succeeded', type: 'dumpCreation', indexUid: null });
  expect(run.uid).toMatch(/^\d{8}-\d{9}$/);
  expect(run.secondDump).toBe('dump_already_processing');
  expect(run.queuedDuringDump).toBe('enqueued'); // no write is applied while a dump is written
  expect(run.visibleAfter.map((f) => f.name)).toEqual([`${run.uid}.dump`]);
  // The file is moved into place whole just before the task is marked succeeded: a listing in between may show it,
  // never anything else under a `.dump` name and never a part of it.
  for (const f of run.visibleWhileProcessing.filter((f) => f.name.endsWith('.dump'))) expect(f).toEqual(run.visibleAfter[0]);
  expect(run.status).toMatchObject({ uid: run.uid, status: 'done', startedAt: run.dumpTask.startedAt });
  expect(run.list).toEqual([{ uid: run.uid, size: run.visibleAfter[0].size, createdAt: run.dumpTask.startedAt }]);

  // A real browser download.
  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate((uid) => window.client.downloadDump(uid, { method: 'anchor' }), run.uid)]);
  expect(download.suggestedFilename()).toBe(`${run.uid}.dump`);
  const path = test.info().outputPath(`${run.uid}.dump`);
  await download.saveAs(path);
  expect(statSync(path).size).toBe(run.list[0].size);

  // A fresh profile uploads it through a file input.
  const dir = newProfileDir();
  const fresh = await launchProfile(dir);
  try {
    const page2 = fresh.pages()[0] ?? (await fresh.newPage());
    await openBackupPage(page2);
    await page2.evaluate(async () => {
      const client = await window.pocketsearch.createClient({ name: 'e2e-dumps' });
      window.client = client;
      const input = document.getElementById('upload') as HTMLInputElement;
      const phases: string[] = [];
      (window as unknown as { uploaded: Promise<unknown> }).uploaded = new Promise((resolve, reject) => {
        input.addEventListener('change', () => client.importDump(input.files![0], { onProgress: (p) => phases.push(p.phase) }).then((s) => resolve({ summary: s, phases }), reject), { once: true });
      });
    });
    await page2.setInputFiles('#upload', path);
    const imported = await page2.evaluate(async () => {
      const r = (await (window as unknown as { uploaded: Promise<{ summary: { indexes: unknown[] }; phases: string[] }> }).uploaded);
      const client = window.client;
      for (;;) {
        const open = (await client.getTasks({ statuses: ['enqueued', 'processing'] })).results;
        if (open.length === 0) break;
        await client.waitForTasks(open.map((t) => t.uid), { timeout: 120_000 });
      }
      return { ...r, picture: await window.picture(client) };
    });
    expect(imported.phases[0]).toBe('reading');
    expect(imported.phases.at(-1)).toBe('done');
    const a = run.picture as { indexes: unknown; tasks: Task[]; searches: unknown };
    const b = imported.picture as { indexes: unknown; tasks: Task[]; searches: unknown };
    expect(b.indexes).toEqual(a.indexes);
    expect(b.searches).toEqual(a.searches);
    expect(essentials(b.tasks)).toEqual(essentials(a.tasks));
    // Tasks finished before the dump keep everything, dates and batch included.
    const before = (t: Task) => t.finishedAt !== null && t.finishedAt < run.dumpTask.startedAt!;
    expect(b.tasks.filter(before)).toEqual(a.tasks.filter(before));
  } finally {
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an interrupted dump leaves no visible file; deleteDump removes a finished one', async ({ page }) => {
  test.setTimeout(120_000);
  await openBackupPage(page);
  await defineDocs(page);
  const killed = await page.evaluate(async () => {
    const docs = (window as unknown as { docs: (a: number, b: number) => Record<string, unknown>[] }).docs;
    const client = await window.pocketsearch.createClient({ name: 'e2e-dump-kill' });
    for (let i = 0; i < 40_000; i += 10_000) await client.index('docs').addDocuments(docs(i, i + 10_000)).waitTask({ timeout: 60_000 });
    const dump = await client.createDump();
    // Mid-dump: its temporary file is being written (waited for, not timed, so a loaded machine waits longer).
    const deadline = performance.now() + 30_000;
    while (!(await window.opfsList('dumps')).some((f) => f.name.includes('.tmp-')) && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
    }
    const status = (await client.getTask(dump.taskUid)).status;
    const during = await window.opfsList('dumps');
    client.terminate();
    return { status, during: during.map((f) => f.name) };
  });
  expect(killed.status).toBe('processing');
  expect(killed.during.some((n) => n.endsWith('.dump'))).toBe(false);
  const after = await page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-dump-kill' });
    const atStart = await client.listDumps();
    const filesAtStart = (await window.opfsList('dumps')).map((f) => f.name);
    // The interrupted task runs again after the restart and completes.
    const task = (await client.getTasks({ types: ['dumpCreation'] })).results[0];
    const done = await client.waitForTask(task.uid, { timeout: 60_000 });
    const uid = done.details?.dumpUid as string;
    const listed = await client.listDumps();
    await client.deleteDump(uid);
    let missing = '';
    await client.getDumpFile(uid).catch((e: { code: string }) => (missing = e.code));
    return { atStart, filesAtStart, done: done.status, listed: listed.map((d) => d.uid), uid, after: await client.listDumps(), missing };
  });
  expect(after.atStart).toEqual([]);
  expect(after.filesAtStart.filter((n) => n.includes('.dump'))).toEqual([]); // the temporary file was removed at start-up
  expect(after.done).toBe('succeeded');
  expect(after.listed).toEqual([after.uid]);
  expect(after.after).toEqual([]);
  expect(after.missing).toBe('dump_not_found');
});

test('createClient({ importDump }) imports a Meilisearch dump at start-up; a bad file is refused and leaves nothing', async ({ page }) => {
  await openBackupPage(page);
  await page.setInputFiles('#upload', `${FIXTURES}v5.dump`);
  const good = await page.evaluate(async () => {
    const file = (document.getElementById('upload') as HTMLInputElement).files![0];
    const phases: string[] = [];
    const client = await window.pocketsearch.createClient({ name: 'e2e-import-v5', importDump: file, onProgress: (p) => phases.push(`${p.operation}:${p.phase}`) });
    const indexes = (await client.getIndexes()).results.map((i) => i.uid);
    const movies = (await client.index('movies').getStats()).numberOfDocuments;
    const tasks = (await client.getTasks({ limit: 1000 })).total;
    // Importing again into a database with data: refused, unless told to keep the database.
    let refused = '';
    await client.close();
    await window.pocketsearch.createClient({ name: 'e2e-import-v5', importDump: file }).catch((e: { code: string }) => (refused = e.code));
    const kept = await window.pocketsearch.createClient({ name: 'e2e-import-v5', importDump: file, ignoreDumpIfDbExists: true });
    const keptTasks = (await kept.getTasks({ limit: 1000 })).total;
    await kept.close();
    return { indexes, movies, tasks, phases, refused, keptTasks };
  });
  expect(good.indexes).toEqual(['dnd_spells', 'movies', 'products']);
  expect(good.movies).toBe(200);
  expect(good.tasks).toBeGreaterThanOrEqual(22);
  expect(good.phases).toContain('dumpImport:done'); // (then the fixture's enqueued dump task runs: dumpExport)
  expect(good.refused).toBe('invalid_state');
  expect(good.keptTasks).toBe(good.tasks);

  const bad = await page.evaluate(async () => {
    const broken = new File([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3])], 'broken.dump');
    let code = '';
    await window.pocketsearch.createClient({ name: 'e2e-import-bad', importDump: broken }).catch((e: { code: string }) => (code = e.code));
    const client = await window.pocketsearch.createClient({ name: 'e2e-import-bad' });
    const state = { indexes: (await client.getIndexes()).total, tasks: (await client.getTasks()).total };
    let missing = '';
    await window.pocketsearch.createClient({ name: 'e2e-import-missing', importDump: '20200101-000000000' }).catch((e: { code: string }) => (missing = e.code));
    return { code, state, missing };
  });
  expect(bad).toEqual({ code: 'malformed_payload', state: { indexes: 0, tasks: 0 }, missing: 'dump_not_found' });
});

const BENCH = Number(process.env.BACKUP_BENCH ?? 0);

test('throughput of dump export and import (BACKUP_BENCH=<documents>)', async ({ page }) => {
  test.skip(!BENCH, 'set BACKUP_BENCH=100000 to measure');
  test.setTimeout(1_800_000);
  await openBackupPage(page);
  const built = await page.evaluate(async (total) => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-dump-bench' });
    window.client = client;
    const index = client.index('synth');
    const wait = { timeout: 1_200_000 };
    await index.updateSettings({ filterableAttributes: ['category', 'price', 'tags'] }).waitTask(wait);
    let json = 0;
    const t0 = performance.now();
    for (let i = 0; i < total; i += 10_000) {
      const docs = window.synth.documents(i, Math.min(total, i + 10_000));
      json += new TextEncoder().encode(JSON.stringify(docs)).length;
      await index.addDocuments(docs).waitTask(wait);
    }
    return { json, indexMs: performance.now() - t0 };
  }, BENCH);
  let heap = sampleWorkerHeap(page);
  const exported = await page.evaluate(async () => {
    const t1 = performance.now();
    const task = await window.client.createDump().waitTask({ timeout: 1_200_000 });
    const exportMs = performance.now() - t1;
    const file = await window.client.getDumpFile(task.details?.dumpUid as string);
    (window as unknown as { dumpFile: File }).dumpFile = file;
    await window.client.close();
    return { exportMs, dumpBytes: file.size };
  });
  const exportHeap = await heap.stop();
  await page.evaluate(async () => {
    window.client = await window.pocketsearch.createClient({ name: 'e2e-dump-bench-import' });
  });
  heap = sampleWorkerHeap(page);
  const imported = await page.evaluate(async () => {
    const t2 = performance.now();
    await window.client.importDump((window as unknown as { dumpFile: File }).dumpFile);
    const importMs = performance.now() - t2;
    const count = (await window.client.index('synth').getStats()).numberOfDocuments;
    await window.client.close();
    return { importMs, count };
  });
  const importHeap = await heap.stop();
  const mib = (b: number | null) => (b === null ? 'n/a' : (b / 1024 / 1024).toFixed(1));
  const heapText = (h: { peak: number | null; first: number | null }) => `${mib(h.peak)} MiB (first sample ${mib(h.first)} MiB)`;
  const s = (ms: number) => ms / 1000;
  console.log(
    `dump bench: ${BENCH} docs, ${mib(built.json)} MiB of JSON; indexing ${(BENCH / s(built.indexMs)).toFixed(0)} docs/s; ` +
      `export ${s(exported.exportMs).toFixed(2)} s = ${(built.json / 1048576 / s(exported.exportMs)).toFixed(1)} MiB/s of JSON, file ${mib(exported.dumpBytes)} MiB, peak worker heap ${heapText(exportHeap)}; ` +
      `import ${s(imported.importMs).toFixed(2)} s = ${(BENCH / s(imported.importMs)).toFixed(0)} docs/s (${(built.json / 1048576 / s(imported.importMs)).toFixed(1)} MiB/s of JSON), peak worker heap ${heapText(importHeap)}`,
  );
  expect(imported.count).toBe(BENCH);
});
