/**
 * `pocketsearch/worker`: the module worker that runs the engine over IndexedDB and exposes it to the page with
 * Comlink. `createClient()` starts it by itself; start it yourself only where the bundled worker cannot run (a
 * Content Security Policy without `blob:` workers), and pass it to `createClient({ worker })`.
 *
 * @example
 * ```ts
 * import { createClient } from 'pocketsearch';
 * const worker = new Worker(new URL('pocketsearch/worker', import.meta.url), { type: 'module' });
 * const client = await createClient({ worker });
 * ```
 *
 * @module pocketsearch/worker
 */
import * as Comlink from 'comlink';
import { registerTransferHandlers } from '../shared/transferHandlers.ts';
import { WorkerApi } from './workerApi.ts';
import { WorkerSegmentPool } from './segmentBuildPool.ts';

registerTransferHandlers();
Comlink.expose(new WorkerApi(() => new WorkerSegmentPool()));
