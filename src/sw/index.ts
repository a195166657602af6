/**
 * `pocketsearch/sw`: answer an app's Meilisearch requests from a local engine inside a service worker, so that an
 * unmodified app keeps searching offline. Built as one self-contained module (`dist/sw.js`).
 *
 * @example
 * ```ts
 * // sw.js — registered by the page: navigator.serviceWorker.register('/sw.js', { type: 'module' })
 * import { installPocketsearch } from 'pocketsearch/sw';
 * installPocketsearch({ meilisearchUrl: 'http://localhost:7700' });
 * ```
 *
 * @module pocketsearch/sw
 */
export {
  installPocketsearch,
  createServiceWorkerHandler,
  type ServiceWorkerOptions,
  type ServiceWorkerHandler,
  type ServiceWorkerScopeLike,
} from './serviceWorker.ts';
export { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from '../http/fetchHandler.ts';
