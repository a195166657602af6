/**
 * Snapshots in Chromium (issue 6, "Proof"): scheduled snapshots (first at launch, then replaced, one file at a time),
 * on-demand snapshots, restore into a fresh profile with identical documents, settings, tasks and searches, and a
 * worker killed mid-snapshot leaving the previous snapshot intact with no partial file visible.
 * Run `node scripts/build.mjs lib` first.
 */
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, launchProfile, newProfileDir } from './fixtures.ts';
import { openBackupPage, sampleWorkerHeap } from './backupPage.ts';
import type { Task } from '../../src/index.ts';

async function fill(page: Page, name: string, n: number): Promise<void> {
  await page.evaluate(
    async ({ name, n }) => {
      const client = await window.pocketsearch.createClient({ name });
      const docs = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, k) => ({ id: from + k, title: `document ${from + k}`, body: `${['alpha', 'beta', 'gamma'][(from + k) % 3]} ${'text '.repeat(30)}`, n: (from + k) % 7 }));
      await client.index('docs').updateSettings({ filterableAttributes: ['n'] }).waitTask({ timeout: 60_000 });
      for (let i = 0; i < n; i += 10_000) await client.index('docs').addDocuments(docs(i, Math.min(n, i + 10_000))).waitTask({ timeout: 120_000 });
      await client.index('small').addDocuments([{ id: 1, title: 'queued' }]).waitTask();
      await client.close();
    },
    { name, n },
  );
}

test('scheduled snapshots: the first at launch, then each replaces the previous one; one file at a time', async ({ page }) => {
  test.setTimeout(120_000);
  await openBackupPage(page);
  await fill(page, 'e2e-sched', 2000);
  const seen = await page.evaluate(async () => {
    const t0 = Date.now();
    const client = await window.pocketsearch.createClient({ name: 'e2e-sched', scheduleSnapshot: 1 });
    const createdAt: string[] = [];
    const maxVisible: number[] = [];
    let firstAfterMs = -1;
    while (createdAt.length < 3 && Date.now() - t0 < 30_000) {
      const files = (await window.opfsList('snapshots')).filter((f) => f.name.endsWith('.snapshot'));
      maxVisible.push(files.length);
      const info = await client.getSnapshotInfo();
      if (info && !createdAt.includes(info.createdAt)) {
        if (firstAfterMs < 0) firstAfterMs = Date.now() - t0;
        createdAt.push(info.createdAt);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const names = (await window.opfsList('snapshots')).map((f) => f.name);
    const tasks = (await client.getTasks({ types: ['snapshotCreation'] })).results.map((t) => t.status);
    await client.close();
    return { createdAt, maxVisible: Math.max(...maxVisible), firstAfterMs, names, tasks };
  });
  expect(seen.createdAt).toHaveLength(3);
  expect([...seen.createdAt].sort()).toEqual(seen.createdAt);
  expect(seen.firstAfterMs).toBeLessThan(5000); // taken at launch, not after one interval
  expect(seen.maxVisible).toBe(1);
  expect(seen.names.filter((n) => n.endsWith('.snapshot'))).toEqual(['e2e-sched.snapshot']);
  expect(seen.tasks.every((s) => s === 'succeeded' || s === 'enqueued' || s === 'processing')).toBe(true);
});

test('an on-demand snapshot, downloaded, restored into a fresh profile: identical documents, settings, tasks, searches', async ({ page }) => {
  test.setTimeout(180_000);
  await openBackupPage(page);
  await fill(page, 'e2e-snap', 20_000);
  const a = await page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-snap' });
    window.client = client;
    const phases: string[] = [];
    const task = await client.createSnapshot().waitTask({ timeout: 120_000 });
    return { task, info: await client.getSnapshotInfo(), picture: await window.picture(client), phases };
  });
  expect(a.task).toMatchObject({ type: 'snapshotCreation', status: 'succeeded' });
  expect(a.info).toMatchObject({ name: 'e2e-snap.snapshot', engineVersion: expect.any(String) });

  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.client.downloadSnapshot({ method: 'anchor' }))]);
  expect(download.suggestedFilename()).toBe('e2e-snap.snapshot');
  const path = test.info().outputPath('e2e-snap.snapshot');
  await download.saveAs(path);

  const dir = newProfileDir();
  const fresh = await launchProfile(dir);
  try {
    const page2 = fresh.pages()[0] ?? (await fresh.newPage());
    await openBackupPage(page2);
    await page2.setInputFiles('#upload', path);
    const b = await page2.evaluate(async () => {
      const file = (document.getElementById('upload') as HTMLInputElement).files![0];
      const phases: string[] = [];
      const t0 = performance.now();
      const client = await window.pocketsearch.createClient({ name: 'e2e-snap', importSnapshot: file, onProgress: (p) => phases.push(`${p.operation}:${p.phase}`) });
      const ms = performance.now() - t0;
      return { picture: await window.picture(client), phases, ms };
    });
    expect(b.phases.at(-1)).toBe('snapshotRestore:done');
    const pa = a.picture as { indexes: unknown; tasks: Task[]; searches: unknown };
    const pb = b.picture as { indexes: unknown; tasks: Task[]; searches: unknown };
    expect(pb.indexes).toEqual(pa.indexes);
    expect(pb.searches).toEqual(pa.searches);
    // Everything but the snapshot task itself (a snapshot leaves its own task out, as Meilisearch does).
    expect(pb.tasks).toEqual(pa.tasks.filter((t) => t.uid !== a.task.uid));
  } finally {
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker killed mid-snapshot leaves the previous snapshot intact and no partial file', async ({ page }) => {
  test.setTimeout(180_000);
  await openBackupPage(page);
  await fill(page, 'e2e-snap-kill', 40_000);
  const r = await page.evaluate(async () => {
    const digest = async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('snapshots');
      const file = await (await dir.getFileHandle('e2e-snap-kill.snapshot')).getFile();
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
      return `${file.size}:${Array.from(hash.slice(0, 8)).join(',')}`;
    };
    const client = await window.pocketsearch.createClient({ name: 'e2e-snap-kill' });
    await client.createSnapshot().waitTask({ timeout: 120_000 });
    const previous = await digest();
    const previousInfo = await client.getSnapshotInfo();
    await client.index('docs').addDocuments([{ id: 'new', title: 'after the first snapshot' }]).waitTask();
    const task = await client.createSnapshot();
    // Mid-snapshot: its temporary file is being written (waited for, not timed, so a loaded machine waits longer).
    const deadline = performance.now() + 30_000;
    while (!(await window.opfsList('snapshots')).some((f) => f.name.includes('.tmp-')) && performance.now() < deadline) {
      await new Promise((res) => setTimeout(res, 1));
    }
    const statusAtKill = (await client.getTask(task.taskUid)).status;
    client.terminate();
    await new Promise((res) => setTimeout(res, 200));
    const visible = (await window.opfsList('snapshots')).map((f) => f.name).filter((n) => n.endsWith('.snapshot'));
    const afterKill = await digest();
    // Restart: temporary files go, the interrupted snapshot task runs again and replaces the snapshot.
    const again = await window.pocketsearch.createClient({ name: 'e2e-snap-kill' });
    const rerun = await again.waitForTask(task.taskUid, { timeout: 120_000 });
    const names = (await window.opfsList('snapshots')).map((f) => f.name);
    const info = await again.getSnapshotInfo();
    await again.close();
    return { previous, afterKill, statusAtKill, visible, rerun: rerun.status, names, previousInfo, info };
  });
  expect(r.statusAtKill).toBe('processing');
  expect(r.visible).toEqual(['e2e-snap-kill.snapshot']);
  expect(r.afterKill).toBe(r.previous);
  expect(r.rerun).toBe('succeeded');
  expect(r.names).toEqual(['e2e-snap-kill.snapshot']);
  expect(r.info!.createdAt > r.previousInfo!.createdAt).toBe(true);
});

