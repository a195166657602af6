/**
 * Crashes (issue 10): a seeded run of rounds that register tasks — document additions, updates and deletions, an
 * occasional re-indexing settings change, dumps, snapshots — and kill the engine at a random moment: the worker
 * terminated, or the page closed. After each restart:
 * - the database opens;
 * - every task whose uid was returned exists, with its tag, and is succeeded or still to run (none failed);
 * - the document count is what the succeeded tasks imply (replayed in uid order against the plan of each tag);
 * - no temporary dump or snapshot file is left, and every visible `.dump` and the snapshot restore completely into an
 *   engine (their documents match their own task lists);
 * - once a snapshot exists, a snapshot exists: the previous one, or a newer complete one.
 * Every 15 rounds and at the end, all tasks are waited for: all succeeded, and the documents (ids and values) are
 * exactly the model's.
 *
 * CI runs 60 kills; `npm run reliability:long` runs 500 (CRASH_KILLS, CRASH_SEED). Run `node scripts/build.mjs lib`
 * first.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { CrashPlanner, docsOf, durationMs, expectedAfter, expectedTitled, type DocOp, type Round, type RoundOp, type SeenTask } from './crashModel.ts';
import { drain, openReliabilityPage, readEngine, restoreIntoMemory, runAndKill, startEngine, type PageOp } from './crashPage.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 60);
const SEED = Number(process.env.CRASH_SEED ?? 20_251_121);
const DRAIN_EVERY = 15;
const VERBOSE = !!process.env.CRASH_VERBOSE;

/** What a task of `op` shows: its tag, or its type for untagged tasks. */
function tagOf(op: RoundOp): string {
  if ('tag' in op) return (op as DocOp).tag;
  return op.kind === 'dump' ? 'dumpCreation' : op.kind === 'snapshot' ? 'snapshotCreation' : 'settingsUpdate';
}

function pageOp(op: RoundOp): PageOp {
  switch (op.kind) {
    case 'add':
      return { kind: 'add', tag: op.tag, docs: docsOf(op) };
    case 'update':
      return { kind: 'update', tag: op.tag, docs: [...new Set(op.ids)].map((id) => ({ id, v: op.v })) };
    case 'deleteTag':
    case 'deleteIds':
    case 'settings':
    case 'dump':
    case 'snapshot':
      return op;
  }
}

/** Sorted `[id, v]` pairs of the model. */
function pairs(m: Map<number, number>): [number, number][] {
  return [...m].sort((a, b) => a[0] - b[0]);
}

interface Stats {
  kills: number;
  byMode: Record<string, number>;
  byKind: Record<string, number>;
  /** kills that hit their target task while it was processing */
  midTask: number;
  midTaskByKind: Record<string, number>;
  early: number;
  restarts: number;
  restartMs: number[];
  tasks: number;
  snapshotsVerified: number;
  dumpsVerified: number;
  drains: number;
}

