/**
 * The graph behind the graph-based ranking rules (words, typo, proximity, attribute rank, word position, exact
 * words): the query graph's nodes with, between two nodes, one edge per way the rule can score that step — a
 * cost and a condition (documents satisfying it). A bucket of cost c is the union, over the START→END paths
 * of total cost c, of the intersection of their conditions.
 *
 * Paths of a cost are enumerated depth first, edges in creation order, like Meilisearch, because the order
 * decides which paths "produced" documents and so which readings of the query the next rule keeps. Costs
 * reachable from each node are precomputed; conditions proven empty are cut out (dead ends).
 */
import type { QueryGraph } from '../query/queryGraph.ts';
import type { LocatedSubset } from '../query/queryTerm.ts';

export interface GraphEdge {
  source: number;
  dest: number;
  cost: number;
  /** condition id, or null for an unconditional edge (skipping a node, reaching END) */
  condition: number | null;
  /** nodes that must be skipped from now on (matching strategy) */
  nodesToSkip: ReadonlySet<number>;
}

/** How a rule prices the step into `dest` (from `source`, null = START). */
export interface EdgeBuilder<C> {
  buildEdges(source: LocatedSubset | null, dest: LocatedSubset): [number, C][];
  conditionKey(c: C): string;
}

const NO_NODES: ReadonlySet<number> = new Set();

export class RankingGraph<C> {
  readonly conditions: C[] = [];
  readonly edges: (GraphEdge | null)[] = [];
  readonly edgesOfNode: number[][];

  /**
   * @param removal the matching strategy's unconditional "skip this node" edges: cost per term id, and the
   *   nodes that must then be skipped too
   */
  constructor(
    readonly query: QueryGraph,
    builder: EdgeBuilder<C>,
    removal: Map<number, { cost: number; forbidden: ReadonlySet<number> }> | null,
  ) {
    const condIds = new Map<string, number>();
    const edgeIds = new Map<string, number>();
    this.edgesOfNode = query.nodes.map(() => []);
    const addEdge = (e: GraphEdge) => {
      const key = `${e.source}|${e.dest}|${e.cost}|${e.condition ?? '-'}`;
      let id = edgeIds.get(key);
      if (id === undefined) {
        id = this.edges.length;
        this.edges.push(e);
        edgeIds.set(key, id);
      }
      if (!this.edgesOfNode[e.source].includes(id)) this.edgesOfNode[e.source].push(id);
    };
    query.nodes.forEach((node, source) => {
      if (node.kind === 'deleted' || node.kind === 'end') return;
      for (const dest of query.successors(source)) {
        const destNode = query.nodes[dest];
        if (destNode.kind === 'end') {
          addEdge({ source, dest, cost: 0, condition: null, nodesToSkip: NO_NODES });
          continue;
        }
        if (destNode.kind !== 'term') continue;
        const skip = removal?.get(dest);
        if (skip) {
          const size = destNode.term.termIds[1] - destNode.term.termIds[0] + 1;
          addEdge({ source, dest, cost: skip.cost * size, condition: null, nodesToSkip: skip.forbidden });
        }
        const from = node.kind === 'term' ? node.term : null;
        for (const [cost, c] of builder.buildEdges(from, destNode.term)) {
          const key = builder.conditionKey(c);
          let cid = condIds.get(key);
          if (cid === undefined) {
            cid = this.conditions.length;
            this.conditions.push(c);
            condIds.set(key, cid);
          }
          addEdge({ source, dest, cost, condition: cid, nodesToSkip: NO_NODES });
        }
      }
    });
    for (const list of this.edgesOfNode) list.sort((a, b) => a - b);
  }

  /** Removes every edge with this condition; returns their source nodes. */
  removeEdgesWithCondition(condition: number): Set<number> {
    const sources = new Set<number>();
    this.edges.forEach((e, id) => {
      if (!e || e.condition !== condition) return;
      this.edges[id] = null;
      const list = this.edgesOfNode[e.source];
      list.splice(list.indexOf(id), 1);
      sources.add(e.source);
    });
    return sources;
  }

  /** For each node, the sorted distinct costs of its paths to END. */
  allCostsToEnd(): number[][] {
    const costs: number[][] = this.query.nodes.map(() => []);
    const order = this.query.topologicalOrder().reverse();
    for (const n of order) {
      if (n === this.query.end) {
        costs[n] = [0];
        continue;
      }
      const set = new Set<number>();
      for (const id of this.edgesOfNode[n]) {
        const e = this.edges[id]!;
        for (const c of costs[e.dest]) set.add(e.cost + c);
      }
      costs[n] = [...set].sort((a, b) => a - b);
    }
    return costs;
  }
}

