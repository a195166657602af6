/**
 * Federated queries whose ranking rules cannot be compared are refused (Meilisearch's
 * `federation_sort_*_opposite_direction` and `federation_sort_different_ranking_rules` goldens).
 */
import { describe, expect, test } from 'vitest';
import { engineWith, rejection } from '../filters/engineHelpers.ts';
import type { MultiSearchParams } from '../../../../src/engine/types/search.ts';

const NESTED = [
  { id: 852, father: 'jean', mother: 'michelle', cattos: 'pésti' },
  { id: 654, father: 'pierre', mother: 'sabine', cattos: ['simba', 'pestiféré'] },
];
const SORT_FIRST = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];
const placeholderNotes = (q: number) =>
  `  - note: The ranking rules of query #${q} were modified during canonicalization:\n` +
  ['words', 'typo', 'proximity', 'attribute', 'exactness']
    .map((r, i) => `    ${i + 1}. Removed relevancy rule \`${r}\` at position #${i + 1} in ranking rules because the query is a placeholder search (\`q\`: "")\n`)
    .join('');

describe('federated ranking rules compatibility', () => {
  test('golden: placeholder queries sorting one field in opposite directions', async () => {
    const e = await engineWith(NESTED, { sortableAttributes: ['mother'], rankingRules: SORT_FIRST }, 'idx');
    const err = await rejection(
      e.multiSearch({ federation: {}, queries: [{ indexUid: 'idx', q: '', sort: ['mother:asc'] }, { indexUid: 'idx', q: '', sort: ['mother:desc'] }] } as MultiSearchParams),
    );
    expect(err.code).toBe('invalid_multi_search_query_ranking_rules');
    expect(err.message).toBe(
      'Inside `.queries[1]`: The results of queries #0 and #1 are incompatible: \n' +
        '  1. `queries[0].sort[0]`, `idx.rankingRules[0]`: ascending sort rule(s) on field `mother`\n' +
        '  2. `queries[1].sort[0]`, `idx.rankingRules[0]`: descending sort rule(s) on field `mother`\n' +
        '  - cannot compare two sort rules in opposite directions\n' +
        placeholderNotes(0) +
        placeholderNotes(1),
    );
  });

  test('golden: keyword queries carry no notes', async () => {
    const e = await engineWith(NESTED, { sortableAttributes: ['mother'], rankingRules: SORT_FIRST }, 'idx');
    const err = await rejection(
      e.multiSearch({ federation: {}, queries: [{ indexUid: 'idx', q: 'pésti', sort: ['mother:asc'] }, { indexUid: 'idx', q: 'jean', sort: ['mother:desc'] }] } as MultiSearchParams),
    );
    expect(err.message).toBe(
      'Inside `.queries[1]`: The results of queries #0 and #1 are incompatible: \n' +
        '  1. `queries[0].sort[0]`, `idx.rankingRules[0]`: ascending sort rule(s) on field `mother`\n' +
        '  2. `queries[1].sort[0]`, `idx.rankingRules[0]`: descending sort rule(s) on field `mother`\n' +
        '  - cannot compare two sort rules in opposite directions\n',
    );
  });

  test('golden: a relevancy rule against a sort rule, indexes checked in uid order', async () => {
    const e = await engineWith(NESTED, { sortableAttributes: ['father'] }, 'SCORE');
    await e.index('movies').addDocuments(NESTED, { primaryKey: 'id' }).waitTask();
    await e.index('movies').updateSettings({ sortableAttributes: ['father'], rankingRules: SORT_FIRST }).waitTask();
    const err = await rejection(
      e.multiSearch({
        federation: {},
        queries: [
          { indexUid: 'SCORE', q: 'jean', sort: ['father:desc'] },
          { indexUid: 'movies', q: 'jean', sort: ['father:desc'] },
          { indexUid: 'SCORE', q: 'pierre', sort: ['father:desc'] },
        ],
      } as MultiSearchParams),
    );
    expect(err.message).toBe(
      'Inside `.queries[1]`: The results of queries #2 and #1 are incompatible: \n' +
        '  1. `queries[2]`, `SCORE.rankingRules[0..=3]`: relevancy rule(s) words, typo, proximity, attributeRank\n' +
        '  2. `queries[1].sort[0]`, `movies.rankingRules[0]`: descending sort rule(s) on field `father`\n' +
        '  - cannot compare a relevancy rule with a sort rule\n',
    );
  });

  test('compatible rules run: same direction, or the same rules', async () => {
    const e = await engineWith(NESTED, { sortableAttributes: ['mother'], rankingRules: SORT_FIRST }, 'idx');
    const r = await e.multiSearch({ federation: {}, queries: [{ indexUid: 'idx', q: '', sort: ['mother:asc'] }, { indexUid: 'idx', q: 'jean', sort: ['mother:asc'] }] } as MultiSearchParams);
    expect('hits' in r).toBe(true);
  });
});
