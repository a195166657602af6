import { describe, expect, it } from 'vitest';
import { memoryEngine, movies, thrown } from './helpers.ts';

describe('documents', () => {
  it('infers the primary key from the only field ending with "id" in the first document', async () => {
    const e = await memoryEngine();
    await e.index('a').addDocuments([{ title: 'x', movie_ID: 7 }]).waitTask();
    expect((await e.getIndex('a')).primaryKey).toBe('movie_ID');
    await e.close();
  });

  it('fails inference with several candidates, listing the first two sorted', async () => {
    const e = await memoryEngine();
    const t = await e.index('a').addDocuments([{ object_id: 1, id: 2, uuid: 'x' }]).waitTask();
    expect(t.error?.code).toBe('index_primary_key_multiple_candidates_found');
    expect(t.error?.message).toBe(
      "The primary key inference failed as the engine found 3 fields ending with `id` in their names: 'id' and 'object_id'. Please specify the primary key manually using the `primaryKey` query parameter.",
    );
    await e.close();
  });

  it('an explicit primaryKey is stored; a different one later fails with index_primary_key_already_exists', async () => {
    const e = await memoryEngine();
    await e.index('a').addDocuments([{ sku: 'a1', id: 3 }], { primaryKey: 'sku' }).waitTask();
    expect((await e.getIndex('a')).primaryKey).toBe('sku');
    const t = await e.index('a').addDocuments([{ sku: 'a2', id: 4 }], { primaryKey: 'id' }).waitTask();
    expect(t.error).toMatchObject({ code: 'index_primary_key_already_exists', message: 'Index already has a primary key: `sku`.' });
    await e.close();
  });

  it('validates ids: integers and [A-Za-z0-9_-] strings up to 511 bytes; others are invalid_document_id', async () => {
    const e = await memoryEngine();
    const ok = await e.index('a').addDocuments([{ id: 1 }, { id: -5 }, { id: 'abc-DEF_9' }, { id: 'x'.repeat(511) }]).waitTask();
    expect(ok.status).toBe('succeeded');
    for (const bad of [1.5, true, null, '', 'a b', 'é', 'x'.repeat(512), [1], { a: 1 }]) {
      const t = await e.index('a').addDocuments([{ id: bad }]).waitTask();
      expect(t.error?.code, JSON.stringify(bad)).toBe('invalid_document_id');
    }
    const t = await e.index('a').addDocuments([{ id: 'a b' }]).waitTask();
    expect(t.error?.message).toBe(
      'Document identifier `"a b"` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.',
    );
    const missing = await e.index('a').addDocuments([{ title: 'no id' }]).waitTask();
    expect(missing.error).toMatchObject({ code: 'missing_document_id', message: 'Document doesn\'t have a `id` attribute: `{"title":"no id"}`.' });
    await e.close();
  });

  it('integer ids and their string form are the same document', async () => {
    const e = await memoryEngine();
    await e.index('a').addDocuments([{ id: 1, v: 'int' }]).waitTask();
    await e.index('a').addDocuments([{ id: '1', v: 'string' }]).waitTask();
    expect((await e.index('a').getStats()).numberOfDocuments).toBe(1);
    expect(await e.index('a').getDocument('1')).toEqual({ id: '1', v: 'string' });
    await e.close();
  });

  it('a dotted primary key looks into nested objects', async () => {
    const e = await memoryEngine();
    const t = await e.index('a').addDocuments([{ product: { sku: 'x1' }, name: 'n' }], { primaryKey: 'product.sku' }).waitTask();
    expect(t.status).toBe('succeeded');
    expect((await e.index('a').getDocument('x1')).name).toBe('n');
    await e.close();
  });

  it('addDocuments replaces whole documents; updateDocuments merges top-level fields', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.addDocuments([{ id: 1, a: 1, b: { c: 1, d: 2 } }]).waitTask();
    await idx.updateDocuments([{ id: 1, b: { c: 9 }, e: 5 }]).waitTask();
    expect(await idx.getDocument(1)).toEqual({ id: 1, a: 1, b: { c: 9 }, e: 5 });
    await idx.addDocuments([{ id: 1, z: true }]).waitTask();
    expect(await idx.getDocument(1)).toEqual({ id: 1, z: true });
    await e.close();
  });

  it('duplicate ids in one payload: the last wins on replace, merges on update', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    const t = await idx.addDocuments([{ id: 1, a: 1 }, { id: 1, b: 2 }]).waitTask();
    expect(t.details).toEqual({ receivedDocuments: 2, indexedDocuments: 1 });
    expect(await idx.getDocument(1)).toEqual({ id: 1, b: 2 });
    await idx.updateDocuments([{ id: 2, a: 1 }, { id: 2, b: 2 }]).waitTask();
    expect(await idx.getDocument(2)).toEqual({ id: 2, a: 1, b: 2 });
    await e.close();
  });

  it('skipCreation ignores unknown ids and updates known ones', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.addDocuments([{ id: 1, a: 1 }]).waitTask();
    const t = await idx.updateDocuments([{ id: 1, a: 2 }, { id: 2, a: 3 }], { skipCreation: true }).waitTask();
    expect(t.details).toEqual({ receivedDocuments: 2, indexedDocuments: 1 });
    expect((await idx.getDocuments()).results).toEqual([{ id: 1, a: 2 }]);
    await e.close();
  });

  it('returns documents with keys in the order fields were first seen by the index', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.addDocuments([{ id: 1, title: 't', year: 1 }]).waitTask();
    await idx.addDocuments([{ year: 2, extra: 'x', title: 'u', id: 2 }]).waitTask();
    expect(Object.keys(await idx.getDocument(2))).toEqual(['id', 'title', 'year', 'extra']);
    await e.close();
  });

  it('getDocument(s) select fields (nested paths too), paginate in internal id order and skip unknown ids', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    await idx.addDocuments(movies.map((m) => ({ ...m, meta: { rating: m.id, lang: 'en' } }))).waitTask();
    expect(await idx.getDocument(3, { fields: ['title', 'meta.rating'] })).toEqual({ title: 'Life of Pi', meta: { rating: 3 } });
    const page = await idx.getDocuments({ offset: 1, limit: 2, fields: ['id'] });
    expect(page).toEqual({ results: [{ id: 2 }, { id: 3 }], offset: 1, limit: 2, total: 5 });
    expect((await idx.getDocuments({ ids: [5, '3', 42], fields: 'id' })).results).toEqual([{ id: 3 }, { id: 5 }]);
    expect((await thrown(() => idx.getDocument(42))).message).toBe('Document `42` not found.');
    expect((await thrown(() => idx.getDocuments({ limit: -1 }))).code).toBe('invalid_document_limit');
    await e.close();
  });

  it('reuses the ids of deleted documents (placeholder search follows internal id order)', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.addDocuments([{ id: 'a' }, { id: 'b' }, { id: 'c' }]).waitTask();
    await idx.deleteDocument('a').waitTask();
    await idx.addDocuments([{ id: 'd' }]).waitTask();
    expect((await idx.search('')).hits.map((h) => h.id)).toEqual(['d', 'b', 'c']);
    await e.close();
  });

  it('stats count documents, raw sizes and the field distribution (nested fields included)', async () => {
    const e = await memoryEngine();
    const idx = e.index('a');
    await idx.addDocuments([{ id: 1, a: { b: 1 } }, { id: 2, c: 'x' }]).waitTask();
    await idx.deleteDocument(2).waitTask();
    const stats = await idx.getStats();
    expect(stats).toMatchObject({ numberOfDocuments: 1, isIndexing: false, numberOfEmbeddings: 0, fieldDistribution: { a: 1, 'a.b': 1, id: 1 } });
    expect(stats.rawDocumentDbSize).toBe(JSON.stringify({ id: 1, a: { b: 1 } }).length);
    expect(stats.avgDocumentSize).toBe(stats.rawDocumentDbSize);
    await e.close();
  });

  it('refuses payloads that are not objects with malformed_payload, synchronously', async () => {
    const e = await memoryEngine();
    const err = await thrown(() => e.index('a').addDocuments([1 as unknown as Record<string, unknown>]));
    expect(err.code).toBe('malformed_payload');
    expect((await e.getTasks()).total).toBe(0);
    await e.close();
  });

  it('keeps __proto__ and constructor keys as plain data', async () => {
    const e = await memoryEngine();
    const doc = JSON.parse('{"id": 1, "__proto__": {"polluted": true}, "constructor": "x"}');
    await e.index('a').addDocuments([doc]).waitTask();
    await e.index('a').updateDocuments([JSON.parse('{"id": 1, "__proto__": {"again": 1}}')]).waitTask();
    const got = await e.index('a').getDocument(1);
    expect(Object.keys(got)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).again).toBeUndefined();
    await e.close();
  });

  it('deleteAllDocuments empties the index and keeps it', async () => {
    const e = await memoryEngine();
    const idx = e.index('movies');
    await idx.addDocuments(movies).waitTask();
    await idx.deleteAllDocuments().waitTask();
    expect((await idx.getStats()).numberOfDocuments).toBe(0);
    expect((await idx.search('carol')).hits).toEqual([]);
    await idx.addDocuments([movies[0]]).waitTask();
    expect((await idx.search('carol')).hits.map((h) => h.id)).toEqual([1]);
    await e.close();
  });

  it('refuses more than 65,535 fields per index', async () => {
    const e = await memoryEngine();
    const doc: Record<string, number> = { id: 1 };
    for (let i = 0; i < 65_536; i++) doc[`f${i}`] = i;
    const t = await e.index('a').addDocuments([doc]).waitTask({ timeout: 30_000 });
    expect(t.error).toMatchObject({ code: 'max_fields_limit_exceeded', message: 'A document cannot contain more than 65,535 fields.' });
    expect((await e.getIndexes()).total).toBeLessThanOrEqual(1);
    await e.close();
  });
});

