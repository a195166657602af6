/**
 * Expected hits and score details from Meilisearch's own insta snapshots (`milli/src/search/new/tests/snapshots`),
 * converted to JSON (`fixtures/meilisearchSnapshots.json`): ids (when the snapshot has them) and each hit's
 * buckets. Compared to our `_rankingScoreDetails` rendered from the same buckets, and to `_rankingScore`.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { SearchResponse } from '../../../../src/engine/types/search.ts';
import { detailsToJson, globalScore, type ScoreDetail } from '../../../../src/engine/search/ranking/scoreDetails.ts';

type Snapshot = { id?: number; details: ScoreDetail[] }[];

const SNAPSHOTS = JSON.parse(readFileSync(new URL('./fixtures/meilisearchSnapshots.json', import.meta.url), 'utf8')) as Record<string, Snapshot>;

/** Checks a response (searched with `showRankingScore` and `showRankingScoreDetails`) against a snapshot. */
export function expectSnapshot(r: SearchResponse, name: string, unifiedAttribute = false): void {
  const snap = SNAPSHOTS[name];
  if (!snap) throw new Error(`no snapshot ${name}`);
  if (snap.every((s) => s.id !== undefined)) expect(r.hits.map((h) => h.id)).toEqual(snap.map((s) => s.id));
  else expect(r.hits).toHaveLength(snap.length);
  r.hits.forEach((h, i) => {
    expect(h._rankingScoreDetails, `details of hit ${i} (${String(h.id)})`).toEqual(detailsToJson(snap[i].details, unifiedAttribute));
    expect(h._rankingScore).toBeCloseTo(globalScore(snap[i].details), 12);
  });
}

export const scored = { showRankingScore: true, showRankingScoreDetails: true } as const;
