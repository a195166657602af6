// Runs in the benchmark page: measures a peer engine (MiniSearch, FlexSearch, Orama) in its own Web Worker
// (bench/peers/*.worker.mjs, bundled into bench/.build/peers/), with the same phases as pocketsearchSuite.mjs.
import { loadCorpus } from '/bench/corpus/corpora.mjs';
import { timeQueries, interleaved, workerHeapBytes, indexedDbBytes } from './measure.mjs';

/** Query rounds stop after this long (a slow engine would not fit the benchmark's time budget). */
const QUERY_BUDGET_MS = 45_000;
/** The cold worker's 200 queries (before its heap is measured) stop after this long. */
const COLD_QUERY_BUDGET_MS = 20_000;

function spawn(engine) {
  const worker = new Worker(`/bench/.build/peers/${engine}.js`, { type: 'module' });
  const pending = new Map();
  let next = 1;
  worker.onmessage = (e) => {
    const { id, result, error } = e.data;
    const p = pending.get(id);
    pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve(result);
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message ?? 'worker error'));
    pending.clear();
  };
  return {
    call: (op, ...args) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      }),
    terminate: () => worker.terminate(),
  };
}

let s = null;

/** Time from the first documents posted to the serialized index written to IndexedDB. */
export async function build({ engine, corpus = 'synth', total = 100_000, chunk = 10_000 } = {}) {
  const c = await loadCorpus(corpus, total);
  const chunks = [...c.chunks(chunk)];
  const cfg = { db: `bench-${engine}`, primaryKey: c.primaryKey, searchable: c.searchable, filterable: c.filterable, schema: c.schema };
  s = { engine, c, cfg };
  const worker = spawn(engine);
  s.worker = worker;
  const t0 = performance.now();
  const { features } = await worker.call('init', cfg);
  // Posted at once, like pocketsearch's tasks: cloning on the page overlaps indexing in the worker.
  await Promise.all(chunks.map((docs) => worker.call('add', docs)));
  const built = performance.now();
  const persisted = await worker.call('persist');
  const indexMs = performance.now() - t0;
  return {
    engine,
    corpus: c.name,
    documents: c.total,
    features,
    index: { ms: indexMs, docsPerSecond: (c.total / indexMs) * 1000, buildMs: built - t0, ...persisted },
  };
}

export async function queries() {
  const w = s.worker;
  const warm = await timeQueries((q) => w.call('search', q.q), s.c.queries, QUERY_BUDGET_MS);
  let filtered;
  try {
    filtered = (await timeQueries((q) => w.call('filtered', q), s.c.filtered, QUERY_BUDGET_MS)).filtered;
  } catch (e) {
    filtered = { unsupported: /unsupported/.test(String(e)) ? 'n/a' : String(e).slice(0, 200) };
  }
  w.terminate();
  return { warm, filtered };
}

/** A fresh worker: read from IndexedDB, deserialize, first answer; the heap after 200 queries; IndexedDB's size. */
export async function cold() {
  const t0 = performance.now();
  const worker = spawn(s.engine);
  const opened = await worker.call('open', s.cfg);
  await worker.call('search', s.c.queries[0].q);
  const coldStartMs = performance.now() - t0;
  let heapQueries = 0;
  const t1 = performance.now();
  for (const q of interleaved(s.c.queries)) {
    if (performance.now() - t1 > COLD_QUERY_BUDGET_MS) break;
    await worker.call('search', q.q);
    heapQueries++;
  }
  const heapBytes = await workerHeapBytes();
  worker.terminate();
  return { coldStartMs, readMs: opened.readMs, loadMs: opened.loadMs, heapBytes, heapQueries, storageBytes: await indexedDbBytes() };
}
