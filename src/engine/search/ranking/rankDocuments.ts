/**
 * Candidates and their order (relevance layer entry point, spec §5): negative words/phrases leave the universe,
 * the matching strategy's most reduced query gives the candidates, then the bucket sort over the effective
 * ranking rules; scores and details per hit; totals (distinct-aware for finite pagination).
 */
import { difference, intersect, unionMany, type DocSet } from '../../storage/docSet.ts';
import type { RankedHit, RankingInput, RankingOutput } from '../pipeline.ts';
import type { RelevanceQuery } from '../query/parseQuery.ts';
import type { QueryGraph } from '../query/queryGraph.ts';
import type { MatchingStrategy } from '../../types/search.ts';
import { bucketSort } from './bucketSort.ts';
import { DistinctTracker } from './distinctRule.ts';
import { placeholderRules, queryRules, unifiedAttribute, type RuleDeps } from './ruleList.ts';
import { detailsToJson, globalScore } from './scoreDetails.ts';
import type { TermResolver } from './termDocs.ts';

/** Meilisearch's default `searchCutoffMs`. */
export const DEFAULT_SEARCH_CUTOFF_MS = 1500;

/** Documents excluded by `-word` and `-"phrase"`. */
function negativeDocs(q: RelevanceQuery, universe: DocSet): DocSet {
  const parts: DocSet[] = q.negativeWords.map((w) => intersect(q.data.wordDocs(w, true), universe));
  for (const p of q.negativePhrases) parts.push(q.terms.phraseDocs(p));
  return unionMany(parts);
}

/** Candidates: documents matching the query with every removable term group removed (`all`: nothing removed). */
export function resolveUniverse(terms: TermResolver, graph: QueryGraph, strategy: MatchingStrategy, universe: DocSet): DocSet {
  const g = graph.clone();
  let remove: number[][] = [];
  if (strategy === 'last') remove = graph.removalOrderLast();
  else if (strategy === 'frequency') remove = graph.removalOrderFrequency((n) => termNodeDocs(terms, graph, n));
  g.removeNodesKeepEdges(remove.flat());
  return terms.graphDocs(g, universe);
}

function termNodeDocs(terms: TermResolver, graph: QueryGraph, n: number): DocSet {
  const node = graph.nodes[n];
  return node.kind === 'term' ? terms.subsetDocs(node.term.subset, null) : new Uint32Array(0);
}

export async function rankDocuments(input: RankingInput): Promise<RankingOutput> {
  const { state, params } = input;
  const settings = state.settings;
  const q = input.query as RelevanceQuery | null;
  const deadline = performance.now() + (settings.searchCutoffMs ?? DEFAULT_SEARCH_CUTOFF_MS);
  let universe = input.universe;
  const deps: RuleDeps = { settings, sort: input.sort, sortSource: input.sortSource };
  let rules = placeholderRules(deps);
  let graph: QueryGraph | null = null;
  if (q) {
    universe = difference(universe, negativeDocs(q, universe));
    if (q.graph) {
      graph = q.graph;
      const strategy = params.matchingStrategy;
      universe = intersect(universe, resolveUniverse(q.terms, graph, strategy, universe));
      rules = queryRules({ ...deps, terms: q.terms }, strategy, (s) => q.terms.subsetDocs(s.subset, null));
    }
  }
  const distinct = input.distinct && input.distinctSource ? new DistinctTracker(input.distinctSource, universe) : null;
  const detailed = params.showRankingScore || params.showRankingScoreDetails || params.rankingScoreThreshold !== null;
  const out = await bucketSort({
    rules,
    query: graph,
    universe,
    from: input.offset,
    length: input.limit,
    detailed,
    distinct,
    deadline,
    threshold: params.rankingScoreThreshold,
    exhaustive: input.exhaustive,
    maxTotalHits: settings.pagination.maxTotalHits,
  });
  let candidates = out.allCandidates;
  if (input.exhaustive && distinct) candidates = await distinct.distinctCount(candidates);
  const unified = unifiedAttribute(settings);
  const page: RankedHit[] = out.docids.map((docid, i) => {
    const s = out.scores[i];
    const hit: RankedHit = { docid, score: globalScore(s), scoreDetails: s };
    if (params.showRankingScoreDetails) hit.details = detailsToJson(s, unified);
    return hit;
  });
  await addGeoDistances(input, page);
  return { page, candidates, totalHits: candidates.length };
}

/** `_geoDistance` of each hit when sorting around a point: distance of its `_geo` to the first sort point. */
async function addGeoDistances(input: RankingInput, page: RankedHit[]): Promise<void> {
  const geo = input.sort.find((c) => 'geo' in c.member);
  if (!geo || !('geo' in geo.member) || page.length === 0) return;
  const docs = Uint32Array.from(page.map((h) => h.docid)).sort();
  const byDoc = new Map<number, number>();
  for await (const b of input.sortSource.geoBuckets(geo.member.geo, 'asc', docs)) {
    if (b.distance === null) continue;
    for (const d of b.docs) byDoc.set(d, Math.round(b.distance));
  }
  for (const h of page) {
    const d = byDoc.get(h.docid);
    if (d !== undefined) h.geoDistance = d;
  }
}
