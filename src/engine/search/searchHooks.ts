/**
 * Entry points completed by the filters/facets layer: facet search and filtered/sorted document listing.
 */
import { EngineError } from '../../errors/engineError.ts';
import type { EngineContext } from '../engineContext.ts';
import type { IndexState } from '../indexes/indexState.ts';
import type { DocumentsQuery } from '../types/indexes.ts';
import type { FacetSearchParams, FacetSearchResponse } from '../types/search.ts';

// TODO(issue 4): facet search and filtered document listing land with the filters issue.
export async function searchFacetValues(_ctx: EngineContext, _uid: string, _params: FacetSearchParams): Promise<FacetSearchResponse> {
  throw new EngineError('feature_not_enabled', 'Facet search is not available yet.');
}

export async function selectDocuments(_ctx: EngineContext, _state: IndexState, _q: DocumentsQuery, _base: Uint32Array): Promise<Uint32Array> {
  throw new EngineError('feature_not_enabled', 'Filtering documents is not available yet.');
}
