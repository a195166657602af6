// Measurement helpers shared by the benchmark suites (page side).

export function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

/** Bytes attributed to dedicated workers (needs cross-origin isolation); measure with one worker alive. */
export async function workerHeapBytes() {
  if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
  const m = await performance.measureUserAgentSpecificMemory();
  let bytes = 0;
  for (const b of m.breakdown) if (b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')) bytes += b.bytes;
  return bytes;
}

/** IndexedDB bytes of this origin (each engine runs in its own browser profile), else the origin's whole usage. */
export async function indexedDbBytes() {
  const e = await navigator.storage.estimate();
  return e.usageDetails?.indexedDB ?? e.usage ?? null;
}

/**
 * Round-trip latency of `search(query)` per query kind (and `all`). A warm-up round runs first unless it took
 * longer than `budgetMs` (slow engines), in which case it is the measured round.
 */
export async function timeQueries(search, list, budgetMs = Infinity) {
  const round = async () => {
    const byKind = {};
    for (const q of list) {
      const t0 = performance.now();
      await search(q);
      (byKind[q.kind] ??= []).push(performance.now() - t0);
    }
    return byKind;
  };
  const t0 = performance.now();
  let byKind = await round();
  const warmUp = performance.now() - t0 <= budgetMs;
  if (warmUp) byKind = await round();
  const out = {};
  for (const [k, v] of Object.entries(byKind)) out[k] = percentiles(v);
  out.all = percentiles(Object.values(byKind).flat());
  out.warmUp = warmUp;
  return out;
}

/** UTF-8 bytes of the documents as JSON (what the throughputs of dumps are quoted against). */
export function jsonBytes(chunks) {
  const enc = new TextEncoder();
  let n = 0;
  for (const c of chunks) n += enc.encode(JSON.stringify(c)).length;
  return n;
}
