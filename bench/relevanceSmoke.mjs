#!/usr/bin/env node
// Quick Node measurement of search latency with all default ranking rules on the synthetic corpus (not a test).
//   node scripts/build.mjs lib && node bench/relevanceSmoke.mjs [docs=100000] [rounds=3]
// Indexes the corpus in a memory engine, runs the 200 bench queries once to warm caches, then `rounds` more
// times, and prints p50/p95/p99 per query kind.
import { documentChunks, queries } from './corpus/synth.mjs';

// `RELEVANCE_ENGINE=/path/to/engine.js` measures another build (dist/ is shared by concurrent builds).
const { createEngine } = await import(process.env.RELEVANCE_ENGINE ?? '../dist/engine.js');

const total = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);

// `RELEVANCE_CACHE_MB` sets the posting cache (the engine's default is 16 MiB).
const cacheBytes = process.env.RELEVANCE_CACHE_MB ? Number(process.env.RELEVANCE_CACHE_MB) * 2 ** 20 : undefined;
const engine = await createEngine({ storage: 'memory', name: 'relevance-smoke', cacheBytes });
const index = engine.index('synth');
let t = performance.now();
let last;
for (const chunk of documentChunks(total, 10_000)) last = index.addDocuments(chunk, { primaryKey: 'id' });
const task = await last.waitTask({ timeout: 600_000, interval: 50 });
if (task.status !== 'succeeded') throw new Error(JSON.stringify(task.error));
console.log(`indexed ${total} docs in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const qs = queries(total);
const kinds = [...new Set(qs.map((q) => q.kind))];
const times = Object.fromEntries(kinds.map((k) => [k, []]));
// CPU time too: on a loaded machine wall time also counts the time other processes had the core.
const cpu = Object.fromEntries(kinds.map((k) => [k, []]));
let hits = 0;
t = performance.now();
for (const q of qs) hits += (await index.search(q.q)).hits.length;
console.log(`cold pass: ${(performance.now() - t).toFixed(0)} ms for ${qs.length} queries (${hits} hits)`);
for (let r = 0; r < rounds; r++) {
  for (const q of qs) {
    const s = performance.now();
    const c = process.cpuUsage();
    await index.search(q.q);
    times[q.kind].push(performance.now() - s);
    const u = process.cpuUsage(c);
    cpu[q.kind].push((u.user + u.system) / 1000);
  }
}
const pct = (a, p) => a[Math.min(a.length - 1, Math.floor((a.length * p) / 100))];
console.log('| kind | p50 | p95 | p99 | max | cpu p50 | cpu p95 |');
console.log('|---|--:|--:|--:|--:|--:|--:|');
for (const k of [...kinds, 'all']) {
  const a = (k === 'all' ? Object.values(times).flat() : times[k]).sort((x, y) => x - y);
  const c = (k === 'all' ? Object.values(cpu).flat() : cpu[k]).sort((x, y) => x - y);
  console.log(`| ${k} | ${pct(a, 50).toFixed(2)} ms | ${pct(a, 95).toFixed(2)} ms | ${pct(a, 99).toFixed(2)} ms | ${a[a.length - 1].toFixed(2)} ms | ${pct(c, 50).toFixed(2)} ms | ${pct(c, 95).toFixed(2)} ms |`);
}
const slow = qs.map((q, i) => ({ q, ms: Math.max(...Array.from({ length: rounds }, (_, r) => times[q.kind][qs.filter((x) => x.kind === q.kind).indexOf(q) + r * qs.filter((x) => x.kind === q.kind).length])) }));
slow.sort((a, b) => b.ms - a.ms);
console.log('slowest:', slow.slice(0, 8).map((s) => `${s.q.kind} "${s.q.q}" ${s.ms.toFixed(1)} ms`).join('; '));
console.log(`heap used: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
await engine.close();
