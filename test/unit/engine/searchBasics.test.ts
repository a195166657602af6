import { describe, expect, it } from 'vitest';
import { memoryEngine, thrown } from './helpers.ts';
import type { Engine } from '../../../src/engine.ts';

async function withDocs(n: number, settings?: Record<string, unknown>): Promise<Engine> {
  const e = await memoryEngine();
  if (settings) await e.index('d').updateSettings(settings).waitTask();
  await e.index('d').addDocuments(Array.from({ length: n }, (_, i) => ({ id: i, text: `common word${i}` }))).waitTask();
  return e;
}

describe('search response and pagination', () => {
  it('answers with Meilisearch\'s shape for offset/limit pagination', async () => {
    const e = await withDocs(30);
    const r = await e.index('d').search('common', { limit: 5, offset: 2 });
    expect(Object.keys(r)).toEqual(['hits', 'query', 'processingTimeMs', 'limit', 'offset', 'estimatedTotalHits', 'requestUid']);
    expect(r).toMatchObject({ query: 'common', limit: 5, offset: 2, estimatedTotalHits: 30 });
    expect(r.hits).toHaveLength(5);
    expect(r.requestUid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await e.close();
  });

  it('switches to finite pagination with page/hitsPerPage', async () => {
    const e = await withDocs(45);
    const r = await e.index('d').search('', { page: 3, hitsPerPage: 20 });
    expect(Object.keys(r)).toEqual(['hits', 'query', 'processingTimeMs', 'hitsPerPage', 'page', 'totalPages', 'totalHits', 'requestUid']);
    expect(r).toMatchObject({ hitsPerPage: 20, page: 3, totalPages: 3, totalHits: 45 });
    expect(r.hits.map((h) => h.id)).toEqual([40, 41, 42, 43, 44]);
    expect((await e.index('d').search('', { page: 0 })).hits).toEqual([]);
    expect((await e.index('d').search('', { hitsPerPage: 0 })).totalPages).toBe(0);
    await e.close();
  });

  it('clamps offset, limit and totals to maxTotalHits', async () => {
    const e = await withDocs(30, { pagination: { maxTotalHits: 10 } });
    const r = await e.index('d').search('', { offset: 8, limit: 5 });
    expect(r.hits.map((h) => h.id)).toEqual([8, 9]);
    expect(r).toMatchObject({ limit: 5, offset: 8, estimatedTotalHits: 10 });
    expect((await e.index('d').search('', { offset: 50 })).offset).toBe(10);
    expect((await e.index('d').search('', { hitsPerPage: 4, page: 3 })).hits).toHaveLength(2);
    await e.close();
  });

  it('placeholder search returns documents in internal id order; a null or blank q is a placeholder', async () => {
    const e = await withDocs(3);
    for (const q of [null, '', '   ']) expect((await e.index('d').search(q)).hits.map((h) => h.id)).toEqual([0, 1, 2]);
    await e.close();
  });

  it('the last word is a prefix only when nothing follows it', async () => {
    const e = await memoryEngine();
    await e.index('d').addDocuments([{ id: 1, t: 'hello' }, { id: 2, t: 'help' }, { id: 3, t: 'hel' }]).waitTask();
    expect((await e.index('d').search('hel')).hits.map((h) => h.id).sort()).toEqual([1, 2, 3]);
    expect((await e.index('d').search('hel ')).hits.map((h) => h.id)).toEqual([3]);
    await e.index('d').updatePrefixSearch('disabled').waitTask();
    expect((await e.index('d').search('hel')).hits.map((h) => h.id)).toEqual([3]);
    await e.close();
  });

  it('attributesToRetrieve is intersected with displayedAttributes', async () => {
    const e = await memoryEngine();
    await e.index('d').addDocuments([{ id: 1, a: 'x', b: 'y', c: 'z' }]).waitTask();
    await e.index('d').updateDisplayedAttributes(['id', 'a', 'b']).waitTask();
    expect((await e.index('d').search('x', { attributesToRetrieve: ['a', 'c'] })).hits).toEqual([{ a: 'x' }]);
    expect((await e.index('d').search('x', { attributesToRetrieve: ['*'] })).hits).toEqual([{ id: 1, a: 'x', b: 'y' }]);
    await e.close();
  });

  it('searching a missing index is index_not_found', async () => {
    const e = await memoryEngine();
    expect((await thrown(() => e.index('nope').search('x'))).message).toBe('Index `nope` not found.');
    await e.close();
  });

  it('validates every search parameter with invalid_search_* codes', async () => {
    const e = await withDocs(1);
    const idx = e.index('d');
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ limit: 'a' }, 'invalid_search_limit', 'Invalid value type at `.limit`: expected a positive integer, but found a string: `"a"`'],
      [{ offset: -1 }, 'invalid_search_offset'],
      [{ page: 1.5 }, 'invalid_search_page'],
      [{ hitsPerPage: true }, 'invalid_search_hits_per_page'],
      [{ attributesToRetrieve: 'title' }, 'invalid_search_attributes_to_retrieve'],
      [{ cropLength: 'x' }, 'invalid_search_crop_length'],
      [{ cropMarker: 1 }, 'invalid_search_crop_marker'],
      [{ highlightPreTag: null, highlightPostTag: 2 }, 'invalid_search_highlight_post_tag'],
      [{ showMatchesPosition: 'yes' }, 'invalid_search_show_matches_position'],
      [{ showRankingScore: 1 }, 'invalid_search_show_ranking_score'],
      [{ matchingStrategy: 'doggo' }, 'invalid_search_matching_strategy', 'Unknown value `doggo` at `.matchingStrategy`: expected one of `last`, `all`, `frequency`'],
      [{ rankingScoreThreshold: 2 }, 'invalid_search_ranking_score_threshold', 'Invalid value at `.rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`.'],
      [{ locales: ['xx'] }, 'invalid_search_locales'],
      [{ sort: 'title:asc' }, 'invalid_search_sort'],
      [{ facets: 'genre' }, 'invalid_search_facets'],
      [{ distinct: 3 }, 'invalid_search_distinct'],
      [{ attributesToSearchOn: 'a' }, 'invalid_search_attributes_to_search_on'],
      [{ doggo: 1 }, 'bad_request'],
    ];
    for (const [params, code, message] of cases) {
      const err = await thrown(() => idx.search('x', params));
      expect(err.code, JSON.stringify(params)).toBe(code);
      if (message) expect(err.message).toBe(message);
    }
    await e.close();
  });
});
