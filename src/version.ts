/** pocketsearch's version (kept equal to package.json's `version`; a unit test checks it). */
export const ENGINE_VERSION = '0.1.0';

/** The Meilisearch release whose behaviour and formats pocketsearch reproduces. */
export const MEILISEARCH_COMPAT_VERSION = '1.50.0';
