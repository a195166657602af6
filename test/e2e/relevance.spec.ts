/**
 * Relevance in Chromium, through the worker over IndexedDB: typo buckets, exactness with per-field word counts
 * read back from IndexedDB after a reload, phrases and negations, and Meilisearch's ranking scores.
 */
import type { Page } from '@playwright/test';
import { test, expect, openEnginePage } from './fixtures.ts';

declare global {
  interface Window {
    pocketsearch: typeof import('../../src/index.ts');
    ready: boolean;
  }
}

const BATMAN = [
  { title: 'Batman the dark knight returns: Part 1', id: 'A' },
  { title: 'Batman the dark knight returns: Part 2', id: 'B' },
  { title: 'Batman Returns', id: 'C' },
  { title: 'Batman', id: 'D' },
  { title: 'Badman', id: 'E' },
];
const NETWORK = [
  'netwolk interconections sunflawar',
  'network interconnections sunflawer',
  'network interconnection sunflower',
  'network interconnection sun flower',
  'network interconnection sunflowering',
  'network interconnection sun flowering',
  'network interconnection sunflowar',
].map((text, i) => ({ id: 14 + i, text }));
const BALCONY = [
  'what a lovely view from this balcony, I love it',
  'this balcony is overlooking the sea',
  'this balcony',
  'over looking the sea is a beautiful balcony',
  'a beautiful balcony is overlooking the sea',
  'overlooking the sea is a beautiful balcony, I love it',
  'overlooking the sea is a beautiful balcony',
  'overlooking',
].map((text, id) => ({ id, text }));

async function setUp(page: Page): Promise<void> {
  await openEnginePage(page);
  await page.evaluate(
    async ({ batman, network, balcony }) => {
      const client = await window.pocketsearch.createClient({ name: 'e2e-relevance' });
      await client.index('batman').updateSettings({ filterableAttributes: ['id', 'title'] }).waitTask();
      await client.index('batman').addDocuments(batman).waitTask();
      await client.index('network').updateSettings({ searchableAttributes: ['text'], rankingRules: ['typo'] }).waitTask();
      await client.index('network').addDocuments(network).waitTask();
      await client.index('balcony').updateSettings({ searchableAttributes: ['text'], rankingRules: ['exactness'] }).waitTask();
      await client.index('balcony').addDocuments(balcony).waitTask();
      await client.close();
    },
    { batman: BATMAN, network: NETWORK, balcony: BALCONY },
  );
}

async function searches(page: Page) {
  return page.evaluate(async () => {
    const client = await window.pocketsearch.createClient({ name: 'e2e-relevance' });
    const ids = (r: { hits: Record<string, unknown>[] }) => r.hits.map((h) => h.id);
    const score = await client.index('batman').search('Badman the dark knight returns 1', { showRankingScore: true });
    const threshold = await client.index('batman').search('Badman dark returns 1', { rankingScoreThreshold: 0.5 });
    const typo = await client.index('network').search('network interconnection sunflower', { matchingStrategy: 'all', showRankingScoreDetails: true });
    const exact = await client.index('balcony').search('this balcony', { showRankingScoreDetails: true });
    const negation = await client.index('batman').search('batman -returns');
    const phrase = await client.index('batman').search('"dark knight" -"part 2"');
    await client.close();
    return {
      score: score.hits.map((h) => [h.id, h._rankingScore]),
      threshold: { ids: ids(threshold), total: threshold.estimatedTotalHits },
      typo: { ids: ids(typo), typos: typo.hits.map((h) => (h._rankingScoreDetails?.typo as { typoCount: number }).typoCount) },
      exact: exact.hits.map((h) => [h.id, (h._rankingScoreDetails?.exactness as { matchType: string }).matchType]),
      negation: ids(negation),
      phrase: ids(phrase),
    };
  });
}

test('ranks like Meilisearch in the worker, before and after a reload', async ({ page }) => {
  await setUp(page);
  const expected = {
    score: [
      ['A', 0.9746605609456898],
      ['B', 0.8055252965383685],
      ['E', 0.16666666666666666],
      ['C', 0.07702020202020202],
      ['D', 0.07702020202020202],
    ],
    threshold: { ids: ['A', 'B'], total: 2 },
    typo: { ids: [16, 18, 17, 20, 15, 14], typos: [0, 0, 1, 1, 2, 5] },
    exact: [
      [2, 'exactMatch'],
      [1, 'matchesStart'],
      [0, 'noExactMatch'],
    ],
    negation: ['D', 'E'],
    phrase: ['A'],
  };
  const check = (out: Awaited<ReturnType<typeof searches>>) => {
    expect(out.score.map(([id]) => id)).toEqual(expected.score.map(([id]) => id));
    out.score.forEach(([, s], i) => expect(s as number).toBeCloseTo(expected.score[i][1] as number, 12));
    expect({ ...out, score: null }).toEqual({ ...expected, score: null });
  };
  check(await searches(page));
  // A reload reads everything (postings, per-field word counts) back from IndexedDB.
  await page.reload();
  await page.waitForFunction(() => window.ready === true);
  check(await searches(page));
});
