#!/usr/bin/env node
// `npm run bench`: pocketsearch, MiniSearch, FlexSearch and Orama in Web Workers of headless Chromium, on the
// SpamAssassin e-mails and synth-100k; prints one markdown table per corpus and writes bench/results/latest.{json,md}.
//
// Environment: BENCH_DOCS (synth size, default 100000), BENCH_CORPORA (default `spam,synth`), BENCH_ENGINES
// (default `pocketsearch,minisearch,flexsearch,orama`), BENCH_BACKUPS=0 (skip dumps/snapshots), BENCH_BUILD=0 (reuse
// dist/), BENCH_OUT (results file stem, default `latest`), CHROMIUM_PATH.
import { chromium } from 'playwright';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, release, loadavg } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPeerWorkers } from './peers/build.mjs';
import { prepareSpamCorpus } from './corpus/spam.mjs';
import { workerHeapSampler } from './heapSampler.mjs';
import { markdown } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const total = Number(process.env.BENCH_DOCS ?? 100_000);
const corpora = (process.env.BENCH_CORPORA ?? 'spam,synth').split(',');
const engines = (process.env.BENCH_ENGINES ?? 'pocketsearch,minisearch,flexsearch,orama').split(',');
const backups = process.env.BENCH_BACKUPS !== '0';
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
  let result = { engine, corpus: corpus === 'synth' ? `synth-${Math.round(total / 1000)}k` : 'spamassassin' };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('pageerror', (e) => log(engine, 'page error', e.message));
    await page.goto(`http://127.0.0.1:${port}/bench/pages/bench.html`);
    await page.waitForFunction(() => window.ready === true);
    const heap = await workerHeapSampler(page);
    const phase = (name, arg) => heap.during(() => page.evaluate(([s, n, a]) => window.bench[s][n](a), [suite, name, arg]));
    const built = await phase('build', { engine, corpus, total });
    result = { ...built.result, indexPeakHeapBytes: built.peakHeapBytes };
    log(engine, result.corpus, `indexed: ${Math.round(result.index.docsPerSecond)} docs/s`);
    Object.assign(result, (await phase('queries')).result);
    log(engine, result.corpus, `queries: p95 all ${result.warm.all.p95.toFixed(1)} ms`);
    const cold = await phase('cold');
    result.cold = { ...cold.result, peakHeapBytes: cold.peakHeapBytes };
    log(engine, result.corpus, `cold start ${result.cold.coldStartMs.toFixed(0)} ms`);
    if (engine === 'pocketsearch' && backups) {
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
  for (const corpus of corpora) for (const engine of engines) results.push(await measure(engine, corpus));
} finally {
  server.kill();
}

load.end = loadavg()[0].toFixed(2);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Chromium ${browserVersion}`;
const date = new Date().toISOString().slice(0, 10);
const report = { date, machine, load, durationSeconds: Math.round((performance.now() - started) / 1000), total, results };
const md = markdown(report);
console.log(md);
const stem = process.env.BENCH_OUT ?? 'latest';
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/${stem}.json`), JSON.stringify(report, null, 2));
writeFileSync(join(root, `bench/results/${stem}.md`), md);
log(`done in ${report.durationSeconds} s`);