/** Conditions known to give no document after some prefix of conditions (Meilisearch's `DeadEndsCache`). */
export class DeadEnds {
  private readonly next = new Map<number, DeadEnds>();
  readonly forbidden = new Set<number>();

  forbid(c: number): void {
    this.forbidden.add(c);
  }

  forbidAfter(prefix: readonly number[], c: number): void {
    let node: DeadEnds = this;
    for (const p of prefix) {
      let n = node.next.get(p);
      if (!n) node.next.set(p, (n = new DeadEnds()));
      node = n;
    }
    node.forbidden.add(c);
  }

  /** Conditions forbidden right after exactly this prefix (null if the prefix is unknown). */
  after(prefix: readonly number[]): ReadonlySet<number> | null {
    let node: DeadEnds = this;
    for (const p of prefix) {
      const n = node.next.get(p);
      if (!n) return null;
      node = n;
    }
    return node.forbidden;
  }

  /** Union of the conditions forbidden after each prefix of `path`. */
  forAllPrefixes(path: readonly number[]): Set<number> {
    const out = new Set(this.forbidden);
    let node: DeadEnds = this;
    for (const p of path) {
      const n = node.next.get(p);
      if (!n) break;
      node = n;
      for (const c of n.forbidden) out.add(c);
    }
    return out;
  }
}

const BREAK = -1;
type Flow = boolean | typeof BREAK;

/**
 * Calls `visit(path)` for every START→END path of total `cost` (a path = its conditions), depth first in edge
 * order. `visit` returns false to stop. Unconditional edges skip nodes; skipping a node forbids visiting the
 * nodes of its `nodesToSkip` later (the matching strategy removes words in order).
 */
export function visitPaths<C>(
  graph: RankingGraph<C>,
  cost: number,
  allCosts: readonly (readonly number[])[],
  deadEnds: DeadEnds,
  visit: (path: readonly number[]) => boolean,
): void {
  const path: number[] = [];
  const visitedConditions = new Set<number>();
  const visitedNodes = new Set<number>();
  let forbidden = new Set<number>();
  let nodesToSkip: ReadonlySet<number> = NO_NODES;
  let remaining = cost;
  const end = graph.query.end;
  const reaches = (node: number) => allCosts[node].includes(remaining);
  const union = (a: ReadonlySet<number>, b: ReadonlySet<number>) => (b.size === 0 ? a : new Set([...a, ...b]));

  const visitNode = (from: number): Flow => {
    let anyValid = false;
    for (const id of graph.edgesOfNode[from].slice()) {
      const e = graph.edges[id];
      if (!e || remaining < e.cost) continue;
      remaining -= e.cost;
      const flow = e.condition === null ? visitNoCondition(e) : visitCondition(e, e.condition);
      remaining += e.cost;
      if (flow === BREAK) return BREAK;
      if (flow) {
        anyValid = true;
        // A found path may have taught the dead ends that this prefix is empty now: backtrack.
        forbidden = deadEnds.forAllPrefixes(path);
        for (const c of visitedConditions) if (forbidden.has(c)) return true;
      }
    }
    return anyValid;
  };

  const visitNoCondition = (e: GraphEdge): Flow => {
    if (!reaches(e.dest)) return false;
    if (e.dest === end) return visit(path) ? true : BREAK;
    const saved = nodesToSkip;
    nodesToSkip = union(nodesToSkip, e.nodesToSkip);
    const flow = visitNode(e.dest);
    nodesToSkip = saved;
    return flow;
  };

  const visitCondition = (e: GraphEdge, c: number): Flow => {
    if (forbidden.has(c) || nodesToSkip.has(e.dest)) return false;
    for (const n of e.nodesToSkip) if (visitedNodes.has(n)) return false;
    if (!reaches(e.dest)) return false;
    path.push(c);
    visitedNodes.add(e.dest);
    visitedConditions.add(c);
    const savedForbidden = forbidden;
    const next = deadEnds.after(path);
    if (next) forbidden = union(forbidden, next) as Set<number>;
    const savedSkip = nodesToSkip;
    nodesToSkip = union(nodesToSkip, e.nodesToSkip);
    const flow = visitNode(e.dest);
    nodesToSkip = savedSkip;
    forbidden = savedForbidden;
    visitedConditions.delete(c);
    visitedNodes.delete(e.dest);
    path.pop();
    return flow;
  };

  visitNode(graph.query.root);
}