describe('deletion by filter', () => {
  it('deletes the matching documents, counts them, and honours the containsFilter feature', async () => {
    const { memoryEngine } = await import('./helpers.ts');
    const { updateExperimentalFeatures } = await import('../../../src/engine/search/filters/experimentalFeatures.ts');
    const e = await memoryEngine();
    const idx = e.index('movies');
    await idx.updateFilterableAttributes(['genre', 'title']).waitTask();
    await idx.addDocuments([{ id: 1, genre: 'drama', title: 'Carol' }, { id: 2, genre: 'action', title: 'Heat' }, { id: 3, genre: 'drama', title: 'Roma' }]).waitTask();
    const t = await idx.deleteDocuments({ filter: 'genre = drama' }).waitTask();
    expect(t.details).toEqual({ providedIds: 0, deletedDocuments: 2, originalFilter: '"genre = drama"' });
    expect((await idx.getDocuments()).results.map((d) => d.id)).toEqual([2]);
    const refused = await idx.deleteDocuments({ filter: 'title CONTAINS ea' }).waitTask();
    expect(refused.error?.code).toBe('feature_not_enabled');
    updateExperimentalFeatures(e.ctx, { containsFilter: true });
    expect((await idx.deleteDocuments({ filter: 'title CONTAINS ea' }).waitTask()).details?.deletedDocuments).toBe(1);
    const unknown = await idx.deleteDocuments({ filter: 'year > 2000' }).waitTask();
    expect(unknown.error?.message).toMatch(/^Index `movies`: Attribute `year` is not filterable/);
    await e.close();
  });
});
