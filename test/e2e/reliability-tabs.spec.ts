/**
 * Several tabs on one origin and engine name (issue 10), in Chromium:
 * - three tabs writing and searching at once: exactly one scheduler (one holder of the Web Lock, the others
 *   waiting), unique task uids, every task applied once (in exactly one batch), every tab's searches see every
 *   tab's writes;
 * - the tab whose engine runs a batch closes mid-way: another tab takes over and the task succeeds; a tab that
 *   registered a task and closed at once does not lose it;
 * - a dump asked for in one tab is written by the tab holding the database while a new tab opens: the dump is whole,
 *   and both tabs answer its status;
 * - a newer schema opened by another page is not blocked, and the engine says so with a coded error; a database
 *   of a newer schema refuses to open with a coded error; deleting the database elsewhere is not blocked either.
 * Run `node scripts/build.mjs lib` first.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openReliabilityPage } from './crashPage.ts';

async function tab(context: BrowserContext, name: string, first?: Page): Promise<Page> {
  const page = first ?? (await context.newPage());
  await openReliabilityPage(page);
  await page.evaluate(async (name) => {
    window.client = await window.pocketsearch.createClient({ name });
  }, name);
  return page;
}

const locks = (page: Page, name: string) =>
  page.evaluate(async (lockName) => {
    const q = await navigator.locks.query();
    return { held: (q.held ?? []).filter((l) => l.name === lockName).length, pending: (q.pending ?? []).filter((l) => l.name === lockName).length };
  }, `pocketsearch:${name}:scheduler`);

/** In a tab: `rounds` additions of 200 documents (ids from `base`), each followed by searches for them. */
function writeAndSearch(page: Page, base: number, rounds: number) {
  return page.evaluate(
    async ({ base, rounds }) => {
      const c = window.client;
      const uids: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const from = base + r * 200;
        const docs = Array.from({ length: 200 }, (_, k) => ({ id: from + k, title: `tab document ${from + k}`, body: `round ${r} word${(from + k) % 13}` }));
        const t = await c.index('docs').addDocuments(docs, { customMetadata: `${base}-${r}` });
        uids.push(t.taskUid);
        const done = await c.waitForTask(t.taskUid, { timeout: 60_000 });
        if (done.status !== 'succeeded') throw new Error(`task ${t.taskUid}: ${done.status}`);
        const hit = (await c.index('docs').search(`tab document ${from + 7}`, { limit: 1 })).hits[0];
        if (hit?.id !== from + 7) throw new Error(`tab ${base} does not see its own write ${from + 7}`);
      }
      return uids;
    },
    { base, rounds },
  );
}

