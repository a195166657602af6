/**
 * The query graph (Meilisearch's `QueryGraph`): every way to read the query, from START to END. Nodes are term
 * subsets (words, n-grams, phrases); an edge means "may follow in the query". `query "summer house"` gives
 * START → summer → house → END and START → summerhouse → END.
 *
 * Ranking rules receive a graph and hand the next rule the sub-graph of the paths that produced their bucket,
 * so a later rule only considers the readings (and derivations) an earlier rule kept.
 */
import { EMPTY, union, type DocSet } from '../../storage/docSet.ts';
import {
  fullSubset,
  intersectSubsets,
  locatedKey,
  subsetOriginalPhrase,
  type LocatedSubset,
  type QueryTerm,
} from './queryTerm.ts';

export type QueryNode = { kind: 'start' } | { kind: 'end' } | { kind: 'deleted' } | { kind: 'term'; term: LocatedSubset };

/** A term at its place in the query. */
export interface LocatedTerm {
  term: QueryTerm;
  positions: [number, number];
}

function sorted(s: ReadonlySet<number>): number[] {
  return [...s].sort((a, b) => a - b);
}

export class QueryGraph {
  readonly root = 0;
  readonly end = 1;

  constructor(
    readonly nodes: QueryNode[],
    readonly preds: Set<number>[],
    readonly succs: Set<number>[],
  ) {}

  /** Graph over the original terms (`termIds` = index in `originals`) plus their n-gram nodes. */
  static fromNodes(terms: readonly LocatedSubset[]): QueryGraph {
    const nodes: QueryNode[] = [{ kind: 'start' }, { kind: 'end' }, ...terms.map((t): QueryNode => ({ kind: 'term', term: t }))];
    const g = new QueryGraph(
      nodes,
      nodes.map(() => new Set()),
      nodes.map(() => new Set()),
    );
    g.buildInitialEdges();
    return g;
  }

  /** Each node is followed by the nodes starting at the smallest term id after its last one. */
  private buildInitialEdges(): void {
    for (let id = 0; id < this.nodes.length; id++) {
      const n = this.nodes[id];
      if (n.kind === 'deleted' || n.kind === 'end') continue;
      const endPrev = n.kind === 'term' ? n.term.termIds[1] : -1;
      let min = Infinity;
      let succ: number[] = [];
      this.nodes.forEach((m, mid) => {
        let startNext: number;
        if (m.kind === 'term') startNext = m.term.termIds[0];
        else if (m.kind === 'end') startNext = Number.MAX_SAFE_INTEGER;
        else return;
        if (startNext <= endPrev) return;
        if (startNext < min) {
          min = startNext;
          succ = [mid];
        } else if (startNext === min) succ.push(mid);
      });
      for (const s of succ) {
        this.succs[id].add(s);
        this.preds[s].add(id);
      }
    }
  }

  clone(): QueryGraph {
    return new QueryGraph(
      this.nodes.slice(),
      this.preds.map((s) => new Set(s)),
      this.succs.map((s) => new Set(s)),
    );
  }

  successors(n: number): number[] {
    return sorted(this.succs[n]);
  }

  predecessors(n: number): number[] {
    return sorted(this.preds[n]);
  }

  /** Removes nodes, linking each one's predecessors to its successors (matching strategy). */
  removeNodesKeepEdges(ids: Iterable<number>): void {
    for (const id of ids) {
      const p = [...this.preds[id]];
      const s = [...this.succs[id]];
      for (const x of p) {
        this.succs[x].delete(id);
        for (const y of s) this.succs[x].add(y);
      }
      for (const y of s) {
        this.preds[y].delete(id);
        for (const x of p) this.preds[y].add(x);
      }
      this.nodes[id] = { kind: 'deleted' };
      this.preds[id].clear();
      this.succs[id].clear();
    }
  }

  /** Term node ids. */
  termNodes(): number[] {
    const out: number[] = [];
    this.nodes.forEach((n, i) => {
      if (n.kind === 'term') out.push(i);
    });
    return out;
  }

  /** Node ids ordered so that each comes after its predecessors. */
  topologicalOrder(): number[] {
    const indeg = this.nodes.map((_, i) => this.preds[i].size);
    const queue = [this.root];
    const out: number[] = [];
    while (queue.length) {
      const n = queue.shift()!;
      out.push(n);
      for (const s of this.successors(n)) if (--indeg[s] === 0) queue.push(s);
    }
    return out;
  }

  /** Number of words in the phrases of the graph (they raise the words rule's maximum). */
  wordsInPhrasesCount(): number {
    let n = 0;
    for (const id of this.termNodes()) {
      const node = this.nodes[id];
      if (node.kind !== 'term') continue;
      const p = subsetOriginalPhrase(node.term.subset);
      if (p) n += p.words.filter((w) => w !== null).length;
    }
    return n;
  }

