/**
 * Federated multi-search (spec §1.4): the queries' hits merged into one list by weighted score.
 *
 * As in Meilisearch: queries are grouped by index and run index by index (uid order); within an index
 * the queries' hits are merged (a document seen by an earlier hit is skipped, `federation.distinct`
 * rejects repeated values) and cut to the hits needed; the indexes are then merged the same way. Totals
 * add up each index's candidates. Hits carry `_federation` (`indexUid`, `queriesPosition`,
 * `weightedRankingScore`).
 */
import { EngineError, toEngineError } from '../../../errors/engineError.ts';
import type { EngineContext } from '../../engineContext.ts';
import type { FederatedSearchResponse, Hit } from '../../types/search.ts';
import { unionMany, difference, type DocSet } from '../../storage/docSet.ts';
import { compareUtf8 } from '../../storage/byteCodec.ts';
import { readDocuments } from '../documentShape.ts';
import { formatHits } from '../format/formatHits.ts';
import { computeFacetDistribution } from '../facets/facetDistribution.ts';
import { checkFacetPatterns } from '../facets/facetPatterns.ts';
import { PostingsReader } from '../postingsReader.ts';
import { uuidV7 } from '../../util/uuid.ts';
import type { FederationParams, MultiQuery } from './multiSearchParams.ts';
import { runQuery, type QueryRun } from './queryRun.ts';
import { compareWeighted, weightedValues, type WeightedValue } from './weightedScores.ts';
import { FacetOrderCheck, mergeFacets, toIndexFacets, type IndexFacets } from './federatedFacets.ts';
import { distinctValues, removeRejectedFromFacets } from './federatedDistinct.ts';
import type { RankedHit } from '../pipeline.ts';
import { parseSortExpressions } from '../sort/sortParam.ts';
import { CanonicalRules, checkCompatible, type QueryRules } from './rankingRulesCompat.ts';

/** A hit before formatting, with what merging needs. */
interface Candidate {
  uid: string;
  run: QueryRun;
  query: MultiQuery;
  ranked: RankedHit;
  values: WeightedValue[];
  weighted: number;
}

const firstOf = (a: Candidate, b: Candidate): boolean => {
  const c = compareWeighted(a.values, a.weighted, b.values, b.weighted);
  return c > 0 || (c === 0 && a.query.position < b.query.position);
};

/** Merges sorted lists (each already in order) with `firstOf`, like itertools' `kmerge_by`. */
function* kmerge(lists: Candidate[][]): Generator<Candidate> {
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (at[i] >= lists[i].length) continue;
      if (best < 0 || firstOf(lists[i][at[i]], lists[best][at[best]])) best = i;
    }
    if (best < 0) return;
    yield lists[best][at[best]++];
  }
}

function prefixed(e: unknown, prefix: string): EngineError {
  return toEngineError(e).withPrefix(prefix);
}

/** Hits the pages need from each index: `offset + limit`, or `page × hitsPerPage`. */
function requiredHits(f: FederationParams): number {
  if (f.page === null && f.hitsPerPage === null) return f.limit + f.offset;
  if (f.page === null) return f.hitsPerPage!;
  if (f.page === 0) return 0;
  return (f.hitsPerPage ?? 20) * f.page;
}

