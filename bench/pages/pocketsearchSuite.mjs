// Runs in the benchmark page: measures pocketsearch (engine in its Web Worker over IndexedDB), phase by phase
// (bench/run.mjs samples the worker's heap around each phase).
import { createClient } from '/dist/index.js';
import { loadCorpus, TYPING_QUERIES } from '/bench/corpus/corpora.mjs';
import { timeQueries, timeKind, interleaved, workerHeapBytes, indexedDbBytes, jsonBytes } from './measure.mjs';

export { percentiles, workerHeapBytes } from './measure.mjs';

const WAIT = { timeout: 1_800_000, interval: 100 };
const FEATURES = {
  typos: "Meilisearch's: 1 from 5 letters, 2 from 9, on every word",
  prefix: 'last word',
  ranking: 'words, typo, proximity, attribute, exactness (bucket sort), matching strategy last',
  filters: 'filter + facets',
};

/** On synth-1m, each query workload (the 200, the filtered, the typing prefixes) stops after this long. */
const QUERY_BUDGET_1M_MS = 120_000;
/** On synth-1m, the cold worker's 200 queries (before its heap is measured) stop after this long. */
const COLD_QUERY_BUDGET_1M_MS = 60_000;

let s = null;

/**
 * Indexes the corpus: time from the first `addDocuments` to the last task committed, then background compaction.
 * A streamed corpus (synth-1m) is generated chunk by chunk in the page while the worker indexes (`generateMs`: the
 * page's share, inside the timed window), and is never held whole; the others are generated before the clock starts.
 */
export async function build({ corpus = 'synth', total = 100_000, chunk = 10_000, name = 'bench' } = {}) {
  const c = await loadCorpus(corpus, total);
  const chunks = c.stream ? null : [...c.chunks(chunk)];
  s = { c, name, uid: corpus, json: chunks ? jsonBytes(chunks) : null };
  const result = { engine: 'pocketsearch', corpus: c.name, corpusId: c.id, documents: c.total, features: FEATURES };
  const client = await createClient({ name });
  s.client = client;
  const index = client.index(s.uid);
  await index.updateSettings({ searchableAttributes: c.searchable, filterableAttributes: c.filterable }).waitTask(WAIT);
  const t0 = performance.now();
  const tasks = [];
  let generateMs = 0;
  if (chunks) for (const docs of chunks) tasks.push(await index.addDocuments(docs, { primaryKey: c.primaryKey }));
  else {
    const it = c.chunks(chunk);
    for (;;) {
      const g = performance.now();
      const next = it.next();
      generateMs += performance.now() - g;
      if (next.done) break;
      tasks.push(await index.addDocuments(next.value, { primaryKey: c.primaryKey }));
    }
  }
  const registeredMs = performance.now() - t0;
  const last = await client.waitForTask(tasks[tasks.length - 1].taskUid, WAIT);
  const indexMs = performance.now() - t0;
  const { results: batches } = await client.getBatches({ limit: 1000 });
  result.index = { ms: indexMs, docsPerSecond: (c.total / indexMs) * 1000, status: last.status, registeredMs, batches: batches.length - 1, trace: await indexingTrace(client) };
  if (c.stream) result.index.generateMs = generateMs;
  // Steady state: queries are measured once background segment compaction has finished.
  const c0 = performance.now();
  await client.waitForIdle();
  result.index.compactionMs = performance.now() - c0;
  return result;
}

/**
 * Warm query latencies (round trip from the page) per kind, the filtered + faceted workload, and search as you type
 * (every prefix of 30 queries, typed in order). On synth-1m each of the three stops at a time budget.
 */
export async function queries({ keepOpen = false } = {}) {
  const index = s.client.index(s.uid);
  const budget = s.c.stream ? QUERY_BUDGET_1M_MS : Infinity;
  const warm = await timeQueries((q) => index.search(q.q), s.c.queries, budget);
  const filtered = await timeKind((q) => index.search(q.q, { filter: q.filter, facets: q.facets }), s.c.filtered, budget);
  const typing = { ...(await timeKind((q) => index.search(q.q), s.c.typing, budget)), queries: TYPING_QUERIES };
  if (!keepOpen) await closeClient();
  return { warm, filtered, typing };
}

