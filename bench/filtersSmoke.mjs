#!/usr/bin/env node
// Quick Node measurement of the filters layer on synth-100k (memory store, built library):
//   node scripts/build.mjs lib && node bench/filtersSmoke.mjs [total]
// Prints warm p50/p95/p99 of the benchmark's filtered + faceted queries (a word query filtered on
// `category = X AND price A TO B` with facets category and tags), and of a few variants for context.
import { createEngine } from '../dist/engine.js';
import { documentChunks, filteredQueries } from './corpus/synth.mjs';

const total = Number(process.argv[2] ?? 100_000);

function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { p50: at(50), p95: at(95), p99: at(99), n: s.length };
}

// Wall time, and process CPU time (user + system): on a shared, loaded machine the wall time also counts
// the time spent waiting for a core, the CPU time does not.
async function time(index, list, paramsOf, rounds = 3) {
  for (const q of list) await index.search(q.q, paramsOf(q)); // warm-up
  const wall = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of list) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await index.search(q.q, paramsOf(q));
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return { wall: percentiles(wall), cpu: percentiles(cpu) };
}

const engine = await createEngine({ storage: 'memory', name: 'filters-smoke', cacheBytes: 64 * 1024 * 1024 });
const index = engine.index('synth');
await index.updateSettings({ filterableAttributes: ['category', 'price', 'tags'] }).waitTask({ timeout: 60_000 });
const t0 = performance.now();
let last;
for (const docs of documentChunks(total, 10_000)) last = await index.addDocuments(docs);
const task = await engine.waitForTask(last.taskUid, { timeout: 900_000, interval: 200 });
const indexMs = performance.now() - t0;

const fq = filteredQueries();
const rows = [
  ['word + filter + facets (benchmark)', (q) => ({ filter: q.filter, facets: q.facets })],
  ['word + filter', (q) => ({ filter: q.filter })],
  ['word only', () => ({})],
  ['placeholder + filter + facets', (q) => ({ filter: q.filter, facets: q.facets }), true],
  ['word + facets (no filter)', (q) => ({ facets: q.facets })],
  ['word + filter + facets (benchmark, again)', (q) => ({ filter: q.filter, facets: q.facets })],
];
const fmt = (x) => x.toFixed(2).padStart(7);
console.log(`synth-${total}: indexed in ${(indexMs / 1000).toFixed(1)} s (${task.status}), Node ${process.version}`);
console.log('| workload | wall p50 | wall p95 | wall p99 | cpu p50 | cpu p95 | cpu p99 | n |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, paramsOf, placeholder] of rows) {
  const list = placeholder ? fq.map((q) => ({ ...q, q: '' })) : fq;
  const { wall: w, cpu: c } = await time(index, list, paramsOf);
  console.log(`| ${name} | ${fmt(w.p50)} | ${fmt(w.p95)} | ${fmt(w.p99)} | ${fmt(c.p50)} | ${fmt(c.p95)} | ${fmt(c.p99)} | ${w.n} |`);
}
const sample = await index.search(fq[0].q, { filter: fq[0].filter, facets: fq[0].facets });
console.log(`\nsample: q=${JSON.stringify(fq[0].q)} filter=${JSON.stringify(fq[0].filter)} → ${sample.estimatedTotalHits} hits, categories ${JSON.stringify(sample.facetDistribution?.category)}`);
await engine.close();
