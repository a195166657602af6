/**
 * The Meilisearch URL the demo's service worker answers from the local engine (the conventional local
 * Meilisearch address): an app that talks to Meilisearch there keeps working, offline included.
 */
export const MEILISEARCH_URL = 'http://localhost:7700';

/** Message from the page to the service worker: the database the page's engine uses now. */
export interface DatabaseMessage {
  type: 'pocketsearch-demo:database';
  name: string;
}