test('killing the worker or closing the page at random moments loses nothing', async ({ context, page: firstPage }) => {
  test.setTimeout(Math.max(240_000, KILLS * 6_000));
  const started = Date.now();
  const planner = new CrashPlanner(SEED);
  const stats: Stats = { kills: 0, byMode: {}, byKind: {}, midTask: 0, midTaskByKind: {}, early: 0, restarts: 0, restartMs: [], tasks: 0, snapshotsVerified: 0, dumpsVerified: 0, drains: 0 };
  /** uid → tag (or type) of every registration whose answer came back */
  const returned = new Map<number, string>();
  const estimate: Record<Round['kind'], number> = { indexing: 400, dump: 200, snapshot: 150 };
  let page: Page = firstPage;
  let lastSnapshot: string | null = null;
  const verifiedDumps = new Set<string>();

  const newPage = async (ctx: BrowserContext) => {
    page = await ctx.newPage();
    await openReliabilityPage(page);
  };

  /** Restart and check everything a restart must show. */
  const restartAndCheck = async (label: string, report?: unknown) => {
    stats.restartMs.push(await startEngine(page));
    stats.restarts++;
    let view = await readEngine(page);
    // Temporary files of the interrupted write are removed by the engine that holds the database: give it a moment.
    for (let i = 0; i < 50 && view.files.some((f) => f.name.includes('.tmp-')); i++) {
      await page.waitForTimeout(100);
      view = await readEngine(page);
    }
    const byUid = new Map(view.tasks.map((t) => [t.uid, t]));
    // Checked in plain code, one expect for all: an expect per returned task per round (each records a step with
    // its stack) made the Node side of a 500-kill run quadratic.
    const lost: string[] = [];
    for (const [uid, tag] of returned) {
      const t = byUid.get(uid);
      if (!t) lost.push(`task ${uid} (${tag}) was returned but is gone`);
      else if ((t.customMetadata ?? t.type) !== tag) lost.push(`task ${uid} is ${t.customMetadata ?? t.type}, not ${tag}`);
    }
    expect(lost, `${label}: every returned task is there with its tag`).toEqual([]);
    const failed = view.tasks.filter((t) => t.status === 'failed' || t.status === 'canceled');
    expect(failed, `${label}: no task fails or is canceled`).toEqual([]);
    const expected = expectedAfter(view.tasks, planner.plan);
    if (view.count !== expected.size) {
      // Say which documents differ once everything has run, to tell a stale read from a lost or doubled write.
      const d = await drain(page);
      const model = expectedAfter(d.tasks, planner.plan);
      const extra = d.ids.filter(([id]) => !model.has(id)).map(([id]) => id);
      const have = new Set(d.ids.map(([id]) => id));
      const missing = [...model.keys()].filter((id) => !have.has(id));
      console.log(`${label}: ${JSON.stringify({ count: view.count, expected: expected.size, afterDrain: d.ids.length, model: model.size, extra: extra.slice(0, 20), missing: missing.slice(0, 20), report })}`);
    }
    expect(view.count, `${label}: documents = what the succeeded tasks imply`).toBe(expected.size);
    expect(view.files.filter((f) => f.name.includes('.tmp-') || f.name.endsWith('.crswap')), `${label}: no temporary file left`).toEqual([]);
    for (const t of view.tasks) {
      const ms = durationMs(t.duration);
      const kind = t.type === 'dumpCreation' ? 'dump' : t.type === 'snapshotCreation' ? 'snapshot' : 'indexing';
      if (ms !== null && t.status === 'succeeded') estimate[kind] = 0.8 * estimate[kind] + 0.2 * ms;
    }
    // The snapshot: never lost once there was one; a new one is complete and consistent.
    if (lastSnapshot !== null) expect(view.snapshotDigest, `${label}: the previous snapshot is gone`).not.toBeNull();
    if (view.snapshotDigest !== null && view.snapshotDigest !== lastSnapshot) {
      const r = await restoreIntoMemory(page, { snapshot: true });
      expect(r.error, `${label}: the snapshot restores`).toBeNull();
      expect(r.ids.sort((a, b) => a[0] - b[0]), `${label}: the snapshot's documents match its tasks`).toEqual(pairs(expectedAfter(r.tasks, planner.plan)));
      lastSnapshot = view.snapshotDigest;
      stats.snapshotsVerified++;
    }
    for (const f of view.files.filter((f) => f.dir === 'dumps' && f.name.endsWith('.dump'))) {
      const uid = f.name.slice(0, -'.dump'.length);
      if (verifiedDumps.has(uid)) continue;
      const r = await restoreIntoMemory(page, { dump: uid });
      expect(r.error, `${label}: dump ${uid} imports`).toBeNull();
      expect(r.ids.sort((a, b) => a[0] - b[0]), `${label}: dump ${uid}'s documents match its tasks`).toEqual(pairs(expectedAfter(r.tasks, planner.plan)));
      verifiedDumps.add(uid);
      stats.dumpsVerified++;
      await page.evaluate((u) => window.client.deleteDump(u), uid); // keeps OPFS small; the status stays "verified"
    }
    return view;
  };

  const drainAndCheck = async (label: string) => {
    const d = await drain(page);
    const tasks = d.tasks as SeenTask[];
    expect(tasks.filter((t) => t.status !== 'succeeded'), `${label}: every task succeeded`).toEqual([]);
    const uids = new Set(tasks.map((t) => t.uid));
    expect([...returned.keys()].filter((uid) => !uids.has(uid)), `${label}: every returned task is there`).toEqual([]);
    const expected = expectedAfter(tasks, planner.plan);
    expect(d.ids.sort((a, b) => a[0] - b[0]), `${label}: documents and values are exactly the model's`).toEqual(pairs(expected));
    expect(d.count).toBe(expected.size);
    expect(d.titled, `${label}: the documents with a title are the added ones`).toEqual(expectedTitled(tasks, planner.plan));
    if (d.titledMiddle !== null) expect(d.hit, `${label}: searches see the documents`).toEqual({ id: d.titledMiddle });
    if (d.misses.length) console.log(`${label}: search misses ${JSON.stringify(d.misses)}`);
    expect(d.misses, `${label}: documents found by their own title ([id, top hit])`).toEqual([]);
    stats.drains++;
    stats.tasks = tasks.length;
  };

  await openReliabilityPage(page);
  await startEngine(page);
  // Set-up round, not killed: the settings deletions by filter need, and a first few thousand documents.
  const setupOps = planner.setup();
  const setup = await page.evaluate(
    async (ops) => {
      const out: number[] = [];
      const docs = window.client.index('docs');
      for (const op of ops) {
        const t =
          op.kind === 'settings'
            ? await docs.updateSettings({ filterableAttributes: ['tag', 'n'], sortableAttributes: op.sortable })
            : await docs.addDocuments(op.docs!, { customMetadata: op.tag });
        out.push(t.taskUid);
      }
      await window.client.waitForTasks(out, { timeout: 60_000 });
      return out;
    },
    setupOps.map((op) => pageOp(op) as { kind: string; tag?: string; docs?: Record<string, unknown>[]; sortable: string[] }),
  );
  setup.forEach((uid, i) => returned.set(uid, tagOf(setupOps[i])));

  for (let r = 0; r < KILLS; r++) {
    const round = planner.next(r);
    const ops = round.ops.map((op) => pageOp(op));
    const kind = round.kind;
    const delay = Math.round(round.at * 1.2 * estimate[kind]);
    const label = `round ${r} (${kind}, ${round.mode}${round.early !== null ? `, early ${round.early} ms` : `, +${delay} ms`})`;
    const report = await runAndKill(page, { ops, mode: round.mode, early: round.early, delay, target: round.target });
    if (round.mode === 'closePage') {
      await page.close({ runBeforeUnload: false });
      await newPage(context);
    }
    stats.kills++;
    stats.byMode[round.mode] = (stats.byMode[round.mode] ?? 0) + 1;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    if (round.early !== null) stats.early++;
    if (report.statusAtKill === 'processing') {
      stats.midTask++;
      stats.midTaskByKind[kind] = (stats.midTaskByKind[kind] ?? 0) + 1;
    }
    for (const { op, uid } of report.returned) returned.set(uid, tagOf(round.ops[op]));
    if (VERBOSE) console.log(`${label}: ${JSON.stringify({ ...report, ops: round.ops.map(tagOf) })}`);
    await restartAndCheck(label, report);
    if ((r + 1) % DRAIN_EVERY === 0) await drainAndCheck(`drain after ${label}`);
    if ((r + 1) % 50 === 0) console.log(`crash progress: ${r + 1}/${KILLS} kills, ${returned.size} tasks returned, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await drainAndCheck('final drain');

  const ms = stats.restartMs.sort((a, b) => a - b);
  const summary = { seed: SEED, ...stats, restartMs: { median: Math.round(ms[ms.length >> 1]), max: Math.round(ms[ms.length - 1]) } };
  console.log(`crash run: ${JSON.stringify(summary)}`);
  test.info().annotations.push({ type: 'crash-run', description: JSON.stringify(summary) });
});
