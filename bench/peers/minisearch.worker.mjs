// MiniSearch in a worker: fuzzy 0.2 and prefix on every query word (as its docs suggest for search-as-you-type),
// BM25+ ranking, OR of the words (its default); documents kept in the index (storeFields) so hits carry them.
import MiniSearch from 'minisearch';
import { serve, LIMIT } from './harness.mjs';

const options = (cfg) => ({
  idField: cfg.primaryKey,
  fields: cfg.searchable,
  storeFields: Object.keys(cfg.schema),
  searchOptions: { fuzzy: 0.2, prefix: true },
});

serve({
  features: { typos: 'fuzzy 0.2 (≤ 20 % of the word) on every word', prefix: 'every word', ranking: 'BM25+, any word (OR)', filters: 'no facets' },
  create: (cfg) => new MiniSearch(options(cfg)),
  add: (ms, docs) => ms.addAll(docs),
  serialize: (ms) => JSON.stringify(ms),
  load: (json, cfg) => MiniSearch.loadJSON(json, options(cfg)),
  search(ms, q) {
    const r = ms.search(q);
    return { total: r.length, hits: r.slice(0, LIMIT) };
  },
});
