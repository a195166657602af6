// The benchmark's corpora as every engine sees them: fields searched, filtered and faceted, and the Orama schema.
// Runs in the page (documents of synth are generated there; the spam corpus is fetched, prepared by bench/run.mjs)
// and in Node (bench/run.mjs names the corpora with `corpusName`).
import { documentChunks, queries, filteredQueries } from './synth.mjs';

const SYNTH = {
  primaryKey: 'id',
  searchable: ['title', 'body'],
  filterable: ['category', 'price', 'tags'],
  schema: { id: 'string', title: 'string', body: 'string', category: 'enum', price: 'number', tags: 'enum[]' },
};

export const CORPORA = {
  synth: SYNTH,
  // The same generator at 1,000,000 documents (`npm run bench -- --corpus=synth-1m`): generated in the page chunk
  // by chunk while the engine indexes (`stream`), never held whole.
  'synth-1m': { ...SYNTH, stream: true },
  spam: {
    primaryKey: 'id',
    searchable: ['subject', 'from', 'body'],
    filterable: ['group', 'label', 'date'],
    schema: { id: 'string', group: 'enum', label: 'enum', subject: 'string', from: 'string', date: 'number', body: 'string' },
  },
};

/** Default document count of each corpus (`BENCH_DOCS` overrides the synth ones). */
export const DEFAULT_DOCS = { synth: 100_000, 'synth-1m': 1_000_000 };

/** `synth-100k`, `synth-1M`, `synth-20k`, `spamassassin`; the synth-1m path at another size says so. */
export function corpusName(corpus, total) {
  if (corpus === 'spam') return 'spamassassin';
  const size = total >= 1_000_000 && total % 1_000_000 === 0 ? `synth-${total / 1_000_000}M` : `synth-${Math.round(total / 1000)}k`;
  return corpus === 'synth-1m' && total !== 1_000_000 ? `${size} (--corpus=synth-1m)` : size;
}

/** Queries of the search-as-you-type kind: how many source queries are typed (half single words, half multi-word). */
export const TYPING_QUERIES = 30;

/**
 * Search as you type: the first `count / 2` single-word and `count / 2` multi-word queries of the corpus, each typed
 * character by character (`j`, `ju`, `jur`, …, `jurassic`, `jurassic `, `jurassic p`, …): every prefix is a query
 * of kind `typing`, in typing order.
 */
export function typingQueries(list, count = TYPING_QUERIES) {
  const pick = (kind) => list.filter((q) => q.kind === kind).slice(0, Math.ceil(count / 2));
  const sources = [...pick('single'), ...pick('multi')].slice(0, count);
  const out = [];
  for (const { q } of sources) for (let i = 1; i <= q.length; i++) out.push({ kind: 'typing', q: q.slice(0, i), of: q });
  return out;
}

/**
 * `{id, name, primaryKey, searchable, filterable, schema, stream, total, chunks(size), queries, filtered, typing}` for
 * `synth` / `synth-1m` (the first `total` documents of the generator) or `spam` (every e-mail).
 */
export async function loadCorpus(corpus, total) {
  const desc = CORPORA[corpus];
  if (!desc) throw new Error(`unknown corpus ${corpus} (spam, synth, synth-1m)`);
  if (corpus !== 'spam') {
    const qs = queries(total);
    return { ...desc, id: corpus, name: corpusName(corpus, total), total, chunks: (size) => documentChunks(total, size), queries: qs, filtered: filteredQueries(), typing: typingQueries(qs) };
  }
  const res = await fetch('/bench/.build/spam.json');
  if (!res.ok) throw new Error(`spam corpus: HTTP ${res.status}`);
  const { documents, queries: qs, filtered } = await res.json();
  return {
    ...desc,
    id: corpus,
    name: corpusName(corpus),
    total: documents.length,
    *chunks(size) {
      for (let i = 0; i < documents.length; i += size) yield documents.slice(i, i + size);
    },
    queries: qs,
    filtered,
    typing: typingQueries(qs),
  };
}
