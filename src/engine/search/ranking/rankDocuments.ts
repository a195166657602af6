/** Candidates and their order (relevance layer). */
import { EngineError } from '../../../errors/engineError.ts';
import type { RankingInput, RankingOutput } from '../pipeline.ts';
import type { BasicParsedQuery } from '../query/parseQuery.ts';
import { rankBasic } from './basicRanking.ts';

export async function rankDocuments(input: RankingInput): Promise<RankingOutput> {
  const { universe, offset, limit } = input;
  if (input.sort.length || input.distinct) throw new EngineError('feature_not_enabled', 'Sort and distinct are not available yet.');
  const need = offset + limit;
  const query = input.query as BasicParsedQuery | null;
  if (!query) {
    return { page: Array.from(universe.subarray(offset, need), (docid) => ({ docid, score: 1 })), candidates: universe, totalHits: universe.length };
  }
  const { ranked, total } = await rankBasic(input.reader, input.state.dictionary(), query.terms, universe, need);
  return { page: ranked.slice(offset, need).map((docid) => ({ docid })), candidates: universe, totalHits: total };
}
