/**
 * Starts the engine worker. The worker is bundled inline (a Blob URL built at library build time), so apps
 * need no bundler configuration; pass `worker` to `createClient` to use your own instead (strict CSPs).
 */
import EngineWorker from '../worker/worker.ts?worker&inline';

export function spawnEngineWorker(): Worker {
  return new EngineWorker({ name: 'pocketsearch' });
}
