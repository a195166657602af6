/**
 * Edges and conditions of each graph-based rule (spec §5.4):
 *
 * - words: one free edge per term (the matching strategy adds "skip" edges, see `GraphRankingRule`);
 * - typo: per term one edge per typo count 0..max (n-grams cost their word count more);
 * - proximity: per adjacent term pair, proximity 1, 2, 3 at costs 0, 1, 2, or "anywhere" at cost 3 (n-grams
 *   shift the costs by their extra words);
 * - attribute rank: per field the term matches in, cost weight × n-gram size (plus an empty edge at the highest
 *   weight so the maximum is the same for every document);
 * - word position: per position bucket, the distance cost to the term's query position (plus an empty edge at
 *   the maximum cost 10 per word);
 * - exact words: the original word/phrase exactly (0) or any derivation (term size).
 */
import { EMPTY, intersect, unionMany, type DocSet } from '../../storage/docSet.ts';
import { exactTerm, keepOnlyExact, locatedKey, maxTypoCost, withTypoGroup, type LocatedSubset } from '../query/queryTerm.ts';
import type { FieldPolicy } from './fieldPolicy.ts';
import type { ProximityDocs } from './proximity.ts';
import { GraphRankingRule, type GraphRuleDef, type RankingRule, type ResolvedCondition } from './rankingRule.ts';
import { costFromDistance, type TermResolver } from './termDocs.ts';

const size = (t: LocatedSubset) => t.termIds[1] - t.termIds[0] + 1;

function termCondition(terms: TermResolver, t: LocatedSubset, universe: DocSet): ResolvedCondition {
  return { docs: terms.subsetDocs(t.subset, universe), start: null, end: t };
}

export function wordsRule(terms: TermResolver): GraphRuleDef<LocatedSubset> {
  return {
    buildEdges: (_from, to) => [[0, to]],
    conditionKey: locatedKey,
    resolve: (t, u) => termCondition(terms, t, u),
    score: (rank) => ({ kind: 'words', rank }),
  };
}

interface TypoCondition {
  term: LocatedSubset;
  typos: number;
}

export function typoRule(terms: TermResolver): GraphRuleDef<TypoCondition> {
  return {
    buildEdges: (_from, to) => {
      const base = size(to) === 1 ? 0 : size(to);
      const out: [number, TypoCondition][] = [];
      for (let n = 0; n <= maxTypoCost(to.subset); n++) out.push([n + base, { term: { ...to, subset: withTypoGroup(to.subset, n) }, typos: n }]);
      return out;
    },
    conditionKey: (c) => `${locatedKey(c.term)}|${c.typos}`,
    resolve: (c, u) => termCondition(terms, c.term, u),
    score: (rank) => ({ kind: 'typo', rank }),
  };
}

type ProximityCondition = { kind: 'term'; term: LocatedSubset } | { kind: 'pair'; left: LocatedSubset; right: LocatedSubset; cost: number };

/** Meilisearch's MAX_DISTANCE: proximities 1–3 are told apart, anything farther costs the same. */
const MAX_DISTANCE = 4;

export function proximityRule(terms: TermResolver, proximity: ProximityDocs): GraphRuleDef<ProximityCondition> {
  return {
    prepare: (u, q) => terms.loadPositions(q, u, 'edges'),
    reset: () => proximity.reset(),
    buildEdges: (from, to) => {
      const rnm = size(to) - 1;
      const anywhere: ProximityCondition = { kind: 'term', term: to };
      // Not adjacent in the query (a word between was dropped by the words rule): no proximity condition.
      if (!from || from.positions[1] + 1 !== to.positions[0]) return [[rnm, anywhere]];
      const out: [number, ProximityCondition][] = [];
      for (let cost = rnm; cost < MAX_DISTANCE - 1 + rnm; cost++) out.push([cost, { kind: 'pair', left: from, right: to, cost: cost + 1 }]);
      out.push([MAX_DISTANCE - 1 + rnm, anywhere]);
      return out;
    },
    conditionKey: (c) => (c.kind === 'term' ? `t${locatedKey(c.term)}` : `p${locatedKey(c.left)}\u0004${locatedKey(c.right)}|${c.cost}`),
    resolve: (c, u) => {
      if (c.kind === 'term') return termCondition(terms, c.term, u);
      const forward = 1 + c.cost - size(c.right);
      return { docs: proximity.docs(c.left, c.right, forward, u), start: c.left, end: c.right };
    },
    score: (rank) => ({ kind: 'proximity', rank }),
  };
}

interface SplitCondition {
  term: LocatedSubset;
  /** field id (attribute rank) or position bucket list (word position); null = the artificial maximum */
  keys: number[] | null;
  cost: number;
}

/**
 * Attribute rank and word position share their shape: the documents of the rule's universe are split by a key
 * of where the term matched (field, position bucket), and each key has a cost.
 */
