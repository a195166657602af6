/**
 * The bucket sort (spec §5.4, Meilisearch's `bucket_sort`): the first rule splits the candidates into ordered
 * buckets, each bucket is refined by the next rule, and leaf buckets are emitted in order (by document id
 * inside a leaf) until `offset + limit` hits are found. Buckets that end before the offset are not refined.
 *
 * Along the way: distinct drops documents sharing a kept value; `rankingScoreThreshold` drops buckets scoring
 * below it (and, since later buckets of a rule score lower, the rest of that rule's universe); when the time
 * budget (`searchCutoffMs`) runs out, what is left is emitted unsorted, marked `skipped`.
 */
import { difference, EMPTY, has, union, type DocSet } from '../../storage/docSet.ts';
import { without } from './searchData.ts';
import type { QueryGraph } from '../query/queryGraph.ts';
import type { DistinctTracker } from './distinctRule.ts';
import type { RankingRule } from './rankingRule.ts';
import { globalScore, type ScoreDetail } from './scoreDetails.ts';

export interface BucketSortInput {
  rules: RankingRule[];
  query: QueryGraph | null;
  universe: DocSet;
  from: number;
  length: number;
  /** compute every rule even for single documents (scores asked or threshold set) */
  detailed: boolean;
  distinct: DistinctTracker | null;
  /** `performance.now()` after which the search degrades */
  deadline: number;
  threshold: number | null;
  /** finite pagination: with a threshold, rank up to `maxTotalHits` hits for exact totals */
  exhaustive: boolean;
  maxTotalHits: number;
}

export interface BucketSortOutput {
  docids: number[];
  scores: ScoreDetail[][];
  allCandidates: DocSet;
  degraded: boolean;
}

export async function bucketSort(input: BucketSortInput): Promise<BucketSortOutput> {
  const { rules, from, length, distinct, threshold } = input;
  const universe = input.universe;
  if (universe.length < from) return { docids: [], scores: [], allCandidates: universe, degraded: false };
  if (rules.length === 0) return noRules(input);

  const universes: DocSet[] = rules.map(() => EMPTY);
  universes[0] = universe;
  await rules[0].start(universe, input.query);
  const ruleScores: ScoreDetail[] = [];
  let allCandidates = universe;
  const docids: number[] = [];
  const scores: ScoreDetail[][] = [];
  let cur = 0;
  let curOffset = 0;
  const maxLen = input.exhaustive && threshold !== null ? input.maxTotalHits : length;
  const belowThreshold = () => threshold !== null && globalScore(ruleScores) < threshold;

  // Candidates only leave `allCandidates` through distinct or the threshold: until then, adding a bucket (a
  // subset of the universe) changes nothing and its cost is skipped.
  let trimmed = false;
  const addToResults = async (bucket: DocSet): Promise<void> => {
    let candidates = bucket;
    if (distinct) {
      const { remaining, excluded } = await distinct.apply(bucket);
      for (let i = 0; i < universes.length; i++) universes[i] = without(universes[i], excluded);
      allCandidates = without(allCandidates, excluded);
      trimmed = true;
      candidates = remaining;
    }
    if (trimmed) allCandidates = union(allCandidates, candidates);
    if (candidates.length === 0) return;
    let start = 0;
    if (curOffset < from) {
      if (curOffset + candidates.length < from) {
        curOffset += candidates.length;
        return;
      }
      start = from - curOffset;
    }
    for (let i = start; i < candidates.length && docids.length < length; i++) {
      docids.push(candidates[i]);
      scores.push(ruleScores.slice());
    }
    curOffset += candidates.length;
  };

  /** Done with the current rule: back to its parent (false when there is none: the sort is over). */
  const back = (): boolean => {
    universes[cur] = EMPTY;
    rules[cur].end();
    if (cur === 0) return false;
    cur--;
    if (ruleScores.length > cur) ruleScores.pop();
    return true;
  };

  while (docids.length < maxLen) {
    if (universes[cur].length === 0 || (!input.detailed && universes[cur].length === 1)) {
      const bucket = universes[cur];
      universes[cur] = EMPTY;
      await addToResults(bucket);
      if (!back()) break;
      continue;
    }
    if (performance.now() >= input.deadline) {
      // Out of time: every rule still sorting gives up; what each one has left is emitted as is, child first.
      for (;;) {
        const bucket = universes[cur];
        universes[cur] = EMPTY;
        ruleScores.push({ kind: 'skipped' });
        if (belowThreshold()) {
          allCandidates = without(allCandidates, bucket);
          trimmed = true;
        }
        else await addToResults(bucket);
        ruleScores.pop();
        if (cur === 0) return { docids, scores, allCandidates, degraded: true };
        rules[cur].end();
        cur--;
        if (ruleScores.length > cur) ruleScores.pop();
      }
    }
    const next = await rules[cur].next(universes[cur]);
    if (!next) {
      if (!back()) break;
      continue;
    }
    ruleScores.push(next.score);
    const below = belowThreshold();
    universes[cur] = without(universes[cur], next.docs);
    if (cur === rules.length - 1 || (!input.detailed && next.docs.length <= 1) || curOffset + next.docs.length < from || below) {
      if (below) {
        allCandidates = without(without(allCandidates, next.docs), universes[cur]);
        trimmed = true;
      } else await addToResults(next.docs);
      ruleScores.pop();
      continue;
    }
    cur++;
    universes[cur] = next.docs;
    await rules[cur].start(next.docs, next.query);
  }
  return { docids, scores, allCandidates, degraded: false };
}

/** No rule applies (placeholder search without sort): id order, distinct aside. */
async function noRules(input: BucketSortInput): Promise<BucketSortOutput> {
  const { universe, from, length, distinct } = input;
  if (!distinct) {
    const docids = Array.from(universe.subarray(from, from + length));
    return { docids, scores: docids.map(() => []), allCandidates: universe, degraded: false };
  }
  // Meilisearch walks the ids, keeping one per value, until offset + limit hits: take as many ids as hits are
  // still needed at a time, so that no id Meilisearch would not have looked at is looked at.
  const results: number[] = [];
  let excluded: DocSet = EMPTY;
  let pos = 0;
  while (pos < universe.length && results.length < from + length) {
    const part: number[] = [];
    while (pos < universe.length && part.length < from + length - results.length) {
      const d = universe[pos++];
      if (!has(excluded, d)) part.push(d);
    }
    const { remaining, excluded: ex } = await distinct.apply(Uint32Array.from(part));
    excluded = union(excluded, ex);
    results.push(...remaining);
  }
  const allCandidates = union(difference(universe, excluded), Uint32Array.from(results).sort());
  const docids = results.slice(from);
  return { docids, scores: docids.map(() => []), allCandidates, degraded: false };
}
