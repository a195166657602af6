// Runs in the benchmark page: measures a peer engine (MiniSearch, FlexSearch, Orama) in its own Web Worker
// (bench/peers/*.worker.mjs, bundled into bench/.build/peers/), with the same phases as pocketsearchSuite.mjs.
import { loadCorpus, TYPING_QUERIES } from '/bench/corpus/corpora.mjs';
import { timeQueries, timeKind, interleaved, workerHeapBytes, indexedDbBytes } from './measure.mjs';

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

/**
 * Time from the first documents posted to the serialized index written to IndexedDB. A streamed corpus (synth-1m)
 * is generated chunk by chunk (the next chunk while the worker adds the current one) and capped: after each chunk
 * the worker's heap is measured (`measureUserAgentSpecificMemory`, outside the timed window) and adding stops once
 * it reaches `heapCapMiB` — an in-memory index cannot hold a million documents in a tab. What was added is then
 * persisted, queried and cold-started like any index (`index.stopped` says where and why it stopped).
 */
export async function build({ engine, corpus = 'synth', total = 100_000, chunk = 10_000, heapCapMiB = 512 } = {}) {
  const c = await loadCorpus(corpus, total);
  const cfg = { db: `bench-${engine}`, primaryKey: c.primaryKey, searchable: c.searchable, filterable: c.filterable, schema: c.schema };
  s = { engine, c, cfg };
  const worker = spawn(engine);
  s.worker = worker;
  const chunks = c.stream ? null : [...c.chunks(chunk)];
  const t0 = performance.now();
  const { features, typing } = await worker.call('init', cfg);
  s.typing = typing;
  let documents = c.total;
  let stopped = null;
  let heapCheckMs = 0;
  let generateMs = 0;
  // Posted at once, like pocketsearch's tasks: cloning on the page overlaps indexing in the worker.
  if (chunks) await Promise.all(chunks.map((docs) => worker.call('add', docs)));
  else {
    documents = 0;
    const it = c.chunks(chunk);
    const generate = () => {
      const g = performance.now();
      const next = it.next();
      generateMs += performance.now() - g;
      return next;
    };
    let next = generate();
    while (!next.done) {
      const adding = worker.call('add', next.value);
      const n = next.value.length;
      next = generate();
      await adding;
      documents += n;
      const h = performance.now();
      const heapBytes = await workerHeapBytes();
      heapCheckMs += performance.now() - h;
      if (!next.done && heapBytes !== null && heapBytes >= heapCapMiB * 2 ** 20) {
        stopped = { documents, of: c.total, heapBytes, reason: `worker heap ${(heapBytes / 2 ** 20).toFixed(0)} MiB ≥ cap ${heapCapMiB} MiB` };
        break;
      }
    }
  }
  const built = performance.now();
  const result = { engine, corpus: c.name, corpusId: c.id, documents, features };
  let persisted;
  try {
    persisted = await worker.call('persist');
  } catch (e) {
    // E.g. a serialized index longer than V8's longest string: reported, the later phases refuse to run.
    s.unpersisted = String(e?.message ?? e).split('\n')[0].slice(0, 200);
    persisted = { error: s.unpersisted };
  }
  const indexMs = performance.now() - t0 - heapCheckMs;
  result.index = { ms: indexMs, docsPerSecond: (documents / indexMs) * 1000, buildMs: built - t0 - heapCheckMs, ...persisted };
  if (c.stream) Object.assign(result.index, { generateMs, heapCheckMs, heapCapMiB, stopped });
  return result;
}

export async function queries() {
  if (s.unpersisted) throw new Error(`not measured: the index was not persisted (${s.unpersisted})`);
  const w = s.worker;
  const warm = await timeQueries((q) => w.call('search', q.q), s.c.queries, QUERY_BUDGET_MS);
  let filtered;
  try {
    filtered = await timeKind((q) => w.call('filtered', q), s.c.filtered, QUERY_BUDGET_MS);
  } catch (e) {
    filtered = { unsupported: /unsupported/.test(String(e)) ? 'n/a' : String(e).slice(0, 200) };
  }
  // Search as you type: every prefix of 30 queries, typed in order, with its own time budget.
  const typing = s.typing === true ? { ...(await timeKind((q) => w.call('search', q.q), s.c.typing, QUERY_BUDGET_MS)), queries: TYPING_QUERIES } : { unsupported: s.typing };
  w.terminate();
  return { warm, filtered, typing };
}

/** A fresh worker: read from IndexedDB, deserialize, first answer; the heap after 200 queries; IndexedDB's size. */
export async function cold() {
  if (s.unpersisted) throw new Error(`not measured: the index was not persisted (${s.unpersisted})`);
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
