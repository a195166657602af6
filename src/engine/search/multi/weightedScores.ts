/**
 * Ordering of hits from different queries in a federated search (spec §1.4): each hit's score details
 * become a sequence of values — runs of consecutive ranking rules folded into one weighted score, sort
 * and geo-sort values kept as they are — compared left to right; when two sequences cannot be compared
 * (sorts in opposite directions, a score against a sort value), the weighted global scores decide.
 */
import type { RankedHit } from '../pipeline.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';
import { detailRank, mergeRank, type ScoreDetail } from '../ranking/scoreDetails.ts';

/** One element of a hit's comparable score sequence. */
export type WeightedValue =
  | { kind: 'score'; value: number }
  | { kind: 'sort'; asc: boolean; value: unknown }
  | { kind: 'geo'; asc: boolean; distance: number | null };

interface Rank {
  rank: number;
  max: number;
}

const EPSILON = Number.EPSILON;

/** The rank of a `_rankingScoreDetails` entry, exact where the entry carries it, else from its score. */
function entryRank(name: string, e: Record<string, unknown>): Rank {
  const num = (k: string): number | null => (typeof e[k] === 'number' ? (e[k] as number) : null);
  if (name === 'words' && num('matchingWords') !== null && num('maxMatchingWords') !== null) {
    return { rank: num('matchingWords')!, max: num('maxMatchingWords')! };
  }
  if (name === 'typo' && num('typoCount') !== null && num('maxTypoCount') !== null) {
    return { rank: num('maxTypoCount')! + 1 - num('typoCount')!, max: num('maxTypoCount')! + 1 };
  }
  // Other rules only expose their score: a fine-grained rank of the same ratio folds almost identically.
  const score = num('score') ?? 0;
  const max = 1 << 20;
  return { rank: Math.round(score * max), max };
}

/** Meilisearch's `Rank::merge` over a run of ranks (u32 arithmetic, as the ranking layer does it). */
function fold(ranks: Rank[]): number {
  let acc: Rank = { rank: 1, max: 1 };
  for (const x of ranks) acc = mergeRank(acc, x);
  return acc.rank / acc.max;
}

/** `fold` in floating point, for ranks rebuilt from scores (their maxes would overflow u32). */
function foldFloat(ranks: Rank[]): number {
  let r = 1;
  let m = 1;
  for (const x of ranks) {
    r = Math.max(0, r - 1) * x.max + x.rank;
    m *= x.max;
  }
  return r / m;
}

/** Values from the structured details the ranking layer gives (exact ranks and sort values). */
function fromScoreDetails(details: readonly ScoreDetail[], weight: number): WeightedValue[] {
  const out: WeightedValue[] = [];
  let run: Rank[] = [];
  const flush = () => {
    if (run.length) out.push({ kind: 'score', value: fold(run) * weight });
    run = [];
  };
  for (const d of details) {
    if (d.kind === 'sort') {
      flush();
      out.push({ kind: 'sort', asc: d.ascending, value: d.value });
    } else if (d.kind === 'geoSort') {
      flush();
      out.push({ kind: 'geo', asc: d.ascending, distance: d.distance });
    } else {
      const r = detailRank(d);
      if (r) run.push(r);
    }
  }
  flush();
  return out;
}

/**
 * A hit's comparable values, each score multiplied by the query's weight: from the structured score details
 * when the ranking layer gives them, else rebuilt from `_rankingScoreDetails`.
 */
export function weightedValues(hit: RankedHit, weight: number): WeightedValue[] {
  if (hit.scoreDetails) return fromScoreDetails(hit.scoreDetails, weight);
  const details = hit.details;
  if (!details) return [{ kind: 'score', value: (hit.score ?? 1) * weight }];
  const entries = Object.entries(details)
    .filter((x): x is [string, Record<string, unknown>] => typeof x[1] === 'object' && x[1] !== null)
    .sort((a, b) => Number(a[1].order) - Number(b[1].order));
  const out: WeightedValue[] = [];
  let run: Rank[] = [];
  const flush = () => {
    if (run.length) out.push({ kind: 'score', value: foldFloat(run) * weight });
    run = [];
  };
  for (const [name, e] of entries) {
    const sortMatch = /:(asc|desc)$/.exec(name);
    if (sortMatch) {
      flush();
      const asc = sortMatch[1] === 'asc';
      if (name.startsWith('_geoPoint(')) out.push({ kind: 'geo', asc, distance: typeof e.distance === 'number' ? e.distance : null });
      else out.push({ kind: 'sort', asc, value: e.value });
    } else if (name === 'skipped') run.push({ rank: 0, max: 1 });
    else run.push(entryRank(name, e));
  }
  flush();
  return out;
}

function compareSortValues(asc: boolean, a: unknown, b: unknown): number {
  // Numbers before strings before missing, in both directions (as the sort rule buckets them).
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  if (typeof a === 'number' && typeof b === 'number') return asc ? b - a : a - b;
  if (typeof a === 'string' && typeof b === 'string') return asc ? compareUtf8(b, a) : compareUtf8(a, b);
  return 0;
}

/** >0 when `a` ranks before `b`, <0 after, 0 equal, null when incomparable. */
function compareValue(a: WeightedValue, b: WeightedValue): number | null {
  if (a.kind === 'score' && b.kind === 'score') return Math.abs(a.value - b.value) <= EPSILON ? 0 : a.value - b.value;
  if (a.kind === 'sort' && b.kind === 'sort') return a.asc === b.asc ? compareSortValues(a.asc, a.value, b.value) : null;
  if (a.kind === 'geo' && b.kind === 'geo') {
    if (a.asc !== b.asc) return null;
    if (a.distance === null || b.distance === null) return a.distance === b.distance ? 0 : a.distance === null ? -1 : 1;
    if (Math.abs(a.distance - b.distance) <= EPSILON) return 0;
    return a.asc ? b.distance - a.distance : a.distance - b.distance;
  }
  return null;
}

/**
 * Compares two hits' sequences (Meilisearch's `weighted_scores::compare`): >0 when `a` goes first.
 * Incomparable values fall back to the side with more remaining groups, then to the global scores.
 */
export function compareWeighted(a: WeightedValue[], aGlobal: number, b: WeightedValue[], bGlobal: number): number {
  for (let i = 0; ; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined && y === undefined) return 0;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = compareValue(x, y);
    if (c === 0) continue;
    if (c !== null) return c;
    const left = a.length - i - 1;
    const right = b.length - i - 1;
    if (left !== right) return left - right;
    return aGlobal - bGlobal;
  }
}