/** How long (ms) until a tab's searches find document `id`, or -1 after 3 s. */
function seesWithin(page: Page, id: number) {
  return page.evaluate(async (id) => {
    const t0 = performance.now();
    while (performance.now() - t0 < 3000) {
      const hit = (await window.client.index('docs').search(`tab document ${id}`, { limit: 1 })).hits[0];
      if (hit?.id === id) return Math.round(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
    return -1;
  }, id);
}

test('three tabs writing and searching at once: one scheduler, unique uids, each task applied once, every tab sees every write', async ({ context, page }) => {
  test.setTimeout(120_000);
  const name = 'tabs';
  const tabs = [await tab(context, name, page), await tab(context, name), await tab(context, name)];
  expect(await locks(tabs[1], name)).toEqual({ held: 1, pending: 2 });

  const ROUNDS = 6;
  const bases = [0, 100_000, 200_000];
  const returned = (await Promise.all(tabs.map((p, i) => writeAndSearch(p, bases[i], ROUNDS)))).flat();
  expect(new Set(returned).size).toBe(returned.length);

  const state = await tabs[2].evaluate(async () => {
    const c = window.client;
    const tasks = (await c.getTasks({ limit: 1000 })).results;
    const batches = (await c.getBatches({ limit: 1000 })).results;
    return {
      tasks: tasks.map((t) => ({ uid: t.uid, status: t.status, batchUid: t.batchUid, tag: (t as { customMetadata?: string }).customMetadata })),
      batches: batches.map((b) => ({ uid: b.uid, tasks: b.stats.totalNbTasks })),
    };
  });
  expect(state.tasks.map((t) => t.uid).sort((a, b) => a - b)).toEqual([...returned].sort((a, b) => a - b));
  expect(state.tasks.every((t) => t.status === 'succeeded')).toBe(true);
  expect(new Set(state.tasks.map((t) => t.tag)).size).toBe(returned.length); // each registration is one task
  // Each task ran in exactly one batch: batch sizes add up to the tasks, and every task points at a batch.
  expect(state.batches.reduce((n, b) => n + b.tasks, 0)).toBe(state.tasks.length);
  const batchUids = new Set(state.batches.map((b) => b.uid));
  expect(state.tasks.every((t) => t.batchUid !== null && batchUids.has(t.batchUid))).toBe(true);
  for (const b of state.batches) expect(state.tasks.filter((t) => t.batchUid === b.uid).length).toBe(b.tasks);

  // Every tab sees every tab's writes.
  for (const p of tabs) {
    expect(await p.evaluate(async () => (await window.client.index('docs').getStats()).numberOfDocuments)).toBe(3 * ROUNDS * 200);
    for (const base of bases) expect(await seesWithin(p, base + (ROUNDS - 1) * 200 + 11)).toBeGreaterThanOrEqual(0);
  }
  // A write in one tab is seen by the others at once (commits invalidate their caches over a BroadcastChannel).
  const fresh = await tabs[1].evaluate(async () => (await window.client.index('docs').addDocuments([{ id: 900_000, title: 'tab document 900000' }]).waitTask()).status);
  expect(fresh).toBe('succeeded');
  const lags = [await seesWithin(tabs[0], 900_000), await seesWithin(tabs[2], 900_000)];
  expect(lags.every((ms) => ms >= 0 && ms < 1000)).toBe(true);
});

test('a tab closing mid-task loses nothing: the next tab takes the database over and the task succeeds', async ({ context, page }) => {
  test.setTimeout(120_000);
  const name = 'tabs-close';
  const holder = await tab(context, name, page);
  const other = await tab(context, name);
  const N = 30_000;
  const taskUid = await other.evaluate(async (n) => {
    const docs = Array.from({ length: n }, (_, i) => ({ id: i, title: `tab document ${i}`, body: `alpha beta ${i % 101}` }));
    return (await window.client.index('docs').addDocuments(docs)).taskUid;
  }, N);
  // The holder runs it (its own view shows it processing), then its tab closes.
  const seen = await holder.evaluate(async (uid) => {
    for (let i = 0; i < 5000; i++) {
      const s = (await window.client.getTask(uid)).status;
      if (s !== 'enqueued') return s;
      await new Promise((r) => setTimeout(r, 2));
    }
    return 'enqueued';
  }, taskUid);
  expect(seen).toBe('processing');
  await holder.close({ runBeforeUnload: false });
  expect(await other.evaluate(async () => (await navigator.locks.query()).held?.length ?? 0)).toBeLessThanOrEqual(1);

  // A third tab registers a task and closes at once: the task is in the database, and runs.
  const third = await tab(context, name);
  const quickUid = await third.evaluate(async (id) => (await window.client.index('docs').addDocuments([{ id, title: 'tab document registered then closed' }])).taskUid, N + 1);
  await third.close({ runBeforeUnload: false });

  const after = await other.evaluate(
    async ({ uid, quick }) => {
      const c = window.client;
      const [a, b] = await c.waitForTasks([uid, quick], { timeout: 90_000 });
      return { a: a.status, b: b.status, count: (await c.index('docs').getStats()).numberOfDocuments, hit: (await c.index('docs').search('registered then closed')).hits[0]?.id };
    },
    { uid: taskUid, quick: quickUid },
  );
  expect(after).toEqual({ a: 'succeeded', b: 'succeeded', count: N + 1, hit: N + 1 });
});

test('a dump asked for in one tab, written by the tab holding the database while another tab opens: whole, and both answer its status', async ({ context, page }) => {
  test.setTimeout(120_000);
  const name = 'tabs-dump';
  const holder = await tab(context, name, page);
  await holder.evaluate(async () => {
    const docs = Array.from({ length: 40_000 }, (_, i) => ({ id: i, title: `tab document ${i}`, body: `alpha beta gamma ${i % 997} ${'lorem ipsum '.repeat(6)}` }));
    await window.client.index('docs').addDocuments(docs).waitTask({ timeout: 90_000 });
  });
  const asker = await tab(context, name);
  const dumpTask = await asker.evaluate(async () => (await window.client.createDump()).taskUid);
  // While the holder writes it (its temporary file exists), a new tab opens the database.
  const writing = await holder.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for (let i = 0; i < 5000; i++) {
      const dir = await root.getDirectoryHandle('dumps', { create: true });
      for await (const n of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (n.includes('.tmp-')) return true;
      await new Promise((r) => setTimeout(r, 1));
    }
    return false;
  });
  expect(writing).toBe(true);
  const late = await tab(context, name);
  const done = await asker.evaluate(async (uid) => window.client.waitForTask(uid, { timeout: 90_000 }), dumpTask);
  expect(done.status).toBe('succeeded');
  const uid = done.details!.dumpUid as string;
  for (const p of [asker, holder, late]) {
    const s = await p.evaluate(async (u) => window.client.getDumpStatus(u), uid);
    expect(s).toMatchObject({ uid, status: 'done', startedAt: done.startedAt });
  }
  const whole = await late.evaluate(async (u) => {
    const file = await window.client.getDumpFile(u);
    const engine = await window.createMemoryEngine({ storage: 'memory', name: 'verify-dump', importDump: file });
    const n = (await engine.index('docs').getStats()).numberOfDocuments;
    await engine.close();
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const n of ((await root.getDirectoryHandle('dumps')) as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(n);
    return { n, names };
  }, uid);
  expect(whole).toEqual({ n: 40_000, names: [`${uid}.dump`] });
});

test('schema versions: a newer schema opened elsewhere is not blocked and the engine answers invalid_state; an older engine cannot open it', async ({ context, page }) => {
  test.setTimeout(60_000);
  const name = 'tabs-schema';
  const old = await tab(context, name, page);
  await old.evaluate(async () => void (await window.client.index('docs').addDocuments([{ id: 1, title: 'tab document 1' }]).waitTask()));
  const newer = await context.newPage();
  await openReliabilityPage(newer);
  const upgrade = await newer.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const t0 = performance.now();
        const r = indexedDB.open(name, 2);
        r.onupgradeneeded = () => r.result.createObjectStore('fromTheFuture');
        r.onsuccess = () => {
          r.result.close();
          resolve(`opened in ${Math.round(performance.now() - t0)} ms`);
        };
        r.onblocked = () => setTimeout(() => resolve('blocked'), 5000);
        r.onerror = () => resolve(`error ${r.error?.name}`);
      }),
    name,
  );
  expect(upgrade).toMatch(/^opened in \d+ ms$/);
  const errors = await old.evaluate(async () => {
    const c = window.client;
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);
    return [await code(c.index('docs').search('tab')), await code(c.index('docs').addDocuments([{ id: 2 }]))];
  });
  for (const e of errors) expect(e).toMatch(/^invalid_state: .*Reload the page/);
  const reopened = await newer.evaluate(
    (name) => window.pocketsearch.createClient({ name }).then(() => 'opened', (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`),
    name,
  );
  expect(reopened).toMatch(/^invalid_store_file: .*newer schema/);

  // Deleting the database from another page (site data cleared there) is not blocked by a running engine.
  const other = 'tabs-delete';
  const running = await tab(context, other);
  await running.evaluate(async () => void (await window.client.index('docs').addDocuments([{ id: 1 }]).waitTask()));
  const deleted = await newer.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = () => resolve('deleted');
        r.onblocked = () => setTimeout(() => resolve('blocked'), 5000);
        r.onerror = () => resolve(`error ${r.error?.name}`);
      }),
    other,
  );
  expect(deleted).toBe('deleted');
  expect(await running.evaluate(async () => window.client.getTasks().then(() => 'ok', (e: { code?: string }) => e.code))).toBe('invalid_state');
});
