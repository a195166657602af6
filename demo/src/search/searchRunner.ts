/**
 * Runs the searches of one UI state: the main search (hits, facet counts, stats) and one count-only search per
 * refined field without its own refinements, so a refinement list keeps showing the other values it can add.
 *
 * Features the running engine does not have yet (`feature_not_enabled`) are dropped and reported, so the demo
 * keeps working while the library grows; the UI lists what was dropped.
 */
import type { ClientIndex, SearchParams, SearchResponse } from 'pocketsearch';
import { errorCode } from '../ui/dom.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../ui/highlight.ts';
import type { IndexProfile } from './indexProfile.ts';
import { buildFilter, type SearchState } from './searchState.ts';

export type Feature = 'filter' | 'facets' | 'sort' | 'highlight';

export interface SearchOutcome {
  response: SearchResponse;
  /** Value counts per facet field (for refined fields, counted without that field's own refinements). */
  facets: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
  /** Features that were requested but that the engine refused as not available yet. */
  unavailable: Feature[];
}

const FEATURE_PARAMS: Record<Feature, (keyof SearchParams)[]> = {
  filter: ['filter'],
  facets: ['facets'],
  sort: ['sort'],
  highlight: ['attributesToHighlight', 'attributesToCrop', 'highlightPreTag', 'highlightPostTag', 'cropLength'],
};

function without(params: SearchParams, features: Iterable<Feature>): SearchParams {
  const out: SearchParams = { ...params };
  for (const f of features) for (const key of FEATURE_PARAMS[f]) delete out[key];
  return out;
}

function usedFeatures(params: SearchParams): Feature[] {
  return (Object.keys(FEATURE_PARAMS) as Feature[]).filter((f) => FEATURE_PARAMS[f].some((k) => params[k] !== undefined && params[k] !== null));
}

export class SearchRunner {
  /** Features found missing once; not asked for again until the page reloads or the engine restarts. */
  readonly missing = new Set<Feature>();

  /** Searches, dropping features the engine refuses as not available, one at a time. */
  private async search(index: ClientIndex, q: string, params: SearchParams): Promise<SearchResponse> {
    for (;;) {
      try {
        return (await index.search(q, without(params, this.missing))) as SearchResponse;
      } catch (e) {
        if (errorCode(e) !== 'feature_not_enabled') throw e;
        const message = e instanceof Error ? e.message.toLowerCase() : '';
        const candidates = usedFeatures(without(params, this.missing));
        const guess = candidates.find((f) => message.includes(f === 'highlight' ? 'highlight' : f === 'facets' ? 'facet' : f === 'sort' ? 'sort' : 'filter')) ?? candidates[0];
        if (!guess) throw e;
        this.missing.add(guess);
      }
    }
  }

  async run(index: ClientIndex, profile: IndexProfile, state: SearchState): Promise<SearchOutcome> {
    const facetFields = [...profile.facetFields, ...profile.rangeFields];
    const main: SearchParams = {
      page: state.page,
      hitsPerPage: state.hitsPerPage,
      filter: buildFilter(state),
      facets: facetFields.length ? facetFields : null,
      sort: state.sort ? [state.sort] : null,
      attributesToHighlight: ['*'],
      attributesToCrop: profile.titleField ? profile.cardFields : null,
      cropLength: 24,
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
      showRankingScore: true,
    };
    const refined = [...state.refinements].filter(([, values]) => values.size > 0).map(([field]) => field);
    const [response, ...disjunctive] = await Promise.all([
      this.search(index, state.q, main),
      ...refined.map((field) => this.search(index, state.q, { filter: buildFilter(state, field), facets: [field], limit: 0 })),
    ]);
    const facets: Record<string, Record<string, number>> = { ...(response.facetDistribution ?? {}) };
    refined.forEach((field, i) => {
      const counts = disjunctive[i].facetDistribution?.[field];
      if (counts) facets[field] = counts;
    });
    const unavailable = usedFeatures(main).filter((f) => this.missing.has(f));
    if (refined.length && this.missing.has('filter')) unavailable.push('filter');
    return { response, facets, facetStats: response.facetStats ?? {}, unavailable: [...new Set(unavailable)] };
  }
}
