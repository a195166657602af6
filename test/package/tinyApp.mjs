// A tiny app that uses pocketsearch the way an app does: the packed tarball installed in its node_modules,
// `import { createClient } from 'pocketsearch'` in main.ts, and a default Vite build (no configuration for
// pocketsearch). The bundle-size test and the strict-CSP e2e build it; `node test/package/tinyApp.mjs` prints
// the sizes (used for the README's "What it costs your bundle").
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The app's page: one module script, no inline script (so that `script-src 'self'` allows it). */
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>pocketsearch tiny app</title></head>
  <body>
    <pre id="out">starting</pre>
    <script type="module" src="./main.ts"></script>
  </body>
</html>
`;

/**
 * Starts pocketsearch, indexes three movies and searches them; writes the outcome (hit ids, or the error's code
 * and message) into `#out` as JSON and keeps the client on `window` for tests that go further. `CLIENT_OPTIONS`
 * is replaced by the options given to createClient besides `name`.
 */
const MAIN_TS = `import { createClient, type PocketClient } from 'pocketsearch';

declare global {
  interface Window { client?: PocketClient }
}

const out = document.querySelector('#out') as HTMLElement;

async function run(): Promise<unknown> {
  const name = new URLSearchParams(location.search).get('db') ?? 'tiny-app';
  const client = await createClient({ name, CLIENT_OPTIONS });
  window.client = client;
  const movies = client.index('movies');
  await movies.addDocuments([
    { id: 1, title: 'Star Wars' },
    { id: 2, title: 'Starship Troopers' },
    { id: 3, title: 'Carol' },
  ]).waitTask();
  const { hits } = await movies.search('star');
  return { hits: hits.map((h) => h.id) };
}

run().then(
  (result) => { out.textContent = JSON.stringify(result); },
  (e: { code?: string; name?: string; message?: string }) => { out.textContent = JSON.stringify({ error: { code: e.code, name: e.name, message: e.message } }); },
);
`;

/** `npm pack`s the repository (dist/ must be built) into `destDir`; returns the tarball's path. */
export function packPackage(destDir) {
  mkdirSync(destDir, { recursive: true });
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', destDir], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(json);
  return join(destDir, info.filename);
}

/**
 * Writes the app into `appDir`: index.html, main.ts, and `node_modules/pocketsearch` unpacked from `tarball`. Its
 * dependencies are links to the repository's copies (the registry is not asked). With `hostedWorker`, the app
 * starts the `pocketsearch/worker` entry itself and passes it as the `worker` option.
 */
export function makeTinyApp(appDir, tarball, { hostedWorker = false } = {}) {
  rmSync(appDir, { recursive: true, force: true });
  const pkgDir = join(appDir, 'node_modules/pocketsearch');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  const { dependencies = {} } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(dependencies)) symlinkSync(join(repoRoot, 'node_modules', dep), join(appDir, 'node_modules', dep), 'dir');
  writeFileSync(join(appDir, 'index.html'), INDEX_HTML);
  const options = hostedWorker ? `worker: new Worker(new URL('pocketsearch/worker', import.meta.url), { type: 'module' })` : '';
  writeFileSync(join(appDir, 'main.ts'), MAIN_TS.replace(', CLIENT_OPTIONS', options ? `, ${options}` : ''));
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'tiny-app', private: true, type: 'module' }, null, 2));
}

/** Size of one emitted file: bytes and gzip bytes (level 9, as servers precompress). */
function measure(file) {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * `vite build` of the app with Vite's defaults, plus `extra` (e.g. `{ worker: { format: 'es' } }`). Returns every
 * emitted JavaScript file with its size, and which one is the page's entry chunk.
 */
export async function buildTinyApp(appDir, extra = {}) {
  const outDir = join(appDir, 'dist');
  const result = await build({ root: appDir, configFile: false, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true }, ...extra });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const entry = outputs.find((o) => o.type === 'chunk' && o.isEntry);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) files.push({ file: relative(outDir, p), ...measure(p), code: readFileSync(p, 'utf8') });
    }
  };
  walk(outDir);
  const main = files.find((f) => f.file === entry.fileName);
  return { outDir, main, files };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

/** The worker as the package ships it: each file of dist/worker/, and worker.js with the chunks it imports statically. */
function printPackagedWorker() {
  const dir = join(repoRoot, 'dist/worker');
  console.log('dist/worker/ (as shipped: what a page without a bundler, or an app serving dist/worker/ itself, loads):');
  for (const name of readdirSync(dir)) {
    const m = measure(join(dir, name));
    console.log(`        ${name.padEnd(48)} ${kB(m.bytes).padStart(9)} min  ${kB(m.gzip).padStart(9)} gzip`);
  }
  const first = ['worker.js', ...[...readFileSync(join(dir, 'worker.js'), 'utf8').matchAll(/from\s*["'`]\.\/([^"'`]+)["'`]/g)].map((m) => m[1])];
  const sum = first.map((f) => measure(join(dir, f))).reduce((a, m) => ({ bytes: a.bytes + m.bytes, gzip: a.gzip + m.gzip }), { bytes: 0, gzip: 0 });
  console.log(`  first modules (${first.join(' + ')}): ${kB(sum.bytes)} min, ${kB(sum.gzip)} gzip`);
}

// `node test/package/tinyApp.mjs`: the packaged worker's sizes; then pack, build the app with Vite's defaults and
// with `worker.format: 'es'`, and print the sizes of what each emits.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printPackagedWorker();
  const work = mkdtempSync(join(tmpdir(), 'pocketsearch-tiny-'));
  try {
    const tarball = packPackage(work);
    console.log(`tarball ${kB(statSync(tarball).size)}`);
    for (const [label, extra] of [['vite defaults', {}], ["worker.format 'es'", { worker: { format: 'es' } }]]) {
      const app = join(work, 'app');
      makeTinyApp(app, tarball);
      const { main, files } = await buildTinyApp(app, extra);
      console.log(`\n${label}:`);
      for (const f of files) console.log(`  ${f === main ? 'main ' : '     '} ${f.file.padEnd(48)} ${kB(f.bytes).padStart(9)} min  ${kB(f.gzip).padStart(9)} gzip`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
