#!/usr/bin/env node
// `npm run bench`: runs the benchmarks in headless Chromium (Web Workers, IndexedDB in a persistent profile),
// prints a markdown table and writes bench/results/latest.{json,md}.
import { chromium } from 'playwright';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, release } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const total = Number(process.env.BENCH_DOCS ?? 100_000);
const port = 4190;

if (!existsSync(join(root, 'dist/index.js')) || process.env.BENCH_BUILD !== '0') {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'lib'], { stdio: 'inherit' });
}

const server = spawn(process.execPath, [join(root, 'test/e2e/server.mjs')], { env: { ...process.env, PORT: String(port), ISOLATE: '1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const profile = mkdtempSync(join(tmpdir(), 'pocketsearch-bench-'));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-blink-features=ForceEagerMeasureMemory'],
});
const browserVersion = context.browser()?.version() ?? execFileSync(executablePath, ['--version']).toString().trim();
let results;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(0);
  await page.goto(`http://127.0.0.1:${port}/bench/pages/bench.html`);
  await page.waitForFunction(() => window.ready === true);
  results = [await page.evaluate((t) => window.bench.suite.run({ total: t }), total)];
} finally {
  await context.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, ${browserVersion}`;
const date = new Date().toISOString().slice(0, 10);
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} ms`);
const mib = (x) => (x == null ? 'n/a' : `${(x / 2 ** 20).toFixed(1)} MiB`);
const lines = [`## pocketsearch benchmark — synth-${total / 1000}k — ${date}`, '', `Machine: ${machine}`, ''];
lines.push('| engine | docs/s to persisted index | query | p50 | p95 | p99 | cold start | worker heap | IndexedDB |', '|---|--:|---|--:|--:|--:|--:|--:|--:|');
for (const r of results) {
  const kinds = ['single', 'multi', 'prefix', 'typo', 'all'].filter((k) => r.warm[k]);
  kinds.forEach((k, i) => {
    const w = r.warm[k];
    lines.push(i === 0
      ? `| ${r.engine} | ${Math.round(r.index.docsPerSecond).toLocaleString('en')} | ${k} | ${ms(w.p50)} | ${ms(w.p95)} | ${ms(w.p99)} | ${ms(r.coldStartMs)} | ${mib(r.heapBytes)} | ${mib(r.storageBytes)} |`
      : `| | | ${k} | ${ms(w.p50)} | ${ms(w.p95)} | ${ms(w.p99)} | | | |`);
  });
  if (r.filtered?.p50 !== undefined) lines.push(`| | | filtered+faceted | ${ms(r.filtered.p50)} | ${ms(r.filtered.p95)} | ${ms(r.filtered.p99)} | | | |`);
  else if (r.filtered?.unsupported) lines.push(`| | | filtered+faceted | ${r.filtered.unsupported} | | | | | |`);
}
const md = lines.join('\n');
console.log(md);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ date, machine, total, results }, null, 2));
writeFileSync(join(root, 'bench/results/latest.md'), md + '\n');
