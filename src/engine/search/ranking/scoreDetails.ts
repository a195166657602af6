/**
 * Ranking scores (spec §5.6): every bucket a hit went through gives a `Rank {rank, max}`; the global score folds
 * them with `r = (r − 1)·max + rank; m = m·max`. Meilisearch does this in `u32` and release builds wrap on
 * overflow, so we wrap too: with many rules and long queries the product exceeds 2³² and the score is what
 * Meilisearch returns, not the mathematically "right" one.
 */

/** One rule's verdict on a bucket: `rank` of `max` (max = best). */
export interface Rank {
  rank: number;
  max: number;
}

/** What a ranking rule says about the bucket a hit came from. */
export type ScoreDetail =
  | { kind: 'words'; rank: Rank }
  | { kind: 'typo'; rank: Rank }
  | { kind: 'proximity'; rank: Rank }
  | { kind: 'fid'; rank: Rank }
  | { kind: 'position'; rank: Rank }
  | { kind: 'exactAttribute'; match: ExactMatchType }
  | { kind: 'exactWords'; rank: Rank }
  | { kind: 'sort'; field: string; ascending: boolean; redacted: boolean; value: number | string | null }
  | { kind: 'geoSort'; point: [number, number]; ascending: boolean; value: [number, number] | null; distance: number | null }
  | { kind: 'skipped' };

export type ExactMatchType = 'exactMatch' | 'matchesStart' | 'noExactMatch';

const EXACT_RANK: Record<ExactMatchType, number> = { exactMatch: 3, matchesStart: 2, noExactMatch: 1 };

/** The rank of a detail, or null for sort/geo (they do not score). */
export function detailRank(d: ScoreDetail): Rank | null {
  switch (d.kind) {
    case 'sort':
    case 'geoSort':
      return null;
    case 'skipped':
      return { rank: 0, max: 1 };
    case 'exactAttribute':
      return { rank: EXACT_RANK[d.match], max: 3 };
    default:
      return d.rank;
  }
}

/** `outer` refined by `inner`, with u32 wrapping arithmetic (Meilisearch's `Rank::merge`). */
export function mergeRank(outer: Rank, inner: Rank): Rank {
  const r = Math.max(0, outer.rank - 1);
  return {
    rank: (Math.imul(r, inner.max) + inner.rank) >>> 0,
    max: Math.imul(outer.max, inner.max) >>> 0,
  };
}

export function localScore(r: Rank): number {
  return r.rank / r.max;
}

/** Global score of a sequence of ranks. */
export function globalRankScore(ranks: Iterable<Rank>): number {
  let acc: Rank = { rank: 1, max: 1 };
  for (const r of ranks) acc = mergeRank(acc, r);
  return localScore(acc);
}

/** `_rankingScore`: the global score of a hit's details (sort and geo rules are ignored). */
export function globalScore(details: readonly ScoreDetail[]): number {
  const ranks: Rank[] = [];
  for (const d of details) {
    const r = detailRank(d);
    if (r) ranks.push(r);
  }
  return globalRankScore(ranks);
}

/**
 * `_rankingScoreDetails`, keyed by rule in rule order, each with its `order`. `unifiedAttribute` is true when
 * the legacy `attribute` rule is used (fid and position render as one `attribute` entry).
 */
export function detailsToJson(details: readonly ScoreDetail[], unifiedAttribute: boolean): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  let order = 0;
  let fidRank: Rank | null = null;
  for (const d of details) {
    switch (d.kind) {
      case 'words':
        out.words = { order: order++, matchingWords: d.rank.rank, maxMatchingWords: d.rank.max, score: localScore(d.rank) };
        break;
      case 'typo':
        out.typo = { order: order++, typoCount: d.rank.max - d.rank.rank, maxTypoCount: d.rank.max - 1, score: localScore(d.rank) };
        break;
      case 'proximity':
        out.proximity = { order: order++, score: localScore(d.rank) };
        break;
      case 'fid':
        if (unifiedAttribute) {
          fidRank = d.rank;
          out.attribute = { order: order++, attributeRankingOrderScore: localScore(d.rank) };
        } else out.attributeRank = { order: order++, score: localScore(d.rank) };
        break;
      case 'position':
        if (unifiedAttribute) {
          const attr = out.attribute;
          // Meilisearch panics here when no fid detail came first; that cannot happen with the unified rule.
          if (attr && fidRank) {
            attr.queryWordDistanceScore = localScore(d.rank);
            attr.score = globalRankScore([fidRank, d.rank]);
          }
        } else out.wordPosition = { order: order++, score: localScore(d.rank) };
        break;
      case 'exactAttribute':
        out.exactness = { order: order++, matchType: d.match, score: EXACT_RANK[d.match] / 3 };
        break;
      case 'exactWords': {
        const ex = out.exactness;
        if (ex && ex.matchType === 'noExactMatch') {
          // The score goes last: Meilisearch removes it, adds the word counts, then puts it back.
          delete ex.score;
          ex.matchingWords = d.rank.rank - 1;
          ex.maxMatchingWords = d.rank.max - 1;
          ex.score = globalRankScore([{ rank: 1, max: 3 }, d.rank]);
        }
        break;
      }
      case 'sort': {
        const key = d.redacted ? `<hidden-rule-${order}>` : `${d.field}:${d.ascending ? 'asc' : 'desc'}`;
        out[key] = { order: order++, value: d.redacted ? '<hidden>' : d.value };
        break;
      }
      case 'geoSort': {
        const key = `_geoPoint(${formatRustFloat(d.point[0])}, ${formatRustFloat(d.point[1])}):${d.ascending ? 'asc' : 'desc'}`;
        out[key] = { order: order++, value: d.value ? { lat: d.value[0], lng: d.value[1] } : null, distance: d.distance };
        break;
      }
      case 'skipped':
        out.skipped = { order: order++ };
        break;
    }
  }
  return out;
}

/** Rust's `Display` for f64: integers print without a fraction (`48`), others as the shortest round-trip form. */
function formatRustFloat(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const s = String(x);
  // JS switches to exponent notation where Rust does not; expand it.
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
