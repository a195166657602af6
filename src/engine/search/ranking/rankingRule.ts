/**
 * The ranking rule contract of the bucket sort (spec §5.4), and the generic graph-based rule (Meilisearch's
 * `GraphBasedRankingRule`): each bucket is the next cost's paths; its documents go to the next rule with the
 * sub-graph of the paths that produced them.
 */
import { EMPTY, intersect, union, type DocSet } from '../../storage/docSet.ts';
import { without } from './searchData.ts';
import { QueryGraph } from '../query/queryGraph.ts';
import type { LocatedSubset } from '../query/queryTerm.ts';
import type { MatchingStrategy } from '../../types/search.ts';
import { DeadEnds, RankingGraph, visitPaths, type EdgeBuilder } from './rankingGraph.ts';
import type { Rank, ScoreDetail } from './scoreDetails.ts';

export interface RuleBucket {
  docs: DocSet;
  /** the query for the next rule (null in placeholder searches) */
  query: QueryGraph | null;
  score: ScoreDetail;
}

export interface RankingRule {
  /** `words`, `typo`, … (for logs and tests) */
  readonly id: string;
  start(universe: DocSet, query: QueryGraph | null): void | Promise<void>;
  /** The next bucket, a subset of `universe` (what is left of this rule's universe), or null when exhausted. */
  next(universe: DocSet): RuleBucket | null | Promise<RuleBucket | null>;
  end(): void;
}

export interface ResolvedCondition {
  docs: DocSet;
  /** the subsets this condition used, to rebuild the next rule's graph */
  start: LocatedSubset | null;
  end: LocatedSubset;
}

export interface GraphRuleDef<C> extends EdgeBuilder<C> {
  /** Called when an iteration starts, before edges are built: loads what the conditions will read. */
  prepare?(universe: DocSet, query: QueryGraph): Promise<void>;
  /** Called when an iteration starts, before edges are built (per-universe caches). */
  reset?(universe: DocSet): void;
  resolve(c: C, universe: DocSet): ResolvedCondition;
  score(rank: Rank): ScoreDetail;
}

interface State<C> {
  graph: RankingGraph<C>;
  cache: Map<number, { computed: ResolvedCondition; universeLength: number }>;
  deadEnds: DeadEnds;
  allCosts: number[][];
  curCost: number;
  nextMaxCost: number;
}

export class GraphRankingRule<C> implements RankingRule {
  private state: State<C> | null = null;

  /** `strategy` only for the words rule: it turns the matching strategy's removals into skip edges. */
  constructor(
    readonly id: string,
    private readonly def: GraphRuleDef<C>,
    private readonly strategy: MatchingStrategy | null = null,
    private readonly frequencyDocs?: (subset: LocatedSubset) => DocSet,
  ) {}

  async start(universe: DocSet, query: QueryGraph | null): Promise<void> {
    if (!query) throw new Error('graph rules need a query');
    await this.def.prepare?.(universe, query);
    this.def.reset?.(universe);
    let nextMaxCost = 1;
    let removal: Map<number, { cost: number; forbidden: ReadonlySet<number> }> | null = null;
    if (this.strategy !== null) {
      // A document matching only the phrase and none of the other words is possible: count phrase words once less.
      nextMaxCost += Math.max(0, query.wordsInPhrasesCount() - 1);
      if (this.strategy !== 'all') {
        const order =
          this.strategy === 'last'
            ? query.removalOrderLast()
            : query.removalOrderFrequency((n) => {
                const node = query.nodes[n];
                return node.kind === 'term' && this.frequencyDocs ? this.frequencyDocs(node.term) : EMPTY;
              });
        removal = new Map();
        const forbidden = new Set<number>();
        for (const group of order) {
          const snapshot = new Set(forbidden);
          for (const n of group) removal.set(n, { cost: 1, forbidden: snapshot });
          for (const n of group) forbidden.add(n);
        }
      }
    }
    const graph = new RankingGraph(query, this.def, removal);
    const allCosts = graph.allCostsToEnd();
    const rootCosts = allCosts[query.root];
    nextMaxCost += rootCosts.length ? rootCosts[rootCosts.length - 1] : 0;
    this.state = { graph, cache: new Map(), deadEnds: new DeadEnds(), allCosts, curCost: 0, nextMaxCost };
  }

  private condition(s: State<C>, c: number, universe: DocSet): ResolvedCondition {
    const hit = s.cache.get(c);
    if (hit) {
      if (hit.universeLength !== universe.length) {
        hit.computed = { ...hit.computed, docs: intersect(hit.computed.docs, universe) };
        hit.universeLength = universe.length;
      }
      return hit.computed;
    }
    const computed = this.def.resolve(s.graph.conditions[c], universe);
    s.cache.set(c, { computed, universeLength: universe.length });
    return computed;
  }

  next(universe: DocSet): RuleBucket | null {
    const s = this.state!;
    const cost = s.allCosts[s.graph.query.root].find((c) => c >= s.curCost);
    if (cost === undefined) return null;
    s.curCost = cost + 1;
    const score = this.def.score({ rank: s.nextMaxCost - cost, max: s.nextMaxCost });
    let u = universe;
    let bucket: DocSet = EMPTY;
    const goodPaths: number[][] = [];
    let sub: { c: number; docs: DocSet }[] = [];
    const removedFrom = new Set<number>();
    visitPaths(s.graph, cost, s.allCosts, s.deadEnds, (path) => {
      if (u.length === 0) return false;
      let k = 0;
      while (k < path.length && k < sub.length && sub[k].c === path[k]) k++;
      sub = sub.slice(0, k);
      for (let i = k; i < path.length; i++) {
        const c = path[i];
        const docs = this.condition(s, c, u).docs;
        if (docs.length === 0) {
          s.deadEnds.forbid(c);
          for (const n of s.graph.removeEdgesWithCondition(c)) removedFrom.add(n);
          return true;
        }
        const prev = sub.length ? sub[sub.length - 1].docs : null;
        const latest = prev ? intersect(prev, docs) : docs;
        if (latest.length) {
          sub.push({ c, docs: latest });
          continue;
        }
        s.deadEnds.forbidAfter(sub.map((x) => x.c), c);
        for (let p = 0; p + 1 < sub.length; p++) {
          if (intersect(docs, sub[p].docs).length === 0) s.deadEnds.forbidAfter(sub.slice(0, p + 1).map((x) => x.c), c);
        }
        return true;
      }
      const pathDocs = sub.length ? sub.pop()!.docs : u;
      goodPaths.push(path.slice());
      bucket = union(bucket, pathDocs);
      u = without(u, pathDocs);
      for (const x of sub) x.docs = without(x.docs, pathDocs);
      return u.length > 0;
    });
    const paths = goodPaths.map((path) =>
      path.map((c): readonly [LocatedSubset | null, LocatedSubset] => {
        const r = s.cache.get(c)!.computed;
        return [r.start, r.end];
      }),
    );
    if (removedFrom.size) s.allCosts = s.graph.allCostsToEnd();
    return { docs: bucket, query: QueryGraph.buildFromPaths(paths), score };
  }

  end(): void {
    this.state = null;
  }
}
