// Runs in the benchmark page: measures pocketsearch (engine in its Web Worker over IndexedDB).
import { createClient } from '/dist/index.js';
import { documentChunks, queries, filteredQueries } from '/bench/corpus/synth.mjs';

export function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

/** Bytes attributed to dedicated workers (needs cross-origin isolation). */
export async function workerHeapBytes() {
  if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
  const m = await performance.measureUserAgentSpecificMemory();
  let bytes = 0;
  for (const b of m.breakdown) if (b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) bytes += b.bytes;
  return bytes;
}

async function timeQueries(index, list, params = {}) {
  const byKind = {};
  for (const q of list) {
    const t0 = performance.now();
    await index.search(q.q, { ...params, ...(q.filter ? { filter: q.filter, facets: q.facets } : {}) });
    (byKind[q.kind] ??= []).push(performance.now() - t0);
  }
  const out = {};
  for (const [k, v] of Object.entries(byKind)) out[k] = percentiles(v);
  out.all = percentiles(Object.values(byKind).flat());
  return out;
}

export async function run({ total = 100_000, chunk = 10_000, name = 'bench' } = {}) {
  const result = { engine: 'pocketsearch', total };
  const chunks = [...documentChunks(total, chunk)];
  const client = await createClient({ name });
  const index = client.index('synth');
  await index.updateSettings({ filterableAttributes: ['category', 'price', 'tags'] }).waitTask({ timeout: 60_000 }).catch(() => null);
  const t0 = performance.now();
  const tasks = [];
  for (const docs of chunks) tasks.push(await index.addDocuments(docs));
  const last = await client.waitForTask(tasks[tasks.length - 1].taskUid, { timeout: 600_000, interval: 100 });
  const indexMs = performance.now() - t0;
  result.index = { ms: indexMs, docsPerSecond: (total / indexMs) * 1000, status: last.status, trace: await indexingTrace(client) };
  // Steady state: queries are measured once background segment compaction has finished.
  const c0 = performance.now();
  await client.waitForIdle();
  result.index.compactionMs = performance.now() - c0;
  const qs = queries(total);
  await timeQueries(index, qs); // warm-up round
  result.warm = await timeQueries(index, qs);
  try {
    const fq = filteredQueries();
    await timeQueries(index, fq);
    result.filtered = (await timeQueries(index, fq)).filtered;
  } catch (e) {
    result.filtered = { unsupported: String(e?.code ?? e) };
  }
  await client.close();
  const cs = performance.now();
  const cold = await createClient({ name });
  await cold.index('synth').search(qs[0].q);
  result.coldStartMs = performance.now() - cs;
  await timeQueries(cold.index('synth'), qs);
  result.heapBytes = await workerHeapBytes();
  result.storageBytes = (await navigator.storage.estimate()).usage ?? null;
  await cold.close();
  return result;
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
