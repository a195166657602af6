#!/usr/bin/env node
// `npm run bench`: pocketsearch, MiniSearch, FlexSearch and Orama in Web Workers of headless Chromium, on the
// SpamAssassin e-mails and synth-100k; prints one markdown table per corpus and writes bench/results/latest.{json,md}.
// `npm run bench -- --corpus=synth-1m`: the same generator at 1,000,000 documents (pocketsearch, and MiniSearch
// capped at a worker heap; FlexSearch and Orama are skipped). `--corpus=` takes a comma list of spam, synth
// (synth-100k), synth-1m.
//
// Environment: BENCH_DOCS (synth size, default 100000, and 1000000 for synth-1m), BENCH_CORPORA (default
// `spam,synth`; `--corpus=` wins), BENCH_ENGINES (default `pocketsearch,minisearch,flexsearch,orama`),
// BENCH_BACKUPS=0 (skip dumps/snapshots; never run on synth-1m), BENCH_PEER_HEAP_CAP_MIB (synth-1m: MiniSearch stops
// adding documents at this worker heap, default 512), BENCH_BUILD=0 (reuse dist/), BENCH_OUT (results file stem,
// default `latest`), CHROMIUM_PATH.
import { chromium } from 'playwright';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, release, loadavg } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPeerWorkers } from './peers/build.mjs';
import { prepareSpamCorpus } from './corpus/spam.mjs';
import { CORPORA, DEFAULT_DOCS, corpusName } from './corpus/corpora.mjs';
import { workerHeapSampler } from './heapSampler.mjs';
import { markdown } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: argv } = parseArgs({ options: { corpus: { type: 'string' } } });
const ALIASES = { 'synth-100k': 'synth', 'synth-1M': 'synth-1m', emails: 'spam', spamassassin: 'spam' };
const corpora = (argv.corpus ?? process.env.BENCH_CORPORA ?? 'spam,synth').split(',').map((c) => ALIASES[c] ?? c);
for (const c of corpora) if (!CORPORA[c]) throw new Error(`unknown corpus ${c}: spam, synth, synth-1m`);
/** Documents of a synth corpus: BENCH_DOCS, else its default. */
const docsOf = (corpus) => Number(process.env.BENCH_DOCS ?? DEFAULT_DOCS[corpus] ?? 0);
const total = docsOf('synth');
const engines = (process.env.BENCH_ENGINES ?? 'pocketsearch,minisearch,flexsearch,orama').split(',');
const backups = process.env.BENCH_BACKUPS !== '0';
// MiniSearch holds ~3.5 KiB of worker heap and ~2,300 characters of JSON export per synth document: past ~230k
// documents (~800 MiB) its export exceeds V8's longest string and could not be persisted; 512 MiB stops it at ~150k.
const heapCapMiB = Number(process.env.BENCH_PEER_HEAP_CAP_MIB ?? 512);
/** synth-1m: the in-memory peers that are not run, and why (MiniSearch runs capped, to show where it stops). */
const SKIPPED_1M = {
  flexsearch: 'skipped: in memory, 1M documents do not fit a tab (at 100k: 176 MiB of worker heap after a cold start, 625 MiB while indexing; its export, one JSON string, would be ~1.1 GiB, past V8\'s 512 MiB string limit)',
  orama: 'skipped: in memory, 1M documents do not fit a tab (at 100k: 995 MiB of worker heap after a cold start, and its queries did not fit the time budget)',
};
const port = 4190;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = performance.now();
const load = { start: loadavg()[0].toFixed(2) };

if (!existsSync(join(root, 'dist/index.js')) || process.env.BENCH_BUILD !== '0') {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'lib'], { stdio: 'inherit' });
}
if (engines.some((e) => e !== 'pocketsearch')) await buildPeerWorkers();
if (corpora.includes('spam')) prepareSpamCorpus(join(root, 'bench/.build/spam.json'));

