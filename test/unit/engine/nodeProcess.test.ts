/**
 * A Node script that uses an engine and never calls `close()` exits by itself: an idle engine holds no timer,
 * channel or lock that keeps the event loop alive, while work it was given still finishes first. The engine is
 * bundled from the sources (vite, as `npm run build` does) and run by a plain `node` child process.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pocketsearch-node-'));
  // Dependencies are bundled in, so the scripts run from the temporary directory.
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: { outDir: dir, emptyOutDir: false, target: 'es2022', minify: false, lib: { entry: { engine: resolve(root, 'src/engine.ts') }, formats: ['es'] } },
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `source` as an ES module next to the bundle; resolves when the process exits, or kills it at `deadlineMs`. */
function runScript(name: string, source: string, deadlineMs = 20_000): Promise<Exit> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  return new Promise((resolveExit, reject) => {
    const child = spawn(process.execPath, [file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: still running after ${deadlineMs} ms (stdout: ${stdout}; stderr: ${stderr})`));
    }, deadlineMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolveExit({ code, signal, stdout, stderr });
    });
  });
}

// Each test waits for a child process, killed at its own deadline (20 s) so that a hang is reported as such.
describe('an engine in a Node script', { timeout: 40_000 }, () => {
  test('the script exits by itself after adding, waiting and searching, without close()', async () => {
    const out = await runScript(
      'search',
      `import { createEngine } from './engine.js';
const engine = await createEngine();
await engine.index('movies').addDocuments([{ id: 1, title: 'Carol' }, { id: 2, title: 'Moana' }]).waitTask();
const { hits } = await engine.index('movies').search('carol');
console.log(JSON.stringify(hits));
`,
    );
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.trim()).toBe('[{"id":1,"title":"Carol"}]');
  });

  test('a task enqueued without waiting is processed before the process exits', async () => {
    const out = await runScript(
      'enqueue',
      `import { createEngine } from './engine.js';
const engine = await createEngine({ storage: 'memory' });
const docs = Array.from({ length: 3000 }, (_, i) => ({ id: i, title: 'movie ' + i }));
const { taskUid } = await engine.index('movies').addDocuments(docs);
let reported = false;
process.on('beforeExit', async () => {
  if (reported) return;
  reported = true;
  const task = await engine.getTask(taskUid);
  console.log(task.status, (await engine.index('movies').getStats()).numberOfDocuments);
});
`,
    );
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.trim()).toBe('succeeded 3000');
  });

  test('two engines and a snapshot schedule do not keep the process alive either', async () => {
    const out = await runScript(
      'schedule',
      `import { createEngine } from './engine.js';
const a = await createEngine({ scheduleSnapshot: 3600 });
const b = await createEngine({ storage: 'memory', name: 'pocketsearch' });
await a.index('x').addDocuments([{ id: 1 }]).waitTask();
await b.index('x').addDocuments([{ id: 2 }]).waitTask();
console.log((await a.getSnapshotInfo()) !== null, (await b.index('x').getDocuments()).results.map((d) => d.id).join());
`,
    );
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.trim()).toBe('true 2');
  });

  test('over IndexedDB (fake-indexeddb, the default once loaded), the coordination channel does not either', async () => {
    const fakeIndexedDb = pathToFileURL(resolve(root, 'node_modules/fake-indexeddb/auto/index.mjs')).href;
    const out = await runScript(
      'indexeddb',
      `import '${fakeIndexedDb}';
import { createEngine } from './engine.js';
const engine = await createEngine({ name: 'node-idb' });
await engine.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
console.log(engine.ctx.store.backend, (await engine.index('movies').search('carol')).hits.length);
`,
    );
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.trim()).toBe('indexeddb 1');
  });
});
