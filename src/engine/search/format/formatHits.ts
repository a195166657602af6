/** Hits as returned: retrieved attributes, and `_formatted`/`_matchesPosition`/scores when asked (formatting layer). */
import { EngineError } from '../../../errors/engineError.ts';
import type { IndexState } from '../../indexes/indexState.ts';
import type { DocumentRecord } from '../../indexes/indexRecords.ts';
import type { Hit } from '../../types/search.ts';
import type { ResolvedSearchParams } from '../searchParams.ts';
import type { MatchingWords, RankedHit } from '../pipeline.ts';
import { retrievedSelectors, shapeDocument } from '../documentShape.ts';

// TODO(issue 4): highlighting, cropping and match positions land with the filters issue.
export function formatHits(state: IndexState, docs: DocumentRecord[], page: RankedHit[], p: ResolvedSearchParams, _words: MatchingWords | null): Hit[] {
  if (p.attributesToHighlight?.length || p.attributesToCrop?.length || p.showMatchesPosition) {
    throw new EngineError('feature_not_enabled', 'Highlighting and cropping are not available yet.');
  }
  const selectors = retrievedSelectors(state.settings.displayedAttributes, p.attributesToRetrieve);
  return docs.map((r, i) => {
    const hit: Hit = shapeDocument(state, r.doc, selectors, p.retrieveVectors);
    const ranked = page[i];
    if (ranked.geoDistance !== undefined) hit._geoDistance = ranked.geoDistance;
    if (p.showRankingScore && ranked.score !== undefined) hit._rankingScore = ranked.score;
    if (p.showRankingScoreDetails && ranked.details !== undefined) hit._rankingScoreDetails = ranked.details;
    return hit;
  });
}
