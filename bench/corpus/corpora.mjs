// The benchmark's corpora as every engine sees them: fields searched, filtered and faceted, and the Orama schema.
// Runs in the page (documents of synth are generated there; the spam corpus is fetched, prepared by bench/run.mjs).
import { documentChunks, queries, filteredQueries } from './synth.mjs';

export const CORPORA = {
  synth: {
    primaryKey: 'id',
    searchable: ['title', 'body'],
    filterable: ['category', 'price', 'tags'],
    schema: { id: 'string', title: 'string', body: 'string', category: 'enum', price: 'number', tags: 'enum[]' },
  },
  spam: {
    primaryKey: 'id',
    searchable: ['subject', 'from', 'body'],
    filterable: ['group', 'label', 'date'],
    schema: { id: 'string', group: 'enum', label: 'enum', subject: 'string', from: 'string', date: 'number', body: 'string' },
  },
};

/**
 * `{name, primaryKey, searchable, filterable, schema, total, chunks(size), queries, filtered}` for `synth` (the first
 * `total` documents of synth-100k) or `spam` (every e-mail).
 */
export async function loadCorpus(corpus, total) {
  const desc = CORPORA[corpus];
  if (corpus === 'synth') {
    return { ...desc, name: `synth-${Math.round(total / 1000)}k`, total, chunks: (size) => documentChunks(total, size), queries: queries(total), filtered: filteredQueries() };
  }
  const res = await fetch('/bench/.build/spam.json');
  if (!res.ok) throw new Error(`spam corpus: HTTP ${res.status}`);
  const { documents, queries: qs, filtered } = await res.json();
  return {
    ...desc,
    name: 'spamassassin',
    total: documents.length,
    *chunks(size) {
      for (let i = 0; i < documents.length; i += size) yield documents.slice(i, i + size);
    },
    queries: qs,
    filtered,
  };
}
