// Worker side of a peer engine (MiniSearch, FlexSearch, Orama): builds its index from documents the page posts,
// serializes it into IndexedDB (one record, as apps persist these libraries), reopens it in a fresh worker and
// answers queries. Messages: `{id, op, args}` → `{id, result}` or `{id, error}`.

const DB_STORE = 'index';

function idb(name) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(DB_STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function idbPut(name, value) {
  const db = await idb(name);
  await new Promise((resolve, reject) => {
    const tx = db.transaction(DB_STORE, 'readwrite');
    tx.objectStore(DB_STORE).put(value, 'index');
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

async function idbGet(name) {
  const db = await idb(name);
  const value = await new Promise((resolve, reject) => {
    const req = db.transaction(DB_STORE).objectStore(DB_STORE).get('index');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return value;
}

/**
 * `adapter`: `{features, create(cfg), add(engine, docs, cfg), serialize(engine) → string (or a structured-cloneable
 * value), load(value, cfg) → engine,
 * search(engine, q, cfg) → {total, hits}, filtered?(engine, fq, cfg) → {total, hits, facets}, typing?}` (`typing`: `true`,
 * or why the search-as-you-type kind is not run). `cfg` is the corpus descriptor
 * of bench/corpus/corpora.mjs plus `db` (the IndexedDB database name).
 */
export function serve(adapter) {
  let engine = null;
  let cfg = null;
  const ops = {
    init(c) {
      cfg = c;
      engine = adapter.create(c);
      return { features: adapter.features, typing: adapter.typing ?? true };
    },
    async add(docs) {
      await adapter.add(engine, docs, cfg);
    },
    async persist() {
      const t0 = performance.now();
      const data = await adapter.serialize(engine);
      const t1 = performance.now();
      await idbPut(cfg.db, data);
      return { serializeMs: t1 - t0, writeMs: performance.now() - t1, chars: typeof data === 'string' ? data.length : null };
    },
    async open(c) {
      cfg = c;
      const t0 = performance.now();
      const data = await idbGet(c.db);
      const t1 = performance.now();
      engine = await adapter.load(data, c);
      return { readMs: t1 - t0, loadMs: performance.now() - t1, features: adapter.features };
    },
    search(q) {
      return adapter.search(engine, q, cfg);
    },
    filtered(fq) {
      if (!adapter.filtered) throw new Error('unsupported');
      return adapter.filtered(engine, fq, cfg);
    },
  };
  self.onmessage = async (e) => {
    const { id, op, args } = e.data;
    try {
      self.postMessage({ id, result: await ops[op](...(args ?? [])) });
    } catch (err) {
      self.postMessage({ id, error: String(err?.stack ?? err) });
    }
  };
}

/** Top hits returned to the page, like a search UI asks for (pocketsearch's default `limit`). */
export const LIMIT = 20;