function splitRule(
  terms: TermResolver,
  kind: 'fid' | 'position',
  split: (t: LocatedSubset, universe: DocSet, costOf: (key: number) => number | null) => Map<number, DocSet>,
  costOf: (t: LocatedSubset, key: number) => number | null,
  maxCost: (t: LocatedSubset) => number | null,
): GraphRuleDef<SplitCondition> {
  let universe: DocSet = EMPTY;
  const cache = new Map<string, Map<number, DocSet>>();
  const parts = (t: LocatedSubset) => {
    const k = locatedKey(t);
    let m = cache.get(k);
    if (!m) cache.set(k, (m = split(t, universe, (key) => costOf(t, key))));
    return m;
  };
  return {
    prepare: (u, q) => terms.loadPositions(q, u, 'anchors'),
    reset: (u) => {
      universe = u;
      cache.clear();
    },
    buildEdges: (_from, to) => {
      const byCost = new Map<number, number[]>();
      for (const key of [...parts(to).keys()].sort((a, b) => a - b)) {
        const cost = costOf(to, key);
        if (cost === null) continue;
        let list = byCost.get(cost);
        if (!list) byCost.set(cost, (list = []));
        list.push(key);
      }
      const out: [number, SplitCondition][] = [...byCost.entries()].sort((a, b) => a[0] - b[0]).map(([cost, keys]) => [cost, { term: to, keys, cost }]);
      const max = maxCost(to);
      if (max !== null && !byCost.has(max)) out.push([max, { term: to, keys: null, cost: max }]);
      return out;
    },
    conditionKey: (c) => `${locatedKey(c.term)}|${c.cost}|${c.keys === null ? '-' : c.keys.join(',')}`,
    resolve: (c, u) => {
      if (c.keys === null) return { docs: EMPTY, start: null, end: c.term };
      const m = parts(c.term);
      return { docs: intersect(unionMany(c.keys.map((k) => m.get(k) ?? EMPTY)), u), start: null, end: c.term };
    },
    score: (rank) => ({ kind, rank }),
  };
}

/** The attribute rank rule. */
export function attributeRank(terms: TermResolver, policy: FieldPolicy): RankingRule {
  if (policy.maxWeight === null && policy.exactFids.size === 0 && policy.restricted === null && !policy.disableOnNumbers) {
    // Every field weighs 0 (`searchableAttributes: ["*"]`): all of a term's field conditions cost 0, so merging
    // them into one condition per term (their union: the term's documents) changes neither the buckets nor
    // the paths kept, and spares splitting the universe by field.
    const merged: GraphRuleDef<LocatedSubset> = {
      buildEdges: (_from, to) => [[0, to]],
      conditionKey: locatedKey,
      resolve: (t: LocatedSubset, u: DocSet) => termCondition(terms, t, u),
      score: (rank) => ({ kind: 'fid', rank }),
    };
    return new GraphRankingRule('attributeRank', merged);
  }
  return new GraphRankingRule('attributeRank', attributeRankRule(terms, policy));
}

export function attributeRankRule(terms: TermResolver, policy: FieldPolicy): GraphRuleDef<SplitCondition> {
  return splitRule(
    terms,
    'fid',
    (t, u, costOf) => terms.fieldDocs(t.subset, u, costOf),
    (t, fid) => {
      const w = policy.weights.get(fid);
      return w === undefined ? null : w * size(t);
    },
    (t) => (policy.maxWeight === null ? null : policy.maxWeight * size(t)),
  );
}

export function wordPositionRule(terms: TermResolver): GraphRuleDef<SplitCondition> {
  return splitRule(
    terms,
    'position',
    (t, u, costOf) => terms.positionDocs(t.subset, u, costOf),
    (t, pos) => {
      const distance = Math.abs(pos - t.positions[0]);
      let cost = 0;
      for (let i = 0; i < size(t); i++) cost += costFromDistance(distance + i);
      return cost;
    },
    (t) => 10 * size(t),
  );
}

type ExactnessCondition = { kind: 'exact' | 'any'; term: LocatedSubset };

export function exactWordsRule(terms: TermResolver): GraphRuleDef<ExactnessCondition> {
  return {
    buildEdges: (_from, to) => [
      [0, { kind: 'exact', term: to }],
      [size(to), { kind: 'any', term: to }],
    ],
    conditionKey: (c) => `${c.kind}${locatedKey(c.term)}`,
    resolve: (c, u) => {
      if (c.kind === 'any') return termCondition(terms, c.term, u);
      const e = exactTerm(c.term.subset);
      return { docs: e ? terms.exactTermDocs(e, u) : EMPTY, start: null, end: { ...c.term, subset: keepOnlyExact(c.term.subset) } };
    },
    score: (rank) => ({ kind: 'exactWords', rank }),
  };
}
