/** Relevance data that lives in segments must survive segment compaction. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src/engine.ts';
import { MAX_LIVE_SEGMENTS } from '../../../../src/engine/indexer/segmentMerger.ts';

async function until(cond: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('relevance after segment compaction', () => {
  it('keeps exact attribute matches (per-field word counts are merged)', async () => {
    const e = await createEngine({ storage: 'memory', name: 'relevance-compaction' });
    try {
      const idx = e.index('d');
      await idx.updateSettings({ rankingRules: ['exactness', 'words'] }).waitTask();
      // One task per batch, hence one segment each, so that compaction has work to do.
      const batches = [
        [{ id: 1, title: 'hello world again' }],
        [{ id: 2, title: 'hello world' }],
        [{ id: 3, title: 'say hello world' }],
        [{ id: 4, title: 'unrelated' }],
        [{ id: 5, title: 'another one' }],
        [{ id: 6, title: 'more filler' }],
        [{ id: 7, title: 'last filler' }],
      ];
      for (const b of batches) await idx.addDocuments(b, { primaryKey: 'id' }).waitTask();
      await until(async () => {
        e.ctx.catalog.invalidate();
        return (await e.ctx.catalog.state('d')).segments.length <= MAX_LIVE_SEGMENTS;
      });
      const res = await idx.search('hello world', { showRankingScoreDetails: true });
      expect(res.hits.map((h) => h.id)).toEqual([2, 1, 3]);
      const details = res.hits.map((h) => (h._rankingScoreDetails as { exactness: { matchType: string } }).exactness.matchType);
      expect(details).toEqual(['exactMatch', 'matchesStart', 'noExactMatch']);
    } finally {
      await e.close();
    }
  });
});
