// Markdown of the benchmark results: one table per corpus, the features each engine had on, pocketsearch's backups,
// and where pocketsearch stands against the targets of issue 14 ("Query path v2"), which supersede the earlier ones.

const ms = (x) => (x == null ? 'n/a' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const mib = (x) => (x == null ? 'n/a' : `${(x / 2 ** 20).toFixed(1)} MiB`);
const int = (x) => Math.round(x).toLocaleString('en');
const KINDS = ['single', 'multi', 'prefix', 'typo', 'all'];

/** IndexedDB bytes, and per document. */
const idb = (bytes, docs) => (bytes == null ? 'n/a' : `${mib(bytes)}${docs ? ` (${int(bytes / docs)} B/doc)` : ''}`);

function engineRows(r) {
  if (r.skipped) return [`| ${r.engine} | ${r.skipped} | | | | | | | | |`];
  if (r.error && !r.index) return [`| ${r.engine} | failed: ${String(r.error).split('\n')[0].slice(0, 120)} | | | | | | | | |`];
  const rows = [];
  const x = r.index;
  let indexed = x.error ? `not persisted: ${x.error}` : `${int(x.docsPerSecond)} docs/s (${ms(x.ms)})`;
  if (x.stopped) indexed += `; **stopped adding at ${int(x.stopped.documents)} of ${int(x.stopped.of)} documents** (${x.stopped.reason}): every figure of this engine is of that partial index`;
  else if (x.heapCapMiB) indexed += `; held all ${int(r.documents)} documents (worker heap cap ${x.heapCapMiB} MiB not reached)`;
  if (x.generateMs !== undefined) indexed += `; the page generated the documents meanwhile (${ms(x.generateMs)})`;
  const head = [r.engine, indexed];
  const tail = [ms(r.cold?.coldStartMs), mib(r.cold?.heapBytes), mib(r.indexPeakHeapBytes), idb(r.cold?.storageBytes, r.documents)];
  const kinds = KINDS.filter((k) => r.warm?.[k]);
  if (!kinds.length) rows.push(`| ${head.join(' | ')} | ${r.error ? `failed: ${String(r.error).split('\n')[0].slice(0, 120)}` : ''} | | | | ${tail.join(' | ')} |`);
  kinds.forEach((k, i) => {
    const w = r.warm[k];
    const cells = [k, ms(w.p50), ms(w.p95), ms(w.p99)];
    rows.push(`| ${(i === 0 ? head : ['', '']).join(' | ')} | ${cells.join(' | ')} | ${(i === 0 ? tail : ['', '', '', '']).join(' | ')} |`);
  });
  const f = r.filtered;
  if (f?.p50 !== undefined) rows.push(`| | | filtered+faceted | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | | | | |`);
  else if (r.warm) rows.push(`| | | filtered+faceted | ${f?.unsupported ?? 'n/a'} | | | | | | |`);
  const t = r.typing;
  if (t?.p50 !== undefined) rows.push(`| | | typing (${int(t.n)} prefixes of ${t.queries} queries${t.warmUp === false ? ', no warm-up: cut at the time budget' : ''}) | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | | | | |`);
  else if (t?.unsupported) rows.push(`| | | typing | – (${t.unsupported}) | | | | | | |`);
  if (r.warm && r.warm.warmUp === false) {
    const n = KINDS.filter((k) => k !== 'all' && r.warm[k]).map((k) => r.warm[k].n).join('/');
    rows.push(`| | | (no warm-up: one round cut at the time budget, ${n} queries per kind) | | | | | | | |`);
  }
  if (f?.warmUp === false) rows.push(`| | | (filtered+faceted: no warm-up, one round cut at the time budget, ${f.n} queries) | | | | | | | |`);
  if (r.cold?.heapQueries !== undefined && r.cold.heapQueries < 200) rows.push(`| | | (worker heap after ${r.cold.heapQueries} queries: time budget) | | | | | | | |`);
  if (r.error && kinds.length) rows.push(`| | | failed later: ${String(r.error).split('\n')[0].slice(0, 120)} | | | | | | | |`);
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

const ISSUE14_KINDS = [
  ['single', 'single (plain)'],
  ['multi', 'multi-word'],
  ['prefix', 'prefix'],
  ['typo', 'typo'],
  ['typing', 'typing'],
  ['filtered', 'filtered+faceted'],
];
/** `{p50, p95}` of a kind (the 200 queries' kinds, `filtered`, `typing`), or null. */
const kindOf = (r, k) => {
  const x = k === 'filtered' ? r.filtered : k === 'typing' ? r.typing : r.warm?.[k];
  return x?.p50 !== undefined ? x : null;
};
const ok = (r) => r && !r.error && !r.skipped;

/**
 * Issue 14's targets ("Query path v2"; they supersede those of issues 2–9 for queries, indexing, cold start and
 * heap): `[{title, note, rows: [target, measured, met]}]`, one section per corpus of the issue, and the backup
 * targets of the earlier issues, which issue 14 does not cover.
 */
export function targets(results) {
  const find = (engine, corpusId) => results.find((r) => r.engine === engine && (r.corpusId ?? (r.corpus.startsWith('synth') ? 'synth' : 'spam')) === corpusId);
  const sections = [];
  const section = (title, corpusId, size, fill) => {
    const us = find('pocketsearch', corpusId);
    const rows = [];
    const add = (target, value, met) => rows.push([target, value, met === null ? '–' : met ? 'met' : 'missed']);
    let note = '';
    if (!us) note = 'not measured in this run.';
    else if (!ok(us)) note = `pocketsearch failed: ${String(us.error ?? us.skipped).slice(0, 160)}.`;
    else {
      if (size && us.documents !== size) note = `measured on ${us.corpus} (${int(us.documents)} documents), not the target's ${int(size)}: indicative only.`;
      fill(us, add);
    }
    sections.push({ title, note, rows });
  };
  const latency = (us, add, kinds, p50Max, p95Max) => {
    for (const [k, label] of kinds) {
      const x = kindOf(us, k);
      const p95 = typeof p95Max === 'function' ? p95Max(k) : p95Max;
      const want = [p50Max != null ? `p50 ≤ ${p50Max} ms` : null, `p95 ≤ ${p95} ms`].filter(Boolean).join(', ');
      if (!x) add(`${label}: ${want}`, 'not measured', null);
      else add(`${label}: ${want}`, p50Max != null ? `${msExact(x.p50)} / ${msExact(x.p95)}` : msExact(x.p95), (p50Max == null || x.p50 <= p50Max) && x.p95 <= p95);
    }
  };
  const heap = (us, add, maxMiB) => {
    const h = us.cold?.heapBytes;
    const after = us.cold?.heapQueries !== undefined && us.cold.heapQueries < 200 ? ` (after ${us.cold.heapQueries} queries)` : '';
    add(`worker heap ≤ ${maxMiB} MiB after a cold start and 200 queries`, h == null ? 'not measured' : `${mib(h)}${after}`, h == null ? null : h <= maxMiB * 2 ** 20);
  };

  section('E-mails (spamassassin, 6,046 documents)', 'spam', 0, (us, add) => latency(us, add, ISSUE14_KINDS, 0.5, 2));

  section('synth-100k', 'synth', 100_000, (us, add) => {
    latency(us, add, ISSUE14_KINDS, 1, (k) => (k === 'prefix' || k === 'typo' ? 8 : 5));
    const mini = find('minisearch', 'synth');
    for (const [k, label] of ISSUE14_KINDS) {
      const x = kindOf(us, k);
      const m = ok(mini) ? kindOf(mini, k) : null;
      const target = `${label}: at least as fast as MiniSearch at p50 and p95`;
      if (!ok(mini)) add(target, 'MiniSearch not measured', null);
      else if (!m && k === 'filtered') add(target, 'MiniSearch has no filters or facets: no comparison', null);
      else if (!m) add(target, `MiniSearch: ${mini.typing?.unsupported ?? 'not measured'}`, null);
      else if (!x) add(target, 'not measured', null);
      else add(target, `${msExact(x.p50)} / ${msExact(x.p95)} vs ${msExact(m.p50)} / ${msExact(m.p95)}`, x.p50 <= m.p50 && x.p95 <= m.p95);
    }
    add('cold start ≤ 50 ms', msExact(us.cold?.coldStartMs), us.cold ? us.cold.coldStartMs <= 50 : null);
    heap(us, add, 48);
    const dps = us.index.docsPerSecond;
    add('to a persisted index ≥ 10,000 docs/s', `${int(dps)} docs/s`, dps >= 10_000);
  });

  section('synth-1M (`npm run bench -- --corpus=synth-1m`)', 'synth-1m', 1_000_000, (us, add) => {
    const dps = us.index.docsPerSecond;
    add('to a persisted index ≥ 8,000 docs/s', `${int(dps)} docs/s`, dps >= 8_000);
    latency(us, add, ISSUE14_KINDS, null, 25);
    add('cold start ≤ 100 ms', msExact(us.cold?.coldStartMs), us.cold ? us.cold.coldStartMs <= 100 : null);
    heap(us, add, 96);
    const bytes = us.cold?.storageBytes;
    add('IndexedDB bytes per document (reported)', bytes == null ? 'n/a' : `${int(bytes / us.documents)} B/doc (${mib(bytes)})`, null);
    const mini = find('minisearch', 'synth-1m');
    if (mini) {
      const st = mini.index?.stopped;
      const where = !ok(mini) && !mini.index ? `failed: ${String(mini.error ?? mini.skipped).slice(0, 120)}` : st ? `stopped at ${int(st.documents)} documents (${st.reason})` : `held all ${int(mini.documents)} documents (cap ${mini.index.heapCapMiB} MiB not reached)`;
      add('where MiniSearch stops (capped run, reported)', where, null);
    }
  });

  // Not in issue 14: the backup targets of the earlier issues still stand.
  const us = find('pocketsearch', 'synth');
  const d = us?.dump;
  const sn = us?.snapshot;
  if (ok(us) && ((d && !d.error) || (sn && !sn.error))) {
    const rows = [];
    const add = (target, value, met) => rows.push([target, value, met ? 'met' : 'missed']);
    const dps = us.index.docsPerSecond;
    if (d && !d.error) {
      const exp = d.jsonBytes / 2 ** 20 / (d.exportMs / 1000);
      add('dump export ≥ 15 MiB/s of JSON', `${exp.toFixed(1)} MiB/s`, exp >= 15);
      const imp = (d.documents / d.importMs) * 1000;
      add('dump import ≥ indexing throughput', `${int(imp)} vs ${int(dps)} docs/s`, imp >= dps);
    }
    if (sn && !sn.error) {
      const w = sn.snapshotBytes / 2 ** 20 / (sn.writeMs / 1000);
      const r = sn.snapshotBytes / 2 ** 20 / (sn.restoreMs / 1000);
      add('snapshot write ≥ 100 MiB/s', `${w.toFixed(1)} MiB/s`, w >= 100);
      add('snapshot restore ≥ 100 MiB/s', `${r.toFixed(1)} MiB/s`, r >= 100);
      if (d && !d.error) add('snapshot restore ≥ 5× faster than dump import', `${(d.importMs / sn.restoreMs).toFixed(1)}×`, d.importMs >= 5 * sn.restoreMs);
    }
    sections.push({ title: `Backups (${us.corpus}; targets of the earlier issues, not covered by issue 14)`, note: '', rows });
  }
  return sections;
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
    '*Typing*: search as you type, every prefix of 30 of the queries (15 single-word, 15 multi-word) sent as it is',
    'typed (`j`, `ju`, `jur`, …), each timed. synth-1M is generated in the page chunk by chunk while the engine indexes;',
    'the in-memory peers cannot hold it (MiniSearch runs until its worker heap reaches a cap, the others are skipped).',
    '',
  );
  const corpora = [...new Set(results.map((r) => r.corpus))];
  for (const corpus of corpora) {
    const rs = results.filter((r) => r.corpus === corpus);
    const docs = Math.max(0, ...rs.map((r) => r.documents ?? 0)) || null;
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
  lines.push(
    '',
    "## pocketsearch against issue 14's targets",
    '',
    'Issue 14 ("Query path v2") sets these targets; they supersede the earlier issues\' targets for queries, indexing,',
    'cold start and heap (the backup targets below still stand). *Typing*: every prefix of 30 queries typed character',
    'by character. Latencies are p50 / p95.',
  );
  for (const { title, note, rows } of targets(results)) {
    lines.push('', `### ${title}`, '');
    if (note) lines.push(note);
    if (rows.length) {
      if (note) lines.push('');
      lines.push('| target | measured | met |', '|---|--:|:-:|');
      for (const [a, b, c] of rows) lines.push(`| ${a} | ${b} | ${c} |`);
    }
  }
  return lines.join('\n') + '\n';
}