/** A fresh worker: start, open, first answer; then the heap after the 200 queries, and IndexedDB's size. */
export async function cold({ keepOpen = false } = {}) {
  const t0 = performance.now();
  const client = await createClient({ name: s.name });
  s.client = client;
  await client.index(s.uid).search(s.c.queries[0].q);
  const coldStartMs = performance.now() - t0;
  // synth-1m: the 200 queries stop at a time budget, as the peers' do (`heapQueries` says how many ran).
  const budget = s.c.stream ? COLD_QUERY_BUDGET_1M_MS : Infinity;
  let heapQueries = 0;
  const t1 = performance.now();
  for (const q of s.c.stream ? interleaved(s.c.queries) : s.c.queries) {
    if (performance.now() - t1 > budget) break;
    await client.index(s.uid).search(q.q);
    heapQueries++;
  }
  const heapBytes = await workerHeapBytes();
  if (!keepOpen) await closeClient();
  return { coldStartMs, heapBytes, heapQueries, storageBytes: await indexedDbBytes() };
}

/** Only the cold start (new worker → first answer), for bench/profileWorker.mjs. */
export async function coldStart() {
  const t0 = performance.now();
  s.client = await createClient({ name: s.name });
  const first = await s.client.index(s.uid).search(s.c.queries[0].q);
  return { coldStartMs: performance.now() - t0, processingTimeMs: first.processingTimeMs };
}

/** Closes the client of the last phase (`keepOpen` lets bench/profileWorker.mjs collect its profile first). */
export async function closeClient() {
  await s.client?.close();
  s.client = null;
}

/** Dump export: a `dumpCreation` task, then the file from OPFS. */
export async function dumpExport() {
  const client = await createClient({ name: s.name });
  const t0 = performance.now();
  const task = await client.createDump().waitTask(WAIT);
  const exportMs = performance.now() - t0;
  if (task.status !== 'succeeded') throw new Error(`dump failed: ${JSON.stringify(task.error)}`);
  s.dumpUid = task.details.dumpUid;
  s.dumpFile = await client.getDumpFile(s.dumpUid);
  await client.close();
  return { exportMs, dumpBytes: s.dumpFile.size, jsonBytes: s.json };
}

/** Dump import into an empty database at start-up (`createClient({importDump})`: re-indexes). */
export async function dumpImport({ keepOpen = false } = {}) {
  const t0 = performance.now();
  const imported = await createClient({ name: `${s.name}-dump`, importDump: s.dumpFile });
  const importMs = performance.now() - t0;
  const documents = (await imported.index(s.uid).getStats()).numberOfDocuments;
  if (keepOpen) {
    s.client = imported; // bench/profileWorker.mjs collects the worker's profile, then closes it
    return { importMs, documents };
  }
  // Frees the disk space of the copy and the dump (the snapshot phase measures the original database).
  await imported.deleteIndex(s.uid).waitTask(WAIT);
  await imported.close();
  const client = await createClient({ name: s.name });
  await client.deleteDump(s.dumpUid);
  await client.close();
  return { importMs, documents };
}

/** Snapshot write: a `snapshotCreation` task, then the file from OPFS. */
export async function snapshotWrite() {
  const client = await createClient({ name: s.name });
  const t0 = performance.now();
  const task = await client.createSnapshot().waitTask(WAIT);
  const writeMs = performance.now() - t0;
  if (task.status !== 'succeeded') throw new Error(`snapshot failed: ${JSON.stringify(task.error)}`);
  s.snapshotFile = await client.getSnapshotFile();
  await client.close();
  return { writeMs, snapshotBytes: s.snapshotFile.size };
}

/** Snapshot restore into an empty database at start-up (`createClient({importSnapshot})`: no re-indexing). */
export async function snapshotRestore() {
  const t0 = performance.now();
  const client = await createClient({ name: `${s.name}-snapshot`, importSnapshot: s.snapshotFile });
  const restoreMs = performance.now() - t0;
  const documents = (await client.index(s.uid).getStats()).numberOfDocuments;
  await client.close();
  return { restoreMs, documents };
}

/** Step timings of the indexing batches (Meilisearch's `stats.progressTrace`), summed. */
export async function indexingTrace(client) {
  const { results } = await client.getBatches({ limit: 1000 });
  const sum = {};
  for (const b of results) {
    for (const [k, v] of Object.entries(b.stats.progressTrace ?? {})) sum[k] = (sum[k] ?? 0) + Number.parseFloat(v);
  }
  return sum;
}