const BENCH = Number(process.env.BACKUP_BENCH ?? 0);

test('throughput of snapshot write and restore (BACKUP_BENCH=<documents>)', async ({ page }) => {
  test.skip(!BENCH, 'set BACKUP_BENCH=100000 to measure');
  test.setTimeout(1_800_000);
  await openBackupPage(page);
  await page.evaluate(async (total) => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-snap-bench' });
    window.client = client;
    const index = client.index('synth');
    const wait = { timeout: 1_200_000 };
    await index.updateSettings({ filterableAttributes: ['category', 'price', 'tags'] }).waitTask(wait);
    for (let i = 0; i < total; i += 10_000) await index.addDocuments(window.synth.documents(i, Math.min(total, i + 10_000))).waitTask(wait);
    await new Promise((r) => setTimeout(r, 3000)); // let background segment merges settle
  }, BENCH);
  let heap = sampleWorkerHeap(page);
  const written = await page.evaluate(async () => {
    const t1 = performance.now();
    await window.client.createSnapshot().waitTask({ timeout: 1_200_000 });
    const writeMs = performance.now() - t1;
    const file = await window.client.getSnapshotFile();
    (window as unknown as { snapshotFile: File }).snapshotFile = file;
    const usage = (await navigator.storage.estimate()).usage ?? 0;
    await window.client.close();
    return { writeMs, bytes: file.size, usage };
  });
  const writeHeap = await heap.stop();
  heap = sampleWorkerHeap(page);
  const restored = await page.evaluate(async () => {
    const t2 = performance.now();
    const other = await window.pocketsearch.createClient({ name: 'e2e-snap-bench-restore', importSnapshot: (window as unknown as { snapshotFile: File }).snapshotFile });
    const restoreMs = performance.now() - t2;
    const count = (await other.index('synth').getStats()).numberOfDocuments;
    const hits = (await other.index('synth').search('tag1', { limit: 1 })).estimatedTotalHits;
    await other.close();
    return { restoreMs, count, hits };
  });
  const restoreHeap = await heap.stop();
  const mib = (b: number | null) => (b === null ? 'n/a' : (b / 1024 / 1024).toFixed(1));
  const heapText = (h: { peak: number | null; first: number | null }) => `${mib(h.peak)} MiB (first sample ${mib(h.first)} MiB)`;
  const s = (ms: number) => ms / 1000;
  console.log(
    `snapshot bench: ${BENCH} docs, snapshot ${mib(written.bytes)} MiB (origin usage ${mib(written.usage)} MiB); ` +
      `write ${s(written.writeMs).toFixed(2)} s = ${(written.bytes / 1048576 / s(written.writeMs)).toFixed(1)} MiB/s, peak worker heap ${heapText(writeHeap)}; ` +
      `restore ${s(restored.restoreMs).toFixed(2)} s = ${(written.bytes / 1048576 / s(restored.restoreMs)).toFixed(1)} MiB/s, peak worker heap ${heapText(restoreHeap)}`,
  );
  expect(restored.count).toBe(BENCH);
});
