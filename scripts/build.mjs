#!/usr/bin/env node
// Builds the library into dist/ (ES modules + .d.ts) and the demo into demo-dist/.
//
// dist/ layout:
// - index.js (page: createClient + Comlink client), engine.js, dump.js, http.js and their shared chunks: readable
//   ES modules importing their dependencies (comlink, idb, fflate, modern-tar) by name; an app's bundler minifies.
// - worker/: the engine's Web Worker (`pocketsearch/worker`), self-contained and minified: worker.js, the nested
//   segmentBuildWorker.js, and chunks loaded on first use (dumps, snapshots). The page entry starts it with
//   `new Worker(new URL('./worker/worker.js', import.meta.url), …)`, which bundlers turn into an asset of its own.
// - sw.js: the service-worker entry, one self-contained module.
// - types/: declarations.
// No source maps are shipped: the page-side code is not minified, and maps of the minified worker would point at
// sources the package does not contain.
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // 'lib' | 'demo' | undefined (both)

/**
 * The workers the library starts: the source's `new URL(<from>, import.meta.url)` (resolved by Vite in the demo and
 * tests) becomes `new URL(<to>, import.meta.url)` relative to the built module, in the exact form bundlers
 * recognize. Both builds below keep the expression away from Vite's own worker handling, which would bundle the
 * worker into the module that starts it.
 */
const WORKER_URLS = [
  { from: '../worker/worker.ts', to: './worker/worker.js', name: 'pocketsearch' }, // dist/*.js → dist/worker/
  { from: './segmentBuildWorker.ts', to: './segmentBuildWorker.js', name: 'pocketsearch-segments' }, // within dist/worker/
];
const PLACEHOLDER = (i) => `__POCKETSEARCH_WORKER_URL_${i}__`;

/** A Vite plugin: worker URLs → placeholders before Vite's worker plugin sees them, → built paths once minified. */
function workerUrls() {
  return {
    name: 'pocketsearch-worker-urls',
    enforce: 'pre',
    transform(code) {
      let out = code;
      WORKER_URLS.forEach(({ from }, i) => (out = out.replaceAll(`new URL('${from}', import.meta.url)`, `new URL(${PLACEHOLDER(i)}, import.meta.url)`)));
      return out === code ? null : { code: out, map: null };
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunk.code = chunk.code.replace(/new Worker\(new URL\(__POCKETSEARCH_WORKER_URL_(\d+)__,\s*import\.meta\.url\),\s*\{[^}]*\}\)/g, (_m, i) => {
          const { to, name } = WORKER_URLS[Number(i)];
          return `new Worker(new URL(${JSON.stringify(to)}, import.meta.url), { type: "module", name: ${JSON.stringify(name)} })`;
        });
        if (chunk.code.includes('__POCKETSEARCH_WORKER_URL_')) throw new Error(`${chunk.fileName}: a worker URL is not in the form \`new Worker(new URL(…), {…})\``);
      }
    },
  };
}

/** Fails the build if a built module starts a worker otherwise than by a literal relative URL (a blob:, the source path). */
function checkWorkerReferences(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'types') checkWorkerReferences(file);
      continue;
    }
    if (!entry.name.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    if (/\?worker|createObjectURL\(new Blob\(\[[^\]]*jsContent|\.ts['"`], import\.meta\.url/.test(code)) throw new Error(`${file}: an inlined worker or a source path is left`);
  }
}

if (only !== 'demo') {
  rmSync(resolve(root, 'dist'), { recursive: true, force: true });
  const common = { root, configFile: false, logLevel: 'warn', publicDir: false /* the demo's assets are not part of the library */ };
  // Page and Node entries: readable ES modules; dependencies are imported by name.
  await build({
    ...common,
    plugins: [workerUrls()],
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          engine: resolve(root, 'src/engine.ts'),
          dump: resolve(root, 'src/dump.ts'),
          http: resolve(root, 'src/http/index.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: { external: ['idb', 'comlink', 'fflate', 'modern-tar'] },
    },
  });
  // The worker: self-contained (a worker has no import map, and a browser may load it unbundled) and minified
  // (it compiles its first module before its first answer). Dumps and snapshots are chunks it imports on first use.
  await build({
    ...common,
    plugins: [workerUrls()],
    build: {
      outDir: resolve(root, 'dist/worker'),
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: {
        entry: { worker: resolve(root, 'src/worker/worker.ts'), segmentBuildWorker: resolve(root, 'src/worker/segmentBuildWorker.ts') },
        formats: ['es'],
      },
      rollupOptions: {
        output: {
          minify: true,
          chunkFileNames: '[name]-[hash].js',
          // fflate's module is named `browser`: name its chunk after what it does (dumps and snapshots share it).
          codeSplitting: { groups: [{ name: 'gzip', test: /node_modules[\\/]fflate/ }] },
        },
      },
    },
  });
  // The service-worker entry is one self-contained module: `import` from a module service worker needs no
  // import map or bundler (dependencies inlined).
  await build({
    ...common,
    build: {
      outDir: resolve(root, 'dist'),
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: { entry: { sw: resolve(root, 'src/sw/index.ts') }, formats: ['es'] },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  checkWorkerReferences(resolve(root, 'dist'));
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  // The declarations a user installs must keep typed documents (`index<Book>().search()` hits are `Book`s): the type
  // tests, compiled against dist/types as a user's project resolves the package. A lost generic fails the build.
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'test/types/tsconfig.published.json')], { stdio: 'inherit' });
  console.log('library → dist/');
}

if (only !== 'lib') {
  await build({ root: resolve(root, 'demo'), configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('demo → demo-dist/');
}
