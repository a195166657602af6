// Markdown of the benchmark results: one table per corpus, the features each engine had on, pocketsearch's backups,
// and where pocketsearch stands against the targets of the issues (on synth).

const ms = (x) => (x == null ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const mib = (x) => (x == null ? 'n/a' : `${(x / 2 ** 20).toFixed(1)} MiB`);
const int = (x) => Math.round(x).toLocaleString('en');
const KINDS = ['single', 'multi', 'prefix', 'typo', 'all'];

function engineRows(r) {
  if (r.error) return [`| ${r.engine} | failed: ${String(r.error).split('\n')[0].slice(0, 120)} | | | | | | | | |`];
  const rows = [];
  const head = [
    r.engine,
    `${int(r.index.docsPerSecond)} docs/s (${ms(r.index.ms)})`,
  ];
  const tail = [ms(r.cold?.coldStartMs), mib(r.cold?.heapBytes), mib(r.indexPeakHeapBytes), mib(r.cold?.storageBytes)];
  const kinds = KINDS.filter((k) => r.warm?.[k]);
  kinds.forEach((k, i) => {
    const w = r.warm[k];
    const cells = [k, ms(w.p50), ms(w.p95), ms(w.p99)];
    rows.push(`| ${(i === 0 ? head : ['', '']).join(' | ')} | ${cells.join(' | ')} | ${(i === 0 ? tail : ['', '', '', '']).join(' | ')} |`);
  });
  const f = r.filtered;
  if (f?.p50 !== undefined) rows.push(`| | | filtered+faceted | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | | | | |`);
  else rows.push(`| | | filtered+faceted | ${f?.unsupported ?? 'n/a'} | | | | | | |`);
  if (r.warm && r.warm.warmUp === false) {
    const n = KINDS.filter((k) => k !== 'all' && r.warm[k]).map((k) => r.warm[k].n).join('/');
    rows.push(`| | | (no warm-up: one round cut at the time budget, ${n} queries per kind) | | | | | | | |`);
  }
  if (r.cold?.heapQueries !== undefined && r.cold.heapQueries < 200) rows.push(`| | | (worker heap after ${r.cold.heapQueries} queries: time budget) | | | | | | | |`);
  return rows;
}

function backupRows(r) {
  const d = r.dump;
  const s = r.snapshot;
  if (!d && !s) return [];
  const out = ['', `pocketsearch backups (${r.corpus}):`, '', '| operation | time | throughput | file | peak worker heap |', '|---|--:|--:|--:|--:|'];
  if (d?.error) out.push(`| dump | failed: ${String(d.error).slice(0, 120)} | | | |`);
  else if (d) {
    out.push(`| dump export | ${ms(d.exportMs)} | ${((d.jsonBytes / 2 ** 20) / (d.exportMs / 1000)).toFixed(1)} MiB/s of JSON | ${mib(d.dumpBytes)} | ${mib(d.exportPeakHeapBytes)} |`);
    out.push(`| dump import | ${ms(d.importMs)} | ${int((d.documents / d.importMs) * 1000)} docs/s | | ${mib(d.importPeakHeapBytes)} |`);
  }
  if (s?.error) out.push(`| snapshot | failed: ${String(s.error).slice(0, 120)} | | | |`);
  else if (s) {
    out.push(`| snapshot write | ${ms(s.writeMs)} | ${((s.snapshotBytes / 2 ** 20) / (s.writeMs / 1000)).toFixed(1)} MiB/s | ${mib(s.snapshotBytes)} | ${mib(s.writePeakHeapBytes)} |`);
    const faster = d && !d.error ? `, ${(d.importMs / s.restoreMs).toFixed(1)}× faster than dump import` : '';
    out.push(`| snapshot restore | ${ms(s.restoreMs)} | ${((s.snapshotBytes / 2 ** 20) / (s.restoreMs / 1000)).toFixed(1)} MiB/s${faster} | | ${mib(s.restorePeakHeapBytes)} |`);
  }
  return out;
}

/** Latency against a threshold: two decimals, so that a value printed as the threshold is not read as met. */
const msExact = (x) => (x == null ? 'n/a' : x >= 100 ? ms(x) : `${x.toFixed(2)} ms`);

/** Each target of issues 2, 3, 4, 5, 6 and 9 on the synth corpus: `[target, measured, met]`. */
export function targets(results) {
  const us = results.find((r) => r.engine === 'pocketsearch' && r.corpus.startsWith('synth') && !r.error);
  const mini = results.find((r) => r.engine === 'minisearch' && r.corpus.startsWith('synth') && !r.error);
  if (!us) return [];
  const out = [];
  const add = (target, value, met) => out.push([target, value, met === null ? '–' : met ? 'yes' : 'no']);
  const dps = us.index.docsPerSecond;
  add('≥ 10,000 docs/s to a persisted index', `${int(dps)} docs/s`, dps >= 10_000);
  if (mini) add('≥ 2× MiniSearch to a persisted index', `${(dps / mini.index.docsPerSecond).toFixed(2)}×`, dps >= 2 * mini.index.docsPerSecond);
  for (const k of ['single', 'multi']) {
    const p = us.warm[k].p95;
    add(`warm p95 ≤ 5 ms (${k})`, msExact(p), p <= 5);
    if (mini) add(`warm p95 ≤ 1.5× MiniSearch (${k})`, `${(p / mini.warm[k].p95).toFixed(2)}× (MiniSearch ${ms(mini.warm[k].p95)})`, p <= 1.5 * mini.warm[k].p95);
  }
  for (const k of ['prefix', 'typo']) add(`warm p95 ≤ 10 ms (${k})`, msExact(us.warm[k].p95), us.warm[k].p95 <= 10);
  if (us.filtered?.p95 !== undefined) add('filtered+faceted p95 ≤ 5 ms', msExact(us.filtered.p95), us.filtered.p95 <= 5);
  add('cold start ≤ 50 ms', msExact(us.cold.coldStartMs), us.cold.coldStartMs <= 50);
  if (us.cold.heapBytes != null) add('worker heap ≤ 30 MiB (after cold start + 200 queries)', mib(us.cold.heapBytes), us.cold.heapBytes <= 30 * 2 ** 20);
  const d = us.dump;
  if (d && !d.error) {
    const exp = d.jsonBytes / 2 ** 20 / (d.exportMs / 1000);
    add('dump export ≥ 15 MiB/s of JSON', `${exp.toFixed(1)} MiB/s`, exp >= 15);
    const imp = (d.documents / d.importMs) * 1000;
    add('dump import ≥ indexing throughput', `${int(imp)} vs ${int(dps)} docs/s`, imp >= dps);
  }
  const s = us.snapshot;
  if (s && !s.error) {
    const w = s.snapshotBytes / 2 ** 20 / (s.writeMs / 1000);
    const r = s.snapshotBytes / 2 ** 20 / (s.restoreMs / 1000);
    add('snapshot write ≥ 100 MiB/s', `${w.toFixed(1)} MiB/s`, w >= 100);
    add('snapshot restore ≥ 100 MiB/s', `${r.toFixed(1)} MiB/s`, r >= 100);
    if (d && !d.error) add('snapshot restore ≥ 5× faster than dump import', `${(d.importMs / s.restoreMs).toFixed(1)}×`, d.importMs >= 5 * s.restoreMs);
  }
  return out;
}

export function markdown({ date, machine, load, results }) {
  const lines = [`# pocketsearch benchmark — ${date}`, '', `Machine: ${machine}.`, ''];
  if (load) lines.push(`Load average (1 min) at start / end: ${load.start} / ${load.end}.`, '');
  lines.push(
    'Every engine runs in a Web Worker of headless Chromium with a persistent profile (its own per engine), fed the',
    'same documents from the page. *To persisted index*: first document sent → index in IndexedDB (peers: build +',
    'serialize + one IndexedDB write; pocketsearch: tasks committed). Queries: round trip from the page, 20 hits with',
    'their documents, a warm-up round first. *Cold start*: new worker → IndexedDB read + deserialize → first answer.',
    '*Worker heap*: after the cold start and 200 queries. *Peak heap*: sampled every 100 ms while indexing.',
    '',
  );
  const corpora = [...new Set(results.map((r) => r.corpus))];
  for (const corpus of corpora) {
    const rs = results.filter((r) => r.corpus === corpus);
    const docs = rs.find((r) => r.documents)?.documents;
    lines.push(`## ${corpus}${docs ? ` (${int(docs)} documents)` : ''}`, '');
    lines.push('| engine | to persisted index | query | p50 | p95 | p99 | cold start | worker heap | peak heap (indexing) | IndexedDB |', '|---|--:|---|--:|--:|--:|--:|--:|--:|--:|');
    for (const r of rs) lines.push(...engineRows(r));
    for (const r of rs) lines.push(...backupRows(r));
    lines.push('');
  }
  const seen = new Map();
  for (const r of results) if (r.features && !seen.has(r.engine)) seen.set(r.engine, r.features);
  lines.push('## What each engine had on', '', '| engine | typos | prefix | ranking | filters / facets |', '|---|---|---|---|---|');
  for (const [engine, f] of seen) lines.push(`| ${engine} | ${f.typos} | ${f.prefix} | ${f.ranking} | ${f.filters} |`);
  const t = targets(results);
  if (t.length) {
    lines.push('', '## pocketsearch against its targets (synth)', '', '| target | measured | met |', '|---|--:|:-:|');
    for (const [a, b, c] of t) lines.push(`| ${a} | ${b} | ${c} |`);
  }
  return lines.join('\n') + '\n';
}
