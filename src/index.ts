/**
 * `pocketsearch`: the page API.
 *
 * @example
 * ```ts
 * import { createClient } from 'pocketsearch';
 * const client = await createClient();
 * await client.index('movies').addDocuments([{ id: 1, title: 'Carol' }]).waitTask();
 * const { hits } = await client.index('movies').search('carol');
 * ```
 *
 * @module pocketsearch
 */
export { createClient, type ClientOptions, type ClientIndex, type PocketClient } from './client/createClient.ts';
export { EngineError, TaskTimeoutError, type ErrorObject } from './errors/engineError.ts';
export type { ErrorCode } from './errors/errorCodes.ts';
export type { EnqueuedTaskPromise } from './engine/engine.ts';
export type * from './engine/types/indexes.ts';
export type * from './engine/types/search.ts';
export type * from './engine/types/settings.ts';
export type * from './engine/types/tasks.ts';
export { ENGINE_VERSION } from './version.ts';
