/**
 * Pagination and totals (spec §1.3, §5.7): `maxTotalHits` caps hits and totals, estimatedTotalHits for
 * offset/limit, exact totalHits/totalPages for page/hitsPerPage (distinct applied to all candidates). Cases from
 * Meilisearch's HTTP tests (`meilisearch/tests/search/pagination.rs`, `mod.rs`).
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const MOVIES = [
  { title: 'Shazam!', id: '287947', distinct: 1 },
  { title: 'Captain Marvel', id: '299537', distinct: 4 },
  { title: 'Escape Room', id: '522681', distinct: 2 },
  { title: 'How to Train Your Dragon: The Hidden World', id: '166428', distinct: 3 },
  { title: 'Glass', id: '450465', distinct: 3 },
];

describe('totals', () => {
  it('finite pagination reports totalHits and totalPages, also for page 0 and hitsPerPage 0', async () => {
    const t = await indexWith(MOVIES);
    expect(await t.search(null, { page: 1 })).toMatchObject({ page: 1, totalPages: 1, totalHits: 5 });
    const zero = await t.search(null, { page: 0 });
    expect(zero.hits).toEqual([]);
    expect(zero).toMatchObject({ page: 0, totalPages: 1, totalHits: 5 });
    expect(await t.search(null, { hitsPerPage: 1 })).toMatchObject({ totalHits: 5, page: 1, totalPages: 5 });
    const none = await t.search(null, { hitsPerPage: 0 });
    expect(none.hits).toEqual([]);
    expect(none).toMatchObject({ totalHits: 5, page: 1, totalPages: 0 });
  });

  it('distinct duplicates are out of the exact totals, on every page', async () => {
    const t = await indexWith(MOVIES, { rankingRules: ['distinct:asc'], distinctAttribute: 'distinct', sortableAttributes: ['distinct'] });
    for (let page = 0; page <= 4; page++) {
      const r = await t.search(null, { page, hitsPerPage: 1 });
      expect(r.totalHits, `page ${page}`).toBe(4);
      expect(r.totalPages, `page ${page}`).toBe(4);
      expect(r.hits).toHaveLength(page >= 1 && page <= 4 ? 1 : 0);
    }
    expect((await t.search('the', { hitsPerPage: 5 })).totalHits).toBe(1);
  });

  it('maxTotalHits caps the reachable hits of placeholder and keyword searches', async () => {
    const docs = Array.from({ length: 1200 }, (_, id) => ({ id, text: 'I am unique!' }));
    const t = await indexWith(docs);
    for (const q of [null, 'unique']) {
      expect((await t.search(q, { limit: 1500 })).hits).toHaveLength(1000);
      const r = await t.search(q, { offset: 800, limit: 400 });
      expect(r.hits).toHaveLength(200);
      expect(r.estimatedTotalHits).toBe(1000);
    }
    await t.update({ pagination: { maxTotalHits: 10_000 } });
    for (const q of [null, 'unique']) {
      expect((await t.search(q, { limit: 1500 })).hits).toHaveLength(1200);
      expect((await t.search(q, { offset: 1000, limit: 400 })).hits).toHaveLength(200);
    }
  });

  it('pages through ranked hits without gaps or repeats', async () => {
    const docs = Array.from({ length: 50 }, (_, id) => ({ id, text: `word ${id % 7 === 0 ? 'word' : 'other'} filler ${id}` }));
    const t = await indexWith(docs);
    const all = await t.ids('word', { limit: 50 });
    const pages: unknown[] = [];
    for (let offset = 0; offset < 50; offset += 7) pages.push(...(await t.ids('word', { offset, limit: 7 })));
    expect(pages).toEqual(all);
    const p3 = await t.ids('word', { page: 3, hitsPerPage: 10 });
    expect(p3).toEqual(all.slice(20, 30));
  });
});
