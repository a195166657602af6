// Orama in a worker: tolerance 1 (one typo on every word), prefix matching on every word (its default), BM25,
// filters (`where`: enum equality, number ranges) and facets. Persisted as `save()`'s object, structured-cloned into
// IndexedDB: as JSON it exceeds V8's longest string (512 MiB) on synth-100k.
import { create, insertMultiple, search, save, load } from '@orama/orama';
import { serve, LIMIT } from './harness.mjs';

const oramaDoc = (cfg) => (d) => ({ ...d, [cfg.primaryKey]: String(d[cfg.primaryKey]) });

serve({
  features: { typos: 'tolerance 1 on every word', prefix: 'every word', ranking: 'BM25', filters: 'where + facets' },
  create: (cfg) => create({ schema: cfg.schema }),
  add: (db, docs, cfg) => insertMultiple(db, docs.map(oramaDoc(cfg)), 1000),
  serialize: (db) => save(db),
  load(raw, cfg) {
    const db = create({ schema: cfg.schema });
    load(db, raw);
    return db;
  },
  async search(db, q, cfg) {
    const r = await search(db, { term: q, limit: LIMIT, tolerance: 1, properties: cfg.searchable });
    return { total: r.count, hits: r.hits };
  },
  async filtered(db, fq, cfg) {
    const [eqField, value] = fq.eq;
    const [rangeField, lo, hi] = fq.range;
    const r = await search(db, {
      term: fq.q,
      limit: LIMIT,
      tolerance: 1,
      properties: cfg.searchable,
      where: { [eqField]: { eq: value }, [rangeField]: { between: [lo, hi] } },
      facets: Object.fromEntries(fq.facets.map((f) => [f, {}])),
    });
    return { total: r.count, hits: r.hits, facets: r.facets };
  },
});
