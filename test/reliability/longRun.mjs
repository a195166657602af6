#!/usr/bin/env node
/**
 * The long reliability run (`npm run reliability:long`, not in CI): the crash test with 500 kills (CRASH_KILLS) and
 * the file fuzzer with 20,000 damaged dumps and snapshots (FUZZ_CASES), plus the fixed hostile corpora; prints the
 * figures the README quotes. Needs the library built (`node scripts/build.mjs lib`) and Chromium, like the e2e tests.
 *   CRASH_KILLS=500 CRASH_SEED=… FUZZ_CASES=20000 FUZZ_SEED=… node test/reliability/longRun.mjs
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = {
  ...process.env,
  CRASH_KILLS: process.env.CRASH_KILLS ?? '500',
  CRASH_SEED: process.env.CRASH_SEED ?? '7',
  FUZZ_CASES: process.env.FUZZ_CASES ?? '20000',
  FUZZ_SEED: process.env.FUZZ_SEED ?? '7',
};

/** Runs a command, echoing its output; resolves with the output and exit code. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        out += d;
        process.stdout.write(d);
      });
    }
    child.on('close', (code) => resolve({ out, code, seconds: Math.round((Date.now() - t0) / 1000) }));
  });
}

const json = (out, prefix) => {
  const line = out.split('\n').find((l) => l.includes(prefix));
  return line ? JSON.parse(line.slice(line.indexOf('{'))) : null;
};
const passed = (out) => Number(/Tests\s+(?:\S+\s+)?(\d+) passed/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? 0);

const corpus = await run('npx', ['vitest', 'run', 'test/unit/reliability/hostileInputs.test.ts', 'test/unit/reliability/hostileFiles.test.ts']);
const fuzz = await run('npx', ['vitest', 'run', 'test/unit/reliability/fileFuzz.test.ts']);
const crash = await run('npx', ['playwright', 'test', 'test/e2e/reliability-crash.spec.ts']);

const summary = {
  date: new Date().toISOString(),
  crash: { ok: crash.code === 0, seconds: crash.seconds, ...json(crash.out, 'crash run:') },
  fuzz: { ok: fuzz.code === 0, seconds: fuzz.seconds, ...json(fuzz.out, 'file fuzz:') },
  corpus: { ok: corpus.code === 0, seconds: corpus.seconds, casesPassed: passed(corpus.out) },
};
console.log(`\nreliability long run: ${JSON.stringify(summary, null, 2)}`);
process.exit(crash.code || fuzz.code || corpus.code ? 1 : 0);
