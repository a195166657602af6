/**
 * Storage full in Chromium (issue 10): the origin's quota is lowered through the DevTools protocol
 * (`Storage.overrideQuotaForOrigin`), so IndexedDB and OPFS throw real `QuotaExceededError`s.
 * - A document batch that does not fit: `no_space_left_on_device` — the task failed with it, or, when not even the
 *   failed status fits (the usual case: Chromium counts usage lazily and the batch's staged writes fill what was
 *   left), the task stays enqueued and `waitForTask` rejects with it. The index stores are checksum-identical to
 *   before, no staged segment is left, searches go on, and a registration that does not fit is refused with the
 *   same code.
 * - With the quota back, nothing was lost: the batch re-runs (or its failure is recorded) and writes go through.
 * - A dump or a snapshot that does not fit fails with the same code, leaves no file (no partial dump, no temporary
 *   file) and the previous snapshot untouched.
 * Chromium applies a new quota to IndexedDB when the database is opened again, so the worker is stopped (and the
 * browser given a moment to release the database) before each change; the page itself never opens IndexedDB.
 * Run `node scripts/build.mjs lib` first.
 */
import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openReliabilityPage } from './crashPage.ts';
import { E2E_ORIGIN } from './origin.ts';

const NAME = 'quota';


/**
 * Reads the index stores (and the staging list) in a throwaway worker, so that no IndexedDB connection stays in the
 * page: SHA-256 over every key and value, typed arrays included.
 */
const DIGEST_WORKER = `
const STORES = ['indexMeta', 'documents', 'externalIds', 'segments', 'tombstones', 'postings', 'facets'];
const canon = (v) => {
  if (ArrayBuffer.isView(v)) return { [v.constructor.name]: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).join(',') };
  if (v instanceof Map) return { Map: [...v].map(([k, x]) => [canon(k), canon(x)]) };
  if (v instanceof Set) return { Set: [...v].map(canon) };
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canon(x)]));
  return v;
};
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
onmessage = async (e) => {
  const db = await req(indexedDB.open(e.data));
  const tx = db.transaction([...STORES, 'meta'], 'readonly');
  const parts = [];
  let records = 0;
  for (const s of STORES) {
    const keys = await req(tx.objectStore(s).getAllKeys());
    const values = await req(tx.objectStore(s).getAll());
    records += keys.length;
    parts.push(JSON.stringify([s, canon(keys), canon(values)]));
  }
  const staging = (await req(tx.objectStore('meta').get('staging'))) ?? [];
  db.close();
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\\n'))));
  postMessage({ digest: Array.from(hash.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join(''), records, staged: staging.length });
};`;

interface Digest {
  digest: string;
  records: number;
  staged: number;
}

function indexDigest(page: Page): Promise<Digest> {
  return page.evaluate(
    ({ code, name }) =>
      new Promise<Digest>((resolve, reject) => {
        const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        w.onmessage = (e: MessageEvent<Digest>) => {
          w.terminate();
          resolve(e.data);
        };
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage(name);
      }),
    { code: DIGEST_WORKER, name: NAME },
  );
}

/** Stops the engine's worker and lets Chromium release the database, so that the next open sees the new quota. */
async function stopEngine(page: Page): Promise<void> {
  await page.evaluate(() => window.client.terminate());
  await page.waitForTimeout(3000);
}

async function setQuota(cdp: CDPSession, page: Page, room: number | null): Promise<number> {
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', room === null ? { origin: E2E_ORIGIN } : { origin: E2E_ORIGIN, quotaSize: usage + room });
  return usage;
}

function startEngine(page: Page): Promise<void> {
  return page.evaluate(async (name) => {
    window.client = await window.pocketsearch.createClient({ name });
  }, NAME);
}

const snapshotDigest = (page: Page) =>
  page.evaluate(async () => {
    const bytes = await (await window.client.getSnapshotFile()).arrayBuffer();
    return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  });

const opfsFiles = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const out: string[] = [];
    for (const dir of ['dumps', 'snapshots']) {
      const h = await root.getDirectoryHandle(dir, { create: true });
      for await (const name of (h as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(`${dir}/${name}`);
    }
    return out.sort();
  });

