// FlexSearch (Document index) in a worker: tokenize 'strict' (whole words: 'forward', its prefix mode, built 5–10×
// slower and did not fit the benchmark's time budget), its default encoder (case and accent folding), no typo
// tolerance, `suggest: true` so multi-word queries return partial matches; documents stored (`store: true`).
import { Document } from 'flexsearch';
import { serve, LIMIT } from './harness.mjs';

const options = (cfg) => ({ document: { id: cfg.primaryKey, index: cfg.searchable, store: true }, tokenize: 'strict' });

serve({
  features: { typos: 'none', prefix: 'none (tokenize strict)', ranking: 'FlexSearch resolution scoring, partial matches (suggest)', filters: 'no ranges, no facets' },
  // Search as you type needs prefix matching: every partial word would find nothing, quickly.
  typing: 'not run: configured without prefix search (tokenize strict), partial words find nothing',
  create: (cfg) => new Document(options(cfg)),
  add(ix, docs) {
    for (const d of docs) ix.add(d);
  },
  async serialize(ix) {
    const parts = {};
    await ix.export((key, data) => {
      parts[key] = data;
    });
    return JSON.stringify(parts);
  },
  async load(json, cfg) {
    const ix = new Document(options(cfg));
    for (const [key, data] of Object.entries(JSON.parse(json))) await ix.import(key, data);
    return ix;
  },
  search(ix, q) {
    const hits = ix.search(q, { limit: LIMIT, enrich: true, merge: true, suggest: true });
    return { total: hits.length, hits };
  },
});
