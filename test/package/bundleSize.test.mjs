// What `import { createClient } from 'pocketsearch'` costs an app: the packed package (dist/ must be built) installed
// in a tiny app, built by Vite — with its defaults, and with `worker.format: 'es'` — and the output inspected.
// Run: `npm run build -- lib && npm run test:package` (node's test runner; about 20 s).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTinyApp, makeTinyApp, packPackage, repoRoot } from './tinyApp.mjs';

/** The page side's budget in the app's main chunk (gzip bytes: app code, pocketsearch's client, Comlink). */
const MAIN_CHUNK_GZIP_BUDGET = 15_000;

/** Strings found only in the code of one feature (checked to be there, so the absence checks mean something). */
const MARKERS = {
  dump: ['metadata.json', 'ustar'], // the dump's v6 layout, tar headers
  snapshot: ['snapshot is truncated'], // the snapshot reader's errors
  http: ['multi-search', 'ndjson'], // pocketsearch/http's routes and payload formats
};

let work;
let tarball;
before(() => {
  assert.ok(existsSync(join(repoRoot, 'dist/index.js')), 'dist/ is not built: run `npm run build -- lib` first');
  work = mkdtempSync(join(tmpdir(), 'pocketsearch-bundle-'));
  tarball = packPackage(work);
});
after(() => rmSync(work, { recursive: true, force: true }));

const has = (code, markers) => markers.filter((m) => code.includes(m));

test('the markers are in the package where the features are', () => {
  const read = (dir, filter) =>
    readdirSync(join(repoRoot, dir))
      .filter((f) => f.endsWith('.js') && filter(f))
      .map((f) => readFileSync(join(repoRoot, dir, f), 'utf8'))
      .join('\n');
  assert.deepEqual(has(read('dist/worker', (f) => f.startsWith('dumpCode-')), MARKERS.dump), MARKERS.dump);
  assert.deepEqual(has(read('dist/worker', (f) => f.startsWith('snapshotCode-')), MARKERS.snapshot), MARKERS.snapshot);
  assert.deepEqual(has(read('dist', (f) => f === 'http.js'), MARKERS.http), MARKERS.http);
});

test("with Vite's defaults: a small main chunk, the worker a file of its own, no dump/snapshot/http code on the page", async () => {
  const app = join(work, 'defaults');
  makeTinyApp(app, tarball);
  const { main, files } = await buildTinyApp(app);
  assert.ok(main.gzip <= MAIN_CHUNK_GZIP_BUDGET, `main chunk ${main.gzip} B gzip > ${MAIN_CHUNK_GZIP_BUDGET}`);
  for (const [feature, markers] of Object.entries(MARKERS)) assert.deepEqual(has(main.code, markers), [], `${feature} code in the main chunk`);
  // What Vite's inline (`?worker&inline`) workers start with.
  assert.ok(!main.code.includes('revokeObjectURL(import.meta.url)'), 'a worker is inlined in the main chunk');
  const worker = files.find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f.file));
  assert.ok(worker, `no worker file among ${files.map((f) => f.file).join(', ')}`);
  assert.ok(main.code.includes(worker.file.split('/').pop()), 'the main chunk does not start the emitted worker');
  assert.ok(files.some((f) => /segmentBuildWorker-[\w-]+\.js$/.test(f.file)), 'no nested segment-build worker file');
  console.log(`main chunk ${main.bytes} B min, ${main.gzip} B gzip; worker ${worker.bytes} B min, ${worker.gzip} B gzip`);
});

test("with worker.format 'es': the worker's dump and snapshot code stay in chunks loaded on first use", async () => {
  const app = join(work, 'es');
  makeTinyApp(app, tarball);
  const { main, files } = await buildTinyApp(app, { worker: { format: 'es' } });
  assert.ok(main.gzip <= MAIN_CHUNK_GZIP_BUDGET, `main chunk ${main.gzip} B gzip > ${MAIN_CHUNK_GZIP_BUDGET}`);
  const worker = files.find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f.file));
  assert.ok(worker, 'no worker file');
  assert.deepEqual(has(worker.code, [...MARKERS.dump, ...MARKERS.snapshot]), [], 'backup code in the worker file');
  const dump = files.find((f) => has(f.code, MARKERS.dump).length === MARKERS.dump.length);
  const snapshot = files.find((f) => has(f.code, MARKERS.snapshot).length > 0);
  assert.ok(dump && dump !== worker && dump !== main, 'no dump chunk of its own');
  assert.ok(snapshot && snapshot !== worker && snapshot !== main, 'no snapshot chunk of its own');
  assert.ok(worker.code.includes(`import(`), 'the worker imports no chunk on demand');
});