test('storage full: coded errors, the index unchanged, searches served, no partial file; then it works again', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openReliabilityPage(page);
  const cdp = await context.newCDPSession(page);
  await startEngine(page);
  await page.evaluate(async () => {
    const c = window.client;
    const docs = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => ({ id: a + k, title: `document ${a + k}`, body: `alpha beta ${(a + k) % 97} ${'lorem ipsum dolor '.repeat(8)}` }));
    (window as unknown as { docs: typeof docs }).docs = docs;
    await c.index('docs').updateSettings({ filterableAttributes: ['id'] }).waitTask();
    await c.index('docs').addDocuments(docs(0, 20_000)).waitTask({ timeout: 60_000 });
    await c.createSnapshot().waitTask({ timeout: 60_000 });
  });
  const snapshotBefore = await snapshotDigest(page);
  const before = await indexDigest(page);
  expect(before.records).toBeGreaterThan(100);
  expect(before.staged).toBe(0);

  // 1. A large batch registered while there is room, processed once there is not. It writes segment data until
  //    the quota refuses a transaction; then not even the failure fits. Either way the answer is coded.
  const taskUid = await page.evaluate(async () => {
    const docs = (window as unknown as { docs: (a: number, b: number) => Record<string, unknown>[] }).docs;
    const { taskUid } = await window.client.index('docs').addDocuments(docs(20_000, 50_000));
    return taskUid;
  });
  await stopEngine(page); // the task stays enqueued (an interrupted batch re-runs)
  await setQuota(cdp, page, 150_000);
  await startEngine(page);
  const full = await page.evaluate(async (uid) => {
    const c = window.client;
    const docs = (window as unknown as { docs: (a: number, b: number) => Record<string, unknown>[] }).docs;
    const outcome = await c.waitForTask(uid, { timeout: 60_000 }).then(
      (t) => ({ status: t.status, code: t.error?.code, message: t.error?.message }),
      (e: { code?: string; message?: string }) => ({ status: (e.message ?? '').includes('stays enqueued') ? 'stalled' : 'rejected', code: e.code, message: e.message }),
    );
    // Random text: IndexedDB compresses what it stores, and 10,000 documents of repeated words could shrink below
    // the room left (CI saw such a registration accepted under Chromium 156).
    const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
    const incompressible = docs(60_000, 70_000).map((d) => ({ ...d, body: hex(128) }));
    const registration = await c
      .index('docs')
      .addDocuments(incompressible)
      .then(() => 'accepted', (e: { code?: string }) => e.code ?? String(e));
    const search = await c.index('docs').search('document 12345', { limit: 1 });
    return { outcome, registration, hit: search.hits[0]?.id, count: (await c.index('docs').getStats()).numberOfDocuments };
  }, taskUid);
  // Chromium counts usage lazily: the batch's staged writes usually fill what was left, and the failed status
  // cannot be written either — then the task stays enqueued and waitForTask says why.
  expect(['failed', 'stalled']).toContain(full.outcome.status);
  expect(full.outcome.code).toBe('no_space_left_on_device');
  expect(full.outcome.message).toMatch(/quota/);
  expect(full.registration).toBe('no_space_left_on_device');
  expect(full.hit).toBe(12345);
  expect(full.count).toBe(20_000);
  await stopEngine(page);
  // Staged segments were dropped (a transaction that only deletes still runs when storage is full).
  expect(await indexDigest(page)).toEqual(before);

  // 2. Room again: nothing was lost — the interrupted batch re-runs at the next start (unless its failure was
  //    recorded), and writes go through.
  await setQuota(cdp, page, null);
  await startEngine(page);
  const recovered = await page.evaluate(async (uid) => {
    const c = window.client;
    const task = await c.waitForTask(uid, { timeout: 60_000 });
    const added = await c.index('docs').addDocuments([{ id: 99_999, title: 'room again' }]).waitTask();
    return { task: task.status, added: added.status, count: (await c.index('docs').getStats()).numberOfDocuments, hit: (await c.index('docs').search('room again')).hits[0]?.id };
  }, taskUid);
  expect(recovered.added).toBe('succeeded');
  expect(recovered.hit).toBe(99_999);
  expect(recovered).toEqual(full.outcome.status === 'failed' ? { task: 'failed', added: 'succeeded', count: 20_001, hit: 99_999 } : { task: 'succeeded', added: 'succeeded', count: 50_001, hit: 99_999 });

  // 3. A dump and a snapshot that do not fit (OPFS applies a new quota at once; IndexedDB keeps its room).
  await setQuota(cdp, page, 20_000);
  const refused = await page.evaluate(async () => {
    const c = window.client;
    const dump = await c.createDump().waitTask({ timeout: 60_000 });
    const snapshot = await c.createSnapshot().waitTask({ timeout: 60_000 });
    const search = await c.index('docs').search('alpha', { limit: 3 });
    return { dump: { status: dump.status, code: dump.error?.code }, snapshot: { status: snapshot.status, code: snapshot.error?.code }, hits: search.hits.length };
  });
  expect(refused.dump).toEqual({ status: 'failed', code: 'no_space_left_on_device' });
  expect(refused.snapshot).toEqual({ status: 'failed', code: 'no_space_left_on_device' });
  expect(refused.hits).toBe(3);
  expect(await opfsFiles(page)).toEqual([`snapshots/${NAME}.snapshot`]); // no dump, no temporary file
  expect(await snapshotDigest(page)).toBe(snapshotBefore);

  // 4. Room again for files too.
  await setQuota(cdp, page, null);
  const dumped = await page.evaluate(async () => (await window.client.createDump().waitTask({ timeout: 60_000 })).status);
  expect(dumped).toBe('succeeded');
});
