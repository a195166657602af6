// The service worker of the e2e page: Meilisearch requests to http://localhost:7700 are answered by pocketsearch,
// over the IndexedDB database the page's worker client also opens (`e2e-sw`).
import { installPocketsearch } from '/dist/sw.js';

installPocketsearch({ meilisearchUrl: 'http://localhost:7700', name: 'e2e-sw' });
