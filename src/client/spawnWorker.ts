/**
 * Starts the engine worker. The worker is a file of its own (`dist/worker/worker.js`), referenced with the
 * `new Worker(new URL('…', import.meta.url), { type: 'module' })` pattern that Vite, Rollup, webpack and
 * esbuild-based bundlers recognize: an app's build emits it as a separate asset, fetched and cached by the browser
 * when `createClient` runs, and allowed by `worker-src 'self'` (no `blob:` URL).
 *
 * The library build rewrites the source path below to the built file's (see `scripts/build.mjs`); in this
 * repository's demo and tests Vite resolves it to the source.
 */
import { EngineError } from '../errors/engineError.ts';
import { workerUnavailable } from './workerStart.ts';

/**
 * A new engine worker: the bundled one, or the script at `workerUrl` (an app hosting `pocketsearch/worker`
 * itself). Fails with a coded `worker_unavailable` where there are no Web Workers (Node) or the browser refuses
 * to create one synchronously (some browsers throw for a Content-Security-Policy violation).
 *
 * @example
 * ```ts
 * const worker = spawnEngineWorker();                      // the worker next to the page entry
 * const hosted = spawnEngineWorker('/static/pocketsearch-worker.js');
 * ```
 */
export function spawnEngineWorker(workerUrl?: string | URL): Worker {
  if (typeof Worker === 'undefined') {
    throw new EngineError(
      'worker_unavailable',
      "createClient() starts pocketsearch in a Web Worker, and this environment has none (Node.js?). Use `createEngine` from 'pocketsearch/engine' to run the engine in this thread: `const engine = await createEngine({ storage: 'memory' })`.",
    );
  }
  try {
    if (workerUrl !== undefined) return new Worker(workerUrl, { type: 'module', name: 'pocketsearch' });
    // Literal options: bundlers read `type` statically. `name` is what developer tools show.
    return new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'pocketsearch' });
  } catch (e) {
    throw workerUnavailable(`the browser refused to create it (${(e as Error)?.message ?? String(e)})`);
  }
}