const server = spawn(process.execPath, [join(root, 'test/e2e/server.mjs')], { env: { ...process.env, PORT: String(port), ISOLATE: '1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const log = (...a) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s]`, ...a);
let browserVersion = '';

/** One engine on one corpus, in a fresh persistent profile (its own IndexedDB and OPFS, nothing left by others). */
async function measure(engine, corpus) {
  const profile = mkdtempSync(join(tmpdir(), 'pocketsearch-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  browserVersion ||= context.browser()?.version() ?? execFileSync(executablePath, ['--version']).toString().trim();
  const suite = engine === 'pocketsearch' ? 'suite' : 'peers';
  const docs = docsOf(corpus);
  let result = { engine, corpus: corpusName(corpus, docs), corpusId: corpus };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('pageerror', (e) => log(engine, 'page error', e.message));
    await page.goto(`http://127.0.0.1:${port}/bench/pages/bench.html`);
    await page.waitForFunction(() => window.ready === true);
    const heap = await workerHeapSampler(page);
    const phase = (name, arg) => heap.during(() => page.evaluate(([s, n, a]) => window.bench[s][n](a), [suite, name, arg]));
    const built = await phase('build', { engine, corpus, total: docs, heapCapMiB });
    result = { ...built.result, indexPeakHeapBytes: built.peakHeapBytes };
    const stopped = result.index.stopped;
    log(engine, result.corpus, `indexed: ${Math.round(result.index.docsPerSecond)} docs/s${stopped ? `, stopped at ${stopped.documents} documents (${stopped.reason})` : ''}`);
    Object.assign(result, (await phase('queries')).result);
    log(engine, result.corpus, `queries: p95 all ${result.warm.all.p95.toFixed(1)} ms`);
    const cold = await phase('cold');
    result.cold = { ...cold.result, peakHeapBytes: cold.peakHeapBytes };
    log(engine, result.corpus, `cold start ${result.cold.coldStartMs.toFixed(0)} ms`);
    if (engine === 'pocketsearch' && backups && corpus !== 'synth-1m') {
      // Each step alone under the heap sampler: its peak worker heap.
      const steps = async (key, names) => {
        try {
          const out = {};
          for (const [name, peakKey] of names) {
            const r = await phase(name);
            Object.assign(out, r.result, { [peakKey]: r.peakHeapBytes });
          }
          result[key] = out;
          log(engine, result.corpus, key, JSON.stringify(out));
        } catch (e) {
          result[key] = { error: String(e?.message ?? e) };
          log(engine, result.corpus, key, 'failed:', result[key].error);
        }
      };
      await steps('dump', [['dumpExport', 'exportPeakHeapBytes'], ['dumpImport', 'importPeakHeapBytes']]);
      await steps('snapshot', [['snapshotWrite', 'writePeakHeapBytes'], ['snapshotRestore', 'restorePeakHeapBytes']]);
    }
    await heap.detach();
  } catch (e) {
    result.error = String(e?.message ?? e);
    log(engine, corpus, 'failed:', result.error);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return result;
}

const results = [];
try {
  for (const corpus of corpora) {
    for (const engine of engines) {
      if (corpus === 'synth-1m' && SKIPPED_1M[engine]) {
        results.push({ engine, corpus: corpusName(corpus, docsOf(corpus)), corpusId: corpus, skipped: SKIPPED_1M[engine] });
        log(engine, corpus, SKIPPED_1M[engine]);
      } else results.push(await measure(engine, corpus));
    }
  }
} finally {
  server.kill();
}

load.end = loadavg()[0].toFixed(2);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Chromium ${browserVersion}`;
const date = new Date().toISOString().slice(0, 10);
const report = { date, machine, load, durationSeconds: Math.round((performance.now() - started) / 1000), total, corpora, heapCapMiB, results };
const md = markdown(report);
console.log(md);
const stem = process.env.BENCH_OUT ?? 'latest';
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/${stem}.json`), JSON.stringify(report, null, 2));
writeFileSync(join(root, `bench/results/${stem}.md`), md);
log(`done in ${report.durationSeconds} s`);