/** Federated search: one ranked list of hits from every query. */
export async function federatedSearch(ctx: EngineContext, queries: MultiQuery[], f: FederationParams): Promise<FederatedSearchResponse> {
  const started = performance.now();
  // Checks that need no index, in query order.
  for (const q of queries) {
    const inside = `Inside \`.queries[${q.position}]\`: `;
    const pagination = ['offset', 'limit', 'page', 'hitsPerPage'].find((k) => q.raw[k] !== undefined && q.raw[k] !== null);
    if (pagination) {
      throw new EngineError(
        'invalid_multi_search_query_pagination',
        `${inside}Using pagination options is not allowed in federated queries.\n - Hint: remove \`${pagination}\` from the query or remove \`federation\` from the request\n - Hint: pass \`federation.limit\` and \`federation.offset\` for pagination in federated search`,
      );
    }
    if (q.params.facets && q.params.facets.length) {
      throw new EngineError(
        'invalid_multi_search_query_facets',
        `${inside}Using facet options is not allowed in federated queries.\n - Hint: remove \`facets\` from the query or remove \`federation\` from the request\n - Hint: pass \`federation.facetsByIndex.${q.indexUid}: ${JSON.stringify(q.params.facets).replace(/","/g, '", "')}\` for facets in federated search`,
      );
    }
    if (q.params.distinct !== null && f.distinct !== null) {
      throw new EngineError(
        'invalid_multi_search_distinct',
        `${inside}Using \`distinct\` options is not allowed in federated queries when it also appears in \`.federation.distinct\`.\n - Hint: remove \`distinct\` from the query or remove \`federation\` from the request\n  - Note: \`distinct\` at the query level is discouraged in federated search.`,
      );
    }
  }
  const required = requiredHits(f);
  const exhaustive = f.page !== null || f.hitsPerPage !== null;
  const byIndex = new Map<string, MultiQuery[]>();
  for (const q of queries) byIndex.set(q.indexUid, [...(byIndex.get(q.indexUid) ?? []), q]);
  const orders = f.mergeFacets ? new FacetOrderCheck() : null;
  let previousRules: QueryRules | null = null;
  const perIndex: Candidate[][] = [];
  const facetsByIndex = new Map<string, IndexFacets>();
  let total = 0;
  for (const uid of [...byIndex.keys()].sort(compareUtf8)) {
    const qs = byIndex.get(uid)!;
    const first = `Inside \`.queries[${qs[0].position}]\`: `;
    let state;
    try {
      state = await ctx.catalog.state(uid);
    } catch (e) {
      throw prefixed(e, first);
    }
    const patterns = f.facetsByIndex.get(uid) ?? null;
    try {
      if (orders && patterns) orders.check(state, patterns);
    } catch (e) {
      throw prefixed(prefixed(e, `Inside \`.federation.facetsByIndex.${uid}\`: `), first);
    }
    const runs: QueryRun[] = [];
    for (const q of qs) {
      try {
        // Hits of every query must be comparable: checked before the query runs, as Meilisearch does.
        const sort = q.params.sort ? parseSortExpressions(q.params.sort, 'invalid_search_sort') : null;
        const placeholder = (q.params.q ?? '').trim() === '';
        const rules = new CanonicalRules(state.settings.rankingRules, sort, placeholder, q.params.matchingStrategy);
        previousRules = checkCompatible({ rules, query: q.position, uid }, previousRules);
        runs.push(await runQuery(ctx, state, q.params, Math.min(required, state.settings.pagination.maxTotalHits), exhaustive, f.distinct));
      } catch (e) {
        throw prefixed(e, `Inside \`.queries[${q.position}]\`: `);
      }
    }
    let candidates: DocSet = unionMany(runs.map((r) => r.candidates));
    const lists = runs.map((run, k) =>
      run.page.map((ranked) => {
        const weight = qs[k].weight ?? 1;
        return { uid, run, query: qs[k], ranked, values: weightedValues(ranked, weight), weighted: (ranked.score ?? 1) * weight };
      }),
    );
    const seen = new Set<number>();
    const distinct = f.distinct ? await distinctValues(state, new PostingsReader(ctx.store, state, ctx.postings), f.distinct) : null;
    const taken = new Set<string>();
    const kept: Candidate[] = [];
    const rejected: number[] = [];
    for (const c of kmerge(lists)) {
      if (kept.length >= required) break;
      if (seen.has(c.ranked.docid)) continue;
      seen.add(c.ranked.docid);
      if (distinct) {
        const values = distinct(c.ranked.docid);
        if (values.some((v) => taken.has(v))) {
          rejected.push(c.ranked.docid);
          continue;
        }
        for (const v of values) taken.add(v);
      }
      kept.push(c);
    }
    if (rejected.length) candidates = difference(candidates, Uint32Array.from(rejected).sort());
    total += candidates.length;
    perIndex.push(kept);
    if (patterns) {
      try {
        const reader = new PostingsReader(ctx.store, state, ctx.postings);
        checkFacetPatterns(state.settings.filterableAttributes, patterns);
        facetsByIndex.set(uid, toIndexFacets(await computeFacetDistribution(reader, state, candidates, patterns)));
      } catch (e) {
        throw prefixed(prefixed(e, `Inside \`.federation.facetsByIndex.${uid}\`: `), first);
      }
    }
  }
  await checkUnusedFacets(ctx, f, byIndex, orders);
  // Global merge across indexes, with the federation's distinct across them too.
  const [skip, take] = f.page === null && f.hitsPerPage === null ? [f.offset, f.limit] : f.page === 0 ? [0, 0] : [((f.page ?? 1) - 1) * (f.hitsPerPage ?? 20), f.hitsPerPage ?? 20];
  const taken = new Set<string>();
  const rejectedByIndex = new Map<string, number[]>();
  const merged: Candidate[] = [];
  let skipped = 0;
  const distinctOf = new Map<string, (doc: number) => string[]>();
  for (const c of kmerge(perIndex)) {
    if (f.distinct) {
      let get = distinctOf.get(c.uid);
      if (!get) distinctOf.set(c.uid, (get = await distinctValues(c.run.state, c.run.reader, f.distinct)));
      const values = get(c.ranked.docid);
      if (values.some((v) => taken.has(v))) {
        total--;
        rejectedByIndex.set(c.uid, [...(rejectedByIndex.get(c.uid) ?? []), c.ranked.docid]);
        continue;
      }
      for (const v of values) taken.add(v);
    }
    if (skipped < skip) {
      skipped++;
      continue;
    }
    // Without distinct, nothing past the page matters; with it, rejected hits still fix the facets up.
    if (merged.length < take) merged.push(c);
    else if (!f.distinct) break;
  }
  for (const [uid, docs] of rejectedByIndex) {
    const facets = facetsByIndex.get(uid);
    if (facets) await removeRejectedFromFacets(ctx, uid, facets, docs);
  }
  const hits = await formatMerged(ctx, merged);
  const response: FederatedSearchResponse = { hits, processingTimeMs: 0 };
  if (f.page === null && f.hitsPerPage === null) Object.assign(response, { limit: f.limit, offset: f.offset, estimatedTotalHits: total });
  else {
    const hitsPerPage = f.hitsPerPage ?? 20;
    Object.assign(response, { hitsPerPage, page: f.page ?? 1, totalPages: hitsPerPage === 0 ? 0 : Math.ceil(total / hitsPerPage), totalHits: total });
  }
  if (orders && f.mergeFacets) {
    const m = mergeFacets(facetsByIndex, orders, f.mergeFacets.maxValuesPerFacet);
    if (m) Object.assign(response, m);
  } else if (facetsByIndex.size) {
    const out: Record<string, IndexFacets> = {};
    for (const uid of [...facetsByIndex.keys()].sort(compareUtf8)) out[uid] = facetsByIndex.get(uid)!;
    response.facetsByIndex = out;
  }
  response.requestUid = uuidV7();
  response.processingTimeMs = Math.round(performance.now() - started);
  return response;
}