  /**
   * Groups of nodes in the order the matching strategy removes them, given each term id's removal rank
   * (lower = removed first). Phrases and mandatory terms are never removed; without them, the last group
   * (holding the most important term) is kept too.
   */
  removalOrder(rankOfTermId: (id: number) => number): number[][] {
    const groups = new Map<number, number[]>();
    let mandatory = false;
    for (const id of this.termNodes()) {
      const node = this.nodes[id];
      if (node.kind !== 'term') continue;
      const t = node.term;
      if (subsetOriginalPhrase(t.subset) || t.subset.mandatory) {
        mandatory = true;
        continue;
      }
      let cost = 0;
      for (let k = t.termIds[0]; k <= t.termIds[1]; k++) cost = Math.max(cost, rankOfTermId(k));
      let g = groups.get(cost);
      if (!g) groups.set(cost, (g = []));
      g.push(id);
    }
    const res = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
    if (!mandatory) res.pop();
    return res;
  }

  /** `last`: the last query word first. */
  removalOrderLast(): number[][] {
    let first = Infinity;
    let last = 0;
    for (const id of this.termNodes()) {
      const node = this.nodes[id];
      if (node.kind !== 'term') continue;
      last = Math.max(last, node.term.termIds[1]);
      first = Math.min(first, node.term.termIds[0]);
    }
    if (first >= last) return [];
    return this.removalOrder((id) => 1 + last - id);
  }

  /** `frequency`: the terms matching most documents first (no match counts as the most frequent). */
  removalOrderFrequency(docsOfNode: (node: number) => DocSet): number[][] {
    const perTerm = new Map<number, DocSet>();
    for (const id of this.termNodes()) {
      const node = this.nodes[id];
      if (node.kind !== 'term') continue;
      const docs = docsOfNode(id);
      for (let t = node.term.termIds[0]; t <= node.term.termIds[1]; t++) perTerm.set(t, union(perTerm.get(t) ?? EMPTY, docs));
    }
    const freq = [...perTerm.entries()].sort((a, b) => a[0] - b[0]).map(([id, d]) => [id, d.length === 0 ? Infinity : d.length] as const);
    // Stable sort by descending frequency; equal frequencies share a rank.
    const byFreq = [...freq].sort((a, b) => (b[1] === a[1] ? 0 : b[1] > a[1] ? 1 : -1));
    const rank = new Map<number, number>();
    let w = 1;
    byFreq.forEach(([id, f], i) => {
      rank.set(id, w);
      if (i + 1 < byFreq.length && byFreq[i + 1][1] !== f) w++;
    });
    return this.removalOrder((id) => rank.get(id)!);
  }

  /**
   * The graph made of these paths (lists of [start subset | null, end subset] pairs from the conditions of a
   * bucket's good paths). Nodes with the same subset and the same suffix are shared.
   */
  static buildFromPaths(paths: readonly (readonly [LocatedSubset | null, LocatedSubset])[][]): QueryGraph {
    const singles: LocatedSubset[][] = paths.map((path) => {
      const out: LocatedSubset[] = [];
      let prevDest: LocatedSubset | null = null;
      for (const [start, dest] of path) {
        if (prevDest) {
          if (start) {
            if (start.termIds[0] === prevDest.termIds[0] && start.termIds[1] === prevDest.termIds[1]) {
              out.push({ ...start, subset: intersectSubsets(start.subset, prevDest.subset) });
            } else {
              out.push(prevDest, start);
            }
          } else out.push(prevDest);
        } else if (start) out.push(start);
        prevDest = dest;
      }
      if (prevDest) out.push(prevDest);
      return out;
    });
    const nodes: QueryNode[] = [{ kind: 'start' }, { kind: 'end' }];
    const idOf = new Map<string, number>();
    const pathIds = singles.map((path) => {
      const keys = path.map(locatedKey);
      return path.map((t, i) => {
        const key = keys.slice(i).join('\u0003');
        let id = idOf.get(key);
        if (id === undefined) {
          id = nodes.length;
          nodes.push({ kind: 'term', term: t });
          idOf.set(key, id);
        }
        return id;
      });
    });
    const g = new QueryGraph(
      nodes,
      nodes.map(() => new Set()),
      nodes.map(() => new Set()),
    );
    for (const ids of pathIds) {
      let prev = g.root;
      for (const id of ids) {
        g.succs[prev].add(id);
        g.preds[id].add(prev);
        prev = id;
      }
      g.succs[prev].add(g.end);
      g.preds[g.end].add(prev);
    }
    return g;
  }
}

/** Located subsets of the full terms: index i covers term id i; n-grams cover their words' ids. */
export function fullLocated(term: QueryTerm, positions: [number, number], termIds: [number, number]): LocatedSubset {
  return { subset: fullSubset(term), positions, termIds };
}
