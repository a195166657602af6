/** `q` → the relevance layer's query (null for a placeholder search). */
import type { IndexState } from '../../indexes/indexState.ts';
import type { ResolvedSearchParams } from '../searchParams.ts';
import type { ParsedQuery } from '../pipeline.ts';
import { parseBasicQuery, type BasicTerm } from './basicQuery.ts';

export interface BasicParsedQuery extends ParsedQuery {
  terms: BasicTerm[];
}

export function parseQuery(state: IndexState, p: ResolvedSearchParams): BasicParsedQuery | null {
  const q = p.q ?? '';
  if (q.trim() === '') return null;
  const terms = parseBasicQuery(state.analyzer(), q, state.settings.prefixSearch !== 'disabled');
  if (terms.length === 0) return null;
  return {
    terms,
    matchingWords: {
      terms: terms.map((t, i) => ({ queryPositions: [i, i], words: t.prefix ? [] : [t.word], prefixes: t.prefix ? [t.word] : [], phrases: [] })),
    },
  };
}