/** `facetsByIndex` entries for indexes no query uses are still checked (Meilisearch's `check_unused_facets`). */
async function checkUnusedFacets(ctx: EngineContext, f: FederationParams, used: Map<string, MultiQuery[]>, orders: FacetOrderCheck | null): Promise<void> {
  for (const [uid, patterns] of f.facetsByIndex) {
    if (used.has(uid)) continue;
    const note = `\n - Note: index \`${uid}\` is not used in queries`;
    try {
      const state = await ctx.catalog.state(uid);
      if (orders && patterns) orders.check(state, patterns);
      if (patterns) checkFacetPatterns(state.settings.filterableAttributes, patterns);
    } catch (e) {
      const err = toEngineError(e);
      throw new EngineError(err.code, `Inside \`.federation.facetsByIndex.${uid}\`: ${err.message}${note}`);
    }
  }
}

/** Formats the merged hits with their own query's parameters, adding `_federation` after the document. */
async function formatMerged(ctx: EngineContext, merged: Candidate[]): Promise<Hit[]> {
  const out: Hit[] = new Array(merged.length);
  const groups = new Map<QueryRun, number[]>();
  merged.forEach((c, i) => groups.set(c.run, [...(groups.get(c.run) ?? []), i]));
  for (const [run, idx] of groups) {
    const docs = await readDocuments(ctx, run.state, idx.map((i) => merged[i].ranked.docid));
    const hits = formatHits(run.state, docs, idx.map((i) => merged[i].ranked), run.params, run.words);
    hits.forEach((hit, k) => {
      const c = merged[idx[k]];
      out[idx[k]] = withFederation(hit, { indexUid: c.uid, queriesPosition: c.query.position, weightedRankingScore: c.weighted });
    });
  }
  return out;
}

const META = ['_formatted', '_matchesPosition', '_rankingScore', '_rankingScoreDetails'];

function withFederation(hit: Hit, federation: NonNullable<Hit['_federation']>): Hit {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(hit)) if (!META.includes(k)) out[k] = v;
  out._federation = federation;
  for (const k of META) if (k in hit) out[k] = (hit as Record<string, unknown>)[k];
  return out as Hit;
}
