#!/usr/bin/env node
// Profiles pocketsearch's worker in Chromium during the benchmark's phases (CPU profiler over CDP on the worker
// target, started before the worker runs): `node bench/profileWorker.mjs [build,queries,coldStart,cold,dumpExport,dumpImport,snapshotWrite,snapshotRestore]`. Writes
// bench/.build/profiles/<phase>.cpuprofile (open in Chrome DevTools) and prints the top functions.
// Environment: BENCH_DOCS (default 20000), BENCH_CORPUS (synth | spam), PROFILE_TOP (rows, default 25).
import { chromium } from 'playwright';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareSpamCorpus } from './corpus/spam.mjs';
import { profileTop } from './profileTop.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const phases = (process.argv[2] ?? 'build').split(',');
const total = Number(process.env.BENCH_DOCS ?? 20_000);
const corpus = process.env.BENCH_CORPUS ?? 'synth';
const port = 4191;
if (!existsSync(join(root, 'dist/index.js')) || process.env.BENCH_BUILD !== '0') execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'lib'], { stdio: 'inherit' });
if (corpus === 'spam') prepareSpamCorpus(join(root, 'bench/.build/spam.json'));
const server = spawn(process.execPath, [join(root, 'test/e2e/server.mjs')], { env: { ...process.env, PORT: String(port), ISOLATE: '1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const profile = mkdtempSync(join(tmpdir(), 'pocketsearch-profile-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--enable-blink-features=ForceEagerMeasureMemory'] });
const outDir = join(root, 'bench/.build/profiles');
mkdirSync(outDir, { recursive: true });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(0);
  await page.goto(`http://127.0.0.1:${port}/bench/pages/bench.html`);
  await page.waitForFunction(() => window.ready === true);
  const cdp = await context.newCDPSession(page);
  const workers = new Set();
  const pending = new Map();
  let next = 1;
  // A worker closed meanwhile never answers: give up after a while.
  const send = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      setTimeout(() => resolve(null), 5000);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(null));
    });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.id !== undefined) pending.get(m.id)?.(m.result ?? null);
  });
  cdp.on('Target.attachedToTarget', async (e) => {
    if (e.targetInfo.type !== 'worker') return;
    workers.add(e.sessionId);
    await send(e.sessionId, 'Profiler.enable');
    await send(e.sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
    await send(e.sessionId, 'Profiler.start');
    await send(e.sessionId, 'Runtime.runIfWaitingForDebugger');
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  const all = ['build', 'queries', 'coldStart', 'cold', 'dumpExport', 'dumpImport', 'snapshotWrite', 'snapshotRestore'];
  for (const phase of all.slice(0, Math.max(...phases.map((p) => all.indexOf(p))) + 1)) {
    const t0 = performance.now();
    // keepOpen: the worker lives until its profile is collected.
    const evaluate = page.evaluate(([n, a]) => window.bench.suite[n](a), [phase, { corpus, total, keepOpen: true }]);
    const result = await evaluate;
    console.error(`${phase}: ${(performance.now() - t0).toFixed(0)} ms`, JSON.stringify(result.index ?? result.warm ?? result).slice(0, 600));
    for (const sessionId of workers) {
      const r = await send(sessionId, 'Profiler.stop');
      if (r?.profile && phases.includes(phase)) {
        writeFileSync(join(outDir, `${phase}.cpuprofile`), JSON.stringify(r.profile));
        console.log(`## ${phase}\n${profileTop(r.profile, Number(process.env.PROFILE_TOP ?? 25))}`);
      }
      await send(sessionId, 'Profiler.start');
    }
    if (phase === 'queries' || phase.startsWith('cold') || phase === 'dumpImport') await page.evaluate(() => window.bench.suite.closeClient());
  }
} finally {
  await context.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
