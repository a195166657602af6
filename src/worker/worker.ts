/** The module worker: runs the engine over IndexedDB and exposes it to the page with Comlink. */
import * as Comlink from 'comlink';
import { registerTransferHandlers } from '../shared/transferHandlers.ts';
import { WorkerApi } from './workerApi.ts';
import { WorkerSegmentPool } from './segmentBuildPool.ts';

registerTransferHandlers();
Comlink.expose(new WorkerApi(() => new WorkerSegmentPool()));
