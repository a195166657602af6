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

/** The queries with their kinds interleaved (single, multi, prefix, typo, single, …): a round cut short by a time
 * budget still measures every kind. */
export function interleaved(list) {
  const byKind = new Map();
  for (const q of list) {
    if (!byKind.has(q.kind)) byKind.set(q.kind, []);
    byKind.get(q.kind).push(q);
  }
  const lists = [...byKind.values()];
  const out = [];
  for (let i = 0; out.length < list.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/**
 * Round-trip latency of `search(query)` per query kind (and `all`), kinds interleaved. A warm-up round runs first;
 * a round stops at `budgetMs` (slow engines would not fit the benchmark's time budget): when the warm-up round
 * was cut, its timings are the measurement (`warmUp: false`, `n` per kind says how many ran).
 */
export async function timeQueries(search, list, budgetMs = Infinity) {
  const order = interleaved(list);
  const round = async () => {
    const byKind = {};
    const t0 = performance.now();
    let complete = true;
    for (const q of order) {
      if (performance.now() - t0 > budgetMs) {
        complete = false;
        break;
      }
      const t = performance.now();
      await search(q);
      (byKind[q.kind] ??= []).push(performance.now() - t);
    }
    return { byKind, complete };
  };
  let { byKind, complete } = await round();
  const warmUp = complete;
  if (warmUp) byKind = (await round()).byKind;
  const out = {};
  for (const [k, v] of Object.entries(byKind)) out[k] = percentiles(v);
  out.all = percentiles(Object.values(byKind).flat());
  out.warmUp = warmUp;
  return out;
}

/** One kind's timings (`timeQueries` on a list of a single kind): `{p50, p95, p99, n, warmUp}`. */
export async function timeKind(search, list, budgetMs = Infinity) {
  const t = await timeQueries(search, list, budgetMs);
  return { ...t[list[0].kind], warmUp: t.warmUp };
}

/** UTF-8 bytes of the documents as JSON (what the throughputs of dumps are quoted against). */
export function jsonBytes(chunks) {
  const enc = new TextEncoder();
  let n = 0;
  for (const c of chunks) n += enc.encode(JSON.stringify(c)).length;
  return n;
}
